package io.natgrad.core.linalg;

/**
 * Preconditioned conjugate gradient for Ax = b with A symmetric positive definite, given only as a
 * {@link LinearOperator}: the solver the paper proposes for the natural-gradient system F g = ∇J
 * without ever forming F (section "Efficiently Calculating the Fisher Information Matrix"; Hestenes
 * and Stiefel 1952; Nocedal and Wright, Algorithm 5.3).
 *
 * <p>Each iteration applies A once. It stops when ‖b − Ax‖ ≤ tol·‖b‖, after {@code maxIterations},
 * at the first direction with pᵀAp ≤ 0 (reported, never hidden: the metric is not positive definite
 * and needs damping), or when a non-finite value appears. In exact arithmetic it converges in at most
 * n iterations. The recursive residual is used for the stopping test, and the true residual is
 * recomputed once at the end for the reported figure.
 *
 * <p>Immutable and thread-safe; every call allocates its own work vectors.
 */
public final class ConjugateGradient {
  private final double relativeTolerance;
  private final int maxIterations;

  /**
   * @param relativeTolerance stop when ‖b − Ax‖ ≤ relativeTolerance·‖b‖; must be ≥ 0 and finite
   * @param maxIterations iteration budget, ≥ 1 (SB3's TRPO uses 15)
   */
  public ConjugateGradient(double relativeTolerance, int maxIterations) {
    if (!(relativeTolerance >= 0.0) || !Double.isFinite(relativeTolerance)) {
      throw new IllegalArgumentException(
          "relativeTolerance must be finite and >= 0, got " + relativeTolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
    this.relativeTolerance = relativeTolerance;
    this.maxIterations = maxIterations;
  }

  public double relativeTolerance() {
    return relativeTolerance;
  }

  public int maxIterations() {
    return maxIterations;
  }

  /** Solves Ax = b from x₀ = 0 without preconditioning. */
  public CgResult solve(LinearOperator a, double[] b) {
    return solve(a, b, null, null);
  }

  /**
   * Solves Ax = b.
   *
   * @param a the symmetric positive definite operator
   * @param b the right-hand side
   * @param warmStart the initial iterate x₀, or null for 0 (not modified)
   * @param preconditioner M⁻¹, or null for none
   */
  public CgResult solve(
      LinearOperator a, double[] b, double[] warmStart, Preconditioner preconditioner) {
    int n = a.dimension();
    if (b.length != n) {
      throw new IllegalArgumentException(
          "right-hand side has length " + b.length + ", operator dimension is " + n);
    }
    if (warmStart != null && warmStart.length != n) {
      throw new IllegalArgumentException(
          "warm start has length " + warmStart.length + ", operator dimension is " + n);
    }
    double bNorm = Vectors.norm(b);
    double[] x = warmStart == null ? new double[n] : warmStart.clone();
    if (!Double.isFinite(bNorm) || !Vectors.isFinite(x)) {
      return new CgResult(x, 0, Double.NaN, CgResult.Status.NON_FINITE, Double.NaN);
    }
    if (bNorm == 0.0) {
      return new CgResult(new double[n], 0, 0.0, CgResult.Status.CONVERGED, Double.NaN);
    }
    double[] r = b.clone();
    double[] ap = new double[n];
    if (warmStart != null) {
      a.apply(x, ap);
      Vectors.axpy(-1.0, ap, r);
    }
    double[] z = preconditioner == null ? r : new double[n];
    if (preconditioner != null) {
      preconditioner.apply(r, z);
    }
    double[] p = z.clone();
    double rz = Vectors.dot(r, z);
    double threshold = relativeTolerance * bNorm;
    double rNorm = Vectors.norm(r);
    int k = 0;
    CgResult.Status status = CgResult.Status.MAX_ITERATIONS;
    double badCurvature = Double.NaN;
    if (rNorm <= threshold) {
      status = CgResult.Status.CONVERGED;
    } else {
      while (k < maxIterations) {
        a.apply(p, ap);
        double pap = Vectors.dot(p, ap);
        if (!Double.isFinite(pap)) {
          status = CgResult.Status.NON_FINITE;
          break;
        }
        if (pap <= 0.0) {
          status = CgResult.Status.NON_POSITIVE_CURVATURE;
          badCurvature = pap;
          break;
        }
        double alpha = rz / pap;
        Vectors.axpy(alpha, p, x);
        Vectors.axpy(-alpha, ap, r);
        k++;
        rNorm = Vectors.norm(r);
        if (!Double.isFinite(rNorm)) {
          Vectors.axpy(-alpha, p, x);
          status = CgResult.Status.NON_FINITE;
          break;
        }
        if (rNorm <= threshold) {
          status = CgResult.Status.CONVERGED;
          break;
        }
        if (preconditioner != null) {
          preconditioner.apply(r, z);
        }
        double rzNext = Vectors.dot(r, z);
        double beta = rzNext / rz;
        rz = rzNext;
        for (int i = 0; i < n; i++) {
          p[i] = z[i] + beta * p[i];
        }
      }
    }
    // Report the true residual, not the recursive one, which drifts in floating point.
    double[] ax = a.apply(x);
    double trueResidual = 0.0;
    for (int i = 0; i < n; i++) {
      double d = b[i] - ax[i];
      trueResidual += d * d;
    }
    return new CgResult(x, k, Math.sqrt(trueResidual) / bNorm, status, badCurvature);
  }
}
