package io.natgrad.rl.nn.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * This machine's double-precision FMA ceiling for one thread, measured rather than looked up:
 * eight independent chains of {@code SPECIES_PREFERRED} FMAs (enough to cover the FMA latency on
 * both ports), no loads. The kernels in {@link VectorKernels} are compared against it.
 */
public final class PeakFlops {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  private PeakFlops() {}

  /** Lanes per vector. */
  public static int lanes() {
    return S.length();
  }

  /**
   * Runs {@code iterations} × 8 vector FMAs and returns a value depending on all of them (so the
   * work cannot be removed); flops = iterations × 8 × lanes × 2.
   */
  public static double run(long iterations) {
    DoubleVector a = DoubleVector.broadcast(S, 1.0000001);
    DoubleVector b = DoubleVector.broadcast(S, 0.9999999);
    DoubleVector c0 = b;
    DoubleVector c1 = b;
    DoubleVector c2 = b;
    DoubleVector c3 = b;
    DoubleVector c4 = b;
    DoubleVector c5 = b;
    DoubleVector c6 = b;
    DoubleVector c7 = b;
    for (long i = 0; i < iterations; i++) {
      c0 = c0.fma(a, b);
      c1 = c1.fma(a, b);
      c2 = c2.fma(a, b);
      c3 = c3.fma(a, b);
      c4 = c4.fma(a, b);
      c5 = c5.fma(a, b);
      c6 = c6.fma(a, b);
      c7 = c7.fma(a, b);
    }
    return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7)
        .reduceLanes(VectorOperators.ADD);
  }
}
