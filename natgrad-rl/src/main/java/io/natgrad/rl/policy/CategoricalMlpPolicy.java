package io.natgrad.rl.policy;

import io.natgrad.core.dist.Categorical;
import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.nn.Mlp;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * A categorical policy over K actions with logits from an MLP (Stable-Baselines3's {@code MlpPolicy}
 * for Discrete actions). θ = the network parameters.
 *
 * <p>Per step: log π(a|s) = ℓ_a − logsumexp(ℓ), ∂/∂ℓ = e_a − p; the Fisher in logit space is
 * M = diag(p) − p pᵀ, so F v = (1/n) Σᵢ Jᵢᵀ (p ⊙ u − p (pᵀu)) with u = Jᵢ v. The mode is arg max p.
 */
public final class CategoricalMlpPolicy extends MlpPolicyBase {
  private final int k;

  public CategoricalMlpPolicy(int observationDim, int actions, int[] hidden,
      Activation activation) {
    super(new Mlp(observationDim, hidden, actions, activation));
    if (actions < 2) {
      throw new IllegalArgumentException("a categorical policy needs >= 2 actions, got " + actions);
    }
    this.k = actions;
  }

  @Override
  public int parameterDimension() {
    return net.parameterCount();
  }

  @Override
  public int actionDimension() {
    return 1;
  }

  /** Number of actions K. */
  public int actions() {
    return k;
  }

  @Override
  public double[] initialParameters(Rng rng) {
    return net.initialParameters(rng, Math.sqrt(2), 0.01);
  }

  private int index(double a) {
    int i = (int) a;
    if (i != a || i < 0 || i >= k) {
      throw new IllegalArgumentException(
          "categorical action must be an integer in [0, " + (k - 1) + "], got " + a);
    }
    return i;
  }

  @Override
  public void sample(double[] theta, double[] observation, RandomGenerator rng, double[] action) {
    sampleWithLogProb(theta, observation, rng, action);
  }

  @Override
  public double sampleWithLogProb(
      double[] theta, double[] observation, RandomGenerator rng, double[] action) {
    double[] logits = forwardOne(theta, observation);
    double[] p = new double[k];
    double lse = Categorical.softmax(logits, 0, k, p);
    int chosen = Categorical.sampleIndex(p, 0, k, rng.nextDouble());
    action[0] = chosen;
    return logits[chosen] - lse;
  }

  @Override
  public void sampleBatch(double[] theta, double[] observations, int n, RandomGenerator[] rngs,
      double[] actions, double[] logProbs) {
    Mlp.Workspace pw1 = forwardBatch(theta, observations, n);
    double[] logits = pw1.output();
    double[] p = new double[n * k];
    for (int i = 0; i < n; i++) {
      double lse = Categorical.softmax(logits, i * k, k, p);
      int chosen = Categorical.sampleIndex(p, i * k, k, rngs[i].nextDouble());
      actions[i] = chosen;
      logProbs[i] = logits[i * k + chosen] - lse;
    }
    release(pw1);
  }

  @Override
  public void mode(double[] theta, double[] observation, double[] action) {
    action[0] = Categorical.argMax(forwardOne(theta, observation), 0, k);
  }

  @Override
  public double logProb(double[] theta, double[] observation, double[] action) {
    double[] logits = forwardOne(theta, observation);
    double[] p = new double[k];
    return logits[index(action[0])] - Categorical.softmax(logits, 0, k, p);
  }

  @Override
  public void score(double[] theta, double[] observation, double[] action, double[] out) {
    weightedScoreSum(theta, observation, action, 1, new double[] {1.0}, out);
  }

  @Override
  public void logProbs(double[] theta, double[] obs, double[] actions, int n, double[] out) {
    Mlp.Workspace pw1 = forwardBatch(theta, obs, n);
    double[] logits = pw1.output();
    double[] p = new double[n * k];
    for (int i = 0; i < n; i++) {
      out[i] = logits[i * k + index(actions[i])] - Categorical.softmax(logits, i * k, k, p);
    }
    release(pw1);
  }

  @Override
  public void weightedScoreSum(double[] theta, double[] obs, double[] actions, int n,
      double[] weights, double[] out) {
    Arrays.fill(out, 0, parameterDimension(), 0.0);
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    double[] logits = ws.output();
    double[] yBar = new double[n * k];
    for (int i = 0; i < n; i++) {
      Categorical.softmax(logits, i * k, k, yBar);
      int a = index(actions[i]);
      for (int j = 0; j < k; j++) {
        yBar[i * k + j] = weights[i] * ((j == a ? 1.0 : 0.0) - yBar[i * k + j]);
      }
    }
    net.backward(theta, yBar, ws, out, null);
    release(ws);
  }

