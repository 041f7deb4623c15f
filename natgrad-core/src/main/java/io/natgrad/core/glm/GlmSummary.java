package io.natgrad.core.glm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Erf;

/**
 * What R's {@code summary.glm} reports for a fit, and the text it prints: per coefficient the
 * estimate, standard error, z value (binomial, Poisson: dispersion 1) or t value (estimated
 * dispersion, residual df), two-sided p-value and Wald 95% interval; the dispersion, deviances with
 * their df, log-likelihood, AIC and BIC as R computes them ({@code logLik.glm}: p − AIC/2 with p
 * the rank plus one for an estimated dispersion; BIC = −2ℓ + p·log n_ok), the iterations.
 *
 * @param names the coefficients' names
 * @param fit the fit
 * @param family the family
 * @param link the link
 * @param formula the formula as written
 * @param data the data's name
 */
public record GlmSummary(List<String> names, GlmFit fit, Family family, Link link, String formula,
    String data) {

  /** One row of the coefficient table. */
  public record Row(String name, double estimate, double standardError, double statistic,
      double pValue, double lower, double upper) {}

  /** Whether the statistics are t (estimated dispersion) rather than z. */
  public boolean usesT() {
    return family.estimatesDispersion();
  }

  /** The coefficient table (aliased coefficients: NaN throughout). */
  public List<Row> rows() {
    List<Row> out = new ArrayList<>();
    double[] b = fit.coefficients();
    double[] se = fit.standardErrors();
    TDistribution t = usesT() && fit.dfResidual() > 0 ? new TDistribution(fit.dfResidual()) : null;
    double z975 = Math.sqrt(2) * Erf.erfInv(0.95);
    for (int j = 0; j < b.length; j++) {
      double stat = b[j] / se[j];
      double p = usesT()
          ? (t == null ? Double.NaN : 2 * t.cumulativeProbability(-Math.abs(stat)))
          : Erf.erfc(Math.abs(stat) / Math.sqrt(2));
      out.add(new Row(names.get(j), b[j], se[j], stat, p, b[j] - z975 * se[j],
          b[j] + z975 * se[j]));
    }
    return out;
  }

  /** The number of parameters R's logLik counts: rank, plus 1 for an estimated dispersion. */
  public int parameters() {
    return fit.rank() + (family.estimatesDispersion() ? 1 : 0);
  }

  /** R's logLik: p − AIC/2. */
  public double logLikelihood() {
    return parameters() - fit.aic() / 2;
  }

  /** R's BIC: −2ℓ + p log n (n: observations with positive weight). */
  public double bic() {
    return -2 * logLikelihood() + parameters() * Math.log(fit.dfResidual() + fit.rank());
  }

  /** The summary as R prints it (widths aligned, four significant digits). */
  public String text() {
    StringBuilder s = new StringBuilder();
    s.append("Call:\nglm(formula = ").append(formula).append(", family = ")
        .append(family.rName()).append("(link = \"").append(link.rName()).append("\"), data = ")
        .append(data).append(")\n\nCoefficients:\n");
    List<Row> rows = rows();
    int w = "(Intercept)".length();
    for (Row r : rows) {
      w = Math.max(w, r.name().length());
    }
    String stat = usesT() ? "t value" : "z value";
    String pcol = usesT() ? "Pr(>|t|)" : "Pr(>|z|)";
    s.append(String.format(Locale.ROOT, "%-" + w + "s %11s %11s %8s %9s%n", "", "Estimate",
        "Std. Error", stat, pcol));
    for (Row r : rows) {
      if (Double.isNaN(r.estimate())) {
        s.append(String.format(Locale.ROOT, "%-" + w + "s %11s %11s %8s %9s%n", r.name(), "NA",
            "NA", "NA", "NA"));
        continue;
      }
      s.append(String.format(Locale.ROOT, "%-" + w + "s %11.4g %11.4g %8.3f %9s %s%n", r.name(),
          r.estimate(), r.standardError(), r.statistic(), pValue(r.pValue()),
          stars(r.pValue())));
    }
    s.append("---\nSignif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n\n");
    int aliased = 0;
    for (Row r : rows) {
      aliased += Double.isNaN(r.estimate()) ? 1 : 0;
    }
    if (aliased > 0) {
      s.append("(").append(aliased).append(aliased == 1 ? " coefficient" : " coefficients")
          .append(" not defined because of singularities)\n\n");
    }
    s.append(String.format(Locale.ROOT, "(Dispersion parameter for %s family taken to be %s)%n%n",
        family.rName(), significant(fit.dispersion(), 7)));
    String[] dev = common(5, fit.nullDeviance(), fit.deviance());
    s.append(String.format(Locale.ROOT, "    Null deviance: %" + dev[0].length() + "s  on %d  "
        + "degrees of freedom%n", dev[0], fit.dfNull()));
    s.append(String.format(Locale.ROOT, "Residual deviance: %" + dev[0].length() + "s  on %d  "
        + "degrees of freedom%n", dev[1], fit.dfResidual()));
    s.append("AIC: ").append(significant(fit.aic(), 5)).append("\n\n");
    s.append("Number of Fisher Scoring iterations: ").append(fit.iterations()).append("\n");
    for (String warning : fit.warnings()) {
      s.append("Warning: ").append(warning).append("\n");
    }
    return s.toString();
  }

  private static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "NA";
    }
    return p < 2e-16 ? "<2e-16" : String.format(Locale.ROOT, "%.3g", p);
  }

  private static String stars(double p) {
    return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
  }

  /** v to {@code digits} significant digits without trailing zeros, as R's format() prints one. */
  public static String significant(double v, int digits) {
    if (!Double.isFinite(v)) {
      return "NaN";
    }
    String t = new java.math.BigDecimal(v).round(new java.math.MathContext(digits))
        .stripTrailingZeros().toPlainString();
    return t;
  }

  /**
   * Values printed together as R's format(c(...), digits = d) does: the decimals that give each at
   * least d significant digits (as few as suffice), the same for all.
   */
  static String[] common(int digits, double... v) {
    int decimals = 0;
    for (double x : v) {
      if (x != 0 && Double.isFinite(x)) {
        String sig = significant(x, digits);
        int dot = sig.indexOf('.');
        decimals = Math.max(decimals, dot < 0 ? 0 : sig.length() - dot - 1);
      }
    }
    String[] out = new String[v.length];
    for (int i = 0; i < v.length; i++) {
      // R switches to scientific notation when fixed would need far more characters
      out[i] = decimals > 8 ? String.format(Locale.ROOT, "%." + (digits - 1) + "e", v[i])
          : String.format(Locale.ROOT, "%." + decimals + "f", v[i]);
    }
    return out;
  }
}
