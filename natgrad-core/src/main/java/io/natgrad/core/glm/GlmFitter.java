package io.natgrad.core.glm;

import java.util.ArrayList;
import java.util.List;

/**
 * Fisher scoring for a generalized linear model as R's {@code glm.fit} does it — the paper's
 * natural gradient with the exact Fisher and step 1, written as iteratively reweighted least
 * squares: from R's starting means, each iteration solves the weighted least squares of the
 * working response z = η − o + (y − μ)/μ'(η) on X with weights w μ'(η)²/V(μ) by a QR with R's
 * limited pivoting (aliased columns found as R finds them, tolerance min(1e-7, ε/1000)), halves
 * the step only when the deviance is not finite or η/μ leave the valid region, and stops when
 * |D − D_old| / (|D| + 0.1) &lt; ε.
 */
public final class GlmFitter {
  private final double epsilon;
  private final int maxIterations;
  private final Solver solver;

  /** How each iteration's weighted least squares is solved. */
  public enum Solver {
    /** QR (R's way) for small designs, the normal equations for tall well-conditioned ones. */
    AUTO,
    /** Householder QR with R's limited pivoting on the weighted design (a copy of it). */
    QR,
    /** XᵀWX by one pass over the rows and a Cholesky factorization with the same aliasing rule;
     * QR where the factors are ill-conditioned. */
    NORMAL_EQUATIONS
  }

  /** The solution of one weighted least-squares step, whichever way it was solved. */
  private interface Wls {
    double[] solution();

    int rank();

    boolean kept(int j);

    double[][] unscaledCovariance();
  }

  /**
   * @param epsilon the convergence tolerance ε (R's default 1e-8)
   * @param maxIterations at most this many iterations (R's default 25)
   */
  public GlmFitter(double epsilon, int maxIterations) {
    this(epsilon, maxIterations, Solver.AUTO);
  }

