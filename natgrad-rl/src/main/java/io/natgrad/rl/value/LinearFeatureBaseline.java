package io.natgrad.rl.value;

import io.natgrad.core.linalg.DenseSolve;
import io.natgrad.core.random.Rng;
import org.ejml.data.DMatrixRMaj;

/**
 * The linear-feature baseline of rllab and Duan et al. (2016): V(s, t) = wᵀφ(s, t) with
 * φ = (s, s², t/100, (t/100)², (t/100)³, 1) (s clipped to ±10), fitted by ridge regression
 * (ΦᵀΦ + λI) w = ΦᵀR, raising λ tenfold from 1e-5 until the solve is finite.
 */
public final class LinearFeatureBaseline implements ValueFunction {
  private final int od;
  private double[] w;

  public LinearFeatureBaseline(int observationDim) {
    this.od = observationDim;
    this.w = new double[featureCount()];
  }

  int featureCount() {
    return 2 * od + 4;
  }

  private void features(double[] obs, int i, int t, double[] out) {
    for (int j = 0; j < od; j++) {
      double s = Math.max(-10, Math.min(10, obs[i * od + j]));
      out[j] = s;
      out[od + j] = s * s;
    }
    double a = t / 100.0;
    out[2 * od] = a;
    out[2 * od + 1] = a * a;
    out[2 * od + 2] = a * a * a;
    out[2 * od + 3] = 1.0;
  }

  @Override
  public void predict(double[] observations, int[] timesteps, int n, double[] out) {
    double[] f = new double[featureCount()];
    for (int i = 0; i < n; i++) {
      features(observations, i, timesteps[i], f);
      double v = 0;
      for (int k = 0; k < f.length; k++) {
        v += w[k] * f[k];
      }
      out[i] = v;
    }
  }

  @Override
  public double fit(double[] observations, int[] timesteps, int n, double[] targets, Rng rng) {
    int p = featureCount();
    DMatrixRMaj ftf = new DMatrixRMaj(p, p);
    double[] ftr = new double[p];
    double[] f = new double[p];
    for (int i = 0; i < n; i++) {
      features(observations, i, timesteps[i], f);
      for (int a = 0; a < p; a++) {
        ftr[a] += f[a] * targets[i];
        for (int b = 0; b < p; b++) {
          ftf.data[a * p + b] += f[a] * f[b];
        }
      }
    }
    double reg = 1e-5;
    for (int attempt = 0; attempt < 10; attempt++, reg *= 10) {
      try {
        w = DenseSolve.solveSpd(ftf, reg, ftr);
        break;
      } catch (IllegalArgumentException e) {
        // singular: raise the regularization
      }
    }
    double[] pred = new double[n];
    predict(observations, timesteps, n, pred);
    double mse = 0;
    for (int i = 0; i < n; i++) {
      mse += (pred[i] - targets[i]) * (pred[i] - targets[i]);
    }
    return mse / Math.max(n, 1);
  }

  @Override
  public double[] parameters() {
    return w.clone();
  }

  /** Restores the weights. */
  public void setParameters(double[] p) {
    if (p.length != featureCount()) {
      throw new IllegalArgumentException(
          "baseline weights must have " + featureCount() + " entries, got " + p.length);
    }
    w = p.clone();
  }
}
