package io.natgrad.core.optim;

import io.natgrad.core.linalg.CgResult;

/**
 * The outcome of one natural-gradient update θ_next = θ − βg.
 *
 * @param thetaNext the new iterate (equal to θ when the step was rejected)
 * @param direction g = G⁻¹∇f
 * @param beta the step size β (0 when rejected)
 * @param directionMetricNorm2 gᵀGg
 * @param metricStepLength ‖θ_next − θ‖_G before projection, β·√(gᵀGg) — √(2ε) for the trust region
 * @param euclideanStepLength ‖θ_next − θ‖₂ after projection
 * @param backtracks line-search shrinks
 * @param cg the CG report, or null for a direct solve
 * @param rejection null when the step was taken, otherwise why not
 * @param valueAtStep f(θ_next) when the step rule evaluated it, else NaN
 * @param divergence the divergence measured at θ_next by a constrained line search, else NaN
 */
public record Update(
    double[] thetaNext,
    double[] direction,
    double beta,
    double directionMetricNorm2,
    double metricStepLength,
    double euclideanStepLength,
    int backtracks,
    CgResult cg,
    String rejection,
    double valueAtStep,
    double divergence) {

  public boolean accepted() {
    return rejection == null;
  }
}