  /** One forward pass: log-probabilities, entropies; then ȳ = w(e_a − p) + c p(log p + H)/n. */
  @Override
  public double surrogateStep(double[] theta, double[] obs, double[] actions, int n,
      double[] logProbs, StepWeights weights, double entCoef, double[] out) {
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    double[] logits = ws.output();
    double[] p = new double[n * k];
    double[] lse = new double[n];
    double[] rowEntropy = new double[n];
    double h = 0;
    for (int i = 0; i < n; i++) {
      lse[i] = Categorical.softmax(logits, i * k, k, p);
      logProbs[i] = logits[i * k + index(actions[i])] - lse[i];
      double hi = Categorical.addEntropy(0, logits, i * k, lse[i], p, k);
      rowEntropy[i] = hi;
      h += hi;
    }
    double[] w = new double[n];
    if (weights.choose(logProbs, w)) {
      Arrays.fill(out, 0, parameterDimension(), 0.0);
      double[] yBar = new double[n * k];
      for (int i = 0; i < n; i++) {
        int a = (int) actions[i];
        for (int j = 0; j < k; j++) {
          double y = w[i] * ((j == a ? 1.0 : 0.0) - p[i * k + j]);
          if (entCoef > 0) {
            // −c ∂H̄/∂ℓ_j = c p_j (log p_j + H_i) / n
            y += entCoef * p[i * k + j] * ((logits[i * k + j] - lse[i]) + rowEntropy[i]) / n;
          }
          yBar[i * k + j] = y;
        }
      }
      net.backward(theta, yBar, ws, out, null);
    }
    release(ws);
    return h / n;
  }

  @Override
  public double meanKl(double[] thetaOld, double[] thetaNew, double[] obs, int n) {
    Mlp.Workspace pw1 = forwardBatch(thetaOld, obs, n);
    Mlp.Workspace pw2 = forwardBatch(thetaNew, obs, n);
    double[] lo = pw1.output();
    double[] ln = pw2.output();
    double[] po = new double[n * k];
    double[] pn = new double[n * k];
    double kl = 0;
    for (int i = 0; i < n; i++) {
      double lseO = Categorical.softmax(lo, i * k, k, po);
      double lseN = Categorical.softmax(ln, i * k, k, pn);
      kl += Categorical.rowKl(lo, lseO, po, ln, lseN, i * k, k);
    }
    release(pw1);
    release(pw2);
    return kl / n;
  }

  /** One forward pass at θ; the old logits are given. Computed exactly as logProbs and meanKl. */
  @Override
  public double logProbsAndMeanKl(double[] thetaOld, double[] outputsOld, double[] theta,
      double[] obs, double[] actions, int n, double[] logProbs) {
    if (outputsOld == null) {
      return super.logProbsAndMeanKl(thetaOld, null, theta, obs, actions, n, logProbs);
    }
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    double[] ln = ws.output();
    double[] po = new double[n * k];
    double[] pn = new double[n * k];
    double kl = 0;
    for (int i = 0; i < n; i++) {
      double lseN = Categorical.softmax(ln, i * k, k, pn);
      logProbs[i] = ln[i * k + index(actions[i])] - lseN;
      double lseO = Categorical.softmax(outputsOld, i * k, k, po);
      kl += Categorical.rowKl(outputsOld, lseO, po, ln, lseN, i * k, k);
    }
    release(ws);
    return kl / n;
  }

  @Override
  public void meanKlGradient(double[] thetaOld, double[] thetaNew, double[] obs, int n,
      double[] out) {
    Mlp.Workspace pw1 = forwardBatch(thetaOld, obs, n);
    Arrays.fill(out, 0, parameterDimension(), 0.0);
    double[] lo = pw1.output().clone();
    Mlp.Workspace ws = forwardBatch(thetaNew, obs, n);
    double[] ln = ws.output();
    double[] po = new double[n * k];
    double[] yBar = new double[n * k];
    for (int i = 0; i < n; i++) {
      Categorical.softmax(lo, i * k, k, po);
      Categorical.softmax(ln, i * k, k, yBar);
      for (int j = 0; j < k; j++) {
        yBar[i * k + j] = (yBar[i * k + j] - po[i * k + j]) / n;
      }
    }
    net.backward(thetaNew, yBar, ws, out, null);
    release(pw1);
    release(ws);
  }

  @Override
  public double meanEntropy(double[] theta, double[] obs, int n) {
    Mlp.Workspace pw1 = forwardBatch(theta, obs, n);
    double[] logits = pw1.output();
    double[] p = new double[n * k];
    double h = 0;
    for (int i = 0; i < n; i++) {
      double lse = Categorical.softmax(logits, i * k, k, p);
      h = Categorical.addEntropy(h, logits, i * k, lse, p, k);
    }
    release(pw1);
    return h / n;
  }

