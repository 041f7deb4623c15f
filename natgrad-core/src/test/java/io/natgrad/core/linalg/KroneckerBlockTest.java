package io.natgrad.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.core.random.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * K-FAC's Kronecker block against the dense Kronecker product (EJML's kron) on random second
 * moments from seeded generators: the product R ⊗ C (1e-12 relative), the damped solve against a
 * dense LU solve of R ⊗ C + λI (1e-10 relative), including rank-deficient factors (fewer samples
 * than dimensions), which only the damping makes invertible.
 */
class KroneckerBlockTest {

  /** (1/m) Σ xxᵀ of m random vectors: a second moment, rank min(m, n). */
  static DMatrixRMaj secondMoment(int n, int m, Rng r) {
    DMatrixRMaj out = new DMatrixRMaj(n, n);
    double[] x = new double[n];
    for (int k = 0; k < m; k++) {
      for (int i = 0; i < n; i++) {
        x[i] = r.nextGaussian() * (1 + i);
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          out.data[i * n + j] += x[i] * x[j] / m;
        }
      }
    }
    return out;
  }

  static double relative(double[] x, double[] y) {
    double d = 0;
    double n = 0;
    for (int i = 0; i < x.length; i++) {
      d += (x[i] - y[i]) * (x[i] - y[i]);
      n += y[i] * y[i];
    }
    return Math.sqrt(d / n);
  }

  @ParameterizedTest
  @CsvSource({"3, 4, 50, 1e-3", "5, 2, 50, 0.1", "4, 6, 3, 1e-2", "1, 7, 20, 1e-4"})
  void productAndDampedSolveEqualTheDenseKroneckerProduct(int out, int in, int samples,
      double damping) {
    Rng r = Rng.of(out * 100 + in);
    DMatrixRMaj s = secondMoment(out, samples, r);
    DMatrixRMaj a = secondMoment(in, samples, r);
    KroneckerBlock block = new KroneckerBlock(s, a);
    DMatrixRMaj dense = new DMatrixRMaj(out * in, out * in);
    CommonOps_DDRM.kron(s, a, dense); // row-major index o·in + i
    double[] v = new double[out * in];
    for (int k = 0; k < v.length; k++) {
      v[k] = r.nextGaussian();
    }
    double[] expected = new double[v.length];
    CommonOps_DDRM.mult(dense, DMatrixRMaj.wrap(v.length, 1, v),
        DMatrixRMaj.wrap(v.length, 1, expected));
    assertThat(relative(block.apply(v), expected)).isLessThan(1e-12);

    DMatrixRMaj damped = dense.copy();
    for (int k = 0; k < v.length; k++) {
      damped.add(k, k, damping);
    }
    DMatrixRMaj x = new DMatrixRMaj(v.length, 1);
    assertThat(CommonOps_DDRM.solve(damped.copy(), DMatrixRMaj.wrap(v.length, 1, v.clone()), x))
        .isTrue();
    double[] solved = new double[v.length];
    block.solveDamped(v, damping, solved);
    assertThat(relative(solved, x.data)).isLessThan(1e-10);
    // and the solve inverts the damped product
    double[] back = block.plusDamping(damping).apply(solved);
    assertThat(relative(back, v)).isLessThan(1e-10);
    // v is not changed by either
    double[] copy = v.clone();
    block.apply(v);
    block.solveDamped(v, damping, solved);
    assertThat(v).containsExactly(copy);
  }

  /**
   * Where K-FAC is exact: a linear-Gaussian model y ~ N(W s, Σ) has the Fisher of vec(W)
   * (1/m) Σ_s J_sᵀ Σ⁻¹ J_s = Σ⁻¹ ⊗ E[s sᵀ] (J_s = ∂(W s)/∂vec(W)), the block with S = E[δδᵀ] = Σ⁻¹
   * (δ = Σ⁻¹(y − W s), expected over y) as the row factor (W is out × in) and A = E[s sᵀ].
   */
  @org.junit.jupiter.api.Test
  void isTheExactFisherOfALinearGaussianModel() {
    Rng r = Rng.of(9);
    int out = 3;
    int in = 4;
    int m = 25;
    DMatrixRMaj sigma = secondMoment(out, 10, r);
    for (int k = 0; k < out; k++) {
      sigma.add(k, k, 0.5);
    }
    DMatrixRMaj precision = new DMatrixRMaj(out, out);
    assertThat(CommonOps_DDRM.invert(sigma.copy(), precision)).isTrue();
    int p = out * in;
    DMatrixRMaj fisher = new DMatrixRMaj(p, p);
    DMatrixRMaj moment = new DMatrixRMaj(in, in);
    for (int k = 0; k < m; k++) {
      double[] x = new double[in];
      for (int i = 0; i < in; i++) {
        x[i] = r.nextGaussian();
      }
      DMatrixRMaj jac = new DMatrixRMaj(out, p); // ∂(W s)_o / ∂W_{o,i} = s_i
      for (int o = 0; o < out; o++) {
        for (int i = 0; i < in; i++) {
          jac.set(o, o * in + i, x[i]);
        }
      }
      DMatrixRMaj pj = new DMatrixRMaj(out, p);
      CommonOps_DDRM.mult(precision, jac, pj);
      DMatrixRMaj term = new DMatrixRMaj(p, p);
      CommonOps_DDRM.multTransA(jac, pj, term);
      CommonOps_DDRM.addEquals(fisher, 1.0 / m, term);
      for (int i = 0; i < in; i++) {
        for (int j = 0; j < in; j++) {
          moment.data[i * in + j] += x[i] * x[j] / m;
        }
      }
    }
    DMatrixRMaj kfac = new KroneckerBlock(precision, moment).toDense();
    assertThat(relative(kfac.data, fisher.data)).isLessThan(1e-12);
  }

  @org.junit.jupiter.api.Test
  void aSingularBlockNeedsDampingAndNonSquareFactorsAreRefused() {
    Rng r = Rng.of(5);
    KroneckerBlock block = new KroneckerBlock(secondMoment(3, 1, r), secondMoment(2, 1, r));
    assertThatThrownBy(() -> block.solveDamped(new double[6], 0.0, new double[6]))
        .hasMessageContaining("add damping");
    assertThatThrownBy(() -> block.solveDamped(new double[6], -1, new double[6]))
        .hasMessageContaining("damping must be finite and >= 0, got -1");
    assertThatThrownBy(() -> new KroneckerBlock(new DMatrixRMaj(2, 3), new DMatrixRMaj(2, 2)))
        .hasMessageContaining("must be square");
  }
}
