package io.natgrad.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.natgrad.core.glm.DataTable;
import io.natgrad.core.glm.Family;
import io.natgrad.core.glm.Formula;
import io.natgrad.core.glm.GlmFit;
import io.natgrad.core.glm.GlmEngine;
import io.natgrad.core.glm.GlmFitter;
import io.natgrad.core.glm.GlmInput;
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

  @Option(names = "--engine", defaultValue = "local", description = "local (in process, default) "
      + "or spark: --data is then read by Spark SQL (CSV with a header, or Parquet: a .parquet "
      + "file or directory) and each iteration is one aggregate over its partitions; "
      + "residuals.csv is not written (the rows stay with Spark).")
  String engine;

  @Option(names = "--master", defaultValue = "local[2]", description = "With --engine spark: the "
      + "Spark master (default ${DEFAULT-VALUE}; under spark-submit, its master).")
  String master;

  @Option(names = "--partitions", description = "With --engine spark: repartition the data into "
      + "this many partitions (default: as Spark reads them).")
  Integer partitions;

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
    if (!engine.equals("local")) {
      return onEngine(fam, lnk, f);
    }
    DataTable table = DataTable.readCsv(UserPaths.file("--data", data));
    GlmInput in = GlmInput.of(f, table, null, references, fam, weights, offset);
    ModelFrame m = in.frame();
    double[] w = in.weights();
    double[] off = in.offset();
    if (metric != null) {
      return optimize(fam, lnk, m, w, off);
    }
    if (predict != null && out == null) {
      throw new IllegalArgumentException("--predict writes predictions.csv: give --out DIR");
    }
    GlmFit fit = new GlmFitter(epsilon, maxit).fit(m.x(), m.n(), m.p(), m.y(), w, off, fam, lnk,
        m.intercept());
    boolean failed = report(fit, m.names(), fam, lnk, f);
    if (out != null) {
      writeResiduals(fam, lnk, m, w, fit, out.resolve("residuals.csv"));
      writePredictions(f, fit, m.levels(), lnk);
      System.out.println("wrote " + out.resolve("glm.json") + ", " + out.resolve("summary.txt")
          + ", " + out.resolve("residuals.csv"));
    }
    return failed ? 1 : 0;
  }

  /** The fit on another engine (found through {@link GlmEngine}), reported the same way. */
  private int onEngine(Family fam, Link lnk, Formula f) throws java.io.IOException {
    if (metric != null) {
      throw new IllegalArgumentException("--metric runs in process; --engine " + engine
          + " fits by Fisher scoring only");
    }
    if (predict != null && out == null) {
      throw new IllegalArgumentException("--predict writes predictions.csv: give --out DIR");
    }
    if (partitions != null && partitions < 1) {
      throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
    }
    GlmEngine e = GlmEngine.find(engine);
    Map<String, String> options = new LinkedHashMap<>();
    options.put("master", master);
    if (partitions != null) {
      options.put("partitions", String.valueOf(partitions));
    }
    GlmEngine.Result r = e.fit(new GlmEngine.Spec(data.toString(), f, fam, lnk, weights, offset,
        references, epsilon, maxit), options);
    boolean failed = report(r.fit(), r.names(), fam, lnk, f);
    if (out != null) {
      writePredictions(f, r.fit(), r.levels(), lnk);
      System.out.println("wrote " + out.resolve("glm.json") + ", " + out.resolve("summary.txt")
          + " (" + r.rows() + " rows on " + engine + "; per-row residuals stay there)");
    }
    return failed ? 1 : 0;
  }

  /**
   * Prints the summary (a failed fit — separated data, no convergence — said first on stderr),
   * writes summary.txt and glm.json into --out; returns whether the fit failed.
   */
  private boolean report(GlmFit fit, java.util.List<String> names, Family fam, Link lnk,
      Formula f) throws java.io.IOException {
    GlmSummary s = new GlmSummary(names, fit, fam, lnk, f.text(),
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
    }
    return failed;
  }

  /** With --predict: η, its standard error and μ for the new rows, into predictions.csv. */
  private void writePredictions(Formula f, GlmFit fit, Map<String, java.util.List<String>> levels,
      Link lnk) throws java.io.IOException {
    if (predict == null) {
      return;
    }
    DataTable fresh = DataTable.readCsv(UserPaths.file("--predict", predict));
    ModelFrame nd = ModelFrame.design(f, fresh, levels);
    double[][] pr = fit.predict(nd.x(), nd.n(), offset == null ? null : fresh.numeric(offset),
        lnk);
    try (Csv csv = new Csv(out.resolve("predictions.csv"), "row", "link", "se_link",
        "response")) {
      for (int i = 0; i < nd.n(); i++) {
        csv.row(i + 1, pr[0][i], pr[1][i], pr[2][i]);
      }
    }
    System.out.println("wrote " + out.resolve("predictions.csv"));
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
