package io.natgrad.core.dist;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * A categorical distribution over {0, …, k−1} with softmax logits θ ∈ ℝᵏ: p_i = e^{θ_i} / Σ_j e^{θ_j}.
 *
 * <pre>
 * log p(x) = θ_x − logsumexp(θ)
 * score    = e_x − p
 * F(θ)     = diag(p) − p pᵀ        (singular: adding a constant to every logit changes nothing,
 *                                    so solve with damping or with conjugate gradient)
 * KL(p‖q)  = Σ_i p_i (log p_i − log q_i)
 * </pre>
 *
 * An event is the outcome's index stored in a {@code double[1]}.
 */
public final class Categorical implements ParametricFamily {
  private final int k;

  public Categorical(int categories) {
    if (categories < 2) {
      throw new IllegalArgumentException("categories must be >= 2, got " + categories);
    }
    this.k = categories;
  }

  public int categories() {
    return k;
  }

  @Override
  public int parameterDimension() {
    return k;
  }

  @Override
  public int eventDimension() {
    return 1;
  }

  @Override
  public String[] parameterNames() {
    String[] names = new String[k];
    for (int i = 0; i < k; i++) {
      names[i] = "logit[" + i + "]";
    }
    return names;
  }

  @Override
  public void validate(double[] theta) {
    if (theta.length != k) {
      throw new IllegalArgumentException("theta must have " + k + " logits, got " + theta.length);
    }
    for (int i = 0; i < k; i++) {
      if (!Double.isFinite(theta[i])) {
        throw new IllegalArgumentException("logit[" + i + "] must be finite, got " + theta[i]);
      }
    }
  }

  /** log Σ_j e^{θ_j}, computed stably. */
  public static double logSumExp(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logits) {
      max = Math.max(max, v);
    }
    double s = 0.0;
    for (double v : logits) {
      s += Math.exp(v - max);
    }
    return max + Math.log(s);
  }

  /** The probabilities softmax(θ). */
  public double[] probabilities(double[] theta) {
    double lse = logSumExp(theta);
    double[] p = new double[k];
    for (int i = 0; i < k; i++) {
      p[i] = Math.exp(theta[i] - lse);
    }
    return p;
  }

  private int index(double[] x) {
    double v = x[0];
    int i = (int) v;
    if (i != v || i < 0 || i >= k) {
      throw new IllegalArgumentException(
          "categorical outcome must be an integer in [0, " + (k - 1) + "], got " + v);
    }
    return i;
  }

  @Override
  public double logProb(double[] theta, double[] x) {
    return theta[index(x)] - logSumExp(theta);
  }

  @Override
  public void score(double[] theta, double[] x, double[] out) {
    int i = index(x);
    double[] p = probabilities(theta);
    for (int j = 0; j < k; j++) {
      out[j] = (j == i ? 1.0 : 0.0) - p[j];
    }
  }

  @Override
  public void sample(double[] theta, RandomGenerator rng, double[] out) {
    double[] p = probabilities(theta);
    double u = rng.nextDouble();
    double c = 0.0;
    int chosen = k - 1;
    for (int i = 0; i < k; i++) {
      c += p[i];
      if (u < c) {
        chosen = i;
        break;
      }
    }
    out[0] = chosen;
  }

  @Override
  public double kl(double[] thetaP, double[] thetaQ) {
    double lseP = logSumExp(thetaP);
    double lseQ = logSumExp(thetaQ);
    double s = 0.0;
    for (int i = 0; i < k; i++) {
      double logP = thetaP[i] - lseP;
      double logQ = thetaQ[i] - lseQ;
      s += Math.exp(logP) * (logP - logQ);
    }
    return Math.max(s, 0.0);
  }

  @Override
  public double entropy(double[] theta) {
    double lse = logSumExp(theta);
    double h = 0.0;
    for (int i = 0; i < k; i++) {
      double logP = theta[i] - lse;
      h -= Math.exp(logP) * logP;
    }
    return h;
  }

  @Override
  public DMatrixRMaj fisher(double[] theta) {
    double[] p = probabilities(theta);
    DMatrixRMaj f = new DMatrixRMaj(k, k);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        f.set(i, j, (i == j ? p[i] : 0.0) - p[i] * p[j]);
      }
    }
    return f;
  }

  // ---- Batched rows of logits (the categorical MLP policy's head): row i is
  // logits[i·k .. i·k + k). Each method fixes its operation order: the policies' recorded results
  // depend on it.

  /** Softmax of logits[off .. off+k) into p[off ..) (max-shifted); returns the logsumexp. */
  public static double softmax(double[] logits, int off, int k, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, logits[off + j]);
    }
    double s = 0;
    for (int j = 0; j < k; j++) {
      double e = Math.exp(logits[off + j] - max);
      p[off + j] = e;
      s += e;
    }
    for (int j = 0; j < k; j++) {
      p[off + j] /= s;
    }
    return max + Math.log(s);
  }

  /** The category of a uniform u ∈ [0, 1) by the inverse CDF of p[off .. off+k) (last on overflow). */
  public static int sampleIndex(double[] p, int off, int k, double u) {
    double c = 0;
    for (int j = 0; j < k; j++) {
      c += p[off + j];
      if (u < c) {
        return j;
      }
    }
    return k - 1;
  }

  /** The first index of the largest logit in logits[off .. off+k) (the mode). */
  public static int argMax(double[] logits, int off, int k) {
    int best = 0;
    for (int j = 1; j < k; j++) {
      if (logits[off + j] > logits[off + best]) {
        best = j;
      }
    }
    return best;
  }

  /**
   * acc − Σ_j p_j log p_j over one row (log p_j = ℓ_j − lse), subtracted term by term: with
   * acc = 0 the row's entropy.
   */
  public static double addEntropy(double acc, double[] logits, int off, double lse, double[] p,
      int k) {
    double h = acc;
    for (int j = 0; j < k; j++) {
      h -= p[off + j] * (logits[off + j] - lse);
    }
    return h;
  }

  /** KL(p_old ‖ p_new) of one row = Σ_j p_old,j (log p_old,j − log p_new,j). */
  public static double rowKl(double[] lo, double lseO, double[] po, double[] ln, double lseN,
      int off, int k) {
    double s = 0;
    for (int j = 0; j < k; j++) {
      s += po[off + j] * ((lo[off + j] - lseO) - (ln[off + j] - lseN));
    }
    return s;
  }

  /**
   * The Fisher of the logits applied to rows r0..r1 of a tangent u:
   * out_i = (diag(p_i) − p_i p_iᵀ) u_i / n.
   */
  public static void meanFisherRows(double[] p, double[] u, double[] out, int r0, int r1, int k,
      int n) {
    for (int i = r0; i < r1; i++) {
      double pu = 0;
      for (int j = 0; j < k; j++) {
        pu += p[i * k + j] * u[i * k + j];
      }
      for (int j = 0; j < k; j++) {
        out[i * k + j] = p[i * k + j] * (u[i * k + j] - pu) / n;
      }
    }
  }
}