  /** ∂H/∂ℓ_k = −p_k (log p_k + H), averaged over the steps and back-propagated. */
  @Override
  public void meanEntropyGradient(double[] theta, double[] obs, int n, double[] out) {
    Arrays.fill(out, 0, parameterDimension(), 0.0);
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    double[] logits = ws.output();
    double[] yBar = new double[n * k];
    double[] p = new double[n * k];
    for (int i = 0; i < n; i++) {
      double lse = Categorical.softmax(logits, i * k, k, p);
      double h = Categorical.addEntropy(0, logits, i * k, lse, p, k);
      for (int j = 0; j < k; j++) {
        yBar[i * k + j] = -p[i * k + j] * ((logits[i * k + j] - lse) + h) / n;
      }
    }
    net.backward(theta, yBar, ws, out, null);
    release(ws);
  }

  @Override
  public LinearOperator fisherOperator(double[] theta, double[] obs, int n) {
    Mlp.Workspace ws = forwardOwned(theta, obs, n);
    double[] p = new double[n * k];
    double[] logits = ws.output();
    for (int i = 0; i < n; i++) {
      Categorical.softmax(logits, i * k, k, p);
    }
    int dim = parameterDimension();
    return new LinearOperator() {
      @Override
      public int dimension() {
        return dim;
      }

      @Override
      public void apply(double[] v, double[] out) {
        Arrays.fill(out, 0.0);
        net.gaussNewtonProduct(theta, v, ws, (u, yBar, r0, r1) ->
            Categorical.meanFisherRows(p, u, yBar, r0, r1, k, n), out);
      }
    };
  }

  /** ∂ log π(aᵢ|sᵢ) / ∂ logits = onehot(aᵢ) − softmax(logitsᵢ), n × k. */
  @Override
  double[] headScores(double[] theta, double[] logits, double[] actions, int n) {
    double[] e = new double[n * k];
    for (int i = 0; i < n; i++) {
      Categorical.softmax(logits, i * k, k, e);
      int a = index(actions[i]);
      for (int j = 0; j < k; j++) {
        e[i * k + j] = (j == a ? 1.0 : 0.0) - e[i * k + j];
      }
    }
    return e;
  }

  @Override
  public LinearOperator scoreOuterOperator(double[] theta, double[] obs, double[] actions,
      double[] weights, int n) {
    Mlp.Workspace ws = forwardOwned(theta, obs, n);
    double[] e = headScores(theta, ws.output(), actions, n);
    int dim = parameterDimension();
    return new LinearOperator() {
      @Override
      public int dimension() {
        return dim;
      }

      @Override
      public void apply(double[] v, double[] out) {
        Arrays.fill(out, 0.0);
        net.gaussNewtonProduct(theta, v, ws, (u, yBar, r0, r1) -> {
          for (int i = r0; i < r1; i++) {
            double c = 0;
            for (int j = 0; j < k; j++) {
              c += e[i * k + j] * u[i * k + j];
            }
            c *= weights[i] / n;
            for (int j = 0; j < k; j++) {
              yBar[i * k + j] = e[i * k + j] * c;
            }
          }
        }, out);
      }
    };
  }

  @Override
  public double[] fisherDiagonal(double[] theta, double[] obs, int n) {
    // M = diag(p) − ppᵀ = Σ_c p_c (e_c − p)(e_c − p)ᵀ: one batched reverse pass per class c with
    // ȳ_i = √p_c (e_c − p), the squared per-sample gradients summed
    int dim = parameterDimension();
    double[] diag = new double[dim];
    Mlp.Workspace ws = forwardBatch(theta, obs, n);
    double[] p = new double[n * k];
    for (int i = 0; i < n; i++) {
      Categorical.softmax(ws.output(), i * k, k, p);
    }
    double[] yBar = new double[n * k];
    double[] unused = new double[dim];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < n; i++) {
        double root = Math.sqrt(p[i * k + c]);
        for (int j = 0; j < k; j++) {
          yBar[i * k + j] = root * ((j == c ? 1.0 : 0.0) - p[i * k + j]);
        }
      }
      net.backward(theta, yBar, ws, unused, null);
      net.addSquaredSampleGradients(ws, diag);
    }
    release(ws);
    for (int x = 0; x < dim; x++) {
      diag[x] /= n;
    }
    return diag;
  }

  @Override
  public DMatrixRMaj fisher(double[] theta, double[] observation) {
    Mlp.Workspace ws = net.workspace(1);
    net.forward(theta, observation, 1, ws, null);
    double[] p = new double[k];
    Categorical.softmax(ws.output(), 0, k, p);
    int dim = parameterDimension();
    double[][] jac = new double[k][dim];
    for (int j = 0; j < k; j++) {
      double[] e = new double[k];
      e[j] = 1;
      net.backward(theta, e, ws, jac[j], null);
    }
    DMatrixRMaj f = new DMatrixRMaj(dim, dim);
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        double m = (a == b ? p[a] : 0.0) - p[a] * p[b];
        for (int x = 0; x < dim; x++) {
          double jx = jac[a][x] * m;
          if (jx == 0) {
            continue;
          }
          for (int y = 0; y < dim; y++) {
            f.data[x * dim + y] += jx * jac[b][y];
          }
        }
      }
    }
    return f;
  }
}
