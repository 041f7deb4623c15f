package io.natgrad.core.glm;

import java.util.ArrayList;
import java.util.List;

/**
 * R's {@code glm.fit} iteration, wherever the rows live (in this JVM's arrays, or in a cluster's
 * partitions): from the starting means, each iteration solves the weighted least squares at the
 * current point — the paper's natural-gradient step with the exact Fisher and step 1 — halves the
 * step only when the deviance is not finite or η/μ leave the valid region, and stops when
 * |D − D_old| / (|D| + 0.1) &lt; ε.
 */
final class IrlsLoop {

  /** The rows at one set of coefficients (or at the starting means). */
  interface Point {
    /** D at this point. */
    double deviance();

    /** Whether every η and μ is in the link's and the family's valid region. */
    boolean valid();

    /**
     * The weighted least-squares step from this point (aliasing tolerance {@code tol}), or null
     * when no observation is informative; a NaN or zero variance at a weighted row is an error.
     */
    Wls solve(double tol);
  }

  /** Where the rows are: the points the iteration visits. */
  interface Rows {
    /** The point at R's starting means ({@code mustart}, η = g(μ)). */
    Point start();

    /** The point at η = Xβ + offset. */
    Point at(double[] beta);
  }

  /**
   * What the iteration ended with.
   *
   * @param beta the last coefficients (aliased 0)
   * @param last the point at {@code beta}
   * @param wls the last weighted least-squares solution (its covariance is the fit's), or null
   */
  record Result(double[] beta, Point last, Wls wls, int iterations, boolean converged,
      boolean boundary, List<double[]> iterates, List<String> warnings) {}

  private IrlsLoop() {}

  /** Refuses a convergence tolerance or an iteration limit R's glm.control would not take. */
  static void checkControl(double epsilon, int maxIterations) {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxit must be >= 1, got " + maxIterations);
    }
  }

  static Result run(Rows rows, int p, double epsilon, int maxIterations) {
    List<String> warnings = new ArrayList<>();
    Point pt = rows.start();
    if (!pt.valid()) {
      throw new IllegalArgumentException("cannot find valid starting values: please specify "
          + "some");
    }
    double devOld = pt.deviance();
    double dev;
    double[] start = new double[p];
    double[] coefOld = null;
    boolean converged = false;
    boolean boundary = false;
    int iterations = 0;
    Wls wls = null;
    List<double[]> iterates = new ArrayList<>();
    double tol = Math.min(1e-7, epsilon / 1000);
    for (int iter = 1; iter <= maxIterations; iter++) {
      iterations = iter;
      Wls step = pt.solve(tol);
      if (step == null) {
        warnings.add("no observations informative at iteration " + iter);
        break;
      }
      wls = step;
      double[] b = step.solution();
      boolean finite = true;
      for (int j = 0; j < p; j++) {
        if (Double.isNaN(b[j]) && !step.kept(j)) {
          b[j] = 0; // aliased: R's dqrls leaves it 0 while iterating
        } else if (!Double.isFinite(b[j])) {
          finite = false;
        }
      }
      if (!finite) {
        warnings.add("non-finite coefficients at iteration " + iter);
        break;
      }
      start = b;
      pt = rows.at(start);
      dev = pt.deviance();
      if (!Double.isFinite(dev)) {
        if (coefOld == null) {
          throw new IllegalStateException("no valid set of coefficients has been found: please "
              + "supply starting values");
        }
        for (int ii = 1; !Double.isFinite(dev); ii++) {
          if (ii > maxIterations) {
            throw new IllegalStateException("inner loop 1; cannot correct step size");
          }
          halve(start, coefOld);
          pt = rows.at(start);
          dev = pt.deviance();
        }
        boundary = true;
      }
      if (!pt.valid()) {
        if (coefOld == null) {
          throw new IllegalStateException("no valid set of coefficients has been found: please "
              + "supply starting values");
        }
        for (int ii = 1; !pt.valid(); ii++) {
          if (ii > maxIterations) {
            throw new IllegalStateException("inner loop 2; cannot correct step size");
          }
          halve(start, coefOld);
          pt = rows.at(start);
        }
        boundary = true;
        dev = pt.deviance();
      }
      iterates.add(start.clone());
      if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
        converged = true;
        break;
      }
      devOld = dev;
      coefOld = start.clone();
    }
    if (!converged) {
      warnings.add("glm.fit: algorithm did not converge");
    }
    if (boundary) {
      warnings.add("glm.fit: algorithm stopped at boundary value");
    }
    return new Result(start, pt, wls, iterations, converged, boundary, List.copyOf(iterates),
        warnings);
  }

  /** R's warning when fitted means reach the edge of their range. */
  static String edgeWarning(Family family) {
    return family == Family.BINOMIAL
        ? "glm.fit: fitted probabilities numerically 0 or 1 occurred — the data may be "
            + "separated (perfectly or quasi-completely): the maximum-likelihood estimate does "
            + "not exist and the coefficients shown are where the iterations stopped"
        : "glm.fit: fitted rates numerically 0 occurred";
  }

  /** Whether μ is numerically at the edge R warns about (binomial 0 or 1, Poisson 0). */
  static boolean atEdge(Family family, double mu) {
    double eps = 10 * Math.ulp(1.0);
    return family == Family.BINOMIAL && (mu > 1 - eps || mu < eps)
        || family == Family.POISSON && mu < eps;
  }

  /**
   * The fit from the iteration's result and the statistics at its last point: dispersion (Pearson
   * χ² / residual df where the family estimates it), the covariance φ̂ (XᵀWX)⁻¹ of the last step,
   * its standard errors, R's AIC.
   */
  static GlmFit assemble(Result r, int p, Family family, long nOk, double pearson,
      double nullDeviance, double aicWithoutRank, boolean intercept, double[] eta, double[] mu,
      double[] workingWeights) {
    Wls qr = r.wls();
    int rank = qr == null ? 0 : qr.rank();
    double[] coef = r.beta().clone();
    for (int j = 0; j < p; j++) {
      if (qr != null && !qr.kept(j)) {
        coef[j] = Double.NaN;
      }
    }
    int dfResidual = Math.toIntExact(nOk - rank);
    double dispersion = !family.estimatesDispersion() ? 1
        : dfResidual > 0 ? pearson / dfResidual : Double.NaN;
    double[] se = new double[p];
    java.util.Arrays.fill(se, Double.NaN);
    double[][] cov = new double[p][p];
    for (double[] row : cov) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    if (qr != null) {
      cov = qr.unscaledCovariance();
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          cov[a][b] *= dispersion;
        }
        se[a] = Math.sqrt(cov[a][a]);
      }
    }
    return new GlmFit(coef, se, rank, r.iterations(), r.converged(), r.boundary(),
        r.last().deviance(), nullDeviance, dfResidual, Math.toIntExact(nOk - (intercept ? 1 : 0)),
        dispersion, pearson, aicWithoutRank + 2 * rank, eta, mu, workingWeights, r.iterates(),
        List.copyOf(r.warnings()), cov);
  }

  private static void halve(double[] start, double[] old) {
    for (int j = 0; j < start.length; j++) {
      start[j] = (start[j] + old[j]) / 2;
    }
  }
}
