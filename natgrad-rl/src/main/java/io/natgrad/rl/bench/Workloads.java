package io.natgrad.rl.bench;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.algo.Evaluation;
import io.natgrad.rl.algo.NaturalPolicyUpdate;
import io.natgrad.rl.algo.OnPolicyTrainer;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.metric.PolicyMetric;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.policy.CategoricalMlpPolicy;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.sample.Gae;
import io.natgrad.rl.sample.VectorSampler;
import io.natgrad.rl.value.MlpValueFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark workloads of BENCHMARKS.md, shared by the JMH benchmarks ({@code natgrad-bench})
 * and {@code natgrad bench}, so that both measure the same thing: a (64, 64) tanh categorical policy
 * on 2 048 real CartPole-v1 steps, SB3's TRPO defaults, and 8-copy samplers.
 */
public final class Workloads {
  private Workloads() {}

  /** The policy, its parameters and a batch of real CartPole steps. */
  public static final class CartPoleBatch {
    public final CategoricalMlpPolicy policy =
        new CategoricalMlpPolicy(4, 2, new int[] {64, 64}, Activation.TANH);
    public final double[] theta;
    public final Batch batch;

    public CartPoleBatch(int n) {
      theta = policy.initialParameters(Rng.of(1));
      Env env = EnvRegistry.make("CartPole-v1");
      try (VectorSampler s = new VectorSampler(List.of(env), policy, 1, null)) {
        batch = s.collect(theta, n);
      }
    }
  }

  /** A (64, 64) tanh Gaussian Pendulum policy and a batch of real Pendulum steps. */
  public static final class PendulumBatch {
    public final GaussianMlpPolicy policy =
        new GaussianMlpPolicy(3, 1, new int[] {64, 64}, Activation.TANH, 0.0);
    public final double[] theta;
    public final Batch batch;

    public PendulumBatch(int n) {
      theta = policy.initialParameters(Rng.of(1));
      Env env = EnvRegistry.make("Pendulum-v1");
      try (VectorSampler s = new VectorSampler(List.of(env), policy, 1, null)) {
        batch = s.collect(theta, n);
      }
    }
  }

  /**
   * {@code count} random actions for raw environment stepping: uniform over a Box's first
   * dimension's bounds (the built-in continuous environments have one), or sampled from the space.
   */
  public static double[][] randomActions(Env env, Rng rng, int count) {
    double[][] actions = new double[count][];
    for (int i = 0; i < count; i++) {
      actions[i] = env.actionSpace() instanceof Box b
          ? new double[] {b.low()[0] + (b.high()[0] - b.low()[0]) * rng.nextDouble()}
          : env.actionSpace().sample(rng);
    }
    return actions;
  }

  /** SB3's TRPO defaults for CartPole-v1. */
  public static TrainConfig trpoDefaults() {
    return TrainConfig.fromMap(Map.of("env", "CartPole-v1", "algo", "trpo"));
  }

  /**
   * One full TRPO update as SB3's {@code train()} does it: the policy step (15 CG iterations, up to
   * 10 backtracks) and 10 critic epochs in minibatches of 128, on the batch.
   */
  public static final class TrpoUpdate {
    final CartPoleBatch data;
    final NaturalPolicyUpdate update;
    final MlpValueFunction critic;
    final double[] advantages;
    final double[] returns;
    final Rng rng = Rng.of(3);

    public TrpoUpdate(int n) {
      this(n, "");
    }

    /**
     * @param n batch size
     * @param compareMetrics {@code compare_metrics} ("" for none, "all")
     */
    public TrpoUpdate(int n, String compareMetrics) {
      data = new CartPoleBatch(n);
      critic = new MlpValueFunction(4, new int[] {64, 64}, Activation.TANH, Rng.of(4), 1e-3, 10,
          128);
      update = new NaturalPolicyUpdate(data.policy, critic, trpoDefaults().with(
          Map.of("compare_metrics", compareMetrics)), PolicyMetric.FISHER, rng);
      double[] values = new double[n];
      critic.predict(data.batch.observations(), data.batch.timesteps(), n, values);
      double[] finals = new double[data.batch.episodes()];
      Gae.Result g = Gae.compute(data.batch, values, finals, 0.99, 0.95);
      advantages = Gae.normalize(g.advantages());
      returns = g.returns();
    }

