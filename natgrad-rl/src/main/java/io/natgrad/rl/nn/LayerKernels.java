package io.natgrad.rl.nn;

import io.natgrad.policy.FastTanh;

/**
 * Internal: the dense-layer kernels behind {@link Mlp} (public only so that the Vector API
 * implementation can live in its own package), in two implementations that give the same bits: a
 * scalar one ({@link ScalarKernels}) and one on the Java Vector API ({@code io.natgrad.rl.nn.vector.VectorKernels}, used
 * when the {@code jdk.incubator.vector} module is present). Every output element is computed by the
 * same operations in the same order in both — an FMA chain over the shared dimension, lanes never
 * mixed — so results do not depend on the vector width or on whether vectors are used at all.
 *
 * <p>Layouts are {@link Mlp}'s: rows of a batch are contiguous; W is (in × out) input-major in θ at
 * {@code wOff}, the bias at {@code bOff}. Activation codes: 0 linear, 1 tanh ({@link FastTanh}),
 * 2 ReLU. Each method works on rows [r0, r1) so callers can split a batch across threads.
 */
public interface LayerKernels {
  int LINEAR = 0;
  int TANH = 1;
  int RELU = 2;

  /** out[b,o] = act(bias[o] + Σ_i in[b,i]·W[i,o]) (FMA chain in i order). */
  void forward(double[] in, int inDim, double[] theta, int wOff, int bOff, int outDim,
      double[] out, int act, int r0, int r1);

  /**
   * partial[i·out + o] = Σ_b in[b,i]·dz[b,o] and partial[in·out + o] = Σ_b dz[b,o], each a chain
   * from 0 over b in order, for b in [r0, r1); {@code partial} is overwritten.
   */
  void weightGrad(double[] in, int inDim, double[] dz, int outDim, double[] partial, int r0,
      int r1);

  /**
   * K-FAC's second moments: out[i·d + c] = Σ_b x[b,i]·x[b,c] for c ≥ i (the upper triangle, each
   * an FMA chain from 0 over b in order), for b in [r0, r1); entries below the diagonal are left
   * unspecified.
   */
  void secondMoment(double[] x, int d, double[] out, int r0, int r1);

  /**
   * dh[b,i] = (Σ_o dz[b,o]·Wᵀ[o,i]) · act'(h[b,i]) (chain in o order); {@code wt} is Wᵀ (out × in).
   */
  void inputGrad(double[] dz, int outDim, double[] wt, int inDim, double[] h, int act,
      double[] dh, int r0, int r1);

  /**
   * tout[b,o] = (v_b[o] + Σ_i (h[b,i]·V[i,o] then tin[b,i]·W[i,o])) · act'(hout[b,o]), the
   * forward-mode pass of one layer with parameter tangent v (same layout as θ).
   */
  void jvp(double[] h, double[] tin, boolean tinZero, int inDim, double[] theta, double[] v,
      int wOff, int bOff, int outDim, double[] hout, int act, double[] tout, int r0, int r1);

  /** The kernels for this JVM: vectorized when jdk.incubator.vector is available. */
  static LayerKernels best() {
    return Holder.BEST;
  }

  /** Lazily chosen implementation. */
  final class Holder {
    static final LayerKernels BEST = choose();

    private Holder() {}

    private static LayerKernels choose() {
      if (Boolean.getBoolean("natgrad.scalar")
          || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
        return new ScalarKernels();
      }
      try {
        return (LayerKernels) Class.forName("io.natgrad.rl.nn.vector.VectorKernels")
            .getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        return new ScalarKernels();
      }
    }
  }
}
