package io.natgrad.core.glm;

import java.io.Serializable;

/**
 * Sums over rows at one IRLS point, added block by block (in a fixed block order, so that the
 * result does not depend on where or when blocks were summed): the deviance, the counts and
 * weights R's summaries use, Pearson's χ², the AIC's row terms, the validity of η and μ, and —
 * when asked — the weighted least-squares system XᵀWX (upper triangle) and XᵀWz at this point.
 */
public final class IrlsSums implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Columns of the system. */
  final int p;
  long rows;
  /** Rows with a positive prior weight. */
  long weighted;
  /** Rows in this point's system (positive weight and μ'(η) ≠ 0). */
  long informative;
  double sumW;
  double sumWY;
  double deviance;
  double pearson;
  double aicTerms;
  boolean valid = true;
  boolean varianceNaN;
  boolean varianceZero;
  boolean edge;
  boolean anyOffset;
  /** XᵀWX upper triangle row-major (p²), then XᵀWz (p); null when not asked. */
  double[] system;

  IrlsSums(int p, boolean withSystem) {
    this.p = p;
    this.system = withSystem ? new double[p * p + p] : null;
  }

  /** Adds {@code o}'s sums into this one (this one's rows first) and returns this. */
  public IrlsSums add(IrlsSums o) {
    if (o.p != p || (o.system == null) != (system == null)) {
      throw new IllegalArgumentException("sums of different shapes");
    }
    rows += o.rows;
    weighted += o.weighted;
    informative += o.informative;
    sumW += o.sumW;
    sumWY += o.sumWY;
    deviance += o.deviance;
    pearson += o.pearson;
    aicTerms += o.aicTerms;
    valid &= o.valid;
    varianceNaN |= o.varianceNaN;
    varianceZero |= o.varianceZero;
    edge |= o.edge;
    anyOffset |= o.anyOffset;
    if (system != null) {
      for (int k = 0; k < system.length; k++) {
        system[k] += o.system[k];
      }
    }
    return this;
  }

  /** The number of rows summed. */
  public long rows() {
    return rows;
  }

  /** The deviance D over the rows. */
  public double deviance() {
    return deviance;
  }
}
