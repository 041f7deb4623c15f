package io.natgrad.core.linalg;

/**
 * What conjugate gradient returns: the approximate solution of Ax = b and how it got there.
 *
 * @param solution the last iterate x
 * @param iterations CG iterations taken (applications of A, not counting the initial residual of a
 *     warm start)
 * @param relativeResidual ‖b − Ax‖ / ‖b‖ at the returned x (0 when b = 0)
 * @param status why CG stopped
 * @param curvature pᵀAp at the search direction that stopped CG when {@code status} is
 *     {@link Status#NON_POSITIVE_CURVATURE}, otherwise NaN
 */
public record CgResult(
    double[] solution, int iterations, double relativeResidual, Status status, double curvature) {

  /** Why conjugate gradient stopped. */
  public enum Status {
    /** The relative residual fell to the tolerance. */
    CONVERGED,
    /** The iteration budget ran out first; the solution is the best so far. */
    MAX_ITERATIONS,
    /**
     * A search direction p had pᵀAp ≤ 0: A is not positive definite (raise the damping). The
     * solution is the iterate before that direction.
     */
    NON_POSITIVE_CURVATURE,
    /** A non-finite value appeared (A or b holds NaN or ∞); the solution is the last finite one. */
    NON_FINITE
  }

  /** True when the tolerance was met. */
  public boolean converged() {
    return status == Status.CONVERGED;
  }
}
