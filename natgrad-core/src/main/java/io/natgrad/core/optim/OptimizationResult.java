package io.natgrad.core.optim;

import java.util.List;

/**
 * The result of {@link Optimizer#minimize}.
 *
 * @param theta the final iterate
 * @param value f there
 * @param iterations the final iteration index
 * @param stopReason why the run stopped
 * @param trace every iterate, the start included
 */
public record OptimizationResult(
    double[] theta, double value, int iterations, String stopReason, List<Iterate> trace) {

  /** The final iterate. */
  public Iterate last() {
    return trace.get(trace.size() - 1);
  }
}
