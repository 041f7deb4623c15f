# Reference fits for natgrad's GLM tests (issue 16): R's glm at epsilon 1e-14, printed with 17
# significant digits. Data are R's `datasets` (warpbreaks, InsectSprays, infert, esoph) and the
# examples of ?glm (Dobson's counts; McCullagh & Nelder's clotting times), written out as CSV with
# factors as text; Longley's regression (condition number about 5e9) tests attainable accuracy. Run: Rscript scripts/reference/glm.R natgrad-core/src/test/resources/glm
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "."
options(digits = 17)
write_data <- function(df, name) {
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
}
dobson <- data.frame(counts = c(18, 17, 15, 20, 10, 20, 25, 13, 12),
                     outcome = paste0("o", gl(3, 1, 9)), treatment = paste0("t", gl(3, 3)))
write_data(dobson, "dobson")
clotting <- data.frame(u = c(5, 10, 15, 20, 30, 40, 60, 80, 100),
                       lot1 = c(118, 58, 42, 35, 27, 25, 21, 19, 18))
write_data(clotting, "clotting")
wb <- warpbreaks
wb$wool <- as.character(wb$wool); wb$tension <- as.character(wb$tension)
write_data(wb, "warpbreaks")
ins <- InsectSprays; ins$spray <- as.character(ins$spray)
write_data(ins, "insectsprays")
inf <- infert[, c("case", "spontaneous", "induced", "age", "parity")]
write_data(inf, "infert")
write_data(longley, "longley")
es <- esoph
es$agegp <- as.character(es$agegp); es$tobgp <- as.character(es$tobgp)
es$alcgp <- as.character(es$alcgp)
write_data(es, "esoph")

cases <- list(
  list("dobson", counts ~ outcome + treatment, poisson()),
  list("clotting", lot1 ~ log(u), Gamma()),
  list("clotting", lot1 ~ log(u), inverse.gaussian()),
  list("clotting", lot1 ~ log(u), Gamma(link = "log")),
  list("warpbreaks", breaks ~ wool + tension, poisson()),
  list("warpbreaks", breaks ~ wool * tension, gaussian()),
  list("warpbreaks", breaks ~ wool + tension, gaussian(link = "log")),
  list("insectsprays", count ~ spray, poisson()),
  list("insectsprays", count ~ spray, poisson(link = "sqrt")),
  list("infert", case ~ spontaneous + induced, binomial()),
  list("infert", case ~ spontaneous + induced + age, binomial(link = "probit")),
  list("infert", case ~ spontaneous + induced, binomial(link = "cloglog")),
  list("esoph", cbind(ncases, ncontrols) ~ agegp + tobgp + alcgp, binomial()),
  list("longley", Employed ~ GNP.deflator + GNP + Unemployed + Armed.Forces + Population + Year,
       gaussian())
)
sink(file.path(out, "fits.txt"))
for (k in seq_along(cases)) {
  cs <- cases[[k]]
  d <- read.csv(file.path(out, paste0(cs[[1]], ".csv")), stringsAsFactors = TRUE)
  fit <- glm(cs[[2]], family = cs[[3]], data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
  s <- summary(fit)
  cat("case", k, "\n")
  cat("data", cs[[1]], "\n")
  cat("formula", deparse(cs[[2]]), "\n")
  cat("family", fit$family$family, "\n")
  cat("link", fit$family$link, "\n")
  co <- coef(fit)
  se <- rep(NA, length(co)); names(se) <- names(co)
  se[rownames(s$coefficients)] <- s$coefficients[, 2]
  for (j in seq_along(co)) cat("coef", names(co)[j], format(co[j], digits = 17), format(se[j], digits = 17), "\n")
  cat("deviance", format(fit$deviance, digits = 17), "\n")
  cat("null.deviance", format(fit$null.deviance, digits = 17), "\n")
  cat("df.residual", fit$df.residual, "\n")
  cat("df.null", fit$df.null, "\n")
  cat("aic", format(fit$aic, digits = 17), "\n")
  cat("dispersion", format(s$dispersion, digits = 17), "\n")
  cat("end\n")
}
sink()
cat(R.version.string, "\n", file = file.path(out, "fits-R-version.txt"))
