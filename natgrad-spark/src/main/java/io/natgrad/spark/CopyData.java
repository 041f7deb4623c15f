package io.natgrad.spark;

import io.natgrad.rl.env.EnvSnapshot;
import io.natgrad.rl.sample.CopyState;
import java.io.Serializable;

/**
 * One environment copy's state as it travels between the driver and a task: the serializable form
 * of {@link CopyState} (the same fields checkpoints store). Doubles travel as their
 * bits, so the copy resumes exactly.
 *
 * @param envState the environment's internal state
 * @param envRng the environment's generator state (null before its first reset)
 * @param elapsed the time limit's step counter
 * @param active whether an episode is in progress
 * @param actionRng the copy's action stream
 * @param raw the current raw observation
 * @param seen the current observation as the policy sees it
 * @param timestep step index within the current episode
 * @param episodeReturn the current episode's return so far
 * @param episodeLength the current episode's length so far
 */
record CopyData(double[] envState, long[] envRng, int elapsed, boolean active, long[] actionRng,
    double[] raw, double[] seen, int timestep, double episodeReturn, int episodeLength)
    implements Serializable {

  static CopyData of(CopyState c, String envId) {
    EnvSnapshot e = c.env();
    if (e == null) {
      throw new IllegalArgumentException("environment " + envId + " offers no snapshot (it is "
          + "not a StatefulEnv): the Spark engine needs one to carry episodes across iterations");
    }
    return new CopyData(e.state(), e.rng(), e.elapsed(), e.active(), c.actionRng(), c.raw(),
        c.seen(), c.timestep(), c.episodeReturn(), c.episodeLength());
  }

  CopyState toState() {
    return new CopyState(new EnvSnapshot(envState, envRng, elapsed, active),
        actionRng, raw, seen, timestep, episodeReturn, episodeLength);
  }
}
