package io.natgrad.rl.run;

import io.natgrad.rl.algo.TrainingIteration;

/**
 * What an application adds to a {@link TrainingRun}: a progress display, charts, a report. Every
 * method has an empty default; a listener that throws stops the run as a failure would.
 */
public interface RunListener {

  /** Before the first update, once the run directory and {@code config.json} are in place. */
  default void started(TrainingRun run) {}

  /** After every update, once its metrics row is written and its checkpoint (if due) saved. */
  default void iteration(TrainingIteration iteration) {}

  /** An evaluation reached the run's stop-at-return threshold: the run ends after this update. */
  default void reachedReturn(double evaluation, double threshold) {}

  /**
   * Training has ended (budget spent, threshold reached, or a stop requested); the final
   * checkpoint and {@code policy.json} are about to be written.
   *
   * @param stopRequested whether the run was asked to stop (no policy file is written then)
   */
  default void finishing(boolean stopRequested) {}
}
