package io.natgrad.rl.value;

import io.natgrad.core.optim.Adam;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.nn.Mlp;

/**
 * An MLP value function fitted by Adam on the mean squared error to the returns, in
 * {@code epochs} passes over shuffled minibatches — Stable-Baselines3 TRPO's critic
 * ({@code n_critic_updates}, {@code batch_size}, {@code learning_rate}; Adam ε = 1e-5).
 * Not thread-safe: like its Adam state, its scratch buffers belong to one caller at a time.
 */
public final class MlpValueFunction implements ValueFunction {
  private final Mlp net;
  private final double[] theta;
  private final Adam adam;
  private final int epochs;
  private final int batchSize;
  private double learningRate;
  /** Reused by the per-minibatch calls (not thread-safe, like the Adam state it goes with). */
  private Mlp.Workspace scratch;
  /** Reused by {@link #predict} (a batch's values every update). */
  private Mlp.Workspace predictScratch;

  /** A critic with SB3's orthogonal initialization ({@code ortho_init=True}). */
  public MlpValueFunction(int observationDim, int[] hidden, Activation activation, Rng init,
      double learningRate, int epochs, int batchSize) {
    this(observationDim, hidden, activation, init, true, learningRate, epochs, batchSize);
  }

  /**
   * @param orthoInit SB3's {@code ortho_init}: orthogonal weights (gain √2 in the hidden layers,
   *     1 at the output) and zero biases; when false PyTorch's default {@code nn.Linear}
   *     initialization, which SB3 then leaves in place for the value network as for the
   *     policy's
   */
  public MlpValueFunction(int observationDim, int[] hidden, Activation activation, Rng init,
      boolean orthoInit, double learningRate, int epochs, int batchSize) {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning_rate must be > 0, got " + learningRate);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("n_critic_updates must be >= 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch_size must be >= 1, got " + batchSize);
    }
    this.net = new Mlp(observationDim, hidden, 1, activation);
    this.theta = orthoInit ? net.initialParameters(init, Math.sqrt(2), 1.0)
        : net.uniformInitialParameters(init);
    this.adam = new Adam(theta.length, 0.9, 0.999, 1e-5);
    this.learningRate = learningRate;
    this.epochs = epochs;
    this.batchSize = batchSize;
  }

  public Mlp network() {
    return net;
  }

  public Adam optimizer() {
    return adam;
  }

  /** Changes the learning rate (schedules). */
  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  @Override
  public void predict(double[] observations, int[] timesteps, int n, double[] out) {
    Mlp.Workspace ws = predictScratch;
    if (ws == null || ws.capacity() < n) {
      ws = net.workspace(Math.max(n, 1));
      predictScratch = ws;
    }
    net.forward(theta, observations, n, ws, out);
  }

  @Override
  public double fit(double[] observations, int[] timesteps, int n, double[] targets, Rng rng) {
    int od = net.inputDim();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    int cap = Math.min(batchSize, n);
    if (scratch == null || scratch.capacity() < cap) {
      scratch = net.workspace(cap);
    }
    Mlp.Workspace ws = scratch;
    double[] x = new double[cap * od];
    double[] y = new double[cap];
    double[] grad = new double[theta.length];
    double lossSum = 0;
    int batches = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      // Fisher–Yates shuffle from the trainer's stream
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = perm[i];
        perm[i] = perm[j];
        perm[j] = tmp;
      }
      lossSum = 0;
      batches = 0;
      for (int start = 0; start < n; start += batchSize) {
        int m = Math.min(batchSize, n - start);
        for (int r = 0; r < m; r++) {
          int idx = perm[start + r];
          System.arraycopy(observations, idx * od, x, r * od, od);
          y[r] = targets[idx];
        }
        java.util.Arrays.fill(grad, 0.0);
        double loss = net.lossAndGradient(theta, x, m, ws, squaredError(y, m), grad);
        adam.step(theta, grad, learningRate);
        lossSum += loss / m;
        batches++;
      }
    }
    return lossSum / Math.max(batches, 1);
  }

  /**
   * The mean squared error (1/n) Σ (V(sᵢ) − yᵢ)² at the current parameters, with its gradient
   * written into {@code grad} (overwritten); for algorithms that own the optimizer (PPO).
   */
  public double mseAndGradient(double[] observations, int n, double[] targets, double[] grad) {
    if (scratch == null || scratch.capacity() < n) {
      scratch = net.workspace(Math.max(n, 1));
    }
    java.util.Arrays.fill(grad, 0.0);
    return net.lossAndGradient(theta, observations, n, scratch, squaredError(targets, n), grad) / n;
  }

  /**
   * PPO's clipped value loss (Stable-Baselines3's {@code clip_range_vf}): with the values
   * V_old(sᵢ) of the rollout, the prediction is Vᵢ' = V_old(sᵢ) + clamp(V(sᵢ) − V_old(sᵢ), −c, c)
   * and the loss (1/n) Σ (Vᵢ' − yᵢ)²; its gradient flows only where the clamp is inactive
   * (|V − V_old| ≤ c, bounds included, as torch.clamp's). Gradient into {@code grad} (overwritten).
   */
  public double clippedMseAndGradient(double[] observations, int n, double[] targets,
      double[] oldValues, double clip, double[] grad) {
    if (!(clip > 0)) {
      throw new IllegalArgumentException("clip_range_vf must be > 0, got " + clip);
    }
    if (scratch == null || scratch.capacity() < n) {
      scratch = net.workspace(Math.max(n, 1));
    }
    java.util.Arrays.fill(grad, 0.0);
    Mlp.RowLoss loss = (pred, yBar, r0, r1) -> {
      double sum = 0;
      for (int r = r0; r < r1; r++) {
        double d = pred[r] - oldValues[r];
        double clipped = oldValues[r] + Math.max(-clip, Math.min(clip, d));
        double e = clipped - targets[r];
        sum += e * e;
        yBar[r] = d >= -clip && d <= clip ? 2 * e / n : 0.0;
      }
      return sum;
    };
    return net.lossAndGradient(theta, observations, n, scratch, loss, grad) / n;
  }

  /** Σ (V(sᵢ) − yᵢ)² over a chunk of rows, with ȳᵢ = 2(V(sᵢ) − yᵢ)/n. */
  private static Mlp.RowLoss squaredError(double[] targets, int n) {
    return (pred, yBar, r0, r1) -> {
      double loss = 0;
      for (int r = r0; r < r1; r++) {
        double e = pred[r] - targets[r];
        loss += e * e;
        yBar[r] = 2 * e / n;
      }
      return loss;
    };
  }

  /** The parameters themselves (not a copy), for algorithms that update them in place. */
  public double[] parametersInPlace() {
    return theta;
  }

  @Override
  public double[] parameters() {
    return theta.clone();
  }

  /** Restores parameters (e.g. from a checkpoint). */
  public void setParameters(double[] p) {
    if (p.length != theta.length) {
      throw new IllegalArgumentException(
          "value parameters must have " + theta.length + " entries, got " + p.length);
    }
    System.arraycopy(p, 0, theta, 0, p.length);
  }
}
