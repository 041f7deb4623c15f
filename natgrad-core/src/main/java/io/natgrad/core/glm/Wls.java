package io.natgrad.core.glm;

/**
 * The solution of one IRLS weighted least-squares step, whichever way it was solved: by
 * {@link PivotedQr} on the weighted design or by {@link NormalEquations} from XᵀWX and XᵀWz.
 */
interface Wls {
  /** b, NaN for aliased columns. */
  double[] solution();

  int rank();

  boolean kept(int j);

  /** (XᵀWX)⁻¹ over the kept columns, NaN rows and columns for aliased ones. */
  double[][] unscaledCovariance();

  /** The least-squares solution of √W z on √W X by {@code qr}. */
  static Wls of(PivotedQr qr, double[] z) {
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

  /** The normal equations' solution. */
  static Wls of(NormalEquations ne) {
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
}
