package io.natgrad.core.optim;

/**
 * A {@link StepRule}'s answer.
 *
 * @param beta the step size β (0 when rejected)
 * @param backtracks how many times a line search shrank β
 * @param rejection null when the step is taken, otherwise why no step is taken
 * @param valueAtStep f at the accepted point when the rule evaluated it (line searches), else NaN
 * @param divergence the measured divergence of the accepted point (KL-checked searches), else NaN
 */
public record StepDecision(
    double beta, int backtracks, String rejection, double valueAtStep, double divergence) {

  /** Take the step θ − βg. */
  public static StepDecision accept(double beta, int backtracks) {
    return new StepDecision(beta, backtracks, null, Double.NaN, Double.NaN);
  }

  /** Take the step θ − βg, reporting f and the divergence measured there. */
  public static StepDecision accept(
      double beta, int backtracks, double valueAtStep, double divergence) {
    return new StepDecision(beta, backtracks, null, valueAtStep, divergence);
  }

  /** Take no step, for the given reason. */
  public static StepDecision reject(String reason, int backtracks) {
    return new StepDecision(0.0, backtracks, reason, Double.NaN, Double.NaN);
  }

  public boolean accepted() {
    return rejection == null;
  }
}
