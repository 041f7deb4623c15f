package io.natgrad.rl.nn.vector;

import io.natgrad.rl.nn.LayerKernels;
import io.natgrad.rl.nn.ScalarKernels;

import io.natgrad.policy.FastTanh;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Java Vector API kernels (hand-written because the layer sizes, 64 × 64 on batches of
 * 512–2048, are too small for a BLAS call to pay off and a library would not keep the per-element
 * operation order that makes results independent of the vector width). Lanes run over the
 * contiguous output dimension; four rows share each weight load; every lane performs exactly the
 * scalar FMA chain of {@link ScalarKernels}, and tails use the scalar code.
 */
public final class VectorKernels implements LayerKernels {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

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

  @Override
  public void forward(double[] in, int inDim, double[] theta, int wOff, int bOff, int outDim,
      double[] out, int act, int r0, int r1) {
    affine(in, inDim, theta, wOff, bOff, outDim, out, r0, r1);
    activateBlock(out, r0 * outDim, r1 * outDim, act);
  }

  /** Rows b..b+3, outputs o..o+4L of {@link #affine}. */
  private static void affine4x4(double[] in, int inDim, double[] theta, int wOff, int bOff,
      int outDim, double[] out, int b, int o) {
    int i0 = b * inDim;
    DoubleVector bA = DoubleVector.fromArray(S, theta, bOff + o);
    DoubleVector bB = DoubleVector.fromArray(S, theta, bOff + o + L);
    DoubleVector bC = DoubleVector.fromArray(S, theta, bOff + o + 2 * L);
    DoubleVector bD = DoubleVector.fromArray(S, theta, bOff + o + 3 * L);
    DoubleVector a0 = bA;
    DoubleVector a1 = bA;
    DoubleVector a2 = bA;
    DoubleVector a3 = bA;
    DoubleVector e0 = bB;
    DoubleVector e1 = bB;
    DoubleVector e2 = bB;
    DoubleVector e3 = bB;
    DoubleVector f0 = bC;
    DoubleVector f1 = bC;
    DoubleVector f2 = bC;
    DoubleVector f3 = bC;
    DoubleVector g0 = bD;
    DoubleVector g1 = bD;
    DoubleVector g2 = bD;
    DoubleVector g3 = bD;
    int w = wOff + o;
    for (int i = 0; i < inDim; i++, w += outDim) {
      DoubleVector wa = DoubleVector.fromArray(S, theta, w);
      DoubleVector wb = DoubleVector.fromArray(S, theta, w + L);
      DoubleVector wc = DoubleVector.fromArray(S, theta, w + 2 * L);
      DoubleVector wd = DoubleVector.fromArray(S, theta, w + 3 * L);
      DoubleVector x = bc(in[i0 + i]);
      a0 = wa.fma(x, a0);
      e0 = wb.fma(x, e0);
      f0 = wc.fma(x, f0);
      g0 = wd.fma(x, g0);
      x = bc(in[i0 + inDim + i]);
      a1 = wa.fma(x, a1);
      e1 = wb.fma(x, e1);
      f1 = wc.fma(x, f1);
      g1 = wd.fma(x, g1);
      x = bc(in[i0 + 2 * inDim + i]);
      a2 = wa.fma(x, a2);
      e2 = wb.fma(x, e2);
      f2 = wc.fma(x, f2);
      g2 = wd.fma(x, g2);
      x = bc(in[i0 + 3 * inDim + i]);
      a3 = wa.fma(x, a3);
      e3 = wb.fma(x, e3);
      f3 = wc.fma(x, f3);
      g3 = wd.fma(x, g3);
    }
    int r = b * outDim + o;
    a0.intoArray(out, r);
    e0.intoArray(out, r + L);
    f0.intoArray(out, r + 2 * L);
    g0.intoArray(out, r + 3 * L);
    r += outDim;
    a1.intoArray(out, r);
    e1.intoArray(out, r + L);
    f1.intoArray(out, r + 2 * L);
    g1.intoArray(out, r + 3 * L);
    r += outDim;
    a2.intoArray(out, r);
    e2.intoArray(out, r + L);
    f2.intoArray(out, r + 2 * L);
    g2.intoArray(out, r + 3 * L);
    r += outDim;
    a3.intoArray(out, r);
    e3.intoArray(out, r + L);
    f3.intoArray(out, r + 2 * L);
    g3.intoArray(out, r + 3 * L);
  }

