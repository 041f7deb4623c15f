package io.natgrad.policy;

/**
 * The scalar dense-layer forward pass shared by the trainer (its scalar kernels and the tails of
 * its vector kernels compute exactly this) and by deployed policies: every output element is
 * act(bias + Σ_i x_i·W[i, o]) as an FMA chain over i in order, so a deployed policy acts exactly as
 * the trainer did, bit for bit.
 *
 * <p>Layout: rows are contiguous; W is (in × out) input-major in θ at {@code wOff}, the bias at
 * {@code bOff}. Activation codes: 0 linear, 1 tanh ({@link FastTanh}), 2 ReLU.
 */
public final class ScalarLayers {
  public static final int LINEAR = 0;
  public static final int TANH = 1;
  public static final int RELU = 2;

  private ScalarLayers() {}

  /** The activation of a pre-activation z. */
  public static double activate(double z, int act) {
    return act == TANH ? FastTanh.tanh(z) : act == RELU ? (z > 0 ? z : 0.0) : z;
  }

  /** out[b, o] for rows [r0, r1). */
  public static void forward(double[] in, int inDim, double[] theta, int wOff, int bOff,
      int outDim, double[] out, int act, int r0, int r1) {
    for (int b = r0; b < r1; b++) {
      int ib = b * inDim;
      int ob = b * outDim;
      for (int o = 0; o < outDim; o++) {
        double acc = theta[bOff + o];
        for (int i = 0; i < inDim; i++) {
          acc = Math.fma(in[ib + i], theta[wOff + i * outDim + o], acc);
        }
        out[ob + o] = activate(acc, act);
      }
    }
  }
}
