package io.natgrad.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.natgrad.core.glm.DataTable;
import io.natgrad.core.glm.Family;
import io.natgrad.core.glm.Formula;
import io.natgrad.core.glm.GlmFit;
import io.natgrad.core.glm.GlmFitter;
import io.natgrad.core.glm.GlmSummary;
import io.natgrad.core.glm.Link;
import io.natgrad.core.glm.ModelFrame;
import io.natgrad.rl.io.Csv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code natgrad glm}: a generalized linear model fitted by Fisher scoring (R's {@code glm.fit}:
 * the paper's natural gradient with the exact Fisher and step 1) from a CSV file and an R-style
 * formula; prints a summary laid out like R's {@code summary.glm} and, with {@code --out}, writes
 * {@code glm.json}, {@code summary.txt} and {@code residuals.csv}.
 */
@Command(name = "glm", mixinStandardHelpOptions = true,
    description = "Fit a generalized linear model by Fisher scoring (R's glm), from a CSV file "
        + "and an R-style formula.")
public final class GlmCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "CSV",
      description = "CSV file with a header line; text columns are factors.")
  Path data;

  @Option(names = "--formula", required = true, description = "R-style formula, e.g. "
      + "'y ~ x1 + log(x2) + a*b - 1' or 'cbind(successes, failures) ~ dose'.")
  String formula;

  @Option(names = "--family", defaultValue = "gaussian", description = "gaussian, binomial, "
      + "poisson, Gamma or inverse.gaussian (default ${DEFAULT-VALUE}).")
  String family;

  @Option(names = "--link", description = "The link (default: the family's canonical one).")
  String link;

  @Option(names = "--offset", paramLabel = "COLUMN", description = "A numeric column added to "
      + "the linear predictor (e.g. log exposure).")
  String offset;

  @Option(names = "--weights", paramLabel = "COLUMN", description = "Prior weights (binomial: "
      + "trials of a proportion response).")
  String weights;

  @Option(names = "--reference", paramLabel = "COLUMN=LEVEL", description = "A factor's "
      + "reference level (default: the first in sorted order); repeatable.")
  Map<String, String> references = new LinkedHashMap<>();

  @Option(names = "--epsilon", defaultValue = "1e-8", description = "Convergence tolerance ε of "
      + "|D − D_old| / (|D| + 0.1) (default ${DEFAULT-VALUE}).")
  double epsilon;

  @Option(names = "--maxit", defaultValue = "25", description = "At most this many iterations "
      + "(default ${DEFAULT-VALUE}).")
  int maxit;

  @Option(names = "--out", paramLabel = "DIR", description = "Write glm.json, summary.txt and "
      + "residuals.csv here.")
  Path out;

  @Option(names = "--predict", paramLabel = "CSV", description = "New data (the formula's "
      + "columns, the response not needed): writes predictions.csv into --out (η, its standard "
      + "error, μ).")
  Path predict;

  @Option(names = "--metric", description = "Fit by the core's optimizer with this metric instead "
      + "of R's glm.fit: fisher (exact), mc-fisher (Monte-Carlo, --samples draws), "
      + "empirical-fisher (BHHH) or euclidean (gradient descent).")
  String metric;

  @Option(names = "--step-rule", description = "With --metric: unit (default for the Fisher "
      + "metrics), backtracking (Armijo from --step; default for euclidean), lr (fixed --step) "
      + "or trust-region (the paper's, epsilon = --step).")
  String stepRule;

  @Option(names = "--step", description = "With --metric: the learning rate, backtracking's first "
      + "step or the trust region (default 1; trust-region 0.05).")
  Double step;

  @Option(names = "--samples", defaultValue = "100", description = "mc-fisher: draws per "
      + "observation (default ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--seed", defaultValue = "0", description = "mc-fisher's draws (default "
      + "${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    Family fam = Family.named(family);
    Link lnk = link == null ? fam.canonicalLink() : Link.named(link);
    if (!fam.links().contains(lnk)) {
      throw new IllegalArgumentException("--link " + lnk.rName() + " is not available for the "
          + fam.rName() + " family; its links are "
          + fam.links().stream().map(Link::rName).toList());
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("--epsilon must be > 0, got " + epsilon);
    }
    if (maxit < 1) {
      throw new IllegalArgumentException("--maxit must be >= 1, got " + maxit);
    }
    Formula f;
    try {
      f = Formula.parse(formula);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--formula: " + e.getMessage(), e);
    }
    DataTable table = DataTable.readCsv(UserPaths.file("--data", data));
    ModelFrame m = ModelFrame.of(f, table, references);
    double[] w = weights == null ? null : table.numeric(weights).clone();
    if (m.trials() != null) {
      if (fam != Family.BINOMIAL) {
        throw new IllegalArgumentException("--formula: cbind(successes, failures) is a binomial "
            + "response; --family is " + fam.rName());
      }
      w = w == null ? m.trials().clone() : multiply(w, m.trials());
    }
    double[] off = offset == null ? null : table.numeric(offset);
    checkResponse(fam, f, m, w, table);
    if (metric != null) {
      return optimize(fam, lnk, m, w, off);
    }
    if (predict != null && out == null) {
      throw new IllegalArgumentException("--predict writes predictions.csv: give --out DIR");
    }
    GlmFit fit = new GlmFitter(epsilon, maxit).fit(m.x(), m.n(), m.p(), m.y(), w, off, fam, lnk,
        m.intercept());
    GlmSummary s = new GlmSummary(m.names(), fit, fam, lnk, f.text(),
        data.getFileName().toString());
    boolean separated = fit.warnings().stream().anyMatch(w2 -> w2.contains("separated"));
    boolean failed = separated || !fit.converged();
    if (failed) {
      // said first, and the exit code says it too: these coefficients are not estimates
      System.err.println("natgrad: " + (separated ? "the data look separated (fitted "
          + "probabilities of 0 or 1): the maximum-likelihood estimate does not exist, and the "
          + "coefficients below are where the iterations stopped, not estimates"
          : "the fit did not converge in " + fit.iterations() + " iterations (raise --maxit); "
              + "the coefficients below are where it stopped"));
    }
    System.out.print(s.text());
    if (out != null) {
      Files.createDirectories(out);
      Files.writeString(out.resolve("summary.txt"), s.text());
      writeJson(s, out.resolve("glm.json"));
      writeResiduals(fam, lnk, m, w, fit, out.resolve("residuals.csv"));
      if (predict != null) {
        DataTable fresh = DataTable.readCsv(UserPaths.file("--predict", predict));
        ModelFrame nd = ModelFrame.design(f, fresh, m);
        double[][] pr = fit.predict(nd.x(), nd.n(), offset == null ? null
            : fresh.numeric(offset), lnk);
        try (Csv csv = new Csv(out.resolve("predictions.csv"), "row", "link", "se_link",
            "response")) {
          for (int i = 0; i < nd.n(); i++) {
            csv.row(i + 1, pr[0][i], pr[1][i], pr[2][i]);
          }
        }
        System.out.println("wrote " + out.resolve("predictions.csv"));
      }
      System.out.println("wrote " + out.resolve("glm.json") + ", " + out.resolve("summary.txt")
          + ", " + out.resolve("residuals.csv"));
    }
    return failed ? 1 : 0;
  }

  /** The paper's comparison on the user's data: the chosen metric and step rule, from R's start. */
  private int optimize(Family fam, Link lnk, ModelFrame m, double[] w, double[] off)
      throws java.io.IOException {
    io.natgrad.core.glm.GlmModel model = new io.natgrad.core.glm.GlmModel(m.x(), m.n(), m.p(),
        m.y(), w, off, fam, lnk);
    io.natgrad.core.glm.GlmObjective obj = new io.natgrad.core.glm.GlmObjective(model);
    io.natgrad.core.metric.Metric g = switch (metric) {
      case "fisher" -> obj.fisher();
      case "mc-fisher" -> obj.monteCarlo(samples, io.natgrad.core.random.Rng.of(seed));
      case "empirical-fisher" -> obj.empirical();
      case "euclidean" -> io.natgrad.core.metric.Metric.euclidean();
      default -> throw new IllegalArgumentException("--metric must be fisher, mc-fisher, "
          + "empirical-fisher or euclidean, got '" + metric + "'");
    };
    String rule = stepRule != null ? stepRule : metric.equals("euclidean") ? "backtracking"
        : "unit";
    double s = step != null ? step : rule.equals("trust-region") ? 0.05 : 1.0;
    if (!(s > 0) || Double.isInfinite(s)) {
      throw new IllegalArgumentException("--step must be > 0, got " + s);
    }
    io.natgrad.core.optim.StepRule r = switch (rule) {
      case "unit" -> new io.natgrad.core.optim.FixedLearningRate(1);
      case "lr" -> new io.natgrad.core.optim.FixedLearningRate(s);
      case "backtracking" -> new io.natgrad.core.optim.Backtracking(
          new io.natgrad.core.optim.FixedLearningRate(s), 0.5, 1e-4, 60);
      case "trust-region" -> new io.natgrad.core.optim.TrustRegion(s);
      default -> throw new IllegalArgumentException("--step-rule must be unit, backtracking, lr "
          + "or trust-region, got '" + rule + "'");
    };
    double[] b0 = io.natgrad.core.glm.GlmOptimization.start(m.x(), m.n(), m.p(), m.y(), w, off,
        fam, lnk);
    io.natgrad.core.glm.GlmOptimization o = io.natgrad.core.glm.GlmOptimization.run(model, g,
        io.natgrad.core.optim.DirectionSolver.direct(), r, b0, epsilon, maxit);
    double[] d = o.deviances();
    System.out.printf(java.util.Locale.ROOT, "metric %s, step rule %s (%s), from R's start: %d "
        + "iterations, %s; deviance %s%n", metric, rule, s, o.iterations(),
        o.converged() ? "converged (R's criterion)" : o.stopReason(),
        GlmSummary.significant(d[d.length - 1], 10));
    for (int j = 0; j < m.p(); j++) {
      System.out.printf(java.util.Locale.ROOT, "  %-20s %s%n", m.names().get(j),
          GlmSummary.significant(o.beta()[j], 8));
    }
    if (out != null) {
      Files.createDirectories(out);
      try (Csv csv = new Csv(out.resolve("trace.csv"), "iteration", "deviance")) {
        for (int k = 0; k < d.length; k++) {
          csv.row(k, d[k]);
        }
      }
      System.out.println("wrote " + out.resolve("trace.csv"));
    }
    return o.converged() ? 0 : 1;
  }

  private static double[] multiply(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] * b[i];
    }
    return c;
  }

  /** The family's response rules, each refusal naming the column, the row and the value. */
  private void checkResponse(Family fam, Formula f, ModelFrame m, double[] w, DataTable t) {
    String col = f.response().label();
    double[] raw = t.numeric(f.response().column());
    if (w != null) {
      for (int i = 0; i < w.length; i++) {
        if (!(w[i] >= 0)) {
          throw new IllegalArgumentException("--weights: column '" + weights + "' row " + (i + 1)
              + " is " + w[i] + "; weights must be >= 0");
        }
      }
    }
    for (int i = 0; i < m.n(); i++) {
      double y = m.y()[i];
      String where = "column '" + col + "' row " + (i + 1) + " is " + fmt(raw[i]);
      switch (fam) {
        case POISSON -> {
          if (y < 0 || y != Math.rint(y)) {
            throw new IllegalArgumentException(where + ": a Poisson response must be a "
                + "non-negative whole count");
          }
        }
        case BINOMIAL -> {
          if (m.trials() != null) {
            double fail = t.numeric(f.failures().column())[i];
            if (raw[i] < 0 || fail < 0 || raw[i] != Math.rint(raw[i]) || fail != Math.rint(fail)) {
              throw new IllegalArgumentException("cbind(" + col + ", " + f.failures().label()
                  + ") row " + (i + 1) + " is (" + fmt(raw[i]) + ", " + fmt(fail) + "): "
                  + "successes and failures must be non-negative whole counts");
            }
          } else if (y < 0 || y > 1) {
            throw new IllegalArgumentException(where + ": a binomial response must be a "
                + "proportion in [0, 1] (or use cbind(successes, failures))");
          }
        }
        case GAMMA, INVERSE_GAUSSIAN -> {
          if (!(y > 0)) {
            throw new IllegalArgumentException(where + ": the " + fam.rName() + " family needs "
                + "a response > 0");
          }
        }
        default -> {
        }
      }
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static void writeJson(GlmSummary s, Path file) throws java.io.IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    GlmFit fit = s.fit();
    root.put("formula", s.formula());
    root.put("family", s.family().rName());
    root.put("link", s.link().rName());
    ArrayNode coefs = root.putArray("coefficients");
    for (GlmSummary.Row r : s.rows()) {
      ObjectNode o = coefs.addObject();
      o.put("name", r.name());
      put(o, "estimate", r.estimate());
      put(o, "std_error", r.standardError());
      put(o, s.usesT() ? "t_value" : "z_value", r.statistic());
      put(o, "p_value", r.pValue());
      put(o, "ci_lower_95", r.lower());
      put(o, "ci_upper_95", r.upper());
      o.put("aliased", Double.isNaN(r.estimate()));
    }
    put(root, "dispersion", fit.dispersion());
    put(root, "deviance", fit.deviance());
    root.put("df_residual", fit.dfResidual());
    put(root, "null_deviance", fit.nullDeviance());
    root.put("df_null", fit.dfNull());
    put(root, "log_likelihood", s.logLikelihood());
    put(root, "aic", fit.aic());
    put(root, "bic", s.bic());
    put(root, "pearson_chi2", fit.pearsonChi2());
    root.put("rank", fit.rank());
    root.put("iterations", fit.iterations());
    root.put("converged", fit.converged());
    root.put("boundary", fit.boundary());
    root.put("separation", fit.warnings().stream().anyMatch(w -> w.contains("separated")));
    ArrayNode warnings = root.putArray("warnings");
    fit.warnings().forEach(warnings::add);
    mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  private static void put(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  /** Per row: fitted μ and η, and the response, working, Pearson and deviance residuals. */
  private static void writeResiduals(Family fam, Link lnk, ModelFrame m, double[] w, GlmFit fit,
      Path file) {
    try (Csv csv = new Csv(file, "row", "fitted", "linear_predictor", "response", "working",
        "pearson", "deviance")) {
      for (int i = 0; i < m.n(); i++) {
        double y = m.y()[i];
        double mu = fit.mu()[i];
        double eta = fit.eta()[i];
        double wi = w == null ? 1 : w[i];
        double d = fam.devianceResidual(y, mu, wi);
        csv.row(i + 1, mu, eta, y - mu, (y - mu) / lnk.muEta(eta),
            (y - mu) * Math.sqrt(wi) / Math.sqrt(fam.variance(mu)),
            Math.signum(y - mu) * Math.sqrt(Math.max(d, 0)));
      }
    }
  }
}
