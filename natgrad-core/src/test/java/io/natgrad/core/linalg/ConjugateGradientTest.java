package io.natgrad.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.core.random.Rng;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConjugateGradientTest {

  /** A random SPD matrix QᵀQ + shift·I. */
  static DMatrixRMaj randomSpd(int n, Rng rng, double shift) {
    DMatrixRMaj q = new DMatrixRMaj(n, n);
    for (int i = 0; i < n * n; i++) {
      q.data[i] = rng.nextGaussian();
    }
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    org.ejml.dense.row.CommonOps_DDRM.multTransA(q, q, a);
    for (int i = 0; i < n; i++) {
      a.add(i, i, shift);
    }
    return a;
  }

  static double[] randomVector(int n, Rng rng) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextGaussian();
    }
    return v;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void solvesRandomSpdSystemsToToleranceWithinNIterations(long seed) {
    Rng rng = Rng.of(seed);
    int n = 2 + rng.nextInt(30);
    // eigenvalues of QᵀQ lie in about [0, 4n]; a shift of n/2 keeps the condition number near 10 so
    // that rounding does not cost CG its exact-arithmetic bound of n iterations
    DMatrixRMaj a = randomSpd(n, rng, 0.5 * n);
    double[] b = randomVector(n, rng);
    double tol = 1e-10;
    CgResult r = new ConjugateGradient(tol, 10 * n).solve(LinearOperator.dense(a), b);
    assertThat(r.status()).isEqualTo(CgResult.Status.CONVERGED);
    assertThat(r.converged()).isTrue();
    assertThat(r.iterations()).isLessThanOrEqualTo(n);
    // the reported residual is the true one, and it meets the tolerance (with rounding slack)
    double[] ax = LinearOperator.dense(a).apply(r.solution());
    double res = 0;
    for (int i = 0; i < n; i++) {
      res += (b[i] - ax[i]) * (b[i] - ax[i]);
    }
    assertThat(Math.sqrt(res) / Vectors.norm(b)).isEqualTo(r.relativeResidual());
    assertThat(r.relativeResidual()).isLessThan(10 * tol);
    // and agrees with the direct Cholesky solve
    double[] direct = DenseSolve.solveSpd(a, 0.0, b);
    for (int i = 0; i < n; i++) {
      assertThat(r.solution()[i]).isCloseTo(direct[i],
          org.assertj.core.data.Offset.offset(1e-7 * (1 + Math.abs(direct[i]))));
    }
  }

  @Test
  void errorInTheOperatorNormNeverIncreases() {
    // CG minimizes ‖x_k − x*‖_A over a growing Krylov space, so that error cannot increase
    Rng rng = Rng.of(42);
    int n = 20;
    DMatrixRMaj a = randomSpd(n, rng, 5.0);
    double[] b = randomVector(n, rng);
    double[] exact = DenseSolve.solveSpd(a, 0.0, b);
    LinearOperator op = LinearOperator.dense(a);
    double previous = Double.POSITIVE_INFINITY;
    for (int k = 1; k <= n; k++) {
      CgResult r = new ConjugateGradient(0.0, k).solve(op, b);
      double[] e = Vectors.addScaled(r.solution(), -1.0, exact);
      double errA = Math.sqrt(op.quadraticForm(e));
      assertThat(errA).isLessThanOrEqualTo(previous * (1 + 1e-9) + 1e-12);
      previous = errA;
    }
    assertThat(previous).isLessThan(1e-6);
  }

  @Test
  void warmStartAtTheSolutionTakesNoIteration() {
    Rng rng = Rng.of(7);
    DMatrixRMaj a = randomSpd(8, rng, 1.0);
    double[] b = randomVector(8, rng);
    double[] x = DenseSolve.solveSpd(a, 0.0, b);
    CgResult r = new ConjugateGradient(1e-8, 50).solve(LinearOperator.dense(a), b, x, null);
    assertThat(r.iterations()).isZero();
    assertThat(r.converged()).isTrue();
  }

  @Test
  void jacobiPreconditionerCutsIterationsOnABadlyScaledDiagonal() {
    Rng rng = Rng.of(3);
    int n = 40;
    DMatrixRMaj a = randomSpd(n, rng, 1.0);
    // scale rows and columns by wildly different factors: D A D
    for (int i = 0; i < n; i++) {
      double di = Math.pow(10, 3.0 * i / n);
      for (int j = 0; j < n; j++) {
        double dj = Math.pow(10, 3.0 * j / n);
        a.set(i, j, a.get(i, j) * di * dj);
      }
    }
    double[] b = randomVector(n, rng);
    LinearOperator op = LinearOperator.dense(a);
    ConjugateGradient cg = new ConjugateGradient(1e-8, 1000);
    CgResult plain = cg.solve(op, b);
    CgResult jacobi = cg.solve(op, b, null, Preconditioner.jacobi(op));
    assertThat(jacobi.converged()).isTrue();
    assertThat(jacobi.iterations()).isLessThan(plain.iterations());
  }

  @Test
  void reportsNonPositiveCurvatureOnAnIndefiniteOperator() {
    LinearOperator indefinite = LinearOperator.diagonal(new double[] {1.0, -2.0, 3.0});
    CgResult r = new ConjugateGradient(1e-10, 10).solve(indefinite, new double[] {1, 1, 1});
    assertThat(r.status()).isEqualTo(CgResult.Status.NON_POSITIVE_CURVATURE);
    assertThat(r.converged()).isFalse();
    assertThat(r.curvature()).isLessThanOrEqualTo(0.0);
  }

  @Test
  void reportsNonFiniteValues() {
    LinearOperator op = LinearOperator.diagonal(new double[] {1.0, Double.NaN});
    CgResult r = new ConjugateGradient(1e-10, 10).solve(op, new double[] {1, 1});
    assertThat(r.status()).isEqualTo(CgResult.Status.NON_FINITE);
    CgResult r2 = new ConjugateGradient(1e-10, 10)
        .solve(LinearOperator.identity(2), new double[] {1, Double.POSITIVE_INFINITY});
    assertThat(r2.status()).isEqualTo(CgResult.Status.NON_FINITE);
  }

  @Test
  void zeroRightHandSideGivesZero() {
    CgResult r = new ConjugateGradient(1e-10, 10).solve(LinearOperator.identity(3), new double[3]);
    assertThat(r.solution()).containsExactly(0, 0, 0);
    assertThat(r.converged()).isTrue();
  }

  @Test
  void maxIterationsIsReported() {
    Rng rng = Rng.of(9);
    DMatrixRMaj a = randomSpd(30, rng, 0.01);
    CgResult r = new ConjugateGradient(1e-14, 2).solve(LinearOperator.dense(a),
        randomVector(30, rng));
    assertThat(r.status()).isEqualTo(CgResult.Status.MAX_ITERATIONS);
    assertThat(r.iterations()).isEqualTo(2);
  }

  @Test
  void rejectsBadSettingsAndShapes() {
    assertThatThrownBy(() -> new ConjugateGradient(-1, 10))
        .hasMessageContaining("relativeTolerance").hasMessageContaining("-1");
    assertThatThrownBy(() -> new ConjugateGradient(1e-6, 0))
        .hasMessageContaining("maxIterations").hasMessageContaining("0");
    assertThatThrownBy(() -> new ConjugateGradient(1e-6, 5)
        .solve(LinearOperator.identity(3), new double[2]))
        .hasMessageContaining("length 2");
  }
}