  /** Inputs i..i+3 × outputs o..o+4L of {@link #weightGrad}: chains over rows r0..r1 in order. */
  private static void weightGrad4x4(double[] in, int inDim, double[] dz, int outDim,
      double[] partial, int r0, int r1, int i, int o) {
    DoubleVector a0 = DoubleVector.zero(S);
    DoubleVector a1 = DoubleVector.zero(S);
    DoubleVector a2 = DoubleVector.zero(S);
    DoubleVector a3 = DoubleVector.zero(S);
    DoubleVector e0 = DoubleVector.zero(S);
    DoubleVector e1 = DoubleVector.zero(S);
    DoubleVector e2 = DoubleVector.zero(S);
    DoubleVector e3 = DoubleVector.zero(S);
    DoubleVector f0 = DoubleVector.zero(S);
    DoubleVector f1 = DoubleVector.zero(S);
    DoubleVector f2 = DoubleVector.zero(S);
    DoubleVector f3 = DoubleVector.zero(S);
    DoubleVector g0 = DoubleVector.zero(S);
    DoubleVector g1 = DoubleVector.zero(S);
    DoubleVector g2 = DoubleVector.zero(S);
    DoubleVector g3 = DoubleVector.zero(S);
    for (int b = r0; b < r1; b++) {
      int d = b * outDim + o;
      DoubleVector da = DoubleVector.fromArray(S, dz, d);
      DoubleVector db = DoubleVector.fromArray(S, dz, d + L);
      DoubleVector dc = DoubleVector.fromArray(S, dz, d + 2 * L);
      DoubleVector dd = DoubleVector.fromArray(S, dz, d + 3 * L);
      int ib = b * inDim + i;
      DoubleVector x = bc(in[ib]);
      a0 = da.fma(x, a0);
      e0 = db.fma(x, e0);
      f0 = dc.fma(x, f0);
      g0 = dd.fma(x, g0);
      x = bc(in[ib + 1]);
      a1 = da.fma(x, a1);
      e1 = db.fma(x, e1);
      f1 = dc.fma(x, f1);
      g1 = dd.fma(x, g1);
      x = bc(in[ib + 2]);
      a2 = da.fma(x, a2);
      e2 = db.fma(x, e2);
      f2 = dc.fma(x, f2);
      g2 = dd.fma(x, g2);
      x = bc(in[ib + 3]);
      a3 = da.fma(x, a3);
      e3 = db.fma(x, e3);
      f3 = dc.fma(x, f3);
      g3 = dd.fma(x, g3);
    }
    a0.intoArray(partial, i * outDim + o);
    e0.intoArray(partial, i * outDim + o + L);
    f0.intoArray(partial, i * outDim + o + 2 * L);
    g0.intoArray(partial, i * outDim + o + 3 * L);
    a1.intoArray(partial, (i + 1) * outDim + o);
    e1.intoArray(partial, (i + 1) * outDim + o + L);
    f1.intoArray(partial, (i + 1) * outDim + o + 2 * L);
    g1.intoArray(partial, (i + 1) * outDim + o + 3 * L);
    a2.intoArray(partial, (i + 2) * outDim + o);
    e2.intoArray(partial, (i + 2) * outDim + o + L);
    f2.intoArray(partial, (i + 2) * outDim + o + 2 * L);
    g2.intoArray(partial, (i + 2) * outDim + o + 3 * L);
    a3.intoArray(partial, (i + 3) * outDim + o);
    e3.intoArray(partial, (i + 3) * outDim + o + L);
    f3.intoArray(partial, (i + 3) * outDim + o + 2 * L);
    g3.intoArray(partial, (i + 3) * outDim + o + 3 * L);
  }

  /** Rows b..b+3 × inputs i..i+4L of {@link #inputGrad} (raw sums; the derivative comes after). */
  private static void inputGrad4x4(double[] dz, int outDim, double[] wt, int inDim, double[] dh,
      int b, int i) {
    DoubleVector a0 = DoubleVector.zero(S);
    DoubleVector a1 = DoubleVector.zero(S);
    DoubleVector a2 = DoubleVector.zero(S);
    DoubleVector a3 = DoubleVector.zero(S);
    DoubleVector e0 = DoubleVector.zero(S);
    DoubleVector e1 = DoubleVector.zero(S);
    DoubleVector e2 = DoubleVector.zero(S);
    DoubleVector e3 = DoubleVector.zero(S);
    DoubleVector f0 = DoubleVector.zero(S);
    DoubleVector f1 = DoubleVector.zero(S);
    DoubleVector f2 = DoubleVector.zero(S);
    DoubleVector f3 = DoubleVector.zero(S);
    DoubleVector g0 = DoubleVector.zero(S);
    DoubleVector g1 = DoubleVector.zero(S);
    DoubleVector g2 = DoubleVector.zero(S);
    DoubleVector g3 = DoubleVector.zero(S);
    for (int o = 0; o < outDim; o++) {
      int w = o * inDim + i;
      DoubleVector wa = DoubleVector.fromArray(S, wt, w);
      DoubleVector wb = DoubleVector.fromArray(S, wt, w + L);
      DoubleVector wc = DoubleVector.fromArray(S, wt, w + 2 * L);
      DoubleVector wd = DoubleVector.fromArray(S, wt, w + 3 * L);
      DoubleVector z = bc(dz[b * outDim + o]);
      a0 = wa.fma(z, a0);
      e0 = wb.fma(z, e0);
      f0 = wc.fma(z, f0);
      g0 = wd.fma(z, g0);
      z = bc(dz[(b + 1) * outDim + o]);
      a1 = wa.fma(z, a1);
      e1 = wb.fma(z, e1);
      f1 = wc.fma(z, f1);
      g1 = wd.fma(z, g1);
      z = bc(dz[(b + 2) * outDim + o]);
      a2 = wa.fma(z, a2);
      e2 = wb.fma(z, e2);
      f2 = wc.fma(z, f2);
      g2 = wd.fma(z, g2);
      z = bc(dz[(b + 3) * outDim + o]);
      a3 = wa.fma(z, a3);
      e3 = wb.fma(z, e3);
      f3 = wc.fma(z, f3);
      g3 = wd.fma(z, g3);
    }
    a0.intoArray(dh, b * inDim + i);
    e0.intoArray(dh, b * inDim + i + L);
    f0.intoArray(dh, b * inDim + i + 2 * L);
    g0.intoArray(dh, b * inDim + i + 3 * L);
    a1.intoArray(dh, (b + 1) * inDim + i);
    e1.intoArray(dh, (b + 1) * inDim + i + L);
    f1.intoArray(dh, (b + 1) * inDim + i + 2 * L);
    g1.intoArray(dh, (b + 1) * inDim + i + 3 * L);
    a2.intoArray(dh, (b + 2) * inDim + i);
    e2.intoArray(dh, (b + 2) * inDim + i + L);
    f2.intoArray(dh, (b + 2) * inDim + i + 2 * L);
    g2.intoArray(dh, (b + 2) * inDim + i + 3 * L);
    a3.intoArray(dh, (b + 3) * inDim + i);
    e3.intoArray(dh, (b + 3) * inDim + i + L);
    f3.intoArray(dh, (b + 3) * inDim + i + 2 * L);
    g3.intoArray(dh, (b + 3) * inDim + i + 3 * L);
  }

