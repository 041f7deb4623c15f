package io.natgrad.rl.policy;

import io.natgrad.core.dist.DiagonalGaussian;
import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.nn.Mlp;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * A diagonal Gaussian policy π_θ(a|s) = N(μ_θ(s), diag(σ²)) with the mean from an MLP and a
 * state-independent log σ (Stable-Baselines3's {@code MlpPolicy} for Box actions). θ = (network
 * parameters, log σ₁ … log σ_d); log σ starts at 0.
 *
 * <p>Per step: log π = Σ_j −½ z_j² − log σ_j − ½ log 2π with z = (a − μ)/σ; the Fisher of the
 * distribution parameters is M = diag(1/σ²) for μ and 2·I for log σ (no cross terms), so
 * F v = (1/n) Σᵢ Jᵢᵀ diag(1/σ²) Jᵢ v_net ⊕ 2 v_logσ. The mode (deterministic action) is μ_θ(s).
 */
public final class GaussianMlpPolicy extends MlpPolicyBase {
  private final int d;
  private final int netParams;
  private final double logStdInit;

  /**
   * @param observationDim observation dimension
   * @param actionDim action dimension
   * @param hidden hidden layer sizes (SB3 default (64, 64))
   * @param activation hidden activation (SB3 default tanh)
   * @param logStdInit initial log σ (SB3 default 0)
   */
  public GaussianMlpPolicy(int observationDim, int actionDim, int[] hidden, Activation activation,
      double logStdInit) {
    super(new Mlp(observationDim, hidden, actionDim, activation));
    if (!Double.isFinite(logStdInit)) {
      throw new IllegalArgumentException("log_std_init must be finite, got " + logStdInit);
    }
    this.d = actionDim;
    this.netParams = net.parameterCount();
    this.logStdInit = logStdInit;
  }

  @Override
  public int parameterDimension() {
    return netParams + d;
  }

  @Override
  public int actionDimension() {
    return d;
  }

  /** log σ_j from θ. */
  public double logStd(double[] theta, int j) {
    return theta[netParams + j];
  }

  @Override
  public double[] initialParameters(Rng rng) {
    double[] theta = Arrays.copyOf(net.initialParameters(rng, Math.sqrt(2), 0.01), netParams + d);
    Arrays.fill(theta, netParams, netParams + d, logStdInit);
    return theta;
  }

  @Override
  public void sample(double[] theta, double[] observation, RandomGenerator rng, double[] action) {
    sampleWithLogProb(theta, observation, rng, action);
  }

  @Override
  public double sampleWithLogProb(
      double[] theta, double[] observation, RandomGenerator rng, double[] action) {
    double[] mu = forwardOne(theta, observation);
    return DiagonalGaussian.sampleRow(mu, 0, theta, netParams, d, rng, action, 0);
  }

  @Override
  public void sampleBatch(double[] theta, double[] observations, int n, RandomGenerator[] rngs,
      double[] actions, double[] logProbs) {
    Mlp.Workspace pw1 = forwardBatch(theta, observations, n);
    double[] mu = pw1.output();
    for (int i = 0; i < n; i++) {
      logProbs[i] = DiagonalGaussian.sampleRow(mu, i * d, theta, netParams, d, rngs[i], actions,
          i * d);
    }
    release(pw1);
  }

  @Override
  public void mode(double[] theta, double[] observation, double[] action) {
    System.arraycopy(forwardOne(theta, observation), 0, action, 0, d);
  }

  @Override
  public double logProb(double[] theta, double[] observation, double[] action) {
    double[] mu = forwardOne(theta, observation);
    double[] lp = new double[1];
    DiagonalGaussian.logProbs(mu, theta, netParams, action, 1, d, lp);
    return lp[0];
  }

  @Override
  public void score(double[] theta, double[] observation, double[] action, double[] out) {
    weightedScoreSum(theta, observation, action, 1, new double[] {1.0}, out);
  }

  @Override
  public void logProbs(double[] theta, double[] obs, double[] actions, int n, double[] out) {
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    DiagonalGaussian.logProbs(ws.output(), theta, netParams, actions, n, d, out);
    release(ws);
  }

