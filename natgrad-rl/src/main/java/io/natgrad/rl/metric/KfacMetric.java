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
import java.util.LinkedHashMap;
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
      if (!(decay >= 0 && decay < 1)) {
        throw new IllegalArgumentException("kfac_decay must be in [0, 1), got " + decay);
      }
      if (refreshEvery < 1) {
        throw new IllegalArgumentException("kfac_refresh must be >= 1, got " + refreshEvery);
      }
    }
  }

  /** Each batch's own factors, refreshed on every update: no state. */
  public static final Settings PER_BATCH = new Settings(0.0, 1, false);

  private final Settings settings;
  private Rng resampleRng;
  private DMatrixRMaj[][] running;
  private DMatrixRMaj[][] frozen;
  private int updates;
  private BlockDiagonal blocks;

  /** K-FAC with each batch's own factors (the metric called {@code kfac} without settings). */
  KfacMetric() {
    this(PER_BATCH, null);
  }

  /**
   * K-FAC with running factors for one run (this instance holds its state).
   *
   * @param settings decay, refresh period, resampling
   * @param resampleRng the stream resampled actions are drawn from (used only with resample)
   */
  public KfacMetric(Settings settings, Rng resampleRng) {
    this.settings = settings;
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
    return !settings.equals(PER_BATCH);
  }

  /** Advances the running factors with this batch's and returns the (possibly kept) blocks. */
  private BlockDiagonal next(NeuralPolicy policy, Batch batch, double[] theta) {
    DMatrixRMaj[][] f = policy.kfacFactors(theta, batch.observations(), actions(policy, batch,
        theta), batch.size());
    if (!stateful()) {
      return build(policy, f);
    }
    synchronized (this) {
      if (running == null) {
        running = f;
      } else {
        double d = settings.decay();
        for (int l = 0; l < f.length; l++) {
          for (int k = 0; k < 2; k++) {
            double[] r = running[l][k].data;
            double[] x = f[l][k].data;
            for (int i = 0; i < r.length; i++) {
              r[i] = d * r[i] + (1 - d) * x[i];
            }
          }
        }
      }
      if (updates % settings.refreshEvery() == 0 || frozen == null) {
        frozen = copy(running);
        blocks = null;
      }
      updates++;
      if (blocks == null) {
        blocks = build(policy, frozen);
      }
      return blocks;
    }
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
    Mlp net = policy.network();
    BlockDiagonal.Builder b = BlockDiagonal.builder();
    for (int l = 0; l < factors.length; l++) {
      if (net.layerOffset(l) != b.size()) {
        throw new IllegalStateException("layer " + l + " starts at " + net.layerOffset(l)
            + ", its block at " + b.size());
      }
      b.kronecker(new KroneckerBlock(factors[l][0], factors[l][1]));
    }
    if (policy instanceof GaussianMlpPolicy) {
      double[] logStd = new double[policy.actionDimension()];
      java.util.Arrays.fill(logStd, 2.0); // Fisher of log σ_j: E[((a−μ)²/σ² − 1)²] = 2
      b.diagonal(logStd);
    }
    return b.build(policy.parameterDimension());
  }

  private static DMatrixRMaj[][] copy(DMatrixRMaj[][] f) {
    DMatrixRMaj[][] c = new DMatrixRMaj[f.length][2];
    for (int l = 0; l < f.length; l++) {
      c[l][0] = f[l][0].copy();
      c[l][1] = f[l][1].copy();
    }
    return c;
  }

  /**
   * The state a checkpoint keeps, as named arrays: the update count, the running and the
   * refreshed factors per layer, and the resampling stream; empty before the first update.
   */
  public synchronized Map<String, double[]> state() {
    Map<String, double[]> s = new LinkedHashMap<>();
    if (running == null) {
      return s;
    }
    s.put("kfac/updates", new double[] {updates});
    for (int l = 0; l < running.length; l++) {
      s.put("kfac/running/" + l + "/A", running[l][0].data.clone());
      s.put("kfac/running/" + l + "/S", running[l][1].data.clone());
      s.put("kfac/frozen/" + l + "/A", frozen[l][0].data.clone());
      s.put("kfac/frozen/" + l + "/S", frozen[l][1].data.clone());
    }
    if (resampleRng != null) {
      s.put("kfac/rng", longsAsDoubles(resampleRng.state()));
    }
    return s;
  }

  /** Continues from {@link #state()} (an empty map: from the start). */
  public synchronized void restore(Map<String, double[]> s, NeuralPolicy policy) {
    if (!s.containsKey("kfac/updates")) {
      running = null;
      frozen = null;
      updates = 0;
      blocks = null;
      return;
    }
    Mlp net = policy.network();
    int layers = net.layers();
    running = new DMatrixRMaj[layers][2];
    frozen = new DMatrixRMaj[layers][2];
    for (int l = 0; l < layers; l++) {
      int in = l == 0 ? net.inputDim() : net.hidden()[l - 1];
      int out = l == layers - 1 ? net.outputDim() : net.hidden()[l];
      running[l][0] = matrix(s, "kfac/running/" + l + "/A", in + 1);
      running[l][1] = matrix(s, "kfac/running/" + l + "/S", out);
      frozen[l][0] = matrix(s, "kfac/frozen/" + l + "/A", in + 1);
      frozen[l][1] = matrix(s, "kfac/frozen/" + l + "/S", out);
    }
    double u = s.get("kfac/updates")[0];
    if (!(u >= 1) || u != Math.rint(u)) {
      throw new IllegalArgumentException("kfac/updates must be a whole number >= 1, got " + u);
    }
    updates = (int) u;
    blocks = null;
    if (resampleRng != null) {
      double[] r = s.get("kfac/rng");
      if (r == null) {
        throw new IllegalArgumentException("kfac/rng is missing (the run resamples actions)");
      }
      resampleRng = Rng.fromState(doublesAsLongs(r));
    }
  }

  private static DMatrixRMaj matrix(Map<String, double[]> s, String key, int n) {
    double[] d = s.get(key);
    if (d == null || d.length != n * n) {
      throw new IllegalArgumentException(key + " must hold " + n + "x" + n + " values, got "
          + (d == null ? "none" : d.length));
    }
    return DMatrixRMaj.wrap(n, n, d.clone());
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
