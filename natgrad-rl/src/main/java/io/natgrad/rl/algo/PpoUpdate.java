package io.natgrad.rl.algo;

import io.natgrad.core.optim.Adam;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.nn.Parallelism;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.sample.Gae;
import io.natgrad.rl.value.MlpValueFunction;

/**
 * Proximal Policy Optimization (Schulman et al. 2017), the paper's "relaxed trust region": instead
 * of constraining KL(π_old ‖ π) it clips the probability ratio r = π_θ(a|s)/π_old(a|s) in the
 * surrogate, and takes several epochs of Adam steps on minibatches, as Stable-Baselines3 does:
 *
 * <pre>
 * L = −mean(min(Â r, Â clip(r, 1 − ε, 1 + ε))) − c_ent · mean(H) + c_vf · mean((V − R)²)
 * </pre>
 *
 * with advantages normalized per minibatch, one Adam (ε = 1e-5) over policy and value parameters,
 * gradients clipped to a global norm, and early stopping of the epochs when the non-negative k3
 * estimate of the KL, mean((r − 1) − log r), exceeds 1.5·target_kl. With {@code clip_range_vf} the
 * value term uses V_old + clamp(V − V_old, −ε_vf, ε_vf) in place of V, V_old being the rollout's
 * values.
 */
public final class PpoUpdate implements PolicyUpdate<PpoUpdate.State> {
  private final NeuralPolicy policy;
  private final MlpValueFunction value;
  private final TrainConfig config;
  private final Adam adam;
  private Rng rng;

  /**
   * SB3's PPO statistics of one update.
   *
   * @param approxKl the last minibatch's k3 KL estimate
   * @param clipFraction the fraction of clipped ratios
   * @param entropyLoss −mean entropy
   * @param policyGradientLoss the clipped surrogate loss
   * @param valueLoss the value loss
   * @param loss the total loss of the last minibatch
   * @param epochs the epochs run (fewer when KL stopped them)
   * @param stoppedEarly whether the KL stopped the epochs
   */
  public record Stats(double approxKl, double clipFraction, double entropyLoss,
      double policyGradientLoss, double valueLoss, double loss, int epochs,
      boolean stoppedEarly) {}

  /**
   * One update: θ', SB3's statistics, how long it took, and the schedules' values and update count
   * for the metrics row.
   *
   * @param theta θ' after the epochs
   * @param stats the update's statistics
   * @param seconds the whole update (its critic included)
   * @param clipRange ε at this update's progress
   * @param learningRate Adam's step at this update's progress
   * @param nUpdates gradient-step epochs so far (SB3's train/n_updates: iterations × n_epochs)
   */
  public record Result(double[] theta, Stats stats, double seconds, double clipRange,
      double learningRate, int nUpdates) implements UpdateResult {

    @Override
    public double valueLoss() {
      return stats.valueLoss();
    }

    @Override
    public double policySeconds() {
      return seconds;
    }

    @Override
    public double criticSeconds() {
      return 0;
    }

    @Override
    public void record(MetricsRow row) {
      row.put("train/approx_kl", stats.approxKl())
          .put("train/clip_fraction", stats.clipFraction())
          .put("train/entropy_loss", stats.entropyLoss())
          .put("train/policy_gradient_loss", stats.policyGradientLoss())
          .put("train/loss", stats.loss())
          .put("train/clip_range", clipRange)
          .put("train/learning_rate", learningRate)
          .put("train/n_updates", nUpdates)
          .put("ngd/rejection", stats.stoppedEarly()
              ? "early stop: approx_kl " + stats.approxKl() + " > 1.5 target_kl" : "")
          .put("ngd/health", "");
    }
  }

  /**
   * What carries over between updates.
   *
   * @param rng the minibatch shuffles' stream
   * @param adam the shared Adam's moments and step count
   */
  public record State(long[] rng, Adam.State adam) implements PolicyUpdate.State {}

  /**
   * @param policy π
   * @param value the critic, trained by the same Adam
   * @param config the run's settings
   * @param rng the minibatch shuffles' stream
   */
  public PpoUpdate(NeuralPolicy policy, MlpValueFunction value, TrainConfig config, Rng rng) {
    this.policy = policy;
    this.value = value;
    this.config = config;
    this.rng = rng;
    this.adam = new Adam(policy.parameterDimension() + value.parametersInPlace().length, 0.9,
        0.999, 1e-5);
  }