  @Override
  public void weightedScoreSum(double[] theta, double[] obs, double[] actions, int n,
      double[] weights, double[] out) {
    Arrays.fill(out, 0, parameterDimension(), 0.0);
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    double[] yBar = new double[n * d];
    DiagonalGaussian.weightedScore(ws.output(), theta, netParams, actions, weights, n, d, yBar,
        out, netParams);
    net.backward(theta, yBar, ws, out, null);
    release(ws);
  }

  /** One forward pass: log-probabilities; then the score weighted by w, minus c ∇H̄ (log σ only). */
  @Override
  public double surrogateStep(double[] theta, double[] obs, double[] actions, int n,
      double[] logProbs, StepWeights weights, double entCoef, double[] out) {
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    double[] mu = ws.output();
    DiagonalGaussian.logProbs(mu, theta, netParams, actions, n, d, logProbs);
    double[] w = new double[n];
    if (weights.choose(logProbs, w)) {
      Arrays.fill(out, 0, parameterDimension(), 0.0);
      double[] yBar = new double[n * d];
      DiagonalGaussian.weightedScore(mu, theta, netParams, actions, w, n, d, yBar, out,
          netParams);
      if (entCoef > 0) {
        for (int j = 0; j < d; j++) {
          out[netParams + j] -= entCoef;
        }
      }
      net.backward(theta, yBar, ws, out, null);
    }
    release(ws);
    return meanEntropy(theta, obs, n);
  }

  @Override
  public double meanKl(double[] thetaOld, double[] thetaNew, double[] obs, int n) {
    Mlp.Workspace pw1 = forwardBatch(thetaOld, obs, n);
    Mlp.Workspace pw2 = forwardBatch(thetaNew, obs, n);
    double kl = DiagonalGaussian.meanKl(pw1.output(), thetaOld, netParams, pw2.output(),
        thetaNew, netParams, n, d);
    release(pw1);
    release(pw2);
    return kl;
  }

  /** One forward pass at θ; the old means are given. Computed exactly as logProbs and meanKl. */
  @Override
  public double logProbsAndMeanKl(double[] thetaOld, double[] outputsOld, double[] theta,
      double[] obs, double[] actions, int n, double[] logProbs) {
    if (outputsOld == null) {
      return super.logProbsAndMeanKl(thetaOld, null, theta, obs, actions, n, logProbs);
    }
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    double[] mu = ws.output();
    DiagonalGaussian.logProbs(mu, theta, netParams, actions, n, d, logProbs);
    double kl = DiagonalGaussian.meanKl(outputsOld, thetaOld, netParams, mu, theta, netParams, n,
        d);
    release(ws);
    return kl;
  }

  @Override
  public void meanKlGradient(double[] thetaOld, double[] thetaNew, double[] obs, int n,
      double[] out) {
    Mlp.Workspace pw1 = forwardBatch(thetaOld, obs, n);
    Arrays.fill(out, 0, parameterDimension(), 0.0);
    double[] muOld = pw1.output().clone();
    Mlp.Workspace ws = forwardBatch(thetaNew, obs, n);
    double[] muNew = ws.output();
    double[] yBar = new double[n * d];
    DiagonalGaussian.meanKlGradient(muOld, thetaOld, netParams, muNew, thetaNew, netParams, n, d,
        yBar, out, netParams);
    net.backward(thetaNew, yBar, ws, out, null);
    release(pw1);
    release(ws);
  }

  @Override
  public double meanEntropy(double[] theta, double[] obs, int n) {
    return DiagonalGaussian.entropyLogStd(theta, netParams, d);
  }

  /** H = Σ_j (½ + ½ log 2π + log σ_j): the gradient is 1 for every log σ_j, 0 for the network. */
  @Override
  public void meanEntropyGradient(double[] theta, double[] obs, int n, double[] out) {
    Arrays.fill(out, 0, parameterDimension(), 0.0);
    Arrays.fill(out, netParams, netParams + d, 1.0);
  }

