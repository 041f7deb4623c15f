package io.natgrad.rl.value;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.nn.Activation;
import org.junit.jupiter.api.Test;

class ValueFunctionTest {

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
