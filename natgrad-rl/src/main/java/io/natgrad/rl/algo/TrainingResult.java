package io.natgrad.rl.algo;

import java.util.List;

/**
 * The outcome of {@link PolicyGradient#train}.
 *
 * @param history one record per iteration
 * @param theta the last finite parameters reached
 * @param stopReason null when every iteration ran, otherwise why training stopped early (a
 *     divergence, a rejected update)
 */
public record TrainingResult(List<IterationRecord> history, double[] theta, String stopReason) {

  /** True when training ran all its iterations. */
  public boolean completed() {
    return stopReason == null;
  }
}
