package io.natgrad.rl.metric;

import io.natgrad.core.linalg.BlockDiagonal;
import io.natgrad.core.linalg.KroneckerBlock;
import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.metric.Metric;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.nn.Mlp;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.policy.Policy;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * K-FAC: the Fisher of a network policy approximated block-diagonally, one Kronecker-factored
 * block per dense layer (Martens and Grosse 2015; ACKTR, Wu et al. 2017):
 *
 * <pre>
 * F_l ≈ A_l ⊗ S_l,   A_l = E[ā ā'] (the layer's inputs, bias folded in as a constant 1),
 *                    S_l = E[δ δ'] (∂ log π(a|s) / ∂ pre-activations, at the batch's own actions)
 * Gaussian log σ:    its exact Fisher block 2I (state-independent)
 * (F̂ + λI)⁻¹ g       in closed form per block, λ added in the Kronecker eigenbasis
 * </pre>
 *
 * The scores are taken at the batch's on-policy actions, as ACKTR does, never weighted by
 * advantages; with {@code resample} the actions are drawn afresh from π_θ (a second,
 * independent sample of the model; its cost is one batched sampling pass). The bias is folded into
 * A (natgrad's {@code Mlp} stores a layer's bias as one more input row) where Kostrikov's
 * {@code kfac.py} keeps each bias as its own block 1 ⊗ S: folding also keeps the weight–bias
 * correlations, and costs one more row and column in A.
 *
 * <p>The factors are running averages across updates, F̄ ← decay·F̄ + (1 − decay)·F (the first
 * update takes its factors as they are), and the metric's blocks — with their eigendecompositions
 * — are rebuilt from them every {@code refreshEvery} updates and kept in between, so that the
 * direction and the trust region's gᵀGg use the same G. The running and the refreshed factors and
 * the update count are {@linkplain #state() state}, checkpointed with the run.
 */
public final class KfacMetric implements PolicyMetric {

  /**
   * How the factors are estimated and refreshed.
   *
   * @param decay the running average's weight on the previous factors ({@code kfac_decay}), in
   *     [0, 1); 0 takes each batch's factors alone
   * @param refreshEvery rebuild the blocks (and their eigendecompositions) every this many updates
   *     ({@code kfac_refresh}), ≥ 1
   * @param resample draw the actions for S from π_θ instead of using the batch's
   *     ({@code kfac_resample})
   */
  public record Settings(double decay, int refreshEvery, boolean resample) {
    public Settings {
      KroneckerStatistics.check(decay, refreshEvery);
    }
  }

  /** Each batch's own factors, refreshed on every update: no state. */
  public static final Settings PER_BATCH = new Settings(0.0, 1, false);

  private final Settings settings;
  private final KroneckerStatistics statistics;
  private Rng resampleRng;

  /** K-FAC with each batch's own factors (the metric called {@code kfac} without settings). */
  KfacMetric() {
    // not PER_BATCH: this runs inside PolicyMetric's initialization, which may come first
    this(new Settings(0.0, 1, false), null);
  }

  /**
   * K-FAC with running factors for one run (this instance holds its state).
   *
   * @param settings decay, refresh period, resampling
   * @param resampleRng the stream resampled actions are drawn from (used only with resample)
   */
  public KfacMetric(Settings settings, Rng resampleRng) {
    this.settings = settings;
    this.statistics = new KroneckerStatistics(settings.decay(), settings.refreshEvery());
    if (settings.resample() && resampleRng == null) {
      throw new IllegalArgumentException("kfac_resample needs a random stream");
    }
    this.resampleRng = resampleRng;
  }

  @Override
  public String name() {
    return "kfac";
  }

  @Override
  public void check(Policy policy) {
    if (!(policy instanceof NeuralPolicy)) {
      throw new IllegalArgumentException("metric kfac needs a network policy (its blocks are the"
          + " layers'), got " + policy.getClass().getSimpleName());
    }
  }

  @Override
  public Metric on(PolicySample sample) {
    check(sample.policy());
    if (sample.unit() != PolicySample.Unit.STEP) {
      throw new IllegalArgumentException("metric kfac is a per-step estimate; the sample averages"
          + " over " + sample.unit());
    }
    NeuralPolicy policy = (NeuralPolicy) sample.policy();
    return new Metric() {
      private double[] at;
      private BlockDiagonal g;

      @Override
      public LinearOperator at(double[] theta) {
        // one update's G: the running factors advance once however often G is asked for
        if (g == null || !java.util.Arrays.equals(at, theta)) {
          if (g != null && stateful()) {
            throw new IllegalStateException("K-FAC's running factors advance once per update: "
                + "ask for G at one theta per sample");
          }
          g = next(policy, sample.batch(), theta);
          at = theta.clone();
        }
        return g;
      }

      @Override
      public String name() {
        return "kfac";
      }
    };
  }

  private boolean stateful() {
    return settings.decay() != 0 || settings.refreshEvery() != 1 || settings.resample();
  }

  /** Advances the running factors with this batch's and returns the (possibly kept) blocks. */
  private BlockDiagonal next(NeuralPolicy policy, Batch batch, double[] theta) {
    DMatrixRMaj[][] f = policy.kfacFactors(theta, batch.observations(), actions(policy, batch,
        theta), batch.size());
    if (!stateful()) {
      return build(policy, f);
    }
    return statistics.update(f, factors -> build(policy, factors));
  }

  private double[] actions(NeuralPolicy policy, Batch batch, double[] theta) {
    if (!settings.resample()) {
      return batch.actions();
    }
    int n = batch.size();
    double[] a = new double[n * policy.actionDimension()];
    RandomGenerator[] rngs = new RandomGenerator[n];
    java.util.Arrays.fill(rngs, resampleRng);
    policy.sampleBatch(theta, batch.observations(), n, rngs, a, new double[n]);
    return a;
  }

  /** The block-diagonal metric of these factors (and a Gaussian policy's exact log σ block). */
  static BlockDiagonal build(NeuralPolicy policy, DMatrixRMaj[][] factors) {
    double[] logStd = new double[policy instanceof GaussianMlpPolicy ? policy.actionDimension()
        : 0];
    java.util.Arrays.fill(logStd, 2.0); // Fisher of log σ_j: E[((a−μ)²/σ² − 1)²] = 2
    return layerBlocks(policy.network(), factors, logStd);
  }

  /**
   * diag(A₀ ⊗ S₀, …, A_L ⊗ S_L, diag(tail)): a network's layer blocks in its parameter order,
   * then a diagonal block for the parameters after the network's (none: an empty tail).
   */
  public static BlockDiagonal layerBlocks(Mlp net, DMatrixRMaj[][] factors, double[] tail) {
    BlockDiagonal.Builder b = BlockDiagonal.builder();
    for (int l = 0; l < factors.length; l++) {
      if (net.layerOffset(l) != b.size()) {
        throw new IllegalStateException("layer " + l + " starts at " + net.layerOffset(l)
            + ", its block at " + b.size());
      }
      b.kronecker(new KroneckerBlock(factors[l][0], factors[l][1],
          io.natgrad.rl.nn.KernelMatrixProduct.INSTANCE));
    }
    if (tail.length > 0) {
      b.diagonal(tail);
    }
    return b.build(net.parameterCount() + tail.length);
  }

  /**
   * The state a checkpoint keeps, as named arrays: the update count, the running and the
   * refreshed factors per layer, and the resampling stream; empty before the first update.
   */
  public synchronized Map<String, double[]> state() {
    Map<String, double[]> s = statistics.state("kfac");
    if (resampleRng != null && !s.isEmpty()) {
      s.put("kfac/rng", longsAsDoubles(resampleRng.state()));
    }
    return s;
  }

  /** Continues from {@link #state()} (an empty map: from the start). */
  public synchronized void restore(Map<String, double[]> s, NeuralPolicy policy) {
    statistics.restore(s, "kfac", policy.network());
    if (resampleRng != null && statistics.updates() > 0) {
      double[] r = s.get("kfac/rng");
      if (r == null || r.length != 8) {
        throw new IllegalArgumentException("kfac/rng must hold 8 values (the run resamples "
            + "actions), got " + (r == null ? "none" : r.length));
      }
      resampleRng = Rng.fromState(doublesAsLongs(r));
    }
  }

  /** 64-bit words as pairs of exact 32-bit halves (a JSON number array keeps them exactly). */
  static double[] longsAsDoubles(long[] words) {
    double[] d = new double[2 * words.length];
    for (int i = 0; i < words.length; i++) {
      d[2 * i] = words[i] >>> 32;
      d[2 * i + 1] = words[i] & 0xffffffffL;
    }
    return d;
  }

  static long[] doublesAsLongs(double[] d) {
    long[] w = new long[d.length / 2];
    for (int i = 0; i < w.length; i++) {
      w[i] = ((long) d[2 * i] << 32) | (long) d[2 * i + 1];
    }
    return w;
  }
}
