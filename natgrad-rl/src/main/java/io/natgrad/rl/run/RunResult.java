package io.natgrad.rl.run;

import java.nio.file.Path;

/**
 * How a {@link TrainingRun} ended.
 *
 * @param status completed, stopped on request, or failed
 * @param directory the run directory
 * @param iteration updates done (the failed one included)
 * @param steps environment steps taken
 * @param policy {@code policy.json} when completed, else null
 * @param lastCheckpoint the newest checkpoint left in the run directory, or null
 * @param failure why training failed (a non-finite value, a checkpoint that could not be
 *     written), or null
 */
public record RunResult(Status status, Path directory, int iteration, long steps, Path policy,
    Path lastCheckpoint, String failure) {

  /** How a run ended. */
  public enum Status {
    /** The step budget was spent or an evaluation reached the threshold: policy.json written. */
    COMPLETED,
    /** A stop was requested (a signal): the final checkpoint is written, no policy file. */
    STOPPED,
    /** A non-finite value or an I/O failure: the last good checkpoint is left as it was. */
    FAILED
  }
}
