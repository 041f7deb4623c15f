package io.natgrad.bench;

import io.natgrad.core.linalg.CgResult;
import io.natgrad.core.linalg.ConjugateGradient;
import io.natgrad.core.linalg.DenseSolve;
import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.random.Rng;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
 * Conjugate gradient (10 iterations, TRPO-style budget) vs a dense Cholesky solve on a random SPD
 * system of dimension n: where the matrix-free solver starts to pay.
 *
 * <p>Run: {@code java -jar natgrad-bench/target/benchmarks.jar ConjugateGradientBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConjugateGradientBenchmark {
  @Param({"16", "64", "256"})
  int n;

  DMatrixRMaj a;
  LinearOperator op;
  double[] b;
  ConjugateGradient cg = new ConjugateGradient(1e-10, 10);

  @Setup
  public void setup() {
    Rng rng = Rng.of(1);
    DMatrixRMaj q = new DMatrixRMaj(n, n);
    for (int i = 0; i < n * n; i++) {
      q.data[i] = rng.nextGaussian();
    }
    a = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransA(q, q, a);
    for (int i = 0; i < n; i++) {
      a.add(i, i, n);
    }
    op = LinearOperator.dense(a);
    b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = rng.nextGaussian();
    }
  }

  @Benchmark
  public CgResult conjugateGradient10() {
    return cg.solve(op, b);
  }

  @Benchmark
  public double[] cholesky() {
    return DenseSolve.solveSpd(a, 0.0, b);
  }
}
