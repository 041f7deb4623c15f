package io.natgrad.bench;

import io.natgrad.core.glm.Family;
import io.natgrad.core.glm.GlmFit;
import io.natgrad.core.glm.GlmFitter;
import io.natgrad.core.glm.Link;
import io.natgrad.core.random.Rng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 16's GLM speed goal, natgrad's side: the fit alone of a logistic regression (n = 10⁶,
 * p = 20 columns with the intercept) and of a Poisson regression with an offset, on seeded
 * synthetic data, with R's defaults (ε = 1e-8, the normal equations for this tall design). The
 * peer (statsmodels' GLM.fit on the same kind of data) is timed by scripts/bench/glm_statsmodels.py.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar natgrad-bench/target/benchmarks.jar GlmFitBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseSerialGC"})
public class GlmFitBenchmark {
  @Param({"1000000"})
  int n;
  final int p = 20;
  double[] x;
  double[] yLogistic;
  double[] yPoisson;
  double[] offset;

  @Setup
  public void setup() {
    Rng r = Rng.of(16);
    x = new double[n * p];
    yLogistic = new double[n];
    yPoisson = new double[n];
    offset = new double[n];
    for (int i = 0; i < n; i++) {
      x[i * p] = 1;
      double eta = 0;
      for (int j = 1; j < p; j++) {
        x[i * p + j] = r.nextGaussian();
        eta += (-0.5 + j / (double) p) * x[i * p + j] * 0.5;
      }
      yLogistic[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
      offset[i] = Math.log(1 + r.nextInt(5)); // exposure 1..5
      double mu = Math.exp(0.2 + 0.3 * eta + offset[i]);
      yPoisson[i] = poisson(mu, r);
    }
  }

  private static double poisson(double mu, Rng r) {
    double l = Math.exp(-mu);
    double k = 0;
    double prod = r.nextDouble();
    while (prod > l) {
      k++;
      prod *= r.nextDouble();
    }
    return k;
  }

  @Benchmark
  public GlmFit logistic() {
    return GlmFitter.defaults().fit(x, n, p, yLogistic, null, null, Family.BINOMIAL, Link.LOGIT,
        true);
  }

  @Benchmark
  public GlmFit poissonWithOffset() {
    return GlmFitter.defaults().fit(x, n, p, yPoisson, null, offset, Family.POISSON, Link.LOG,
        true);
  }
}
