package io.natgrad.rl.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.nn.Activation;
import org.junit.jupiter.api.Test;

class ValueFunctionTest {

  /**
   * SB3's critic initialization follows {@code ortho_init}: with True orthogonal weights (each
   * layer's rows or columns orthonormal × gain: √2 hidden, 1 at the output) and zero biases; with
   * False PyTorch's nn.Linear default, weights and biases uniform on (−1/√fan_in, 1/√fan_in) —
   * the RL Zoo's PPO MuJoCo entries (256 × 256, observations of 11 here) set False.
   */
  @Test
  void criticInitializationFollowsOrthoInit() {
    int[] hidden = {256, 256};
    int[] fanIn = {11, 256, 256};
    int[] fanOut = {256, 256, 1};
    MlpValueFunction uniform = new MlpValueFunction(11, hidden, Activation.RELU, Rng.of(3), false,
        1e-4, 1, 32);
    MlpValueFunction ortho = new MlpValueFunction(11, hidden, Activation.RELU, Rng.of(3), true,
        1e-4, 1, 32);
    double[] u = uniform.parametersInPlace();
    double[] o = ortho.parametersInPlace();
    for (int l = 0; l < 3; l++) {
      int w0 = uniform.network().layerOffset(l);
      int b0 = w0 + fanIn[l] * fanOut[l];
      int end = b0 + fanOut[l];
      double bound = 1 / Math.sqrt(fanIn[l]);
      double sumAbs = 0;
      double biasAbs = 0;
      for (int i = w0; i < end; i++) {
        assertThat(Math.abs(u[i])).as("layer %d parameter %d", l, i).isLessThan(bound);
        sumAbs += Math.abs(u[i]);
        if (i >= b0) {
          biasAbs += Math.abs(u[i]);
          assertThat(o[i]).as("orthogonal init: zero bias").isZero();
        }
      }
      // E|U(−b, b)| = b/2: the draws fill the interval (5 % for the 257 of the output layer)
      assertThat(sumAbs / (end - w0)).isCloseTo(bound / 2, within(0.05 * bound));
      assertThat(biasAbs).isPositive();
      // orthogonal: the squared weights of a layer sum to gain² × min(fan_in, fan_out)
      double gain = l < 2 ? Math.sqrt(2) : 1;
      double ss = 0;
      for (int i = w0; i < b0; i++) {
        ss += o[i] * o[i];
      }
      assertThat(ss).isCloseTo(gain * gain * Math.min(fanIn[l], fanOut[l]), within(1e-9));
    }
  }

  @Test
  void mlpValueFunctionLearnsASmoothTarget() {
    Rng rng = Rng.of(1);
    int n = 512;
    double[] x = new double[2 * n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = rng.nextGaussian();
      x[2 * i + 1] = rng.nextGaussian();
      y[i] = Math.sin(x[2 * i]) + 0.5 * x[2 * i + 1];
    }
    MlpValueFunction v = new MlpValueFunction(2, new int[] {32, 32}, Activation.TANH, Rng.of(2),
        3e-3, 1, 64);
    int[] ts = new int[n];
    double first = v.fit(x, ts, n, y, rng);
    double last = first;
    for (int e = 0; e < 100; e++) {
      last = v.fit(x, ts, n, y, rng);
    }
    assertThat(last).isLessThan(0.05 * first);
    assertThat(v.optimizer().state().step()).isEqualTo(101 * 8);
  }

  /**
   * PPO's clipped value loss: SB3's formula evaluated by hand at the network's predictions, a
   * gradient that agrees with central differences (no prediction within reach of a clip bound),
   * and the plain mean squared error when nothing is clipped.
   */
  @Test
  void clippedValueLossMatchesSb3AndItsGradientMatchesFiniteDifferences() {
    Rng rng = Rng.of(5);
    int n = 24;
    double[] x = new double[3 * n];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    MlpValueFunction v = new MlpValueFunction(3, new int[] {16, 16}, Activation.TANH, Rng.of(6),
        1e-3, 1, 64);
    double[] pred = new double[n];
    v.predict(x, new int[n], n, pred);
    double clip = 0.2;
    double[] old = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      // every third value moved far from V_old (clipped), the others well inside the bounds
      double shift = i % 3 == 0 ? (i % 2 == 0 ? 0.9 : -0.7) : 0.05 * ((i % 5) - 2);
      old[i] = pred[i] - shift;
      y[i] = rng.nextGaussian();
    }
    double expected = 0;
    for (int i = 0; i < n; i++) {
      double vc = old[i] + Math.max(-clip, Math.min(clip, pred[i] - old[i]));
      expected += (vc - y[i]) * (vc - y[i]) / n;
    }
    double[] grad = new double[v.parameters().length];
    double loss = v.clippedMseAndGradient(x, n, y, old, clip, grad);
    assertThat(loss).isCloseTo(expected, within(1e-12));
    double[] theta = v.parameters();
    double h = 1e-6;
    for (int j = 0; j < theta.length; j += 7) {
      double[] p = theta.clone();
      p[j] = theta[j] + h;
      v.setParameters(p);
      double up = v.clippedMseAndGradient(x, n, y, old, clip, new double[theta.length]);
      p[j] = theta[j] - h;
      v.setParameters(p);
      double down = v.clippedMseAndGradient(x, n, y, old, clip, new double[theta.length]);
      assertThat(grad[j]).as("parameter %d", j)
          .isCloseTo((up - down) / (2 * h), within(1e-7 + 1e-5 * Math.abs(grad[j])));
    }
    v.setParameters(theta);
    // nothing clipped: the plain loss and gradient
    double[] plain = new double[theta.length];
    double mse = v.mseAndGradient(x, n, y, plain);
    double[] wide = new double[theta.length];
    assertThat(v.clippedMseAndGradient(x, n, y, old, 100.0, wide)).isCloseTo(mse, within(1e-12));
    for (int j = 0; j < theta.length; j++) {
      assertThat(wide[j]).isCloseTo(plain[j], within(1e-12));
    }
  }

  @Test
  void linearFeatureBaselineFitsLinearTargetsExactly() {
    Rng rng = Rng.of(3);
    int n = 200;
    double[] x = new double[n];
    int[] ts = new int[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextGaussian();
      ts[i] = i % 50;
      y[i] = 2 * x[i] - x[i] * x[i] + 0.01 * ts[i] + 3;
    }
    LinearFeatureBaseline b = new LinearFeatureBaseline(1);
    assertThat(b.fit(x, ts, n, y, rng)).isLessThan(1e-6);
  }
}
