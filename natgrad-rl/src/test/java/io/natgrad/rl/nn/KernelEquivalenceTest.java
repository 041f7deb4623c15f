package io.natgrad.rl.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.random.Rng;
import io.natgrad.policy.FastTanh;
import io.natgrad.rl.nn.vector.VectorKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The vectorized kernels give exactly the scalar kernels' bits (the property that makes results
 * independent of the vector width and lets a scalar runtime act exactly as the trainer), on sizes
 * with and without vector tails.
 */
class KernelEquivalenceTest {

  static double[] random(int n, Rng rng) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextGaussian();
    }
    return a;
  }

  @ParameterizedTest
  @CsvSource({"64, 64, 37, 1", "4, 64, 130, 1", "5, 13, 9, 1", "7, 3, 6, 2", "64, 2, 11, 0",
      "17, 24, 5, 2", "64, 2, 37, 1", "64, 1, 29, 0", "3, 64, 21, 1", "40, 17, 13, 1",
      "64, 64, 8, 2", "32, 24, 16, 1"})
  void vectorAndScalarKernelsAgreeBitForBit(int in, int out, int rows, int act) {
    LayerKernels v = LayerKernels.best();
    // without the incubator module best() is the scalar twin and this would compare it with itself
    assertThat(v).as("the vector kernels must be under test: the build's surefire argLine adds "
        + "--add-modules jdk.incubator.vector").isInstanceOf(VectorKernels.class);
    LayerKernels s = new ScalarKernels();
    Rng rng = Rng.of(in * 1000L + out);
    double[] x = random(rows * in, rng);
    double[] theta = random(in * out + out + 3, rng);
    double[] vv = random(theta.length, rng);
    double[] a = new double[rows * out];
    double[] b = new double[rows * out];
    v.forward(x, in, theta, 1, 1 + in * out, out, a, act, 0, rows);
    s.forward(x, in, theta, 1, 1 + in * out, out, b, act, 0, rows);
    assertThat(a).containsExactly(b);
    double[] dz = random(rows * out, rng);
    double[] pa = new double[in * out + out];
    double[] pb = new double[in * out + out];
    v.weightGrad(x, in, dz, out, pa, 0, rows);
    s.weightGrad(x, in, dz, out, pb, 0, rows);
    assertThat(pa).containsExactly(pb);
    // K-FAC's second moment: the upper triangle (all that is specified) bit for bit
    double[] ma = new double[in * in];
    double[] mb = new double[in * in];
    v.secondMoment(x, in, ma, 0, rows);
    s.secondMoment(x, in, mb, 0, rows);
    for (int i = 0; i < in; i++) {
      for (int c = i; c < in; c++) {
        assertThat(ma[i * in + c]).as("secondMoment(%d, %d)", i, c).isEqualTo(mb[i * in + c]);
      }
    }
    double[] wt = random(out * in, rng);
    double[] h = new double[rows * in];
    for (int i = 0; i < h.length; i++) {
      h[i] = FastTanh.tanh(x[i]);
    }
    double[] da = new double[rows * in];
    double[] db = new double[rows * in];
    v.inputGrad(dz, out, wt, in, h, act, da, 0, rows);
    s.inputGrad(dz, out, wt, in, h, act, db, 0, rows);
    assertThat(da).containsExactly(db);
    double[] tin = random(rows * in, rng);
    double[] ta = new double[rows * out];
    double[] tb = new double[rows * out];
    v.jvp(h, tin, false, in, theta, vv, 1, 1 + in * out, out, a, act, ta, 0, rows);
    s.jvp(h, tin, false, in, theta, vv, 1, 1 + in * out, out, a, act, tb, 0, rows);
    assertThat(ta).containsExactly(tb);
    v.jvp(h, tin, true, in, theta, vv, 1, 1 + in * out, out, a, act, ta, 0, rows);
    s.jvp(h, tin, true, in, theta, vv, 1, 1 + in * out, out, a, act, tb, 0, rows);
    assertThat(ta).containsExactly(tb);
  }

  /** The start-up warm-up's calls are valid shapes for both implementations (it runs unattended). */
  @org.junit.jupiter.api.Test
  void warmUpCallsAreValidForBothKernels() {
    KernelWarmup.run(new ScalarKernels());
    KernelWarmup.run(LayerKernels.best());
  }

  /** A chunk that starts inside the arrays (r0 &gt; 0) touches only its own rows, in the same bits. */
  @ParameterizedTest
  @CsvSource({"64, 64, 3, 40, 1", "64, 2, 5, 30, 0", "4, 64, 1, 18, 1", "64, 1, 7, 23, 0"})
  void chunksInsideTheBatchAgree(int in, int out, int r0, int r1, int act) {
    LayerKernels v = LayerKernels.best();
    // without the incubator module best() is the scalar twin and this would compare it with itself
    assertThat(v).as("the vector kernels must be under test: the build's surefire argLine adds "
        + "--add-modules jdk.incubator.vector").isInstanceOf(VectorKernels.class);
    LayerKernels s = new ScalarKernels();
    Rng rng = Rng.of(7L * in + out);
    double[] x = random(r1 * in + 5, rng);
    double[] theta = random(in * out + out, rng);
    double[] vv = random(theta.length, rng);
    double[] a = new double[r1 * out + 3];
    double[] b = new double[r1 * out + 3];
    v.forward(x, in, theta, 0, in * out, out, a, act, r0, r1);
    s.forward(x, in, theta, 0, in * out, out, b, act, r0, r1);
    assertThat(a).containsExactly(b);
    for (int k = 0; k < r0 * out; k++) {
      assertThat(a[k]).isZero();
    }
    double[] dz = random(r1 * out, rng);
    double[] pa = new double[in * out + out];
    double[] pb = new double[in * out + out];
    v.weightGrad(x, in, dz, out, pa, r0, r1);
    s.weightGrad(x, in, dz, out, pb, r0, r1);
    assertThat(pa).containsExactly(pb);
    double[] tin = random(r1 * in, rng);
    double[] ta = new double[r1 * out];
    double[] tb = new double[r1 * out];
    v.jvp(x, tin, false, in, theta, vv, 0, in * out, out, a, act, ta, r0, r1);
    s.jvp(x, tin, false, in, theta, vv, 0, in * out, out, a, act, tb, r0, r1);
    assertThat(ta).containsExactly(tb);
  }
}