  /** Rows b..b+3 × outputs o..o+4L of {@link #jvpAffine}. */
  private static void jvpAffine4x4(double[] h, double[] tin, int inDim, double[] theta,
      double[] v, int wOff, int bOff, int outDim, double[] tout, int b, int o) {
    int i0 = b * inDim;
    DoubleVector bA = DoubleVector.fromArray(S, v, bOff + o);
    DoubleVector bB = DoubleVector.fromArray(S, v, bOff + o + L);
    DoubleVector bC = DoubleVector.fromArray(S, v, bOff + o + 2 * L);
    DoubleVector bD = DoubleVector.fromArray(S, v, bOff + o + 3 * L);
    DoubleVector a0 = bA;
    DoubleVector a1 = bA;
    DoubleVector a2 = bA;
    DoubleVector a3 = bA;
    DoubleVector e0 = bB;
    DoubleVector e1 = bB;
    DoubleVector e2 = bB;
    DoubleVector e3 = bB;
    DoubleVector f0 = bC;
    DoubleVector f1 = bC;
    DoubleVector f2 = bC;
    DoubleVector f3 = bC;
    DoubleVector g0 = bD;
    DoubleVector g1 = bD;
    DoubleVector g2 = bD;
    DoubleVector g3 = bD;
    int w = wOff + o;
    for (int i = 0; i < inDim; i++, w += outDim) {
      DoubleVector va = DoubleVector.fromArray(S, v, w);
      DoubleVector vb = DoubleVector.fromArray(S, v, w + L);
      DoubleVector vc = DoubleVector.fromArray(S, v, w + 2 * L);
      DoubleVector vd = DoubleVector.fromArray(S, v, w + 3 * L);
      DoubleVector wa = DoubleVector.fromArray(S, theta, w);
      DoubleVector wb = DoubleVector.fromArray(S, theta, w + L);
      DoubleVector wc = DoubleVector.fromArray(S, theta, w + 2 * L);
      DoubleVector wd = DoubleVector.fromArray(S, theta, w + 3 * L);
      DoubleVector x = bc(h[i0 + i]);
      DoubleVector t = bc(tin[i0 + i]);
      a0 = wa.fma(t, va.fma(x, a0));
      e0 = wb.fma(t, vb.fma(x, e0));
      f0 = wc.fma(t, vc.fma(x, f0));
      g0 = wd.fma(t, vd.fma(x, g0));
      x = bc(h[i0 + inDim + i]);
      t = bc(tin[i0 + inDim + i]);
      a1 = wa.fma(t, va.fma(x, a1));
      e1 = wb.fma(t, vb.fma(x, e1));
      f1 = wc.fma(t, vc.fma(x, f1));
      g1 = wd.fma(t, vd.fma(x, g1));
      x = bc(h[i0 + 2 * inDim + i]);
      t = bc(tin[i0 + 2 * inDim + i]);
      a2 = wa.fma(t, va.fma(x, a2));
      e2 = wb.fma(t, vb.fma(x, e2));
      f2 = wc.fma(t, vc.fma(x, f2));
      g2 = wd.fma(t, vd.fma(x, g2));
      x = bc(h[i0 + 3 * inDim + i]);
      t = bc(tin[i0 + 3 * inDim + i]);
      a3 = wa.fma(t, va.fma(x, a3));
      e3 = wb.fma(t, vb.fma(x, e3));
      f3 = wc.fma(t, vc.fma(x, f3));
      g3 = wd.fma(t, vd.fma(x, g3));
    }
    a0.intoArray(tout, b * outDim + o);
    e0.intoArray(tout, b * outDim + o + L);
    f0.intoArray(tout, b * outDim + o + 2 * L);
    g0.intoArray(tout, b * outDim + o + 3 * L);
    a1.intoArray(tout, (b + 1) * outDim + o);
    e1.intoArray(tout, (b + 1) * outDim + o + L);
    f1.intoArray(tout, (b + 1) * outDim + o + 2 * L);
    g1.intoArray(tout, (b + 1) * outDim + o + 3 * L);
    a2.intoArray(tout, (b + 2) * outDim + o);
    e2.intoArray(tout, (b + 2) * outDim + o + L);
    f2.intoArray(tout, (b + 2) * outDim + o + 2 * L);
    g2.intoArray(tout, (b + 2) * outDim + o + 3 * L);
    a3.intoArray(tout, (b + 3) * outDim + o);
    e3.intoArray(tout, (b + 3) * outDim + o + L);
    f3.intoArray(tout, (b + 3) * outDim + o + 2 * L);
    g3.intoArray(tout, (b + 3) * outDim + o + 3 * L);
  }

