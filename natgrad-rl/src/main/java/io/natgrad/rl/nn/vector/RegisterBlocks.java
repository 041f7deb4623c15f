package io.natgrad.rl.nn.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner kernels of {@link VectorKernels}: four rows × four 8-lane vectors,
 * sixteen accumulators, four FMAs per broadcast value — the shape that gets closest to the FMA
 * ceiling here (the 64 × 64 product at ≈ 68 of 95 Gflop/s on one core). Each is its own method so
 * that C2 compiles it as one small unit; every accumulator lane is the scalar kernels' FMA chain in
 * the same order.
 */
final class RegisterBlocks {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private RegisterBlocks() {}

  private static DoubleVector bc(double x) {
    return DoubleVector.broadcast(S, x);
  }

  /** Rows b..b+3, outputs o..o+4L of {@code VectorKernels.affine}. */
  static void affine4x4(double[] in, int inDim, double[] theta, int wOff, int bOff,
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

  /** Inputs i..i+3 × outputs o..o+4L of {@code VectorKernels.weightGrad}: chains over rows r0..r1 in order. */
  static void weightGrad4x4(double[] in, int inDim, double[] dz, int outDim,
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

  /** Rows b..b+3 × inputs i..i+4L of {@code VectorKernels.inputGrad} (raw sums; the derivative comes after). */
  static void inputGrad4x4(double[] dz, int outDim, double[] wt, int inDim, double[] dh,
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

  /** Rows b..b+3 × outputs o..o+4L of {@code VectorKernels.jvpAffine}. */
  static void jvpAffine4x4(double[] h, double[] tin, int inDim, double[] theta,
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
}
