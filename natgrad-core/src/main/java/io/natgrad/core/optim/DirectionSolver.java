package io.natgrad.core.optim;

import io.natgrad.core.linalg.CgResult;
import io.natgrad.core.linalg.ConjugateGradient;
import io.natgrad.core.linalg.DenseOperator;
import io.natgrad.core.linalg.DenseSolve;
import io.natgrad.core.linalg.DiagonalOperator;
import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.linalg.Preconditioner;
import io.natgrad.core.linalg.SolvableOperator;

/**
 * Solves G g = ∇f for the natural-gradient direction g = G⁻¹∇f.
 *
 * <p>{@link #direct()} factors small dense metrics (Cholesky through EJML; diagonal metrics in
 * closed form); {@link #conjugateGradient} needs only v ↦ Gv, so the metric is never formed.
 * Both solve a {@link SolvableOperator} (K-FAC's block-diagonal Kronecker metric) in its own
 * closed form: iterating on an operator that knows its inverse would only add error and cost.
 */
@FunctionalInterface
public interface DirectionSolver {

  /**
   * The direction and, for iterative solvers, their diagnostics.
   *
   * @param direction g ≈ G⁻¹∇f
   * @param cg the conjugate-gradient report, or null for a direct solve
   */
  record Solution(double[] direction, CgResult cg) {}

  /** Solves metric · g = gradient. */
  Solution solve(LinearOperator metric, double[] gradient);

  /** A short description for traces. */
  default String describe() {
    return getClass().getSimpleName();
  }

  /**
   * Direct solve: elementwise for diagonal metrics (G = I costs nothing), Cholesky for dense ones,
   * and for matrix-free operators the dense matrix is formed first (n products; fine for small n).
   */
  static DirectionSolver direct() {
    return new DirectionSolver() {
      @Override
      public Solution solve(LinearOperator metric, double[] gradient) {
        if (metric instanceof SolvableOperator s) {
          return closedForm(s, gradient);
        }
        if (metric instanceof DiagonalOperator d) {
          double[] diag = d.diagonal();
          double[] g = new double[gradient.length];
          for (int i = 0; i < g.length; i++) {
            if (!(diag[i] > 0.0)) {
              throw new IllegalArgumentException("metric is not positive definite: diagonal["
                  + i + "] = " + diag[i] + "; raise the damping");
            }
            g[i] = gradient[i] / diag[i];
          }
          return new Solution(g, null);
        }
        var dense = metric instanceof DenseOperator op ? op.toDense() : metric.toDense();
        return new Solution(DenseSolve.solveSpd(dense, 0.0, gradient), null);
      }

      @Override
      public String describe() {
        return "direct";
      }
    };
  }

  /** G⁻¹∇f by the operator's own closed form (no CG report). */
  private static Solution closedForm(SolvableOperator metric, double[] gradient) {
    double[] g = new double[gradient.length];
    metric.solve(gradient, g);
    return new Solution(g, null);
  }

  /**
   * Conjugate gradient on the metric operator.
   *
   * @param cg the CG settings (tolerance, iteration budget)
   * @param jacobi whether to precondition with diag(G)
   */
  static DirectionSolver conjugateGradient(ConjugateGradient cg, boolean jacobi) {
    return new DirectionSolver() {
      @Override
      public Solution solve(LinearOperator metric, double[] gradient) {
        if (metric instanceof SolvableOperator s) {
          return closedForm(s, gradient);
        }
        Preconditioner m = jacobi ? Preconditioner.jacobi(metric) : null;
        CgResult r = cg.solve(metric, gradient, null, m);
        return new Solution(r.solution(), r);
      }

      @Override
      public String describe() {
        return "cg(tol=" + cg.relativeTolerance() + ", max=" + cg.maxIterations()
            + (jacobi ? ", jacobi" : "") + ")";
      }
    };
  }

  /**
   * Conjugate gradient warm-started from the previous call's solution, which helps when
   * consecutive systems are close (small steps). Mutable: holds the last solution; use one instance
   * per optimization run.
   */
  static DirectionSolver warmStartedConjugateGradient(ConjugateGradient cg, boolean jacobi) {
    return new DirectionSolver() {
      private double[] previous;

      @Override
      public Solution solve(LinearOperator metric, double[] gradient) {
        Preconditioner m = jacobi ? Preconditioner.jacobi(metric) : null;
        double[] start = previous != null && previous.length == gradient.length ? previous : null;
        CgResult r = cg.solve(metric, gradient, start, m);
        previous = r.solution().clone();
        return new Solution(r.solution(), r);
      }

      @Override
      public String describe() {
        return "cg-warm(tol=" + cg.relativeTolerance() + ", max=" + cg.maxIterations()
            + (jacobi ? ", jacobi" : "") + ")";
      }
    };
  }
}