  /** out[b,o] = bias[o] + Σ_i in[b,i]·W[i,o], each an FMA chain in i order. */
  private static void affine(double[] in, int inDim, double[] theta, int wOff, int bOff,
      int outDim, double[] out, int r0, int r1) {
    int oVec = outDim - outDim % L;
    int b = r0;
    for (; b + 4 <= r1; b += 4) {
      int i0 = b * inDim;
      int i1 = i0 + inDim;
      int i2 = i1 + inDim;
      int i3 = i2 + inDim;
      int o = 0;
      // four output vectors × four rows: sixteen chains, four FMAs per broadcast input
      for (; o + 4 * L <= oVec; o += 4 * L) {
        affine4x4(in, inDim, theta, wOff, bOff, outDim, out, b, o);
      }
      // two output vectors × four rows: eight independent FMA chains keep both FMA ports busy
      for (; o + 2 * L <= oVec; o += 2 * L) {
        DoubleVector biasA = DoubleVector.fromArray(S, theta, bOff + o);
        DoubleVector biasB = DoubleVector.fromArray(S, theta, bOff + o + L);
        DoubleVector a0 = biasA;
        DoubleVector a1 = biasA;
        DoubleVector a2 = biasA;
        DoubleVector a3 = biasA;
        DoubleVector c0 = biasB;
        DoubleVector c1 = biasB;
        DoubleVector c2 = biasB;
        DoubleVector c3 = biasB;
        int w = wOff + o;
        for (int i = 0; i < inDim; i++, w += outDim) {
          DoubleVector wa = DoubleVector.fromArray(S, theta, w);
          DoubleVector wb = DoubleVector.fromArray(S, theta, w + L);
          DoubleVector x0 = bc(in[i0 + i]);
          DoubleVector x1 = bc(in[i1 + i]);
          DoubleVector x2 = bc(in[i2 + i]);
          DoubleVector x3 = bc(in[i3 + i]);
          a0 = wa.fma(x0, a0);
          a1 = wa.fma(x1, a1);
          a2 = wa.fma(x2, a2);
          a3 = wa.fma(x3, a3);
          c0 = wb.fma(x0, c0);
          c1 = wb.fma(x1, c1);
          c2 = wb.fma(x2, c2);
          c3 = wb.fma(x3, c3);
        }
        a0.intoArray(out, b * outDim + o);
        a1.intoArray(out, (b + 1) * outDim + o);
        a2.intoArray(out, (b + 2) * outDim + o);
        a3.intoArray(out, (b + 3) * outDim + o);
        c0.intoArray(out, b * outDim + o + L);
        c1.intoArray(out, (b + 1) * outDim + o + L);
        c2.intoArray(out, (b + 2) * outDim + o + L);
        c3.intoArray(out, (b + 3) * outDim + o + L);
      }
      for (; o < oVec; o += L) {
        DoubleVector bias = DoubleVector.fromArray(S, theta, bOff + o);
        DoubleVector a0 = bias;
        DoubleVector a1 = bias;
        DoubleVector a2 = bias;
        DoubleVector a3 = bias;
        for (int i = 0; i < inDim; i++) {
          DoubleVector w = DoubleVector.fromArray(S, theta, wOff + i * outDim + o);
          a0 = w.fma(bc(in[i0 + i]), a0);
          a1 = w.fma(bc(in[i1 + i]), a1);
          a2 = w.fma(bc(in[i2 + i]), a2);
          a3 = w.fma(bc(in[i3 + i]), a3);
        }
        a0.intoArray(out, b * outDim + o);
        a1.intoArray(out, (b + 1) * outDim + o);
        a2.intoArray(out, (b + 2) * outDim + o);
        a3.intoArray(out, (b + 3) * outDim + o);
      }
    }
    for (; b < r1; b++) {
      int ib = b * inDim;
      for (int o = 0; o < oVec; o += L) {
        DoubleVector a = DoubleVector.fromArray(S, theta, bOff + o);
        for (int i = 0; i < inDim; i++) {
          a = DoubleVector.fromArray(S, theta, wOff + i * outDim + o).fma(bc(in[ib + i]), a);
        }
        a.intoArray(out, b * outDim + o);
      }
    }
    if (oVec < outDim) {
      forwardTail(in, inDim, theta, wOff, bOff, outDim, out, r0, r1, oVec);
    }
  }

