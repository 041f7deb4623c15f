package io.natgrad.core.glm;

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
    IrlsLoop.checkControl(epsilon, maxIterations);
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
    InProcessRows rows = new InProcessRows(new GlmModel(x, n, p, y, w, off, family, link), x, n,
        p, y, w, off, family, link);
    IrlsLoop.Result r = IrlsLoop.run(rows, p, epsilon, maxIterations);
    double[] mu = rows.mu;
    boolean edge = false;
    for (int i = 0; i < n; i++) {
      edge |= IrlsLoop.atEdge(family, mu[i]);
    }
    if (edge) {
      r.warnings().add(IrlsLoop.edgeWarning(family));
    }
    long nOk = 0;
    double pearson = 0;
    for (int i = 0; i < n; i++) {
      if (w[i] > 0) {
        nOk++;
        pearson += w[i] * (y[i] - mu[i]) * (y[i] - mu[i]) / family.variance(mu[i]);
      }
    }
    double nullDev = nullDeviance(x, n, p, y, w, off, family, link, intercept);
    double aic = family.aic(y, mu, w, r.last().deviance());
    return IrlsLoop.assemble(r, p, family, nOk, pearson, nullDev, aic, intercept,
        rows.eta.clone(), mu.clone(), rows.workW.clone());
  }

  /**
   * The rows in this JVM's arrays. One set of per-row arrays serves every point (the iteration
   * never returns to an earlier one), so a tall design's fit allocates nothing else of its size.
   */
  private final class InProcessRows implements IrlsLoop.Rows, IrlsLoop.Point {
    private final GlmModel model;
    private final double[] x;
    private final int n;
    private final int p;
    private final double[] y;
    private final double[] w;
    private final double[] off;
    private final Family family;
    private final Link link;
    final double[] eta;
    final double[] mu;
    final double[] workW;
    private final boolean[] isGood;
    private final double[] muEta;
    private final double[] zAll;
    private double deviance;

    InProcessRows(GlmModel model, double[] x, int n, int p, double[] y, double[] w,
        double[] off, Family family, Link link) {
      this.model = model;
      this.x = x;
      this.n = n;
      this.p = p;
      this.y = y;
      this.w = w;
      this.off = off;
      this.family = family;
      this.link = link;
      eta = new double[n];
      mu = new double[n];
      workW = new double[n];
      isGood = new boolean[n];
      muEta = new double[n];
      zAll = new double[n];
    }

    @Override
    public IrlsLoop.Point start() {
      for (int i = 0; i < n; i++) {
        eta[i] = link.link(family.startingMean(y[i], w[i]));
        mu[i] = link.inverse(eta[i]);
      }
      deviance = model.devianceAt(mu);
      return this;
    }

    @Override
    public IrlsLoop.Point at(double[] beta) {
      model.linearPredictor(beta, eta);
      for (int i = 0; i < n; i++) {
        mu[i] = link.inverse(eta[i]);
      }
      deviance = model.devianceAt(mu);
      return this;
    }

    @Override
    public double deviance() {
      return deviance;
    }

    @Override
    public boolean valid() {
      for (int i = 0; i < n; i++) {
        if (!link.validEta(eta[i]) || !family.validMu(mu[i])) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Wls solve(double tol) {
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
        return null;
      }
      java.util.Arrays.fill(workW, 0);
      java.util.Arrays.fill(zAll, 0);
      for (int i = 0; i < n; i++) {
        if (isGood[i]) {
          zAll[i] = eta[i] - off[i] + (y[i] - mu[i]) / muEta[i];
          workW[i] = w[i] * muEta[i] * muEta[i] / family.variance(mu[i]);
        }
      }
      if (solver == Solver.NORMAL_EQUATIONS
          || solver == Solver.AUTO && n >= 20_000 && n >= 50L * p) {
        NormalEquations ne = NormalEquations.solve(x, n, p, isGood, workW, zAll, tol);
        if (ne.wellConditioned()) {
          return Wls.of(ne);
        }
      }
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
      return Wls.of(PivotedQr.of(xw, good, p, tol), zw);
    }
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






  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
