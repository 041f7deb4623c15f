package io.natgrad.core.glm;

import org.ejml.data.DMatrixRMaj;

/**
 * A generalized linear model on data: the design X (n × p, row-major), responses y, prior
 * weights w, an offset o, a family and a link. For coefficients β, with η = Xβ + o and μ = g⁻¹(η):
 *
 * <pre>
 * ℓ(β; φ)  = Σᵢ log f(yᵢ; μᵢ, φ, wᵢ)                         {@link Family#logDensity}
 * ∇ℓ       = Xᵀ u,   uᵢ = wᵢ (yᵢ − μᵢ) μ'(ηᵢ) / (φ V(μᵢ))
 * F        = Xᵀ diag(wᵢ μ'(ηᵢ)² / (φ V(μᵢ))) X              the exact Fisher information
 * D(β)     = Σᵢ dᵢ(yᵢ, μᵢ, wᵢ)                               the deviance
 * </pre>
 *
 * The natural gradient F⁻¹∇ℓ with step 1 is Fisher scoring (IRLS); φ cancels from it.
 */
public final class GlmModel {
  private final double[] x;
  private final int n;
  private final int p;
  private final double[] y;
  private final double[] weights;
  private final double[] offset;
  private final Family family;
  private final Link link;

  /**
   * @param x the design, n × p row-major (not copied)
   * @param n rows
   * @param p columns
   * @param y responses (binomial: proportions of the weights' trials)
   * @param weights prior weights, or null for ones
   * @param offset the offset, or null for zeros
   * @param family the family
   * @param link the link (one the family allows)
   */
  public GlmModel(double[] x, int n, int p, double[] y, double[] weights, double[] offset,
      Family family, Link link) {
    if (x.length != n * p || y.length != n) {
      throw new IllegalArgumentException("design must be " + n + " x " + p + " and y have " + n
          + " values, got " + x.length + " and " + y.length);
    }
    if (!family.links().contains(link)) {
      throw new IllegalArgumentException("link " + link.rName() + " is not available for the "
          + family.rName() + " family; its links are " + family.links().stream()
          .map(Link::rName).toList());
    }
    this.x = x;
    this.n = n;
    this.p = p;
    this.y = y;
    this.weights = weights == null ? ones(n) : weights;
    this.offset = offset == null ? new double[n] : offset;
    this.family = family;
    this.link = link;
  }

  private static double[] ones(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, 1.0);
    return a;
  }

  /** η = Xβ + o. */
  public double[] linearPredictor(double[] beta) {
    double[] eta = new double[n];
    linearPredictor(beta, eta);
    return eta;
  }

  /** η = Xβ + o into {@code eta} (length n). */
  public void linearPredictor(double[] beta, double[] eta) {
    for (int i = 0; i < n; i++) {
      double s = offset[i];
      for (int j = 0; j < p; j++) {
        s += x[i * p + j] * beta[j];
      }
      eta[i] = s;
    }
  }

  /** ℓ(β; φ). */
  public double logLikelihood(double[] beta, double dispersion) {
    double[] eta = linearPredictor(beta);
    double s = 0;
    for (int i = 0; i < n; i++) {
      if (weights[i] > 0) {
        s += family.logDensity(y[i], link.inverse(eta[i]), weights[i], dispersion);
      }
    }
    return s;
  }

  /** ∇ℓ(β; φ) = Xᵀu. */
  public double[] score(double[] beta, double dispersion) {
    double[] eta = linearPredictor(beta);
    double[] g = new double[p];
    for (int i = 0; i < n; i++) {
      double mu = link.inverse(eta[i]);
      double u = weights[i] * (y[i] - mu) * link.muEta(eta[i])
          / (dispersion * family.variance(mu));
      for (int j = 0; j < p; j++) {
        g[j] += x[i * p + j] * u;
      }
    }
    return g;
  }

  /** F(β; φ) = Xᵀ W X with the working weights Wᵢᵢ = wᵢ μ'(ηᵢ)² / (φ V(μᵢ)). */
  public DMatrixRMaj fisher(double[] beta, double dispersion) {
    double[] eta = linearPredictor(beta);
    double[] rowWeights = new double[n];
    for (int i = 0; i < n; i++) {
      double mu = link.inverse(eta[i]);
      double me = link.muEta(eta[i]);
      rowWeights[i] = weights[i] * me * me / (dispersion * family.variance(mu));
    }
    return crossProduct(rowWeights);
  }

  /** Xᵀ diag(c) X. */
  private DMatrixRMaj crossProduct(double[] c) {
    DMatrixRMaj m = new DMatrixRMaj(p, p);
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < p; a++) {
        double xa = x[i * p + a] * c[i];
        for (int b = 0; b < p; b++) {
          m.data[a * p + b] += xa * x[i * p + b];
        }
      }
    }
    return m;
  }

  /** D(β) = Σ dᵢ. */
  public double deviance(double[] beta) {
    return devianceAt(means(beta));
  }

  /** Σ dᵢ(yᵢ, μᵢ, wᵢ) at the given means. */
  public double devianceAt(double[] mu) {
    double d = 0;
    for (int i = 0; i < n; i++) {
      d += family.devianceResidual(y[i], mu[i], weights[i]);
    }
    return d;
  }

  /** The number of coefficients p. */
  public int coefficients() {
    return p;
  }

  /** The number of observations n. */
  public int rows() {
    return n;
  }

  /** The family. */
  public Family family() {
    return family;
  }

  /** Observation i's prior weight. */
  public double weight(int i) {
    return weights[i];
  }

  /** The responses (not copied). */
  double[] responses() {
    return y;
  }

  /** The design, n × p row-major (not copied). */
  double[] design() {
    return x;
  }

  /** The prior weights (not copied). */
  double[] weights() {
    return weights;
  }

  /** The offsets (not copied). */
  double[] offsets() {
    return offset;
  }

  /** Observation i's offset. */
  double offset(int i) {
    return offset[i];
  }

  /** μ = g⁻¹(Xβ + o). */
  public double[] means(double[] beta) {
    double[] eta = linearPredictor(beta);
    for (int i = 0; i < n; i++) {
      eta[i] = link.inverse(eta[i]);
    }
    return eta;
  }

  /** Whether every η and μ at β is in the link's and the family's domain. */
  public boolean valid(double[] beta) {
    double[] eta = linearPredictor(beta);
    for (int i = 0; i < n; i++) {
      if (!link.validEta(eta[i]) || !family.validMu(link.inverse(eta[i]))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Σᵢ sᵢ sᵢᵀ of the per-observation scores sᵢ = xᵢ wᵢ (rᵢ − μᵢ) μ'(ηᵢ) / V(μᵢ) (φ = 1) with the
   * responses r (the data's: BHHH; drawn from the model: the Monte-Carlo Fisher).
   */
  public DMatrixRMaj scoreOuterProducts(double[] beta, double[] r) {
    double[] eta = linearPredictor(beta);
    double[] u2 = new double[n];
    for (int i = 0; i < n; i++) {
      double mu = link.inverse(eta[i]);
      double u = weights[i] * (r[i] - mu) * link.muEta(eta[i]) / family.variance(mu);
      u2[i] = u * u;
    }
    return crossProduct(u2);
  }
}
