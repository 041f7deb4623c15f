package io.natgrad.rl.nn.vector;

import io.natgrad.policy.FastTanh;
import io.natgrad.rl.nn.ScalarKernels;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import static io.natgrad.rl.nn.LayerKernels.LINEAR;
import static io.natgrad.rl.nn.LayerKernels.RELU;
import static io.natgrad.rl.nn.LayerKernels.TANH;

/** Activations and their derivatives over a chunk's contiguous block, for {@link VectorKernels}. */
final class ElementwisePasses {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private ElementwisePasses() {}

  private static DoubleVector bc(double x) {
    return DoubleVector.broadcast(S, x);
  }

  /*
   * No method here takes or returns a DoubleVector except bc(): a vector that crosses a call the
   * JIT declines to inline (a large callee, or an inlining budget spent) is boxed on the heap, and
   * the kernel then allocates per lane operation. Activations and their derivatives therefore run
   * as separate passes over a chunk's contiguous block, with the arithmetic written out inline.
   */

  /** a[from..to) ← act(a), elementwise; vector lanes and the scalar tail run FastTanh's steps. */
  static void activateBlock(double[] a, int from, int to, int act) {
    if (act == LINEAR) {
      return;
    }
    int k = from;
    if (act == TANH) {
      DoubleVector lo = bc(-FastTanh.CLAMP);
      DoubleVector hi = bc(FastTanh.CLAMP);
      for (; k + L <= to; k += L) {
        DoubleVector x = DoubleVector.fromArray(S, a, k).max(lo).min(hi);
        DoubleVector t = x.mul(0.25);
        DoubleVector s = t.mul(t);
        DoubleVector d = bc(FastTanh.D4).fma(s, bc(FastTanh.D3)).fma(s, bc(FastTanh.D2))
            .fma(s, bc(FastTanh.D1)).fma(s, bc(FastTanh.D0));
        DoubleVector q = bc(FastTanh.Q5).fma(s, bc(FastTanh.Q4)).fma(s, bc(FastTanh.Q3))
            .fma(s, bc(FastTanh.Q2)).fma(s, bc(FastTanh.Q1)).fma(s, bc(1.0));
        DoubleVector n = t.mul(s).fma(d, t.mul(q));
        DoubleVector n1 = n.mul(2.0).mul(q);
        DoubleVector d1 = n.fma(n, q.mul(q));
        DoubleVector n2 = n1.mul(2.0).mul(d1);
        DoubleVector d2 = n1.fma(n1, d1.mul(d1));
        n2.div(d2).intoArray(a, k);
      }
    } else if (act == RELU) {
      for (; k + L <= to; k += L) {
        DoubleVector z = DoubleVector.fromArray(S, a, k);
        z.blend(0.0, z.compare(VectorOperators.GT, 0.0).not()).intoArray(a, k);
      }
    }
    for (; k < to; k++) {
      a[k] = ScalarKernels.activate(a[k], act);
    }
  }

  /** g[from..to) ← g ⊙ act'(·) given the activation's outputs h (1 − h² for tanh, [h &gt; 0]). */
  static void derivativeBlock(double[] g, double[] h, int from, int to, int act) {
    if (act == LINEAR) {
      return;
    }
    int k = from;
    if (act == TANH) {
      DoubleVector one = bc(1.0);
      for (; k + L <= to; k += L) {
        DoubleVector y = DoubleVector.fromArray(S, h, k);
        DoubleVector.fromArray(S, g, k).mul(one.sub(y.mul(y))).intoArray(g, k);
      }
    } else if (act == RELU) {
      DoubleVector zero = DoubleVector.zero(S);
      for (; k + L <= to; k += L) {
        VectorMask<Double> pos = DoubleVector.fromArray(S, h, k).compare(VectorOperators.GT, 0.0);
        DoubleVector.fromArray(S, g, k).mul(zero.blend(1.0, pos)).intoArray(g, k);
      }
    }
    for (; k < to; k++) {
      g[k] = g[k] * ScalarKernels.derivative(h[k], act);
    }
  }
}
