package io.natgrad.rl.nn.vector;

import io.natgrad.rl.nn.LayerKernels;
import io.natgrad.rl.nn.ScalarKernels;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Java Vector API kernels (hand-written because the layer sizes, 64 × 64 on batches of
 * 512–2048, are too small for a BLAS call to pay off and a library would not keep the per-element
 * operation order that makes results independent of the vector width). Lanes run over the
 * contiguous output dimension; four rows share each weight load ({@link RegisterBlocks} for the
 * wide blocks); every lane performs exactly the scalar FMA chain of {@link ScalarKernels}, and
 * tails use the scalar code. No method here passes a {@code DoubleVector} across a call: a vector
 * crossing a call the JIT does not inline is boxed on the heap, so activations and derivatives run
 * as separate passes ({@link ElementwisePasses}).
 */
public final class VectorKernels implements LayerKernels {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private static DoubleVector bc(double x) {
    return DoubleVector.broadcast(S, x);
  }

  @Override
  public void forward(double[] in, int inDim, double[] theta, int wOff, int bOff, int outDim,
      double[] out, int act, int r0, int r1) {
    affine(in, inDim, theta, wOff, bOff, outDim, out, r0, r1);
    ElementwisePasses.activateBlock(out, r0 * outDim, r1 * outDim, act);
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
        RegisterBlocks.affine4x4(in, inDim, theta, wOff, bOff, outDim, out, b, o);
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
      rowBlock4(in, inDim, dz, outDim, partial, r0, r1, i, 0, oVec);
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

  /**
   * Rows i..i+3 of Σ_b in[b,·]ᵀ dz[b,·] for the vector columns [oFrom, oVec) (oFrom a multiple of
   * L): tiles of four rows × four, two or one output vectors, each element an FMA chain over the
   * rows b from 0 in order.
   */
  private static void rowBlock4(double[] in, int inDim, double[] dz, int outDim, double[] partial,
      int r0, int r1, int i, int oFrom, int oVec) {
    int o = oFrom;
    // four inputs × four output vectors: sixteen chains, four FMAs per broadcast input
    for (; o + 4 * L <= oVec; o += 4 * L) {
      RegisterBlocks.weightGrad4x4(in, inDim, dz, outDim, partial, r0, r1, i, o);
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

  @Override
  public void secondMoment(double[] x, int d, double[] out, int r0, int r1) {
    int dVec = d - d % L;
    int i = 0;
    for (; i + 4 <= d; i += 4) {
      // the tiles that reach the diagonal or beyond; those entirely below it are skipped
      rowBlock4(x, d, x, d, out, r0, r1, i, Math.min(i / L * L, dVec), dVec);
      for (int k = i; k < i + 4; k++) {
        for (int c = Math.max(k, dVec); c < d; c++) {
          out[k * d + c] = ScalarKernels.chain(x, d, k, c, r0, r1);
        }
      }
    }
    for (; i < d; i++) {
      for (int c = i; c < d; c++) {
        out[i * d + c] = ScalarKernels.chain(x, d, i, c, r0, r1);
      }
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
        RegisterBlocks.inputGrad4x4(dz, outDim, wt, inDim, dh, b, i);
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
    ElementwisePasses.derivativeBlock(dh, h, r0 * inDim, r1 * inDim, act);
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
    ElementwisePasses.derivativeBlock(tout, hout, r0 * outDim, r1 * outDim, act);
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
        RegisterBlocks.jvpAffine4x4(h, tin, inDim, theta, v, wOff, bOff, outDim, tout, b, o);
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
    // eight rows side by side: each row's chain has two dependent FMAs per input, so eight chains
    // keep both FMA ports busy where four left half of each FMA's latency idle (this tail was a
    // tenth of a Fisher–vector product's time); each chain runs in the scalar kernel's order
    for (; b + 8 <= r1; b += 8) {
      int i0 = b * inDim;
      for (int o = oFrom; o < outDim; o++) {
        double bias = v[bOff + o];
        double a0 = bias;
        double a1 = bias;
        double a2 = bias;
        double a3 = bias;
        double a4 = bias;
        double a5 = bias;
        double a6 = bias;
        double a7 = bias;
        for (int i = 0, w = wOff + o; i < inDim; i++, w += outDim) {
          double vw = v[w];
          double tw = theta[w];
          a0 = Math.fma(tin[i0 + i], tw, Math.fma(h[i0 + i], vw, a0));
          a1 = Math.fma(tin[i0 + inDim + i], tw, Math.fma(h[i0 + inDim + i], vw, a1));
          a2 = Math.fma(tin[i0 + 2 * inDim + i], tw, Math.fma(h[i0 + 2 * inDim + i], vw, a2));
          a3 = Math.fma(tin[i0 + 3 * inDim + i], tw, Math.fma(h[i0 + 3 * inDim + i], vw, a3));
          a4 = Math.fma(tin[i0 + 4 * inDim + i], tw, Math.fma(h[i0 + 4 * inDim + i], vw, a4));
          a5 = Math.fma(tin[i0 + 5 * inDim + i], tw, Math.fma(h[i0 + 5 * inDim + i], vw, a5));
          a6 = Math.fma(tin[i0 + 6 * inDim + i], tw, Math.fma(h[i0 + 6 * inDim + i], vw, a6));
          a7 = Math.fma(tin[i0 + 7 * inDim + i], tw, Math.fma(h[i0 + 7 * inDim + i], vw, a7));
        }
        tout[b * outDim + o] = a0;
        tout[(b + 1) * outDim + o] = a1;
        tout[(b + 2) * outDim + o] = a2;
        tout[(b + 3) * outDim + o] = a3;
        tout[(b + 4) * outDim + o] = a4;
        tout[(b + 5) * outDim + o] = a5;
        tout[(b + 6) * outDim + o] = a6;
        tout[(b + 7) * outDim + o] = a7;
      }
    }
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