  @Override
  public Result apply(double[] theta, Rollout rollout) {
    long t0 = System.nanoTime();
    double[] next = theta.clone();
    double progress = rollout.progressRemaining();
    Stats stats = epochs(next, rollout.batch(), rollout.advantages(), rollout.returns(),
        rollout.values(), progress, rng);
    return new Result(next, stats, (System.nanoTime() - t0) / 1e9,
        config.ppo().clipRange().at(progress),
        config.optimization().learningRate().at(progress),
        rollout.iteration() * config.ppo().nEpochs());
  }

  @Override
  public State state() {
    return new State(rng.state(), adam.state());
  }

  @Override
  public void restore(State state) {
    rng = Rng.fromState(state.rng());
    adam.restore(state.adam());
  }

  /**
   * Runs the epochs on the batch; θ is updated in place, as are the value function's parameters.
   * PPO's loop of the paper's pseudo-code: per epoch a fresh shuffle, one Adam step per minibatch.
   *
   * @param theta policy parameters (updated)
   * @param batch the rollout
   * @param advantages GAE advantages (not normalized)
   * @param returns critic targets
   * @param oldValues the critic's values of the rollout (clip_range_vf clips around them)
   * @param progressRemaining 1 at the start of training, 0 at the end (schedules)
   * @param rng minibatch shuffles
   */
  Stats epochs(double[] theta, Batch batch, double[] advantages, double[] returns,
      double[] oldValues, double progressRemaining, Rng rng) {
    int n = batch.size();
    Pass pass = new Pass(theta, batch, advantages, returns, oldValues, progressRemaining);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    int epochs = 0;
    boolean stop = false;
    for (int epoch = 0; epoch < config.ppo().nEpochs() && !stop; epoch++) {
      epochs++;
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      for (int start = 0; start < n; start += pass.minibatchSize) {
        if (!pass.minibatch(perm, start)) {
          stop = true;
          break;
        }
      }
    }
    double clipFraction = pass.clipTotal == 0 ? 0 : (double) pass.clipCount / pass.clipTotal;
    return new Stats(pass.approxKl, clipFraction, pass.entropyLoss, pass.policyGradientLoss,
        pass.valueLoss, pass.loss, epochs, stop);
  }

  /**
   * One update's buffers and running statistics. A minibatch step is its own method (not the body
   * of the epoch loop in {@link #apply}) so that the JIT compiles it once, rather than compiling
   * the whole loop nest on the stack and again as a method: that took ≈ 0.4 s of compiler time in
   * a 4-second run on two cores, time the training threads did not get.
   */
  private final class Pass {
    final double[] theta;
    final Batch batch;
    final double[] advantages;
    final double[] returns;
    final double[] oldValues;
    final double clipVf;
    final double[] mbOldValues;
    final int obsDim;
    final int actionDim;
    final int minibatchSize;
    final double learningRate;
    final double clip;
    final double[] valueParameters;
    final int policyParams;
    final int valueParams;
    final double[] allParams;
    final double[] grad;
    final double[] policyGrad;
    final double[] valueGrad;
    final double[] mbObs;
    final double[] mbActions;
    final double[] oldLogProbs;
    final double[] mbAdvantages;
    final double[] mbReturns;
    final double[] logProbs;
    double approxKl;
    int clipCount;
    int clipTotal;
    double entropyLoss;
    double policyGradientLoss;
    double valueLoss;
    double loss;

    Pass(double[] theta, Batch batch, double[] advantages, double[] returns, double[] oldValues,
        double progressRemaining) {
      this.theta = theta;
      this.batch = batch;
      this.advantages = advantages;
      this.returns = returns;
      this.oldValues = oldValues;
      clipVf = config.ppo().clipRangeVfAt(progressRemaining);
      obsDim = batch.observationDim();
      actionDim = batch.actionDim();
      minibatchSize = Math.min(config.optimization().batchSize(), batch.size());
      learningRate = config.optimization().learningRate().at(progressRemaining);
      clip = config.ppo().clipRange().at(progressRemaining);
      valueParameters = value.parametersInPlace();
      policyParams = theta.length;
      valueParams = valueParameters.length;
      allParams = new double[policyParams + valueParams];
      grad = new double[policyParams + valueParams];
      policyGrad = new double[policyParams];
      valueGrad = new double[valueParams];
      mbObs = new double[minibatchSize * obsDim];
      mbActions = new double[minibatchSize * actionDim];
      oldLogProbs = new double[minibatchSize];
      mbAdvantages = new double[minibatchSize];
      mbReturns = new double[minibatchSize];
      mbOldValues = new double[minibatchSize];
      logProbs = new double[minibatchSize];
    }

