package io.natgrad.bench;

import io.natgrad.core.metric.Metric;
import io.natgrad.core.mle.GaussianFit;
import io.natgrad.core.mle.NegativeLogLikelihood;
import io.natgrad.core.mle.Reduction;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.optim.TrustRegion;
import io.natgrad.core.optim.Update;
import io.natgrad.core.optim.UpdateRule;
import io.natgrad.core.random.Rng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One natural-gradient iteration of the Figure 2 problem (1000 points): NLL and gradient, exact or
 * Monte-Carlo Fisher (100 samples), solve and trust-region step.
 *
 * <p>Run: {@code java -jar natgrad-bench/target/benchmarks.jar GaussianMleBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GaussianMleBenchmark {
  NegativeLogLikelihood nll;
  Metric exact;
  Metric monteCarlo;
  UpdateRule rule = new UpdateRule(DirectionSolver.direct(), new TrustRegion(1e-4));
  double[] theta = {3.0, 2.0};
  double[] gradient = new double[2];

  @Setup
  public void setup() {
    nll = new NegativeLogLikelihood(GaussianFit.FAMILY,
        NegativeLogLikelihood.column(GaussianFit.paperDataset()), Reduction.MEAN);
    exact = Metric.exactFisher(GaussianFit.FAMILY);
    monteCarlo = Metric.monteCarloFisher(GaussianFit.FAMILY, 100, Rng.of(1));
  }

  @Benchmark
  public Update exactFisherIteration() {
    double v = nll.valueAndGradient(theta, gradient);
    return rule.step(nll, exact.at(theta), theta, v, gradient);
  }

  @Benchmark
  public Update monteCarloFisherIteration() {
    double v = nll.valueAndGradient(theta, gradient);
    return rule.step(nll, monteCarlo.at(theta), theta, v, gradient);
  }
}
