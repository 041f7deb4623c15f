package io.natgrad.rl.nn;

import io.natgrad.policy.ScalarLayers;

/** The scalar twin of the vector kernels: the same operations in the same order per element. */
public final class ScalarKernels implements LayerKernels {

  /** act(z). */
  public static double activate(double z, int act) {
    return ScalarLayers.activate(z, act);
  }

  /** act'(z) from the activation's output h: 1 − h·h for tanh, [h &gt; 0] for ReLU. */
  public static double derivative(double h, int act) {
    return act == TANH ? 1.0 - h * h : act == RELU ? (h > 0 ? 1.0 : 0.0) : 1.0;
  }

  /** Delegates to the deployed policies' own forward pass, so both compute the same bits. */
  @Override
  public void forward(double[] in, int inDim, double[] theta, int wOff, int bOff, int outDim,
      double[] out, int act, int r0, int r1) {
    ScalarLayers.forward(in, inDim, theta, wOff, bOff, outDim, out, act, r0, r1);
  }

  @Override
  public void weightGrad(double[] in, int inDim, double[] dz, int outDim, double[] partial,
      int r0, int r1) {
    for (int i = 0; i < inDim; i++) {
      for (int o = 0; o < outDim; o++) {
        double acc = 0.0;
        for (int b = r0; b < r1; b++) {
          acc = Math.fma(in[b * inDim + i], dz[b * outDim + o], acc);
        }
        partial[i * outDim + o] = acc;
      }
    }
    for (int o = 0; o < outDim; o++) {
      double acc = 0.0;
      for (int b = r0; b < r1; b++) {
        acc = acc + dz[b * outDim + o];
      }
      partial[inDim * outDim + o] = acc;
    }
  }

  @Override
  public void secondMoment(double[] x, int d, double[] out, int r0, int r1) {
    for (int i = 0; i < d; i++) {
      for (int c = i; c < d; c++) {
        out[i * d + c] = chain(x, d, i, c, r0, r1);
      }
    }
  }

  /** Σ_b x[b,i]·x[b,c] for b in [r0, r1): an FMA chain from 0 in row order. */
  public static double chain(double[] x, int d, int i, int c, int r0, int r1) {
    double acc = 0.0;
    for (int b = r0; b < r1; b++) {
      acc = Math.fma(x[b * d + i], x[b * d + c], acc);
    }
    return acc;
  }

  @Override
  public void inputGrad(double[] dz, int outDim, double[] wt, int inDim, double[] h, int act,
      double[] dh, int r0, int r1) {
    for (int b = r0; b < r1; b++) {
      for (int i = 0; i < inDim; i++) {
        double acc = 0.0;
        for (int o = 0; o < outDim; o++) {
          acc = Math.fma(dz[b * outDim + o], wt[o * inDim + i], acc);
        }
        dh[b * inDim + i] = act == LINEAR ? acc : acc * derivative(h[b * inDim + i], act);
      }
    }
  }

  @Override
  public void jvp(double[] h, double[] tin, boolean tinZero, int inDim, double[] theta,
      double[] v, int wOff, int bOff, int outDim, double[] hout, int act, double[] tout, int r0,
      int r1) {
    for (int b = r0; b < r1; b++) {
      for (int o = 0; o < outDim; o++) {
        double acc = v[bOff + o];
        for (int i = 0; i < inDim; i++) {
          acc = Math.fma(h[b * inDim + i], v[wOff + i * outDim + o], acc);
          if (!tinZero) {
            acc = Math.fma(tin[b * inDim + i], theta[wOff + i * outDim + o], acc);
          }
        }
        tout[b * outDim + o] = act == LINEAR ? acc : acc * derivative(hout[b * outDim + o], act);
      }
    }
  }
}