    /** One Adam step on rows perm[start..]; false when the KL stops the epochs (no step taken). */
    boolean minibatch(int[] perm, int start) {
      int n = batch.size();
      int m = Math.min(minibatchSize, n - start);
      for (int r = 0; r < m; r++) {
        int idx = perm[start + r];
        System.arraycopy(batch.observations(), idx * obsDim, mbObs, r * obsDim, obsDim);
        System.arraycopy(batch.actions(), idx * actionDim, mbActions, r * actionDim, actionDim);
        oldLogProbs[r] = batch.logProbs()[idx];
        mbAdvantages[r] = advantages[idx];
        mbReturns[r] = returns[idx];
        mbOldValues[r] = oldValues[idx];
      }
      double[] a = m == minibatchSize ? mbAdvantages : java.util.Arrays.copyOf(mbAdvantages, m);
      if (config.sampling().normalizeAdvantage() && m > 1) {
        a = Gae.normalize(a);
      }
      double[] aa = a;
      double[] pgKl = new double[2];
      int[] clipped = new int[1];
      // one forward pass gives log π, the entropy and (unless KL stops the epoch) the gradient;
      // the critic's loss and gradient are computed at the same time on the other thread
      double[] entropyAndValueLoss = new double[2];
      Parallelism.both(() -> entropyAndValueLoss[0] = policy.surrogateStep(theta, mbObs, mbActions, m,
          logProbs, (logp, w) -> {
        double pg = 0;
        double kl = 0;
        for (int r = 0; r < m; r++) {
          double logRatio = logp[r] - oldLogProbs[r];
          double ratio = Math.exp(logRatio);
          double unclipped = aa[r] * ratio;
          double clippedTerm = aa[r] * Math.max(1 - clip, Math.min(1 + clip, ratio));
          pg -= Math.min(unclipped, clippedTerm) / m;
          // d/dθ of −min(...)/m: −Â r ∇log π when the unclipped term is the minimum, else 0
          w[r] = unclipped <= clippedTerm ? -unclipped / m : 0.0;
          kl += ((ratio - 1) - logRatio) / m;
          if (Math.abs(ratio - 1) > clip) {
            clipped[0]++;
          }
        }
        pgKl[0] = pg;
        pgKl[1] = kl;
        return Double.isNaN(config.targetKl()) || kl <= 1.5 * config.targetKl();
      }, config.ppo().entCoef(), policyGrad),
          () -> entropyAndValueLoss[1] = Double.isNaN(clipVf)
              ? value.mseAndGradient(mbObs, m, mbReturns, valueGrad)
              : value.clippedMseAndGradient(mbObs, m, mbReturns, mbOldValues, clipVf, valueGrad));
      double entropy = entropyAndValueLoss[0];
      double pg = pgKl[0];
      double kl = pgKl[1];
      clipCount += clipped[0];
      clipTotal += m;
      if (!Double.isNaN(config.targetKl()) && kl > 1.5 * config.targetKl()) {
        approxKl = kl;
        return false;
      }
      double vl = entropyAndValueLoss[1];
      loss = pg - config.ppo().entCoef() * entropy + config.ppo().vfCoef() * vl;
      double norm2 = 0;
      for (int k = 0; k < policyParams; k++) {
        double g = policyGrad[k];
        grad[k] = g;
        norm2 += g * g;
      }
      for (int k = 0; k < valueParams; k++) {
        double g = config.ppo().vfCoef() * valueGrad[k];
        grad[policyParams + k] = g;
        norm2 += g * g;
      }
      double norm = Math.sqrt(norm2);
      if (norm > config.ppo().maxGradNorm()) {
        double scale = config.ppo().maxGradNorm() / (norm + 1e-6);
        for (int k = 0; k < grad.length; k++) {
          grad[k] *= scale;
        }
      }
      System.arraycopy(theta, 0, allParams, 0, policyParams);
      System.arraycopy(valueParameters, 0, allParams, policyParams, valueParams);
      adam.step(allParams, grad, learningRate);
      System.arraycopy(allParams, 0, theta, 0, policyParams);
      System.arraycopy(allParams, policyParams, valueParameters, 0, valueParams);
      approxKl = kl;
      policyGradientLoss = pg;
      valueLoss = vl;
      entropyLoss = -entropy;
      return true;
    }
  }
}
