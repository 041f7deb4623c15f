package io.natgrad.core.dist;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * A d-dimensional Gaussian with diagonal covariance, θ = (μ₁…μ_d, s₁…s_d) where s_i is σ_i or
 * log σ_i (see {@link Scale}). Its log-density, score, KL and entropy are sums over the
 * independent coordinates of the univariate {@link Gaussian}'s; the Fisher is
 * diag(1/σ₁², …, 1/σ_d², c₁, …, c_d) with c_i = 2/σ_i² (σ) or 2 (log σ).
 */
public final class DiagonalGaussian implements ParametricFamily {
  private final int d;
  private final Scale scale;

  public DiagonalGaussian(int dimension, Scale scale) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
    }
    this.d = dimension;
    this.scale = java.util.Objects.requireNonNull(scale, "scale");
  }

  public int dimension() {
    return d;
  }

  public Scale scale() {
    return scale;
  }

  @Override
  public int parameterDimension() {
    return 2 * d;
  }

  @Override
  public int eventDimension() {
    return d;
  }

  @Override
  public String[] parameterNames() {
    String[] names = new String[2 * d];
    for (int i = 0; i < d; i++) {
      names[i] = "mu[" + i + "]";
      names[d + i] = scale.label() + "[" + i + "]";
    }
    return names;
  }

  @Override
  public void validate(double[] theta) {
    if (theta.length != 2 * d) {
      throw new IllegalArgumentException(
          "theta must have " + (2 * d) + " entries, got " + theta.length);
    }
    for (int i = 0; i < d; i++) {
      if (!Double.isFinite(theta[i])) {
        throw new IllegalArgumentException("mu[" + i + "] must be finite, got " + theta[i]);
      }
      scale.check(scale.label() + "[" + i + "]", theta[d + i]);
    }
  }

  @Override
  public double logProb(double[] theta, double[] x) {
    double s = 0.0;
    for (int i = 0; i < d; i++) {
      double sigma = scale.sigma(theta[d + i]);
      double z = (x[i] - theta[i]) / sigma;
      s += -Gaussian.HALF_LOG_TWO_PI - Math.log(sigma) - 0.5 * z * z;
    }
    return s;
  }

  @Override
  public void score(double[] theta, double[] x, double[] out) {
    for (int i = 0; i < d; i++) {
      double sigma = scale.sigma(theta[d + i]);
      double diff = x[i] - theta[i];
      double z = diff / sigma;
      out[i] = diff / (sigma * sigma);
      out[d + i] = scale.scaleScore(z * z, sigma);
    }
  }

  @Override
  public void sample(double[] theta, RandomGenerator rng, double[] out) {
    for (int i = 0; i < d; i++) {
      out[i] = theta[i] + scale.sigma(theta[d + i]) * rng.nextGaussian();
    }
  }

  @Override
  public double kl(double[] thetaP, double[] thetaQ) {
    double s = 0.0;
    for (int i = 0; i < d; i++) {
      s += Gaussian.klNormal(
          thetaP[i], scale.sigma(thetaP[d + i]), thetaQ[i], scale.sigma(thetaQ[d + i]));
    }
    return s;
  }

  @Override
  public double entropy(double[] theta) {
    double s = 0.0;
    for (int i = 0; i < d; i++) {
      s += Gaussian.entropyNormal(scale.sigma(theta[d + i]));
    }
    return s;
  }

  @Override
  public DMatrixRMaj fisher(double[] theta) {
    DMatrixRMaj f = new DMatrixRMaj(2 * d, 2 * d);
    for (int i = 0; i < d; i++) {
      double sigma = scale.sigma(theta[d + i]);
      f.set(i, i, 1.0 / (sigma * sigma));
      f.set(d + i, d + i, scale.scaleFisher(sigma));
    }
    return f;
  }
}
