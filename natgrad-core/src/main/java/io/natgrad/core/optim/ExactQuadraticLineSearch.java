package io.natgrad.core.optim;

/**
 * The exact line search for a {@link QuadraticObjective} f(θ) = ½θᵀAθ − bᵀθ + c: the β minimizing
 * f(θ − βg) is
 *
 * <pre>β = ∇f(θ)ᵀg / gᵀAg,</pre>
 *
 * feasible exactly because f's form is known (paper, "Gradient Descent and Trust Regions"). Any
 * other objective is refused, as is a direction of non-positive curvature.
 */
public record ExactQuadraticLineSearch() implements StepRule {

  @Override
  public StepDecision decide(StepContext context) {
    if (!(context.objective() instanceof QuadraticObjective q)) {
      throw new IllegalArgumentException(
          "the exact line search needs a QuadraticObjective, got "
              + context.objective().getClass().getSimpleName()
              + "; use Backtracking for other objectives");
    }
    double curvature = q.hessian().quadraticForm(context.direction());
    if (!(curvature > 0.0) || !Double.isFinite(curvature)) {
      return StepDecision.reject("non-positive curvature gᵀAg = " + curvature, 0);
    }
    return StepDecision.accept(context.gradientDotDirection() / curvature, 0);
  }

  @Override
  public String describe() {
    return "exact-quadratic";
  }
}