  /**
   * @param epsilon the convergence tolerance ε
   * @param maxIterations at most this many iterations
   * @param solver how the weighted least squares are solved
   */
  public GlmFitter(double epsilon, int maxIterations, Solver solver) {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxit must be >= 1, got " + maxIterations);
    }
    this.epsilon = epsilon;
    this.maxIterations = maxIterations;
    this.solver = java.util.Objects.requireNonNull(solver, "solver");
  }

  /** R's defaults: ε = 1e-8, 25 iterations. */
  public static GlmFitter defaults() {
    return new GlmFitter(1e-8, 25);
  }

  /**
   * Fits the model.
   *
   * @param x design, n × p row-major
   * @param y responses (binomial: proportions of the weights' trials)
   * @param weights prior weights (binomial: trials), or null for ones
   * @param offset offset, or null
   * @param intercept whether the model has an intercept (for the null deviance)
   */
  public GlmFit fit(double[] x, int n, int p, double[] y, double[] weights, double[] offset,
      Family family, Link link, boolean intercept) {
    double[] w = weights == null ? filled(n, 1) : weights;
    double[] off = offset == null ? new double[n] : offset;
    if (x.length != n * p || y.length != n || w.length != n || off.length != n) {
      throw new IllegalArgumentException("design " + n + " x " + p + ", y, weights and offset "
          + "must agree in length");
    }
    List<String> warnings = new ArrayList<>();
    double[] eta = new double[n];
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      eta[i] = link.link(family.startingMean(y[i], w[i]));
      mu[i] = link.inverse(eta[i]);
    }
    if (!valid(family, link, eta, mu)) {
      throw new IllegalArgumentException("cannot find valid starting values: please specify "
          + "some");
    }
    GlmModel model = new GlmModel(x, n, p, y, w, off, family, link);
    double devOld = model.devianceAt(mu);
    double dev = devOld;
    double[] start = new double[p];
    double[] coefOld = null;
    boolean converged = false;
    boolean boundary = false;
    int iterations = 0;
    Wls qr = null;
    double[] workW = new double[n];
    List<double[]> iterates = new ArrayList<>();
    double tol = Math.min(1e-7, epsilon / 1000);
    // per-row work arrays, reused by every iteration (a tall design's fit allocates nothing else
    // of its size)
    boolean[] isGood = new boolean[n];
    double[] muEta = new double[n];
    double[] zAll = new double[n];
    for (int iter = 1; iter <= maxIterations; iter++) {
      iterations = iter;
      int good = 0;
      for (int i = 0; i < n; i++) {
        double v = family.variance(mu[i]);
        if (w[i] > 0 && (Double.isNaN(v) || v == 0)) {
          throw new IllegalStateException(Double.isNaN(v) ? "NAs in V(mu)" : "0s in V(mu)");
        }
        muEta[i] = link.muEta(eta[i]);
        isGood[i] = w[i] > 0 && muEta[i] != 0;
        if (isGood[i]) {
          good++;
        }
      }
      if (good == 0) {
        warnings.add("no observations informative at iteration " + iter);
        break;
      }
      java.util.Arrays.fill(workW, 0);
      java.util.Arrays.fill(zAll, 0);
      for (int i = 0; i < n; i++) {
        if (isGood[i]) {
          zAll[i] = eta[i] - off[i] + (y[i] - mu[i]) / muEta[i];
          workW[i] = w[i] * muEta[i] * muEta[i] / family.variance(mu[i]);
        }
      }
      qr = null;
      if (solver == Solver.NORMAL_EQUATIONS
          || solver == Solver.AUTO && n >= 20_000 && n >= 50L * p) {
        NormalEquations ne = NormalEquations.solve(x, n, p, isGood, workW, zAll, tol);
        if (ne.wellConditioned()) {
          qr = wls(ne);
        }
      }
      if (qr == null) {
        double[] xw = new double[good * p];
        double[] zw = new double[good];
        int r = 0;
        for (int i = 0; i < n; i++) {
          if (!isGood[i]) {
            continue;
          }
          double sw = Math.sqrt(workW[i]);
          for (int j = 0; j < p; j++) {
            xw[r * p + j] = x[i * p + j] * sw;
          }
          zw[r] = zAll[i] * sw;
          r++;
        }
        qr = wls(PivotedQr.of(xw, good, p, tol), zw);
      }
      double[] b = qr.solution();
      boolean finite = true;
      for (int j = 0; j < p; j++) {
        if (Double.isNaN(b[j]) && !qr.kept(j)) {
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
      model.linearPredictor(start, eta);
      inverse(link, eta, mu);
      dev = model.devianceAt(mu);
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
          model.linearPredictor(start, eta);
          inverse(link, eta, mu);
          dev = model.devianceAt(mu);
        }
        boundary = true;
      }
      if (!valid(family, link, eta, mu)) {
        if (coefOld == null) {
          throw new IllegalStateException("no valid set of coefficients has been found: please "
              + "supply starting values");
        }
        for (int ii = 1; !valid(family, link, eta, mu); ii++) {
          if (ii > maxIterations) {
            throw new IllegalStateException("inner loop 2; cannot correct step size");
          }
          halve(start, coefOld);
          model.linearPredictor(start, eta);
          inverse(link, eta, mu);
        }
        boundary = true;
        dev = model.devianceAt(mu);
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
    double eps = 10 * Math.ulp(1.0);
    boolean edge = false;
    for (int i = 0; i < n; i++) {
      if (family == Family.BINOMIAL && (mu[i] > 1 - eps || mu[i] < eps)
          || family == Family.POISSON && mu[i] < eps) {
        edge = true;
      }
    }
    if (edge) {
      warnings.add(family == Family.BINOMIAL
          ? "glm.fit: fitted probabilities numerically 0 or 1 occurred — the data may be "
              + "separated (perfectly or quasi-completely): the maximum-likelihood estimate does "
              + "not exist and the coefficients shown are where the iterations stopped"
          : "glm.fit: fitted rates numerically 0 occurred");
    }
    return summarize(x, n, p, y, w, off, family, link, intercept, start, eta, mu, workW, qr,
        iterations, converged, boundary, dev, iterates, warnings);
  }

  private GlmFit summarize(double[] x, int n, int p, double[] y, double[] w, double[] off,
      Family family, Link link, boolean intercept, double[] start, double[] eta, double[] mu,
      double[] workW, Wls qr, int iterations, boolean converged, boolean boundary,
      double dev, List<double[]> iterates, List<String> warnings) {
    int rank = qr == null ? 0 : qr.rank();
    double[] coef = start.clone();
    for (int j = 0; j < p; j++) {
      if (qr != null && !qr.kept(j)) {
        coef[j] = Double.NaN;
      }
    }
    int nOk = 0;
    double pearson = 0;
    for (int i = 0; i < n; i++) {
      if (w[i] > 0) {
        nOk++;
        pearson += w[i] * (y[i] - mu[i]) * (y[i] - mu[i]) / family.variance(mu[i]);
      }
    }
    int dfResidual = nOk - rank;
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
    double nullDev = nullDeviance(x, n, p, y, w, off, family, link, intercept);
    double aic = family.aic(y, mu, w, dev) + 2 * rank;
    return new GlmFit(coef, se, rank, iterations, converged, boundary, dev, nullDev, dfResidual,
        nOk - (intercept ? 1 : 0), dispersion, pearson, aic, eta.clone(), mu.clone(),
        workW.clone(), List.copyOf(iterates), List.copyOf(warnings), cov);
  }

  /**
   * R's null deviance: the weighted mean with an intercept (refitted by IRLS when there is an
   * offset, as {@code glm} does), else μ = g⁻¹(offset).
   */
  private double nullDeviance(double[] x, int n, int p, double[] y, double[] w, double[] off,
      Family family, Link link, boolean intercept) {
    boolean hasOffset = false;
    for (double o : off) {
      hasOffset |= o != 0;
    }
    double[] mu0 = new double[n];
    if (intercept && hasOffset) {
      GlmFit f0 = fit(filled(n, 1), n, 1, y, w, off, family, link, false);
      return f0.deviance();
    }
    if (intercept) {
      double sw = 0;
      double swy = 0;
      for (int i = 0; i < n; i++) {
        sw += w[i];
        swy += w[i] * y[i];
      }
      java.util.Arrays.fill(mu0, swy / sw);
    } else {
      for (int i = 0; i < n; i++) {
        mu0[i] = link.inverse(off[i]);
      }
    }
    return new GlmModel(x, n, p, y, w, off, family, link).devianceAt(mu0);
  }

  private static Wls wls(PivotedQr qr, double[] z) {
    double[] b = qr.solve(z);
    return new Wls() {
      @Override
      public double[] solution() {
        return b.clone();
      }

      @Override
      public int rank() {
        return qr.rank();
      }

      @Override
      public boolean kept(int j) {
        return qr.kept(j);
      }

      @Override
      public double[][] unscaledCovariance() {
        return qr.unscaledCovariance();
      }
    };
  }

  private static Wls wls(NormalEquations ne) {
    return new Wls() {
      @Override
      public double[] solution() {
        return ne.solution();
      }

      @Override
      public int rank() {
        return ne.rank();
      }

      @Override
      public boolean kept(int j) {
        return ne.kept(j);
      }

      @Override
      public double[][] unscaledCovariance() {
        return ne.unscaledCovariance();
      }
    };
  }

  private static boolean valid(Family family, Link link, double[] eta, double[] mu) {
    for (int i = 0; i < eta.length; i++) {
      if (!link.validEta(eta[i]) || !family.validMu(mu[i])) {
        return false;
      }
    }
    return true;
  }

  private static void halve(double[] start, double[] old) {
    for (int j = 0; j < start.length; j++) {
      start[j] = (start[j] + old[j]) / 2;
    }
  }

  private static void inverse(Link link, double[] eta, double[] mu) {
    for (int i = 0; i < eta.length; i++) {
      mu[i] = link.inverse(eta[i]);
    }
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
