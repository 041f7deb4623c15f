package io.natgrad.spark;

import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.env.NonFiniteEnvironmentException;
import io.natgrad.rl.sample.CopyState;
import io.natgrad.rl.sample.Sampler;
import io.natgrad.rl.sample.SamplerState;
import io.natgrad.rl.sample.VectorSampler;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The Spark backend of {@link Sampler}. The driver holds every environment copy's state; each
 * iteration it broadcasts θ, sends each task its fixed slice of copies with their states, and
 * concatenates the returned columnar batches in slice order — so the batch is, bit for bit, the one
 * {@link VectorSampler} produces for the same seed and number of copies (streams derive from the
 * global copy index, see {@link VectorSampler#VectorSampler(List, io.natgrad.rl.policy.Policy, long,
 * io.natgrad.rl.env.ObservationNormalizer, int, int)}). The update runs on the driver.
 *
 * <p>A task is a pure function of its input ({@link SliceTask}): a task Spark re-runs after a
 * failure returns the same trajectories, and nothing is lost or counted twice.
 */
public final class SparkSampler implements Sampler {

  private final String envId;
  private final PolicySpec spec;
  private final long seed;
  private final int copies;
  private final int[][] slices;
  private final JavaSparkContext sc;
  private final boolean failFirstAttempt;
  private final List<double[]> completed = new ArrayList<>();
  private List<CopyData> states;
  private long totalSteps;
  private long lastBroadcastBytes;
  private boolean measureBytes;
  private long lastSentBytes;
  private long lastReturnedBytes;

  /**
   * @param envId registered environment id (tasks build their copies with it)
   * @param copies number of environment copies
   * @param spec the policy architecture
   * @param seed the sampler seed
   * @param sc the Spark context
   * @param partitions number of tasks (slices of copies), at most one per copy
   * @param failFirstAttempt fault injection for tests: every task's first attempt throws
   */
  SparkSampler(String envId, int copies, PolicySpec spec, long seed, JavaSparkContext sc,
      int partitions, boolean failFirstAttempt) {
    if (copies < 1) {
      throw new IllegalArgumentException("n_envs must be >= 1, got " + copies);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    this.envId = envId;
    this.copies = copies;
    this.spec = spec;
    this.seed = seed;
    this.sc = sc;
    this.failFirstAttempt = failFirstAttempt;
    int p = Math.min(partitions, copies);
    slices = new int[p][2];
    for (int s = 0; s < p; s++) {
      slices[s][0] = (int) ((long) s * copies / p);
      slices[s][1] = (int) ((long) (s + 1) * copies / p);
    }
  }

  @Override
  public Batch collect(double[] theta, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("n_steps must be >= 1, got " + steps);
    }
    List<SliceTask.Input> inputs = new ArrayList<>(slices.length);
    for (int[] s : slices) {
      inputs.add(new SliceTask.Input(s[0], s[1] - s[0], states != null,
          states == null ? null : List.copyOf(states.subList(s[0], s[1]))));
    }
    Broadcast<double[]> th = sc.broadcast(theta.clone());
    lastBroadcastBytes = 8L * theta.length;
    String env = envId;
    PolicySpec pol = spec;
    long sd = seed;
    boolean fail = failFirstAttempt;
    List<SliceTask.Output> outs;
    try {
      outs = sc.parallelize(inputs, inputs.size()).map(in -> {
        if (fail && TaskContext.get() != null && TaskContext.get().attemptNumber() == 0) {
          throw new IllegalStateException("injected failure (first attempt of slice at copy "
              + in.firstCopy() + ")");
        }
        return SliceTask.run(env, pol, sd, th.value(), steps, in);
      }).collect();
    } finally {
      th.destroy();
    }
    if (measureBytes) {
      lastSentBytes = serializedSize(inputs);
      lastReturnedBytes = serializedSize(outs);
    }
    for (SliceTask.Output o : outs) {
      if (o.nonFinite() != null) {
        // the in-process sampler's exception, so the trainer stops the same way (last good
        // checkpoint kept); the copies' states stay those before this iteration
        throw new NonFiniteEnvironmentException(o.nonFinite());
      }
    }
    List<Batch> parts = new ArrayList<>(outs.size());
    List<CopyData> next = new ArrayList<>(copies);
    List<double[]> eps = new ArrayList<>();
    int expect = 0;
    for (SliceTask.Output o : outs) {
      if (o.firstCopy() != expect) {
        throw new IllegalStateException("slice results out of order: expected copy " + expect
            + ", got " + o.firstCopy());
      }
      parts.add(o.batch().toBatch());
      next.addAll(o.copies());
      eps.addAll(o.episodes());
      expect += o.copies().size();
    }
    // completed episodes in (step, copy) order, as the in-process sampler reports them
    eps.sort((x, y) -> x[2] != y[2] ? Double.compare(x[2], y[2]) : Double.compare(x[3], y[3]));
    for (double[] e : eps) {
      completed.add(new double[] {e[0], e[1]});
    }
    states = next;
    totalSteps += (long) copies * steps;
    return Batch.concat(parts);
  }

  /** Bytes of the last θ broadcast (what is sent once per iteration besides the copies' states). */
  public long lastBroadcastBytes() {
    return lastBroadcastBytes;
  }

  /** Measure what each iteration sends and receives (Java-serialized sizes; costs time). */
  void measureBytes(boolean on) {
    measureBytes = on;
  }

  /** Serialized bytes of the last iteration's task inputs (copies' states), all tasks. */
  long lastSentBytes() {
    return lastSentBytes;
  }

  /** Serialized bytes of the last iteration's task results (batches, episodes, new states). */
  long lastReturnedBytes() {
    return lastReturnedBytes;
  }

  private static long serializedSize(Object o) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(b)) {
      out.writeObject(new ArrayList<>((List<?>) o));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return b.size();
  }

  /** Number of Spark tasks per iteration. */
  public int partitions() {
    return slices.length;
  }

  @Override
  public List<double[]> drainCompletedEpisodes() {
    List<double[]> out = new ArrayList<>(completed);
    completed.clear();
    return out;
  }

  @Override
  public SamplerState snapshot() {
    if (states == null) {
      // nothing sampled yet: the streams are the fresh ones, exactly as a new VectorSampler's
      try (VectorSampler fresh = freshLocal()) {
        SamplerState s = fresh.snapshot();
        return new SamplerState(false, totalSteps, s.copies());
      }
    }
    List<CopyState> cs = new ArrayList<>(copies);
    for (CopyData c : states) {
      cs.add(c.toState());
    }
    return new SamplerState(true, totalSteps, cs);
  }

  @Override
  public boolean restore(SamplerState state) {
    if (state.copies().size() != copies) {
      throw new IllegalArgumentException("checkpoint has " + state.copies().size()
          + " environment copies, the run has n_envs " + copies);
    }
    totalSteps = state.totalSteps();
    if (!state.started()) {
      states = null;
      return true;
    }
    List<CopyData> next = new ArrayList<>(copies);
    for (CopyState c : state.copies()) {
      if (c.env() == null) {
        states = null;
        return false;
      }
      next.add(CopyData.of(c, envId));
    }
    states = next;
    return true;
  }

  private VectorSampler freshLocal() {
    return new VectorSampler(SliceTask.copies(envId, copies), spec.build(), seed, null, 1);
  }

  @Override
  public int envCount() {
    return copies;
  }

  @Override
  public void close() {
    SharedContext.release(sc);
  }
}