  /**
   * Outputs past the last full vector (the 1- or 2-wide output layers): each element is the
   * scalar FMA chain of {@link ScalarKernels}, but eight rows run side by side so that eight
   * independent chains hide the FMA latency (one chain at a time was latency-bound and cost more
   * than the whole hidden layer).
   */
  private static void forwardTail(double[] in, int inDim, double[] theta, int wOff, int bOff,
      int outDim, double[] out, int r0, int r1, int oFrom) {
    int b = r0;
    for (; b + 8 <= r1; b += 8) {
      int i0 = b * inDim;
      for (int o = oFrom; o < outDim; o++) {
        double bias = theta[bOff + o];
        double a0 = bias;
        double a1 = bias;
        double a2 = bias;
        double a3 = bias;
        double a4 = bias;
        double a5 = bias;
        double a6 = bias;
        double a7 = bias;
        for (int i = 0, w = wOff + o; i < inDim; i++, w += outDim) {
          double wi = theta[w];
          a0 = Math.fma(in[i0 + i], wi, a0);
          a1 = Math.fma(in[i0 + inDim + i], wi, a1);
          a2 = Math.fma(in[i0 + 2 * inDim + i], wi, a2);
          a3 = Math.fma(in[i0 + 3 * inDim + i], wi, a3);
          a4 = Math.fma(in[i0 + 4 * inDim + i], wi, a4);
          a5 = Math.fma(in[i0 + 5 * inDim + i], wi, a5);
          a6 = Math.fma(in[i0 + 6 * inDim + i], wi, a6);
          a7 = Math.fma(in[i0 + 7 * inDim + i], wi, a7);
        }
        out[b * outDim + o] = a0;
        out[(b + 1) * outDim + o] = a1;
        out[(b + 2) * outDim + o] = a2;
        out[(b + 3) * outDim + o] = a3;
        out[(b + 4) * outDim + o] = a4;
        out[(b + 5) * outDim + o] = a5;
        out[(b + 6) * outDim + o] = a6;
        out[(b + 7) * outDim + o] = a7;
      }
    }
    // a sampler's per-step batch is often 4 rows: four chains rather than one
    for (; b + 4 <= r1; b += 4) {
      int i0 = b * inDim;
      for (int o = oFrom; o < outDim; o++) {
        double bias = theta[bOff + o];
        double a0 = bias;
        double a1 = bias;
        double a2 = bias;
        double a3 = bias;
        for (int i = 0, w = wOff + o; i < inDim; i++, w += outDim) {
          double wi = theta[w];
          a0 = Math.fma(in[i0 + i], wi, a0);
          a1 = Math.fma(in[i0 + inDim + i], wi, a1);
          a2 = Math.fma(in[i0 + 2 * inDim + i], wi, a2);
          a3 = Math.fma(in[i0 + 3 * inDim + i], wi, a3);
        }
        out[b * outDim + o] = a0;
        out[(b + 1) * outDim + o] = a1;
        out[(b + 2) * outDim + o] = a2;
        out[(b + 3) * outDim + o] = a3;
      }
    }
    for (; b < r1; b++) {
      for (int o = oFrom; o < outDim; o++) {
        double acc = theta[bOff + o];
        for (int i = 0; i < inDim; i++) {
          acc = Math.fma(in[b * inDim + i], theta[wOff + i * outDim + o], acc);
        }
        out[b * outDim + o] = acc;
      }
    }
  }

