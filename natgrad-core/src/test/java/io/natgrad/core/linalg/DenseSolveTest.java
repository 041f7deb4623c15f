package io.natgrad.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.random.Rng;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DenseSolveTest {

  @Test
  void solvesDampedSystemAndLeavesInputUntouched() {
    Rng rng = Rng.of(11);
    DMatrixRMaj a = ConjugateGradientTest.randomSpd(6, rng, 0.5);
    DMatrixRMaj before = a.copy();
    double[] b = ConjugateGradientTest.randomVector(6, rng);
    double damping = 0.3;
    double[] x = DenseSolve.solveSpd(a, damping, b);
    assertThat(a.data).containsExactly(before.data);
    double[] ax = LinearOperator.dense(a).plusDamping(damping).apply(x);
    for (int i = 0; i < 6; i++) {
      assertThat(ax[i]).isCloseTo(b[i], within(1e-10));
    }
  }

  @Test
  void refusesAnIndefiniteMatrixWithAHint() {
    DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 0}, {0, -1}});
    assertThatThrownBy(() -> DenseSolve.solveSpd(a, 0.0, new double[] {1, 1}))
        .hasMessageContaining("not positive definite").hasMessageContaining("raise the damping");
    // damping makes it definite
    double[] x = DenseSolve.solveSpd(a, 2.0, new double[] {3, 1});
    assertThat(x[0]).isCloseTo(1.0, within(1e-14));
    assertThat(x[1]).isCloseTo(1.0, within(1e-14));
  }

  @Test
  void refusesNegativeDamping() {
    assertThatThrownBy(() -> DenseSolve.solveSpd(new DMatrixRMaj(1, 1), -0.1, new double[1]))
        .hasMessageContaining("damping").hasMessageContaining("-0.1");
  }

  @Test
  void operatorsAgreeWithTheirDenseForms() {
    Rng rng = Rng.of(5);
    DMatrixRMaj a = ConjugateGradientTest.randomSpd(5, rng, 1.0);
    LinearOperator op = LinearOperator.dense(a).plusDamping(0.25);
    LinearOperator matrixFree = new LinearOperator() {
      @Override
      public int dimension() {
        return 5;
      }

      @Override
      public void apply(double[] v, double[] out) {
        LinearOperator.dense(a).apply(v, out);
      }
    }.plusDamping(0.25);
    assertThat(matrixFree.toDense().data).containsExactly(op.toDense().data);
    assertThat(matrixFree.diagonal()).containsExactly(op.diagonal());
    assertThat(LinearOperator.identity(3).plusDamping(1).diagonal()).containsExactly(2, 2, 2);
  }
}