  @Override
  public LinearOperator fisherOperator(double[] theta, double[] obs, int n) {
    double[] invVar = new double[d];
    double[] two = new double[d];
    for (int j = 0; j < d; j++) {
      invVar[j] = Math.exp(-2 * theta[netParams + j]);
      two[j] = 2.0;
    }
    return headMetricOperator(theta, obs, n, invVar, two);
  }

  /**
   * v ↦ (1/n) Σᵢ Jᵢᵀ diag(m) Jᵢ v_net ⊕ diag(c) v_logσ: a metric of the distribution parameters
   * (mean block m, log σ block c; no cross terms) pulled back through the network, by one
   * forward-mode and one reverse pass.
   */
  private LinearOperator headMetricOperator(double[] theta, double[] obs, int n, double[] m,
      double[] c) {
    Mlp.Workspace ws = forwardOwned(theta, obs, n);
    int p = parameterDimension();
    return new LinearOperator() {
      @Override
      public int dimension() {
        return p;
      }

      @Override
      public void apply(double[] v, double[] out) {
        Arrays.fill(out, 0.0);
        net.gaussNewtonProduct(theta, v, ws, (yDot, yBar, r0, r1) ->
            DiagonalGaussian.meanFisherRows(m, yDot, yBar, r0, r1, d, n), out);
        for (int j = 0; j < d; j++) {
          out[netParams + j] = c[j] * v[netParams + j];
        }
      }
    };
  }

  /**
   * The Wasserstein-2 metric of the policy on n states, matrix-free: W₂² between diagonal
   * Gaussians is ‖Δμ‖² + ‖Δσ‖², so the mean W₂²(π_θ, π_θ+d) over the states is ½ dᵀ G d to second
   * order with
   *
   * <pre>
   * G = 2 (1/n) Σᵢ (J_μ,ᵢᵀ J_μ,ᵢ + J_σ,ᵢᵀ J_σ,ᵢ),   J_σ = diag(σ) in log σ,
   * </pre>
   *
   * the same ½ convention as KL ≈ ½ dᵀ F d (paper, "The Wasserstein metric" in the outlook). It is
   * the Fisher's product with the head metric M = 2I for μ (instead of diag(1/σ²)) and 2σ² for
   * log σ (instead of 2): one forward-mode and one reverse pass.
   */
  public LinearOperator wassersteinOperator(double[] theta, double[] obs, int n) {
    double[] two = new double[d];
    double[] twoVar = new double[d];
    for (int j = 0; j < d; j++) {
      two[j] = 2.0;
      twoVar[j] = 2.0 * Math.exp(2 * theta[netParams + j]);
    }
    return headMetricOperator(theta, obs, n, two, twoVar);
  }

  /**
   * (1/n) Σᵢ W₂²(π_old(·|sᵢ), π_new(·|sᵢ)) = (1/n) Σᵢ ‖μ_old(sᵢ) − μ_new(sᵢ)‖² + ‖σ_old − σ_new‖²,
   * in closed form (Givens and Shortt 1984 for Gaussians; diagonal covariances commute).
   */
  public double meanW2Squared(double[] thetaOld, double[] thetaNew, double[] obs, int n) {
    return meanW2Squared(outputs(thetaOld, obs, n), thetaOld, thetaNew, obs, n);
  }

  /**
   * {@link #meanW2Squared(double[], double[], double[], int)} with π_old's means given (its
   * {@link #outputs} on the same states), for a line search that tries several θ_new.
   */
  public double meanW2Squared(double[] meansOld, double[] thetaOld, double[] thetaNew,
      double[] obs, int n) {
    Mlp.Workspace pw = forwardBatch(thetaNew, obs, n);
    double[] m2 = pw.output();
    double means = 0;
    for (int k = 0; k < n * d; k++) {
      double diff = meansOld[k] - m2[k];
      means += diff * diff;
    }
    release(pw);
    double sigmas = 0;
    for (int j = 0; j < d; j++) {
      double diff = Math.exp(thetaOld[netParams + j]) - Math.exp(thetaNew[netParams + j]);
      sigmas += diff * diff;
    }
    return means / n + sigmas;
  }

