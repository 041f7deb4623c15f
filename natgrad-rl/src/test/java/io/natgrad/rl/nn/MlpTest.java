package io.natgrad.rl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.random.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The three passes of the MLP against central finite differences. */
class MlpTest {
  static final int BATCH = 7;

  static double[] gaussian(int n, Rng rng, double scale) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = scale * rng.nextGaussian();
    }
    return v;
  }

  static double relErr(double[] a, double[] b) {
    double d = 0;
    double n = 0;
    for (int i = 0; i < a.length; i++) {
      d += (a[i] - b[i]) * (a[i] - b[i]);
      n += Math.max(a[i] * a[i], b[i] * b[i]);
    }
    return Math.sqrt(d / Math.max(n, 1e-300));
  }

  /** Σ_b ȳ_b · f(θ, x)_b. */
  static double contracted(Mlp net, double[] theta, double[] x, double[] yBar) {
    double[] y = new double[BATCH * net.outputDim()];
    net.forward(theta, x, BATCH, net.workspace(BATCH), y);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += yBar[i] * y[i];
    }
    return s;
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void reversePassIsTheGradientOfTheContractedOutput(Activation act) {
    Rng rng = Rng.of(1);
    Mlp net = new Mlp(3, new int[] {5, 4}, 2, act);
    double[] theta = gaussian(net.parameterCount(), rng, 0.7);
    double[] x = gaussian(BATCH * 3, rng, 1.0);
    double[] yBar = gaussian(BATCH * 2, rng, 1.0);
    Mlp.Workspace ws = net.workspace(BATCH);
    net.forward(theta, x, BATCH, ws, null);
    double[] grad = new double[net.parameterCount()];
    double[] gradX = new double[BATCH * 3];
    net.backward(theta, yBar, ws, grad, gradX);
    double[] fd = new double[grad.length];
    for (int j = 0; j < fd.length; j++) {
      double[] p = theta.clone();
      double[] m = theta.clone();
      p[j] += 1e-6;
      m[j] -= 1e-6;
      fd[j] = (contracted(net, p, x, yBar) - contracted(net, m, x, yBar)) / 2e-6;
    }
    assertThat(relErr(grad, fd)).isLessThan(1e-7);
    double[] fdX = new double[gradX.length];
    for (int j = 0; j < fdX.length; j++) {
      double[] p = x.clone();
      double[] m = x.clone();
      p[j] += 1e-6;
      m[j] -= 1e-6;
      fdX[j] = (contracted(net, theta, p, yBar) - contracted(net, theta, m, yBar)) / 2e-6;
    }
    assertThat(relErr(gradX, fdX)).isLessThan(1e-7);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void forwardModePassIsTheDirectionalDerivative(Activation act) {
    Rng rng = Rng.of(2);
    Mlp net = new Mlp(4, new int[] {6, 3}, 3, act);
    double[] theta = gaussian(net.parameterCount(), rng, 0.7);
    double[] x = gaussian(BATCH * 4, rng, 1.0);
    double[] v = gaussian(net.parameterCount(), rng, 1.0);
    Mlp.Workspace ws = net.workspace(BATCH);
    net.forward(theta, x, BATCH, ws, null);
    double[] jv = new double[BATCH * 3];
    net.jvp(theta, v, ws, jv);
    double h = 1e-6;
    double[] yp = new double[BATCH * 3];
    double[] ym = new double[BATCH * 3];
    double[] tp = theta.clone();
    double[] tm = theta.clone();
    for (int j = 0; j < theta.length; j++) {
      tp[j] += h * v[j];
      tm[j] -= h * v[j];
    }
    net.forward(tp, x, BATCH, net.workspace(BATCH), yp);
    net.forward(tm, x, BATCH, net.workspace(BATCH), ym);
    double[] fd = new double[jv.length];
    for (int i = 0; i < fd.length; i++) {
      fd[i] = (yp[i] - ym[i]) / (2 * h);
    }
    assertThat(relErr(jv, fd)).isLessThan(1e-7);
  }

  @Test
  void jvpAndVjpAreAdjoint() {
    // uᵀ(J v) = (Jᵀ u)ᵀ v for random u, v: the two passes compute the same Jacobian
    Rng rng = Rng.of(3);
    Mlp net = new Mlp(4, new int[] {8, 8}, 2, Activation.TANH);
    double[] theta = gaussian(net.parameterCount(), rng, 0.5);
    double[] x = gaussian(BATCH * 4, rng, 1.0);
    double[] u = gaussian(BATCH * 2, rng, 1.0);
    double[] v = gaussian(net.parameterCount(), rng, 1.0);
    Mlp.Workspace ws = net.workspace(BATCH);
    net.forward(theta, x, BATCH, ws, null);
    double[] jv = new double[BATCH * 2];
    net.jvp(theta, v, ws, jv);
    double[] jtu = new double[net.parameterCount()];
    net.backward(theta, u, ws, jtu, null);
    double a = 0;
    double b = 0;
    for (int i = 0; i < jv.length; i++) {
      a += u[i] * jv[i];
    }
    for (int i = 0; i < v.length; i++) {
      b += jtu[i] * v[i];
    }
    assertThat(a).isCloseTo(b, within(1e-10 * Math.abs(a)));
  }

  @Test
  void fusedLossAndGradientEqualsForwardLossAndReversePassBitForBit() {
    Rng rng = Rng.of(5);
    Mlp net = new Mlp(3, new int[] {64, 64}, 1, Activation.TANH);
    int n = 1000; // 128-row chunks, a partial last one
    double[] theta = gaussian(net.parameterCount(), rng, 0.3);
    double[] x = gaussian(n * 3, rng, 1.0);
    double[] target = gaussian(n, rng, 1.0);
    Mlp.Workspace ws = net.workspace(n);
    double[] y = new double[n];
    net.forward(theta, x, n, ws, y);
    double[] yBar = new double[n];
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double e = y[i] - target[i];
      loss += e * e;
      yBar[i] = 2 * e / n;
    }
    double[] separate = new double[net.parameterCount()];
    net.backward(theta, yBar, ws, separate, null);
    double[] fused = new double[net.parameterCount()];
    double fusedLoss = net.lossAndGradient(theta, x, n, net.workspace(n), (out, bar, r0, r1) -> {
      double l = 0;
      for (int i = r0; i < r1; i++) {
        double e = out[i] - target[i];
        l += e * e;
        bar[i] = 2 * e / n;
      }
      return l;
    }, fused);
    assertThat(fused).containsExactly(separate);
    assertThat(fusedLoss).isCloseTo(loss, within(1e-12 * loss));
  }

  @Test
  void fusedGaussNewtonProductEqualsItsThreePassesBitForBit() {
    // one task per chunk (forward mode, M, reverse) must give the bits of the separate passes,
    // on a batch of several chunks with a partial last chunk
    Rng rng = Rng.of(4);
    Mlp net = new Mlp(4, new int[] {64, 64}, 2, Activation.TANH);
    int n = 3 * Mlp.chunkRows(1000) + 37;
    double[] theta = gaussian(net.parameterCount(), rng, 0.3);
    double[] x = gaussian(n * 4, rng, 1.0);
    double[] v = gaussian(net.parameterCount(), rng, 1.0);
    double[] m = {0.7, -0.2, 1.3};
    Mlp.Workspace ws = net.workspace(n);
    net.forward(theta, x, n, ws, null);
    double[] u = new double[n * 2];
    net.jvp(theta, v, ws, u);
    double[] yBar = new double[n * 2];
    for (int i = 0; i < n; i++) {
      yBar[2 * i] = m[0] * u[2 * i] + m[1] * u[2 * i + 1];
      yBar[2 * i + 1] = m[1] * u[2 * i] + m[2] * u[2 * i + 1];
    }
    double[] separate = new double[net.parameterCount()];
    net.backward(theta, yBar, ws, separate, null);
    double[] fused = new double[net.parameterCount()];
    net.gaussNewtonProduct(theta, v, ws, (yDot, out, r0, r1) -> {
      for (int i = r0; i < r1; i++) {
        out[2 * i] = m[0] * yDot[2 * i] + m[1] * yDot[2 * i + 1];
        out[2 * i + 1] = m[1] * yDot[2 * i] + m[2] * yDot[2 * i + 1];
      }
    }, fused);
    assertThat(fused).containsExactly(separate);
  }

  @Test
  void orthogonalInitializationHasOrthonormalColumnsTimesGain() {
    Mlp net = new Mlp(4, new int[] {64}, 2, Activation.TANH);
    double[] theta = net.initialParameters(Rng.of(4), Math.sqrt(2), 0.01);
    // first layer W is 4 × 64: its rows are orthogonal with norm √2
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 4; k++) {
        double dot = 0;
        for (int o = 0; o < 64; o++) {
          dot += theta[i * 64 + o] * theta[k * 64 + o];
        }
        assertThat(dot).isCloseTo(i == k ? 2.0 : 0.0, within(1e-12));
      }
    }
    // biases are zero
    for (int o = 0; o < 64; o++) {
      assertThat(theta[4 * 64 + o]).isZero();
    }
    assertThat(net.parameterCount()).isEqualTo(4 * 64 + 64 + 64 * 2 + 2);
  }

  @Test
  void badShapesAreNamed() {
    assertThatThrownBy(() -> new Mlp(3, new int[] {0}, 2, Activation.TANH))
        .hasMessageContaining("hidden layer sizes").hasMessageContaining("0");
    Mlp net = new Mlp(2, new int[] {3}, 1, Activation.RELU);
    assertThatThrownBy(() -> net.forward(new double[net.parameterCount()], new double[20], 10,
        net.workspace(4), null)).hasMessageContaining("capacity 4");
    assertThat(Activation.parse("nn.ReLU")).isEqualTo(Activation.RELU);
  }
}
