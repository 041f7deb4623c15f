package io.natgrad.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.random.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * K-FAC's block-diagonal metric against the dense matrix it stands for, diag(R₁ ⊗ C₁, R₂ ⊗ C₂,
 * diag(d)) built with EJML's kron, on seeded random second moments: the product (1e-12), the
 * damped closed-form solve against a dense LU solve of G + λI (1e-10 relative), and both
 * direction solvers taking the closed form instead of iterating.
 */
class BlockDiagonalTest {

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 1e-3, 0.5})
  void productAndSolveEqualTheDenseMatrix(double damping) {
    Rng r = Rng.of(7);
    DMatrixRMaj r1 = KroneckerBlockTest.secondMoment(4, 9, r);
    DMatrixRMaj c1 = KroneckerBlockTest.secondMoment(3, 7, r);
    DMatrixRMaj r2 = KroneckerBlockTest.secondMoment(3, 8, r);
    DMatrixRMaj c2 = KroneckerBlockTest.secondMoment(2, 5, r);
    double[] d = {2.0, 0.7};
    int n = 12 + 6 + 2;
    BlockDiagonal g = BlockDiagonal.builder().kronecker(new KroneckerBlock(r1, c1))
        .kronecker(new KroneckerBlock(r2, c2)).diagonal(d).build(n).plusDamping(damping);
    DMatrixRMaj dense = new DMatrixRMaj(n, n);
    CommonOps_DDRM.insert(CommonOps_DDRM.kron(r1, c1, null), dense, 0, 0);
    CommonOps_DDRM.insert(CommonOps_DDRM.kron(r2, c2, null), dense, 12, 12);
    dense.set(18, 18, 2.0);
    dense.set(19, 19, 0.7);
    for (int i = 0; i < n; i++) {
      dense.add(i, i, damping);
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    double[] expected = new double[n];
    CommonOps_DDRM.mult(dense, DMatrixRMaj.wrap(n, 1, v), DMatrixRMaj.wrap(n, 1, expected));
    assertThat(KroneckerBlockTest.relative(g.apply(v), expected)).isLessThan(1e-12);

    double[] solved = new double[n];
    g.solve(v, solved);
    DMatrixRMaj x = new DMatrixRMaj(n, 1);
    assertThat(CommonOps_DDRM.solve(dense.copy(), DMatrixRMaj.wrap(n, 1, v.clone()), x)).isTrue();
    assertThat(KroneckerBlockTest.relative(solved, x.data)).isLessThan(1e-10);

    for (DirectionSolver s : new DirectionSolver[] {DirectionSolver.direct(),
        DirectionSolver.conjugateGradient(new ConjugateGradient(1e-10, 3), false)}) {
      DirectionSolver.Solution sol = s.solve(g, v);
      assertThat(sol.cg()).as("closed form, no CG").isNull();
      assertThat(sol.direction()).containsExactly(solved);
    }
  }

  @org.junit.jupiter.api.Test
  void blocksMustTileTheSpaceAndSingularBlocksNeedDamping() {
    assertThatThrownBy(() -> BlockDiagonal.builder().diagonal(new double[] {1, 2}).build(3))
        .hasMessageContaining("the blocks cover 2 indices, the operator has dimension 3");
    assertThatThrownBy(() -> BlockDiagonal.builder().diagonal(new double[] {1, Double.NaN}))
        .hasMessageContaining("diagonal block entry 1 must be finite and >= 0, got NaN");
    BlockDiagonal g = BlockDiagonal.builder().diagonal(new double[] {1, 0}).build(2);
    assertThatThrownBy(() -> g.solve(new double[] {1, 1}, new double[2]))
        .hasMessageContaining("singular at index 1: add damping");
    double[] out = new double[2];
    g.plusDamping(0.5).solve(new double[] {1, 1}, out);
    assertThat(out).containsExactly(1 / 1.5, 1 / 0.5);
  }
}