  /** ∂ log π(aᵢ|sᵢ) / ∂ μ = (aᵢ − μᵢ)/σ², n × d (log σ is not a network output). */
  @Override
  double[] headScores(double[] theta, double[] mu, double[] actions, int n) {
    double[] e = new double[n * d];
    for (int j = 0; j < d; j++) {
      double invVar = Math.exp(-2 * theta[netParams + j]);
      for (int i = 0; i < n; i++) {
        e[i * d + j] = (actions[i * d + j] - mu[i * d + j]) * invVar;
      }
    }
    return e;
  }

  @Override
  public LinearOperator scoreOuterOperator(double[] theta, double[] obs, double[] actions,
      double[] weights, int n) {
    Mlp.Workspace ws = forwardOwned(theta, obs, n);
    double[] mu = ws.output();
    double[] e = headScores(theta, mu, actions, n); // ∂ log π / ∂ μ = (a − μ)/σ²
    double[] q = new double[n * d]; // ∂ log π / ∂ log σ = (a − μ)²/σ² − 1
    for (int j = 0; j < d; j++) {
      double invVar = Math.exp(-2 * theta[netParams + j]);
      for (int i = 0; i < n; i++) {
        double diff = actions[i * d + j] - mu[i * d + j];
        q[i * d + j] = diff * diff * invVar - 1.0;
      }
    }
    int p = parameterDimension();
    double[] c = new double[n]; // per-row sᵢᵀv, rewritten by every product (rows are disjoint)
    return new LinearOperator() {
      @Override
      public int dimension() {
        return p;
      }

      @Override
      public void apply(double[] v, double[] out) {
        Arrays.fill(out, 0.0);
        net.gaussNewtonProduct(theta, v, ws, (yDot, yBar, r0, r1) -> {
          for (int i = r0; i < r1; i++) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
              dot += e[i * d + j] * yDot[i * d + j] + q[i * d + j] * v[netParams + j];
            }
            c[i] = dot * weights[i] / n;
            for (int j = 0; j < d; j++) {
              yBar[i * d + j] = e[i * d + j] * c[i];
            }
          }
        }, out);
        for (int j = 0; j < d; j++) {
          double s = 0;
          for (int i = 0; i < n; i++) {
            s += q[i * d + j] * c[i];
          }
          out[netParams + j] = s;
        }
      }
    };
  }

  @Override
  public double[] fisherDiagonal(double[] theta, double[] obs, int n) {
    // M = diag(σ⁻²) = Σ_j (σ_j⁻¹ e_j)(σ_j⁻¹ e_j)ᵀ: one batched reverse pass per action dimension
    double[] diag = new double[parameterDimension()];
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    double[] yBar = new double[n * d];
    double[] unused = new double[parameterDimension()];
    for (int j = 0; j < d; j++) {
      Arrays.fill(yBar, 0.0);
      double invStd = Math.exp(-theta[netParams + j]);
      for (int i = 0; i < n; i++) {
        yBar[i * d + j] = invStd;
      }
      net.backward(theta, yBar, ws, unused, null);
      net.addSquaredSampleGradients(ws, diag);
    }
    release(ws);
    for (int x = 0; x < netParams; x++) {
      diag[x] /= n;
    }
    for (int j = 0; j < d; j++) {
      diag[netParams + j] = 2.0;
    }
    return diag;
  }

  @Override
  public DMatrixRMaj fisher(double[] theta, double[] observation) {
    Mlp.Workspace ws = net.workspace(1);
    net.forward(theta, observation, 1, ws, null);
    int p = parameterDimension();
    double[][] jac = new double[d][p];
    for (int j = 0; j < d; j++) {
      double[] e = new double[d];
      e[j] = 1;
      net.backward(theta, e, ws, jac[j], null);
    }
    DMatrixRMaj f = new DMatrixRMaj(p, p);
    for (int j = 0; j < d; j++) {
      double w = Math.exp(-2 * theta[netParams + j]);
      for (int a = 0; a < netParams; a++) {
        double ja = jac[j][a] * w;
        if (ja == 0) {
          continue;
        }
        for (int b = 0; b < netParams; b++) {
          f.data[a * p + b] += ja * jac[j][b];
        }
      }
      f.set(netParams + j, netParams + j, 2.0);
    }
    return f;
  }
}
