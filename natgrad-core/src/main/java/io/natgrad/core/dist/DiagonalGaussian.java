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

  // ---- Batched rows with state-dependent means and one shared log σ (the Gaussian MLP policy's
  // head: μᵢ = network(sᵢ), log σ a parameter). Rows are flat n × d arrays; log σ_j is
  // logStd[lsOff + j]. Each method fixes its operation order: the policies' recorded results
  // depend on it.

  /**
   * Draws one row a = μ + σ ε (ε from {@code rng.nextGaussian()}, j in order) into
   * action[aOff ..) and returns log π(a) = Σ_j −½ ε_j² − log σ_j − ½ log 2π.
   */
  public static double sampleRow(double[] mu, int muOff, double[] logStd, int lsOff, int d,
      RandomGenerator rng, double[] action, int aOff) {
    double lp = 0;
    for (int j = 0; j < d; j++) {
      double ls = logStd[lsOff + j];
      double eps = rng.nextGaussian();
      action[aOff + j] = mu[muOff + j] + Math.exp(ls) * eps;
      lp += -0.5 * eps * eps - ls - Gaussian.HALF_LOG_TWO_PI;
    }
    return lp;
  }

  /** log π(aᵢ) = Σ_j −½ zᵢⱼ² − log σ_j − ½ log 2π, zᵢⱼ = (aᵢⱼ − μᵢⱼ)/σ_j, for n rows. */
  public static void logProbs(double[] mu, double[] logStd, int lsOff, double[] actions, int n,
      int d, double[] out) {
    for (int i = 0; i < n; i++) {
      double lp = 0;
      for (int j = 0; j < d; j++) {
        double ls = logStd[lsOff + j];
        double z = (actions[i * d + j] - mu[i * d + j]) * Math.exp(-ls);
        lp += -0.5 * z * z - ls - Gaussian.HALF_LOG_TWO_PI;
      }
      out[i] = lp;
    }
  }

  /**
   * The weighted score Σᵢ wᵢ ∇ log π(aᵢ): its μ part per row, meanBar[i·d + j] =
   * wᵢ (aᵢⱼ − μᵢⱼ)/σ_j², and its log σ part added to logStdGrad[gOff + j] as
   * Σᵢ wᵢ ((aᵢⱼ − μᵢⱼ)²/σ_j² − 1).
   */
  public static void weightedScore(double[] mu, double[] logStd, int lsOff, double[] actions,
      double[] w, int n, int d, double[] meanBar, double[] logStdGrad, int gOff) {
    double[] invVar = new double[d];
    for (int j = 0; j < d; j++) {
      invVar[j] = Math.exp(-2 * logStd[lsOff + j]);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double diff = actions[i * d + j] - mu[i * d + j];
        meanBar[i * d + j] = w[i] * diff * invVar[j];
        logStdGrad[gOff + j] += w[i] * (diff * diff * invVar[j] - 1.0);
      }
    }
  }

  /**
   * (1/n) Σᵢ KL(N(μ_old,i, σ_old²) ‖ N(μ_new,i, σ_new²)) =
   * (1/n) Σ_j [n (log σ_new/σ_old + σ_old²/(2σ_new²) − ½) + Σᵢ (μ_old − μ_new)²/(2σ_new²)].
   */
  public static double meanKl(double[] muOld, double[] logStdOld, int lsOffOld, double[] muNew,
      double[] logStdNew, int lsOffNew, int n, int d) {
    double kl = 0;
    for (int j = 0; j < d; j++) {
      double lsOld = logStdOld[lsOffOld + j];
      double lsNew = logStdNew[lsOffNew + j];
      double varOld = Math.exp(2 * lsOld);
      double inv2VarNew = 0.5 * Math.exp(-2 * lsNew);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double diff = muOld[i * d + j] - muNew[i * d + j];
        sum += diff * diff;
      }
      kl += n * (lsNew - lsOld + varOld * inv2VarNew - 0.5) + sum * inv2VarNew;
    }
    return kl / n;
  }

  /**
   * The gradient of {@link #meanKl} in the new parameters: meanBar[i·d + j] =
   * (μ_new − μ_old)/(n σ_new²) per row, logStdGrad[gOff + j] = (1/n) Σᵢ (1 − (σ_old² +
   * (μ_new − μ_old)²)/σ_new²).
   */
  public static void meanKlGradient(double[] muOld, double[] logStdOld, int lsOffOld,
      double[] muNew, double[] logStdNew, int lsOffNew, int n, int d, double[] meanBar,
      double[] logStdGrad, int gOff) {
    for (int j = 0; j < d; j++) {
      double varOld = Math.exp(2 * logStdOld[lsOffOld + j]);
      double invVarNew = Math.exp(-2 * logStdNew[lsOffNew + j]);
      double g = 0;
      for (int i = 0; i < n; i++) {
        double diff = muNew[i * d + j] - muOld[i * d + j];
        meanBar[i * d + j] = diff * invVarNew / n;
        g += 1.0 - (varOld + diff * diff) * invVarNew;
      }
      logStdGrad[gOff + j] = g / n;
    }
  }

  /** H = Σ_j (½ + ½ log 2π + log σ_j), the same for every row. */
  public static double entropyLogStd(double[] logStd, int lsOff, int d) {
    double h = 0;
    for (int j = 0; j < d; j++) {
      h += 0.5 + Gaussian.HALF_LOG_TWO_PI + logStd[lsOff + j];
    }
    return h;
  }

  /**
   * The Fisher of the (μ, log σ) head applied to the μ part of rows r0..r1 of a tangent:
   * out[i·d + j] = in[i·d + j] · (1/σ_j²)/n (the log σ block is 2·I, without cross terms).
   */
  public static void meanFisherRows(double[] invVar, double[] in, double[] out, int r0, int r1,
      int d, int n) {
    for (int i = r0; i < r1; i++) {
      for (int j = 0; j < d; j++) {
        out[i * d + j] = in[i * d + j] * (invVar[j] / n);
      }
    }
  }
}
