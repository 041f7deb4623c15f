package io.natgrad.rl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.core.linalg.KroneckerBlock;
import io.natgrad.core.random.Rng;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * K-FAC's factors from the batched reverse pass against per-sample reverse passes: the bias rows of
 * each sample's own gradient are its δ (∂/∂z of ȳ·y), its layer inputs are its ā, and the
 * factors are their mean outer products (1e-12, over 130 rows: three row chunks). For one sample the
 * Kronecker block A ⊗ S is the exact outer product g gᵀ of the layer's gradient block.
 */
class KfacFactorsTest {

  static final Mlp NET = new Mlp(3, new int[] {5, 4}, 2, Activation.TANH);

  static double maxDiff(DMatrixRMaj a, DMatrixRMaj b) {
    double m = 0;
    for (int k = 0; k < a.data.length; k++) {
      m = Math.max(m, Math.abs(a.data[k] - b.data[k]));
    }
    return m;
  }

  @Test
  void factorsAreTheMeanOuterProductsOfEachSamplesInputsAndPreActivationGradients() {
    Rng r = Rng.of(31);
    double[] theta = MlpTest.gaussian(NET.parameterCount(), r, 0.5);
    int n = 130;
    double[] x = MlpTest.gaussian(n * 3, r, 1.0);
    double[] yBar = MlpTest.gaussian(n * 2, r, 1.0);
    Mlp.Workspace ws = NET.workspace(n);
    NET.forward(theta, x, n, ws, null);
    NET.backward(theta, yBar, ws, new double[NET.parameterCount()], null);
    for (int layer = 0; layer < NET.layers(); layer++) {
      int in = layer == 0 ? 3 : NET.hidden()[layer - 1];
      int out = layer == NET.layers() - 1 ? 2 : NET.hidden()[layer];
      DMatrixRMaj[] f = NET.kfacFactors(ws, layer);
      DMatrixRMaj a = new DMatrixRMaj(in + 1, in + 1);
      DMatrixRMaj s = new DMatrixRMaj(out, out);
      Mlp.Workspace one = NET.workspace(1);
      for (int i = 0; i < n; i++) {
        NET.forward(theta, Arrays.copyOfRange(x, i * 3, i * 3 + 3), 1, one, null);
        double[] g = new double[NET.parameterCount()];
        NET.backward(theta, Arrays.copyOfRange(yBar, i * 2, i * 2 + 2), one, g, null);
        double[] abar = Arrays.copyOf(Arrays.copyOf(one.h[layer], in), in + 1);
        abar[in] = 1.0;
        // the bias row of this sample's layer gradient is δᵀ (its input is the constant 1)
        double[] delta = Arrays.copyOfRange(g, NET.layerOffset(layer) + in * out,
            NET.layerOffset(layer) + (in + 1) * out);
        for (int p = 0; p <= in; p++) {
          for (int q = 0; q <= in; q++) {
            a.data[p * (in + 1) + q] += abar[p] * abar[q] / n;
          }
        }
        for (int p = 0; p < out; p++) {
          for (int q = 0; q < out; q++) {
            s.data[p * out + q] += delta[p] * delta[q] / n;
          }
        }
      }
      assertThat(maxDiff(f[0], a)).as("A of layer %d", layer).isLessThan(1e-12);
      assertThat(maxDiff(f[1], s)).as("S of layer %d", layer).isLessThan(1e-12);
    }
  }

  @Test
  void forOneSampleTheKroneckerBlockIsTheGradientsOuterProduct() {
    Rng r = Rng.of(32);
    double[] theta = MlpTest.gaussian(NET.parameterCount(), r, 0.5);
    double[] x = MlpTest.gaussian(3, r, 1.0);
    double[] yBar = MlpTest.gaussian(2, r, 1.0);
    Mlp.Workspace ws = NET.workspace(1);
    NET.forward(theta, x, 1, ws, null);
    double[] g = new double[NET.parameterCount()];
    NET.backward(theta, yBar, ws, g, null);
    for (int layer = 0; layer < NET.layers(); layer++) {
      DMatrixRMaj[] f = NET.kfacFactors(ws, layer);
      DMatrixRMaj block = new KroneckerBlock(f[0], f[1]).toDense();
      int size = block.numRows;
      int off = NET.layerOffset(layer);
      DMatrixRMaj outer = new DMatrixRMaj(size, size);
      for (int p = 0; p < size; p++) {
        for (int q = 0; q < size; q++) {
          outer.set(p, q, g[off + p] * g[off + q]);
        }
      }
      assertThat(maxDiff(block, outer)).as("layer %d", layer).isLessThan(1e-12);
    }
    assertThatThrownBy(() -> NET.kfacFactors(ws, 3)).hasMessageContaining("layer must be in [0, 3)");
  }
}