  @Override
  public void weightGrad(double[] in, int inDim, double[] dz, int outDim, double[] partial,
      int r0, int r1) {
    int oVec = outDim - outDim % L;
    int i = 0;
    for (; i + 4 <= inDim; i += 4) {
      int o = 0;
      // four inputs × four output vectors: sixteen chains, four FMAs per broadcast input
      for (; o + 4 * L <= oVec; o += 4 * L) {
        weightGrad4x4(in, inDim, dz, outDim, partial, r0, r1, i, o);
      }
      // four inputs × two output vectors: eight independent chains over the rows
      for (; o + 2 * L <= oVec; o += 2 * L) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector c0 = a0;
        DoubleVector c1 = a0;
        DoubleVector c2 = a0;
        DoubleVector c3 = a0;
        for (int b = r0; b < r1; b++) {
          DoubleVector d = DoubleVector.fromArray(S, dz, b * outDim + o);
          DoubleVector e = DoubleVector.fromArray(S, dz, b * outDim + o + L);
          int ib = b * inDim + i;
          DoubleVector x0 = bc(in[ib]);
          DoubleVector x1 = bc(in[ib + 1]);
          DoubleVector x2 = bc(in[ib + 2]);
          DoubleVector x3 = bc(in[ib + 3]);
          a0 = d.fma(x0, a0);
          a1 = d.fma(x1, a1);
          a2 = d.fma(x2, a2);
          a3 = d.fma(x3, a3);
          c0 = e.fma(x0, c0);
          c1 = e.fma(x1, c1);
          c2 = e.fma(x2, c2);
          c3 = e.fma(x3, c3);
        }
        a0.intoArray(partial, i * outDim + o);
        a1.intoArray(partial, (i + 1) * outDim + o);
        a2.intoArray(partial, (i + 2) * outDim + o);
        a3.intoArray(partial, (i + 3) * outDim + o);
        c0.intoArray(partial, i * outDim + o + L);
        c1.intoArray(partial, (i + 1) * outDim + o + L);
        c2.intoArray(partial, (i + 2) * outDim + o + L);
        c3.intoArray(partial, (i + 3) * outDim + o + L);
      }
      for (; o < oVec; o += L) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        for (int b = r0; b < r1; b++) {
          DoubleVector d = DoubleVector.fromArray(S, dz, b * outDim + o);
          int ib = b * inDim + i;
          a0 = d.fma(bc(in[ib]), a0);
          a1 = d.fma(bc(in[ib + 1]), a1);
          a2 = d.fma(bc(in[ib + 2]), a2);
          a3 = d.fma(bc(in[ib + 3]), a3);
        }
        a0.intoArray(partial, i * outDim + o);
        a1.intoArray(partial, (i + 1) * outDim + o);
        a2.intoArray(partial, (i + 2) * outDim + o);
        a3.intoArray(partial, (i + 3) * outDim + o);
      }
    }
    for (; i < inDim; i++) {
      for (int o = 0; o < oVec; o += L) {
        DoubleVector a = DoubleVector.zero(S);
        for (int b = r0; b < r1; b++) {
          a = DoubleVector.fromArray(S, dz, b * outDim + o).fma(bc(in[b * inDim + i]), a);
        }
        a.intoArray(partial, i * outDim + o);
      }
    }
    for (int o = 0; o < oVec; o += L) {
      DoubleVector a = DoubleVector.zero(S);
      for (int b = r0; b < r1; b++) {
        a = a.add(DoubleVector.fromArray(S, dz, b * outDim + o));
      }
      a.intoArray(partial, inDim * outDim + o);
    }
    for (int o = oVec; o < outDim; o++) {
      // narrow outputs: lanes over the input index (contiguous rows of `in`), each lane the scalar
      // chain over rows; up to four chains at a time hide the FMA latency
      int k = 0;
      for (; k + 4 * L <= inDim; k += 4 * L) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        for (int b = r0; b < r1; b++) {
          DoubleVector d = bc(dz[b * outDim + o]);
          int ib = b * inDim + k;
          a0 = DoubleVector.fromArray(S, in, ib).fma(d, a0);
          a1 = DoubleVector.fromArray(S, in, ib + L).fma(d, a1);
          a2 = DoubleVector.fromArray(S, in, ib + 2 * L).fma(d, a2);
          a3 = DoubleVector.fromArray(S, in, ib + 3 * L).fma(d, a3);
        }
        for (int j = 0; j < L; j++) {
          partial[(k + j) * outDim + o] = a0.lane(j);
          partial[(k + L + j) * outDim + o] = a1.lane(j);
          partial[(k + 2 * L + j) * outDim + o] = a2.lane(j);
          partial[(k + 3 * L + j) * outDim + o] = a3.lane(j);
        }
      }
      for (; k + L <= inDim; k += L) {
        DoubleVector a = DoubleVector.zero(S);
        for (int b = r0; b < r1; b++) {
          a = DoubleVector.fromArray(S, in, b * inDim + k).fma(bc(dz[b * outDim + o]), a);
        }
        for (int j = 0; j < L; j++) {
          partial[(k + j) * outDim + o] = a.lane(j);
        }
      }
      for (; k < inDim; k++) {
        double acc = 0.0;
        for (int b = r0; b < r1; b++) {
          acc = Math.fma(in[b * inDim + k], dz[b * outDim + o], acc);
        }
        partial[k * outDim + o] = acc;
      }
      double acc = 0.0;
      for (int b = r0; b < r1; b++) {
        acc = acc + dz[b * outDim + o];
      }
      partial[inDim * outDim + o] = acc;
    }
  }

  @Override
  public void inputGrad(double[] dz, int outDim, double[] wt, int inDim, double[] h, int act,
      double[] dh, int r0, int r1) {
    int iVec = inDim - inDim % L;
    int b = r0;
    for (; b + 4 <= r1; b += 4) {
      int i = 0;
      // four rows × four input vectors: sixteen chains, four FMAs per broadcast gradient
      for (; i + 4 * L <= iVec; i += 4 * L) {
        inputGrad4x4(dz, outDim, wt, inDim, dh, b, i);
      }
      // four rows × two input vectors: eight independent chains over the outputs
      for (; i + 2 * L <= iVec; i += 2 * L) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector c0 = a0;
        DoubleVector c1 = a0;
        DoubleVector c2 = a0;
        DoubleVector c3 = a0;
        for (int o = 0; o < outDim; o++) {
          DoubleVector w = DoubleVector.fromArray(S, wt, o * inDim + i);
          DoubleVector u = DoubleVector.fromArray(S, wt, o * inDim + i + L);
          DoubleVector z0 = bc(dz[b * outDim + o]);
          DoubleVector z1 = bc(dz[(b + 1) * outDim + o]);
          DoubleVector z2 = bc(dz[(b + 2) * outDim + o]);
          DoubleVector z3 = bc(dz[(b + 3) * outDim + o]);
          a0 = w.fma(z0, a0);
          a1 = w.fma(z1, a1);
          a2 = w.fma(z2, a2);
          a3 = w.fma(z3, a3);
          c0 = u.fma(z0, c0);
          c1 = u.fma(z1, c1);
          c2 = u.fma(z2, c2);
          c3 = u.fma(z3, c3);
        }
        a0.intoArray(dh, b * inDim + i);
        a1.intoArray(dh, (b + 1) * inDim + i);
        a2.intoArray(dh, (b + 2) * inDim + i);
        a3.intoArray(dh, (b + 3) * inDim + i);
        c0.intoArray(dh, b * inDim + i + L);
        c1.intoArray(dh, (b + 1) * inDim + i + L);
        c2.intoArray(dh, (b + 2) * inDim + i + L);
        c3.intoArray(dh, (b + 3) * inDim + i + L);
      }
      for (; i < iVec; i += L) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        for (int o = 0; o < outDim; o++) {
          DoubleVector w = DoubleVector.fromArray(S, wt, o * inDim + i);
          a0 = w.fma(bc(dz[b * outDim + o]), a0);
          a1 = w.fma(bc(dz[(b + 1) * outDim + o]), a1);
          a2 = w.fma(bc(dz[(b + 2) * outDim + o]), a2);
          a3 = w.fma(bc(dz[(b + 3) * outDim + o]), a3);
        }
        a0.intoArray(dh, b * inDim + i);
        a1.intoArray(dh, (b + 1) * inDim + i);
        a2.intoArray(dh, (b + 2) * inDim + i);
        a3.intoArray(dh, (b + 3) * inDim + i);
      }
    }
    for (; b < r1; b++) {
      for (int i = 0; i < iVec; i += L) {
        DoubleVector a = DoubleVector.zero(S);
        for (int o = 0; o < outDim; o++) {
          a = DoubleVector.fromArray(S, wt, o * inDim + i).fma(bc(dz[b * outDim + o]), a);
        }
        a.intoArray(dh, b * inDim + i);
      }
    }
    if (iVec < inDim) {
      for (int bb = r0; bb < r1; bb++) {
        for (int i = iVec; i < inDim; i++) {
          double acc = 0.0;
          for (int o = 0; o < outDim; o++) {
            acc = Math.fma(dz[bb * outDim + o], wt[o * inDim + i], acc);
          }
          dh[bb * inDim + i] = acc;
        }
      }
    }
    derivativeBlock(dh, h, r0 * inDim, r1 * inDim, act);
  }

  @Override
  public void jvp(double[] h, double[] tin, boolean tinZero, int inDim, double[] theta,
      double[] v, int wOff, int bOff, int outDim, double[] hout, int act, double[] tout, int r0,
      int r1) {
    // ż = h·V + v_b (+ ḣ·W): with a zero input tangent this is the affine map with v in place of θ
    if (tinZero) {
      affine(h, inDim, v, wOff, bOff, outDim, tout, r0, r1);
    } else {
      jvpAffine(h, tin, inDim, theta, v, wOff, bOff, outDim, tout, r0, r1);
    }
    // ṫ = ż ⊙ act'(z), over the chunk's contiguous block
    derivativeBlock(tout, hout, r0 * outDim, r1 * outDim, act);
  }

  /** ż = v_b + Σ_i (h_i·V_i + ḣ_i·W_i), each element one FMA chain in the scalar order. */
  private static void jvpAffine(double[] h, double[] tin, int inDim, double[] theta, double[] v,
      int wOff, int bOff, int outDim, double[] tout, int r0, int r1) {
    int oVec = outDim - outDim % L;
    int b = r0;
    for (; b + 4 <= r1; b += 4) {
      int i0 = b * inDim;
      int o = 0;
      // four rows × four output vectors: sixteen chains
      for (; o + 4 * L <= oVec; o += 4 * L) {
        jvpAffine4x4(h, tin, inDim, theta, v, wOff, bOff, outDim, tout, b, o);
      }
      // four rows × two output vectors: eight independent chains
      for (; o + 2 * L <= oVec; o += 2 * L) {
        DoubleVector biasA = DoubleVector.fromArray(S, v, bOff + o);
        DoubleVector biasB = DoubleVector.fromArray(S, v, bOff + o + L);
        DoubleVector a0 = biasA;
        DoubleVector a1 = biasA;
        DoubleVector a2 = biasA;
        DoubleVector a3 = biasA;
        DoubleVector c0 = biasB;
        DoubleVector c1 = biasB;
        DoubleVector c2 = biasB;
        DoubleVector c3 = biasB;
        for (int i = 0, w = wOff + o; i < inDim; i++, w += outDim) {
          DoubleVector va = DoubleVector.fromArray(S, v, w);
          DoubleVector vb = DoubleVector.fromArray(S, v, w + L);
          DoubleVector wa = DoubleVector.fromArray(S, theta, w);
          DoubleVector wb = DoubleVector.fromArray(S, theta, w + L);
          DoubleVector x0 = bc(h[i0 + i]);
          DoubleVector x1 = bc(h[i0 + inDim + i]);
          DoubleVector x2 = bc(h[i0 + 2 * inDim + i]);
          DoubleVector x3 = bc(h[i0 + 3 * inDim + i]);
          DoubleVector t0 = bc(tin[i0 + i]);
          DoubleVector t1 = bc(tin[i0 + inDim + i]);
          DoubleVector t2 = bc(tin[i0 + 2 * inDim + i]);
          DoubleVector t3 = bc(tin[i0 + 3 * inDim + i]);
          a0 = wa.fma(t0, va.fma(x0, a0));
          a1 = wa.fma(t1, va.fma(x1, a1));
          a2 = wa.fma(t2, va.fma(x2, a2));
          a3 = wa.fma(t3, va.fma(x3, a3));
          c0 = wb.fma(t0, vb.fma(x0, c0));
          c1 = wb.fma(t1, vb.fma(x1, c1));
          c2 = wb.fma(t2, vb.fma(x2, c2));
          c3 = wb.fma(t3, vb.fma(x3, c3));
        }
        a0.intoArray(tout, b * outDim + o);
        a1.intoArray(tout, (b + 1) * outDim + o);
        a2.intoArray(tout, (b + 2) * outDim + o);
        a3.intoArray(tout, (b + 3) * outDim + o);
        c0.intoArray(tout, b * outDim + o + L);
        c1.intoArray(tout, (b + 1) * outDim + o + L);
        c2.intoArray(tout, (b + 2) * outDim + o + L);
        c3.intoArray(tout, (b + 3) * outDim + o + L);
      }
      for (; o < oVec; o += L) {
        DoubleVector bias = DoubleVector.fromArray(S, v, bOff + o);
        DoubleVector a0 = bias;
        DoubleVector a1 = bias;
        DoubleVector a2 = bias;
        DoubleVector a3 = bias;
        for (int i = 0, w = wOff + o; i < inDim; i++, w += outDim) {
          DoubleVector va = DoubleVector.fromArray(S, v, w);
          DoubleVector wa = DoubleVector.fromArray(S, theta, w);
          a0 = wa.fma(bc(tin[i0 + i]), va.fma(bc(h[i0 + i]), a0));
          a1 = wa.fma(bc(tin[i0 + inDim + i]), va.fma(bc(h[i0 + inDim + i]), a1));
          a2 = wa.fma(bc(tin[i0 + 2 * inDim + i]), va.fma(bc(h[i0 + 2 * inDim + i]), a2));
          a3 = wa.fma(bc(tin[i0 + 3 * inDim + i]), va.fma(bc(h[i0 + 3 * inDim + i]), a3));
        }
        a0.intoArray(tout, b * outDim + o);
        a1.intoArray(tout, (b + 1) * outDim + o);
        a2.intoArray(tout, (b + 2) * outDim + o);
        a3.intoArray(tout, (b + 3) * outDim + o);
      }
    }
    for (; b < r1; b++) {
      for (int o = 0; o < oVec; o += L) {
        DoubleVector a = DoubleVector.fromArray(S, v, bOff + o);
        for (int i = 0, w = wOff + o; i < inDim; i++, w += outDim) {
          a = DoubleVector.fromArray(S, v, w).fma(bc(h[b * inDim + i]), a);
          a = DoubleVector.fromArray(S, theta, w).fma(bc(tin[b * inDim + i]), a);
        }
        a.intoArray(tout, b * outDim + o);
      }
    }
    if (oVec < outDim) {
      jvpTail(h, tin, inDim, theta, v, wOff, bOff, outDim, tout, r0, r1, oVec);
    }
  }

  /** Narrow outputs of {@link #jvpAffine}: the scalar chains, four rows side by side. */
  private static void jvpTail(double[] h, double[] tin, int inDim, double[] theta, double[] v,
      int wOff, int bOff, int outDim, double[] tout, int r0, int r1, int oFrom) {
    int b = r0;
    for (; b + 4 <= r1; b += 4) {
      int i0 = b * inDim;
      for (int o = oFrom; o < outDim; o++) {
        double bias = v[bOff + o];
        double a0 = bias;
        double a1 = bias;
        double a2 = bias;
        double a3 = bias;
        for (int i = 0, w = wOff + o; i < inDim; i++, w += outDim) {
          double vw = v[w];
          double tw = theta[w];
          a0 = Math.fma(tin[i0 + i], tw, Math.fma(h[i0 + i], vw, a0));
          a1 = Math.fma(tin[i0 + inDim + i], tw, Math.fma(h[i0 + inDim + i], vw, a1));
          a2 = Math.fma(tin[i0 + 2 * inDim + i], tw, Math.fma(h[i0 + 2 * inDim + i], vw, a2));
          a3 = Math.fma(tin[i0 + 3 * inDim + i], tw, Math.fma(h[i0 + 3 * inDim + i], vw, a3));
        }
        tout[b * outDim + o] = a0;
        tout[(b + 1) * outDim + o] = a1;
        tout[(b + 2) * outDim + o] = a2;
        tout[(b + 3) * outDim + o] = a3;
      }
    }
    for (; b < r1; b++) {
      for (int o = oFrom; o < outDim; o++) {
        double acc = v[bOff + o];
        for (int i = 0; i < inDim; i++) {
          acc = Math.fma(h[b * inDim + i], v[wOff + i * outDim + o], acc);
          acc = Math.fma(tin[b * inDim + i], theta[wOff + i * outDim + o], acc);
        }
        tout[b * outDim + o] = acc;
      }
    }
  }
}
