package io.natgrad.spark;

import io.natgrad.rl.algo.Evaluation;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.sample.CopyState;
import io.natgrad.rl.sample.SamplerState;
import io.natgrad.rl.sample.VectorSampler;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one Spark task computes: a pure function of what the driver sends — the environment id, the
 * policy architecture and θ, the sampler seed, and for each copy of its slice the copy's state — to
 * the slice's rows of the batch and the copies' new states. Nothing depends on the executor or the
 * attempt, so a re-run task returns the same trajectories.
 */
final class SliceTask {

  private SliceTask() {}

  /** A task's input: the slice [firstCopy, firstCopy + count) and its copies' states. */
  record Input(int firstCopy, int count, boolean started, List<CopyData> copies)
      implements Serializable {}

  /**
   * A task's output: the slice's batch, its completed episodes and its copies' new states; or, when
   * the environment or the policy produced a non-finite value, only {@code nonFinite} (the message).
   * That failure is deterministic, so it is returned, not thrown: Spark would only retry it.
   */
  record Output(int firstCopy, BatchData batch, List<double[]> episodes, List<CopyData> copies,
      String nonFinite) implements Serializable {}

  /** {@code n} copies of {@code envId}, wrapped as the trainer wraps them. */
  static List<Env> copies(String envId, int n) {
    List<Env> envs = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      envs.add(Evaluation.makeEnv(envId));
    }
    return envs;
  }

  static Output run(String envId, PolicySpec spec, long seed, double[] theta, int steps,
      Input in) {
    try (VectorSampler s = new VectorSampler(copies(envId, in.count()), spec.build(), seed, null, 1, in.firstCopy())) {
      if (in.copies() != null) {
        List<CopyState> cs = new ArrayList<>(in.count());
        for (CopyData c : in.copies()) {
          cs.add(c.toState());
        }
        s.restore(new SamplerState(in.started(), 0L, cs));
      }
      Batch b;
      try {
        b = s.collect(theta, steps);
      } catch (ArithmeticException e) {
        return new Output(in.firstCopy(), null, List.of(), List.of(), e.getMessage());
      }
      List<double[]> episodes = s.drainCompletedEpisodesWithOrder();
      List<CopyData> out = new ArrayList<>(in.count());
      for (CopyState c : s.snapshot().copies()) {
        out.add(CopyData.of(c, envId));
      }
      return new Output(in.firstCopy(), BatchData.of(b), episodes, out, null);
    }
  }
}