    /**
     * One update as the trainer runs it (policy step and critic fit side by side), from the same
     * starting point; returns a value that depends on it.
     */
    public double apply() {
      NaturalPolicyUpdate.Result r = update.apply(data.theta, new io.natgrad.rl.algo.Rollout(
          data.batch, new double[data.batch.size()], advantages, returns, 1.0, 1));
      return r.stats().measuredKl() + r.valueLoss();
    }

    /** Runs one update from the same starting point; returns a value that depends on it. */
    public double run() {
      NaturalPolicyUpdate.Step r = update.policyStep(data.theta, data.batch, advantages);
      return r.stats().measuredKl() + critic.fit(data.batch.observations(),
          data.batch.timesteps(), data.batch.size(), returns, rng);
    }
  }

  /**
   * K-FAC's direction on a CartPole batch, in its parts: the factor statistics (the policy's own
   * score pass included), the blocks' eigendecompositions, and the closed-form solve.
   */
  public static final class KfacDirection {
    public final CartPoleBatch data;
    public final double[] gradient;
    private final io.natgrad.core.linalg.BlockDiagonal decomposed;

    public KfacDirection(int n) {
      data = new CartPoleBatch(n);
      gradient = new double[data.theta.length];
      double[] w = new double[n];
      java.util.Arrays.fill(w, 1.0 / n);
      data.policy.weightedScoreSum(data.theta, data.batch.observations(), data.batch.actions(), n,
          w, gradient);
      decomposed = blocks(statistics());
      decomposed.solve(gradient, new double[gradient.length]);
    }

    /** Every layer's {A, S} on the batch (forward and score reverse pass, then the moments). */
    public org.ejml.data.DMatrixRMaj[][] statistics() {
      return data.policy.kfacFactors(data.theta, data.batch.observations(),
          data.batch.actions(), data.batch.size());
    }

    /** The damped blocks of the factors, not yet decomposed. */
    public io.natgrad.core.linalg.BlockDiagonal blocks(org.ejml.data.DMatrixRMaj[][] f) {
      return io.natgrad.rl.metric.KfacMetric.layerBlocks(data.policy.network(), f, new double[0])
          .plusDamping(0.1);
    }

    /** kfac_resample's extra work: actions for every state drawn afresh from π (one pass). */
    public double[] resampledActions(java.util.random.RandomGenerator rng) {
      int n = data.batch.size();
      double[] a = new double[n];
      java.util.random.RandomGenerator[] rngs = new java.util.random.RandomGenerator[n];
      java.util.Arrays.fill(rngs, rng);
      data.policy.sampleBatch(data.theta, data.batch.observations(), n, rngs, a, new double[n]);
      return a;
    }

    /** The closed-form solve on blocks decomposed beforehand. */
    public double[] solve() {
      double[] out = new double[gradient.length];
      decomposed.solve(gradient, out);
      return out;
    }
  }

  /** {@code copies} copies of {@code envId} with a default (64, 64) policy, sampled by {@code workers}. */
  public static final class Sampling implements AutoCloseable {
    public final VectorSampler sampler;
    public final double[] theta;

    public Sampling(String envId, int copies, int workers) {
      TrainConfig c = TrainConfig.fromMap(Map.of("env", envId));
      List<Env> envs = new ArrayList<>();
      for (int k = 0; k < copies; k++) {
        envs.add(Evaluation.makeEnv(envId));
      }
      NeuralPolicy policy = OnPolicyTrainer.makePolicy(c, envs.get(0));
      theta = policy.initialParameters(Rng.of(1));
      sampler = new VectorSampler(envs, policy, 1, null, workers);
    }

    @Override
    public void close() {
      sampler.close();
    }
  }
}
