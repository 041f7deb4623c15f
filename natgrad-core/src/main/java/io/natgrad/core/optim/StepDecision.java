package io.natgrad.core.optim;

/**
 * A {@link StepRule}'s answer.
 *
 * @param beta the step size β (0 when rejected)
 * @param backtracks how many times a line search shrank β
 * @param rejection null when the step is taken, otherwise why no step is taken
 */
public record StepDecision(double beta, int backtracks, String rejection) {

  /** Take the step θ − βg. */
  public static StepDecision accept(double beta, int backtracks) {
    return new StepDecision(beta, backtracks, null);
  }

  /** Take no step, for the given reason. */
  public static StepDecision reject(String reason, int backtracks) {
    return new StepDecision(0.0, backtracks, reason);
  }

  public boolean accepted() {
    return rejection == null;
  }
}
