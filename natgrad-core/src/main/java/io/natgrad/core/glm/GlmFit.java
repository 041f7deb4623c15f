package io.natgrad.core.glm;

import java.util.List;

/**
 * A fitted generalized linear model, with what R's {@code glm} and {@code summary.glm} report.
 *
 * @param coefficients β̂ in the design's column order; NaN for aliased columns
 * @param standardErrors √diag(φ̂ (RᵀR)⁻¹) from the last weighted least-squares step; NaN aliased
 * @param rank the number of coefficients estimated (columns not aliased)
 * @param iterations IRLS iterations (Fisher-scoring steps)
 * @param converged |D − D_old| / (|D| + 0.1) &lt; ε was reached
 * @param boundary a step was halved (non-finite deviance or invalid η/μ)
 * @param deviance the residual deviance D(β̂)
 * @param nullDeviance the deviance of the intercept-only model (or of μ = g⁻¹(offset) without an
 *     intercept)
 * @param dfResidual n_ok − rank (n_ok: observations with positive weight)
 * @param dfNull n_ok − 1 with an intercept, else n_ok
 * @param dispersion φ̂: 1 for binomial and Poisson, else Pearson χ² / df residual
 * @param pearsonChi2 Σ wᵢ(yᵢ − μᵢ)² / V(μᵢ) over positive weights
 * @param aic R's family aic + 2·rank
 * @param eta the linear predictor at β̂ (offset included)
 * @param mu the fitted means
 * @param workingWeights IRLS's final weights wᵢ μ'(ηᵢ)² / V(μᵢ) (0 where the prior weight is 0)
 * @param iterates β after each IRLS iteration (aliased coefficients 0), for diagnostics
 * @param warnings R's warnings, in its words, plus natgrad's plainer notes
 * @param covariance φ̂ (RᵀR)⁻¹, the coefficients' estimated covariance (NaN rows and columns for
 *     aliased ones)
 */
public record GlmFit(double[] coefficients, double[] standardErrors, int rank, int iterations,
    boolean converged, boolean boundary, double deviance, double nullDeviance, int dfResidual,
    int dfNull, double dispersion, double pearsonChi2, double aic, double[] eta, double[] mu,
    double[] workingWeights, List<double[]> iterates, List<String> warnings,
    double[][] covariance) {

  /**
   * Predictions for new rows (n × p row-major, plus an offset or null): η = xβ + o on the link
   * scale, its standard error √(x Σ xᵀ), and μ = g⁻¹(η); aliased coefficients count as 0, as R's
   * predict does. Returns {η, se(η), μ}.
   */
  public double[][] predict(double[] x, int n, double[] offset, Link link) {
    int p = coefficients.length;
    double[] eta = new double[n];
    double[] se = new double[n];
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      double s = offset == null ? 0 : offset[i];
      for (int j = 0; j < p; j++) {
        if (!aliased(j)) {
          s += x[i * p + j] * coefficients[j];
        }
      }
      double v = 0;
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          if (!aliased(a) && !aliased(b)) {
            v += x[i * p + a] * covariance[a][b] * x[i * p + b];
          }
        }
      }
      eta[i] = s;
      se[i] = Math.sqrt(Math.max(v, 0));
      mu[i] = link.inverse(s);
    }
    return new double[][] {eta, se, mu};
  }

  /** Whether coefficient j was aliased (not estimable; R prints NA). */
  public boolean aliased(int j) {
    return Double.isNaN(coefficients[j]);
  }
}
