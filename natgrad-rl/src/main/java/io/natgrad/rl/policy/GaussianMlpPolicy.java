package io.natgrad.rl.policy;

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
  static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
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
    double lp = 0;
    for (int j = 0; j < d; j++) {
      double ls = theta[netParams + j];
      double eps = rng.nextGaussian();
      action[j] = mu[j] + Math.exp(ls) * eps;
      lp += -0.5 * eps * eps - ls - HALF_LOG_TWO_PI;
    }
    return lp;
  }

  @Override
  public void sampleBatch(double[] theta, double[] observations, int n, RandomGenerator[] rngs,
      double[] actions, double[] logProbs) {
    Mlp.Workspace pw1 = forwardBatch(theta, observations, n);
    double[] mu = pw1.output();
    for (int i = 0; i < n; i++) {
      double lp = 0;
      for (int j = 0; j < d; j++) {
        double ls = theta[netParams + j];
        double eps = rngs[i].nextGaussian();
        actions[i * d + j] = mu[i * d + j] + Math.exp(ls) * eps;
        lp += -0.5 * eps * eps - ls - HALF_LOG_TWO_PI;
      }
      logProbs[i] = lp;
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
    double lp = 0;
    for (int j = 0; j < d; j++) {
      double ls = theta[netParams + j];
      double z = (action[j] - mu[j]) * Math.exp(-ls);
      lp += -0.5 * z * z - ls - HALF_LOG_TWO_PI;
    }
    return lp;
  }

  @Override
  public void score(double[] theta, double[] observation, double[] action, double[] out) {
    weightedScoreSum(theta, observation, action, 1, new double[] {1.0}, out);
  }

  @Override
  public void logProbs(double[] theta, double[] obs, double[] actions, int n, double[] out) {
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    logProbsFromMeans(theta, ws.output(), actions, n, out);
    release(ws);
  }

  @Override
  public void weightedScoreSum(double[] theta, double[] obs, double[] actions, int n,
      double[] weights, double[] out) {
    Arrays.fill(out, 0, parameterDimension(), 0.0);
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    double[] mu = ws.output();
    double[] yBar = new double[n * d];
    double[] invVar = new double[d];
    for (int j = 0; j < d; j++) {
      invVar[j] = Math.exp(-2 * theta[netParams + j]);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double diff = actions[i * d + j] - mu[i * d + j];
        yBar[i * d + j] = weights[i] * diff * invVar[j];
        out[netParams + j] += weights[i] * (diff * diff * invVar[j] - 1.0);
      }
    }
    net.backward(theta, yBar, ws, out, null);
    release(ws);
  }

  /** One forward pass: log-probabilities; then the score weighted by w, minus c ∇H̄ (log σ only). */
  @Override
  public double surrogateStep(double[] theta, double[] obs, double[] actions, int n,
      double[] logProbs, StepWeights weights, double entCoef, double[] out) {
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    double[] mu = ws.output();
    logProbsFromMeans(theta, mu, actions, n, logProbs);
    double[] w = new double[n];
    if (weights.choose(logProbs, w)) {
      Arrays.fill(out, 0, parameterDimension(), 0.0);
      double[] yBar = new double[n * d];
      double[] invVar = new double[d];
      for (int j = 0; j < d; j++) {
        invVar[j] = Math.exp(-2 * theta[netParams + j]);
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          double diff = actions[i * d + j] - mu[i * d + j];
          yBar[i * d + j] = w[i] * diff * invVar[j];
          out[netParams + j] += w[i] * (diff * diff * invVar[j] - 1.0);
        }
      }
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
    double kl = meanKlFromMeans(thetaOld, pw1.output(), thetaNew, pw2.output(), n);
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
    logProbsFromMeans(theta, mu, actions, n, logProbs);
    double kl = meanKlFromMeans(thetaOld, outputsOld, theta, mu, n);
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
    for (int j = 0; j < d; j++) {
      double varOld = Math.exp(2 * thetaOld[netParams + j]);
      double invVarNew = Math.exp(-2 * thetaNew[netParams + j]);
      double g = 0;
      for (int i = 0; i < n; i++) {
        double diff = muNew[i * d + j] - muOld[i * d + j];
        yBar[i * d + j] = diff * invVarNew / n;
        g += 1.0 - (varOld + diff * diff) * invVarNew;
      }
      out[netParams + j] = g / n;
    }
    net.backward(thetaNew, yBar, ws, out, null);
    release(pw1);
    release(ws);
  }

  @Override
  public double meanEntropy(double[] theta, double[] obs, int n) {
    double h = 0;
    for (int j = 0; j < d; j++) {
      h += 0.5 + HALF_LOG_TWO_PI + theta[netParams + j];
    }
    return h;
  }

  /** H = Σ_j (½ + ½ log 2π + log σ_j): the gradient is 1 for every log σ_j, 0 for the network. */
  @Override
  public void meanEntropyGradient(double[] theta, double[] obs, int n, double[] out) {
    Arrays.fill(out, 0, parameterDimension(), 0.0);
    Arrays.fill(out, netParams, netParams + d, 1.0);
  }

  @Override
  public LinearOperator fisherOperator(double[] theta, double[] obs, int n) {
    Mlp.Workspace ws = forwardOwned(theta, obs, n);
    double[] invVar = new double[d];
    for (int j = 0; j < d; j++) {
      invVar[j] = Math.exp(-2 * theta[netParams + j]);
    }
    int p = parameterDimension();
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
            for (int j = 0; j < d; j++) {
              yBar[i * d + j] = yDot[i * d + j] * (invVar[j] / n);
            }
          }
        }, out);
        for (int j = 0; j < d; j++) {
          out[netParams + j] = 2.0 * v[netParams + j];
        }
      }
    };
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

  /** log π(aᵢ|sᵢ) = Σ_j −½ zᵢⱼ² − log σ_j − ½ log 2π, zᵢⱼ = (aᵢⱼ − μᵢⱼ)/σ_j, from the means. */
  private void logProbsFromMeans(double[] theta, double[] mu, double[] actions, int n,
      double[] out) {
    for (int i = 0; i < n; i++) {
      double lp = 0;
      for (int j = 0; j < d; j++) {
        double ls = theta[netParams + j];
        double z = (actions[i * d + j] - mu[i * d + j]) * Math.exp(-ls);
        lp += -0.5 * z * z - ls - HALF_LOG_TWO_PI;
      }
      out[i] = lp;
    }
  }

  /**
   * (1/n) Σᵢ KL(N(μ_old,i, σ_old²) ‖ N(μ_new,i, σ_new²)) from the means:
   * Σ_j [log σ_new/σ_old + (σ_old² + (μ_old − μ_new)²)/(2σ_new²) − ½].
   */
  private double meanKlFromMeans(double[] thetaOld, double[] muOld, double[] thetaNew,
      double[] muNew, int n) {
    double kl = 0;
    for (int j = 0; j < d; j++) {
      double lsOld = thetaOld[netParams + j];
      double lsNew = thetaNew[netParams + j];
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
}
