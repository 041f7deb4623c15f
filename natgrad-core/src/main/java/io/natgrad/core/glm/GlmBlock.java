package io.natgrad.core.glm;

import java.io.Serializable;

/**
 * A block of a GLM's rows — design rows, responses, prior weights, offsets — that answers
 * {@link IrlsRequest}s with {@link IrlsSums}: the unit a cluster keeps in memory per partition (or
 * this JVM per chunk), so that each IRLS iteration is one pass per block and one sum of p² + p
 * numbers per block (see {@link BlockedGlmFitter}).
 */
public final class GlmBlock implements Serializable {
  private static final long serialVersionUID = 1L;
  private final double[] x;
  private final int n;
  private final int p;
  private final double[] y;
  private final double[] w;
  private final double[] off;

  /**
   * @param x design rows, n × p row-major
   * @param y responses (binomial: proportions of the weights' trials)
   * @param w prior weights, or null for ones
   * @param off offsets, or null for zeros
   */
  public GlmBlock(double[] x, int n, int p, double[] y, double[] w, double[] off) {
    if (x.length != (long) n * p || y.length != n || w != null && w.length != n
        || off != null && off.length != n) {
      throw new IllegalArgumentException("block of " + n + " x " + p + ": design, y, weights and "
          + "offset must agree in length");
    }
    this.x = x;
    this.n = n;
    this.p = p;
    this.y = y;
    this.w = w;
    this.off = off;
  }

  /** Rows. */
  public int rows() {
    return n;
  }

  /** Design columns. */
  public int columns() {
    return p;
  }

  /** One pass over the rows. */
  public IrlsSums pass(IrlsRequest r) {
    Family family = r.family();
    Link link = r.link();
    int q = r.interceptOnly() ? 1 : p;
    IrlsSums s = new IrlsSums(q, r.system());
    double[] beta = r.beta();
    double[] sys = s.system;
    double[] xi = new double[q];
    boolean aic = !Double.isNaN(r.aicDispersion());
    for (int i = 0; i < n; i++) {
      double yi = y[i];
      double wi = w == null ? 1 : w[i];
      double oi = off == null ? 0 : off[i];
      s.anyOffset |= oi != 0;
      double eta;
      double mu;
      switch (r.mode()) {
        case START -> {
          eta = link.link(family.startingMean(yi, wi));
          mu = link.inverse(eta);
        }
        case AT -> {
          double e = oi;
          if (r.interceptOnly()) {
            e += beta[0];
          } else {
            for (int j = 0; j < p; j++) {
              e += x[i * p + j] * beta[j];
            }
          }
          eta = e;
          mu = link.inverse(eta);
        }
        case MEAN -> {
          mu = r.mean();
          eta = link.link(mu);
        }
        case OFFSET -> {
          eta = oi;
          mu = link.inverse(oi);
        }
        default -> throw new IllegalStateException(r.mode().name());
      }
      s.rows++;
      s.valid &= link.validEta(eta) && family.validMu(mu);
      s.deviance += family.devianceResidual(yi, mu, wi);
      s.sumW += wi;
      s.sumWY += wi * yi;
      s.edge |= IrlsLoop.atEdge(family, mu);
      if (aic) {
        s.aicTerms += family.aicTerm(yi, mu, wi, r.aicDispersion());
      }
      if (!(wi > 0)) {
        continue;
      }
      s.weighted++;
      double v = family.variance(mu);
      s.pearson += wi * (yi - mu) * (yi - mu) / v;
      if (sys == null) {
        continue;
      }
      s.varianceNaN |= Double.isNaN(v);
      s.varianceZero |= v == 0;
      double me = link.muEta(eta);
      if (me == 0) {
        continue;
      }
      s.informative++;
      double z = eta - oi + (yi - mu) / me;
      double ww = wi * me * me / v;
      if (r.interceptOnly()) {
        xi[0] = 1;
      } else {
        System.arraycopy(x, i * p, xi, 0, p);
      }
      // the upper triangle of x xᵀ w and x w z: the same arithmetic as NormalEquations.solve
      for (int a = 0; a < q; a++) {
        double xa = xi[a] * ww;
        int row = a * q;
        for (int b = a; b < q; b++) {
          sys[row + b] += xa * xi[b];
        }
        sys[q * q + a] += xa * z;
      }
    }
    return s;
  }
}
