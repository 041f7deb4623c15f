package io.natgrad.rl.nn;

import io.natgrad.core.random.Rng;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * A multilayer perceptron on flat {@code double[]} parameters, evaluated on whole batches:
 * h₀ = x, h_l = act(h_{l−1} W_l + b_l) for hidden layers, y = h_{L−1} W_L + b_L (linear output).
 *
 * <p>Parameter layout: for each layer l in order, W_l as an (in × out) row-major block, then b_l.
 * Weights are stored input-major so that every inner loop of the forward, reverse and forward-mode
 * passes runs over contiguous output rows (an axpy the JIT vectorizes) — these kernels are written
 * by hand because a library call per layer and sample would allocate and copy. Intermediate
 * activations live in a caller-owned {@link Workspace}, so no pass allocates per sample.
 *
 * <p>Three passes, each checked against finite differences in the tests:
 * <ul>
 *   <li>{@link #forward}: y = f(θ, x) for a batch;
 *   <li>{@link #backward} (reverse mode, vector–Jacobian product): given ȳ, accumulates
 *       ∂(Σ ȳ·y)/∂θ (and optionally ∂/∂x);
 *   <li>{@link #jvp} (forward mode, Jacobian–vector product): given a parameter direction v,
 *       returns ẏ = (∂y/∂θ) v, reusing the activations of the last forward pass.
 * </ul>
 * Immutable and thread-safe; workspaces are not.
 */
public final class Mlp {
  private final int[] sizes;
  private final Activation activation;
  private final int[] weightOffset;
  private final int[] biasOffset;
  private final int parameterCount;

  /**
   * @param inputDim input dimension
   * @param hidden hidden layer sizes (may be empty: a linear model)
   * @param outputDim output dimension
   * @param activation hidden activation
   */
  public Mlp(int inputDim, int[] hidden, int outputDim, Activation activation) {
    if (inputDim < 1) {
      throw new IllegalArgumentException("input dimension must be >= 1, got " + inputDim);
    }
    if (outputDim < 1) {
      throw new IllegalArgumentException("output dimension must be >= 1, got " + outputDim);
    }
    for (int h : hidden) {
      if (h < 1) {
        throw new IllegalArgumentException(
            "hidden layer sizes must be >= 1, got " + Arrays.toString(hidden));
      }
    }
    this.activation = java.util.Objects.requireNonNull(activation, "activation");
    this.sizes = new int[hidden.length + 2];
    sizes[0] = inputDim;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = outputDim;
    int layers = sizes.length - 1;
    weightOffset = new int[layers];
    biasOffset = new int[layers];
    int off = 0;
    for (int l = 0; l < layers; l++) {
      weightOffset[l] = off;
      off += sizes[l] * sizes[l + 1];
      biasOffset[l] = off;
      off += sizes[l + 1];
    }
    parameterCount = off;
  }

  public int inputDim() {
    return sizes[0];
  }

  public int outputDim() {
    return sizes[sizes.length - 1];
  }

  /** The hidden sizes. */
  public int[] hidden() {
    return Arrays.copyOfRange(sizes, 1, sizes.length - 1);
  }

  public Activation activation() {
    return activation;
  }

  /** Number of parameters. */
  public int parameterCount() {
    return parameterCount;
  }

  /** Number of layers (hidden + output). */
  public int layers() {
    return sizes.length - 1;
  }

  /** Multiply–adds of one forward pass per sample. */
  public long flopsPerSample() {
    long f = 0;
    for (int l = 0; l < layers(); l++) {
      f += 2L * sizes[l] * sizes[l + 1];
    }
    return f;
  }

  /**
   * Orthogonal initialization (Saxe et al. 2014), as Stable-Baselines3 does: each W_l is a random
   * orthogonal matrix scaled by {@code hiddenGain} (√2 in SB3) for hidden layers and
   * {@code outputGain} for the output layer (0.01 for a policy, 1 for a value function); biases 0.
   */
  public double[] initialParameters(Rng rng, double hiddenGain, double outputGain) {
    double[] theta = new double[parameterCount];
    for (int l = 0; l < layers(); l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      double gain = l == layers() - 1 ? outputGain : hiddenGain;
      double[] w = orthogonal(in, out, rng);
      for (int i = 0; i < w.length; i++) {
        theta[weightOffset[l] + i] = gain * w[i];
      }
    }
    return theta;
  }

  /**
   * PyTorch's default {@code nn.Linear} initialization, used when {@code ortho_init=False}: every
   * weight and bias of a layer with fan-in k is drawn from U(−1/√k, 1/√k).
   */
  public double[] uniformInitialParameters(Rng rng) {
    double[] theta = new double[parameterCount];
    for (int l = 0; l < layers(); l++) {
      double bound = 1.0 / Math.sqrt(sizes[l]);
      int end = biasOffset[l] + sizes[l + 1];
      for (int i = weightOffset[l]; i < end; i++) {
        theta[i] = bound * (2 * rng.nextDouble() - 1);
      }
    }
    return theta;
  }

  /** A random (rows × cols) matrix with orthonormal rows or columns, row-major. */
  static double[] orthogonal(int rows, int cols, Rng rng) {
    int big = Math.max(rows, cols);
    int small = Math.min(rows, cols);
    DMatrixRMaj a = new DMatrixRMaj(big, small);
    for (int i = 0; i < a.data.length; i++) {
      a.data[i] = rng.nextGaussian();
    }
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(big, small);
    if (!qr.decompose(a.copy())) {
      throw new IllegalStateException("QR decomposition failed");
    }
    DMatrixRMaj q = qr.getQ(null, true);
    DMatrixRMaj r = qr.getR(null, true);
    // fix signs so that the distribution is uniform (Haar)
    for (int j = 0; j < small; j++) {
      if (r.get(j, j) < 0) {
        for (int i = 0; i < big; i++) {
          q.set(i, j, -q.get(i, j));
        }
      }
    }
    double[] out = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[i * cols + j] = rows >= cols ? q.get(i, j) : q.get(j, i);
      }
    }
    return out;
  }

  /** Buffers for one batch size: activations of every layer and scratch for the passes. */
  public Workspace workspace(int batch) {
    return new Workspace(batch);
  }

  /** Caller-owned buffers; reuse one per thread. */
  public final class Workspace {
    final int capacity;
    /** h[l]: activations of layer l (h[0] is a copy of the input), batch × sizes[l]. */
    final double[][] h;
    final double[][] dh;
    final double[][] th;
    final double[][] wt;
    int batch;

    Workspace(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("batch capacity must be >= 1, got " + capacity);
      }
      this.capacity = capacity;
      h = new double[sizes.length][];
      dh = new double[sizes.length][];
      th = new double[sizes.length][];
      for (int l = 0; l < sizes.length; l++) {
        h[l] = new double[capacity * sizes[l]];
        dh[l] = new double[capacity * sizes[l]];
        th[l] = new double[capacity * sizes[l]];
      }
      wt = new double[sizes.length - 1][];
    }

    /** Per-chunk weight-gradient partial sums, [chunk][layer]. */
    private double[][][] partials = new double[0][][];

    double[][][] partials(int chunks) {
      if (partials.length < chunks) {
        double[][][] p = new double[chunks][][];
        for (int c = 0; c < chunks; c++) {
          p[c] = new double[layers()][];
          for (int l = 0; l < layers(); l++) {
            p[c][l] = new double[sizes[l] * sizes[l + 1] + sizes[l + 1]];
          }
        }
        partials = p;
      }
      return partials;
    }

    double[] transposed(int layer, int size) {
      if (wt[layer] == null || wt[layer].length < size) {
        wt[layer] = new double[size];
      }
      return wt[layer];
    }

    public int capacity() {
      return capacity;
    }

    /** The output of the last forward pass (batch × outputDim; valid until the next pass). */
    public double[] output() {
      return h[sizes.length - 1];
    }
  }

  /**
   * Rows per work unit: a function of the batch size alone, never of the thread count, so that
   * results do not depend on the number of threads. Batches under 512 rows (minibatches) use 64-row
   * chunks so that two threads share them; larger ones 128, which halves the partial sums to add.
   */
  static int chunkRows(int batch) {
    return batch < 512 ? 64 : 128;
  }

  static int chunkCount(int batch) {
    int rows = chunkRows(batch);
    return (batch + rows - 1) / rows;
  }

  /** The work of rows [r0, r1), chunk c. */
  @FunctionalInterface
  private interface ChunkBody {
    void run(int c, int r0, int r1);
  }

  private static final LayerKernels K = LayerKernels.best();

  private int code(int layer) {
    if (layer == layers() - 1) {
      return LayerKernels.LINEAR;
    }
    return activation == Activation.TANH ? LayerKernels.TANH : LayerKernels.RELU;
  }

  /**
   * Runs body(c) for every fixed chunk of rows, in parallel when there are several. Rows are
   * independent in every pass, so one chunk goes through all layers in one task: one hand-off per
   * pass rather than one per layer.
   */
  private static void forChunks(int batch, ChunkBody body) {
    int rows = chunkRows(batch);
    int chunks = (batch + rows - 1) / rows;
    java.util.function.IntConsumer task = c -> body.run(c, c * rows, Math.min(batch, (c + 1) * rows));
    if (chunks < 2 || Parallelism.threads() <= 1) {
      for (int c = 0; c < chunks; c++) {
        task.accept(c);
      }
    } else {
      Parallelism.run(chunks, task);
    }
  }

  /**
   * y = f(θ, x) for {@code batch} inputs (row-major, batch × inputDim). The output stays in the
   * workspace ({@link Workspace#output()}) and is copied into {@code out} when it is not null.
   */
  public void forward(double[] theta, double[] x, int batch, Workspace ws, double[] out) {
    checkBatch(ws, batch);
    ws.batch = batch;
    System.arraycopy(x, 0, ws.h[0], 0, batch * sizes[0]);
    forChunks(batch, (c, r0, r1) -> forwardRows(theta, ws, r0, r1));
    if (out != null) {
      System.arraycopy(ws.output(), 0, out, 0, batch * outputDim());
    }
  }

  private void forwardRows(double[] theta, Workspace ws, int r0, int r1) {
    for (int l = 0; l < layers(); l++) {
      K.forward(ws.h[l], sizes[l], theta, weightOffset[l], biasOffset[l], sizes[l + 1], ws.h[l + 1],
          code(l), r0, r1);
    }
  }

  /**
   * Reverse pass after {@link #forward} on the same workspace: with upstream gradient ȳ
   * (batch × outputDim), adds ∂(Σ_b ȳ_b·y_b)/∂θ into {@code gradTheta} and, when
   * {@code gradInput} is not null, writes ∂/∂x into it (batch × inputDim). Weight gradients are
   * summed per fixed chunk of rows and the chunk sums added in order.
   */
  public void backward(double[] theta, double[] yBar, Workspace ws, double[] gradTheta,
      double[] gradInput) {
    int batch = ws.batch;
    System.arraycopy(yBar, 0, ws.dh[layers()], 0, batch * outputDim());
    boolean wantInput = gradInput != null;
    prepareTransposed(theta, ws, wantInput);
    double[][][] partials = ws.partials(chunkCount(batch));
    forChunks(batch, (c, r0, r1) -> backwardRows(ws, partials[c], wantInput, r0, r1));
    addPartials(ws, partials, batch, gradTheta);
    if (gradInput != null) {
      System.arraycopy(ws.dh[0], 0, gradInput, 0, batch * inputDim());
    }
  }

  /**
   * K-FAC's two factors of layer {@code layer} (Martens and Grosse 2015) after {@link #backward} on
   * the same workspace, whose upstream gradient ȳ held one row per sample (e.g. the score of
   * log π in the distribution's parameters at the sample's action):
   *
   * <pre>
   * A = (1/n) Σᵢ āᵢ āᵢᵀ,  āᵢ = (aᵢ, 1)   the layer's inputs with the bias folded in, (in+1)²
   * S = (1/n) Σᵢ δᵢ δᵢᵀ                  ∂(ȳᵢ·yᵢ)/∂zᵢ at the layer's pre-activations, out²
   * </pre>
   *
   * The layer's parameters (weights input-major, then the bias) are the (in+1) × out matrix whose
   * per-sample gradient is āᵢ δᵢᵀ, so its K-FAC block is A ⊗ S in θ's order
   * ({@code io.natgrad.core.linalg.KroneckerBlock(A, S)}), exact for one sample.
   *
   * @return {A, S}
   */
  public DMatrixRMaj[] kfacFactors(Workspace ws, int layer) {
    if (layer < 0 || layer >= layers()) {
      throw new IllegalArgumentException("layer must be in [0, " + layers() + "), got " + layer);
    }
    int n = ws.batch;
    int in = sizes[layer];
    int out = sizes[layer + 1];
    double[] h = ws.h[layer];
    double[] am = secondMoment(h, in, n);
    DMatrixRMaj a = new DMatrixRMaj(in + 1, in + 1);
    for (int i = 0; i < in; i++) {
      System.arraycopy(am, i * in, a.data, i * (in + 1), in);
    }
    double[] sums = new double[in]; // the bias's constant 1: column sums, and n
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < in; i++) {
        sums[i] += h[r * in + i];
      }
    }
    for (int i = 0; i < in; i++) {
      a.data[i * (in + 1) + in] = sums[i];
      a.data[in * (in + 1) + i] = sums[i];
    }
    a.data[in * (in + 1) + in] = n;
    DMatrixRMaj s = DMatrixRMaj.wrap(out, out, secondMoment(ws.dh[layer + 1], out, n));
    org.ejml.dense.row.CommonOps_DDRM.divide(a, n);
    org.ejml.dense.row.CommonOps_DDRM.divide(s, n);
    return new DMatrixRMaj[] {a, s};
  }

  /**
   * Σ_b x_b x_bᵀ of n rows of width d, symmetric: each fixed chunk of {@value #MOMENT_ROWS} rows
   * by the kernels' upper triangle (vectorized and register-blocked: K-FAC's statistics cost about
   * as much as a weight gradient, and a library's general product would not use the symmetry or
   * the Vector API), the chunks added in order, so that the bits do not depend on the number of
   * threads.
   */
  private static double[] secondMoment(double[] x, int d, int n) {
    int chunks = (n + MOMENT_ROWS - 1) / MOMENT_ROWS;
    double[][] parts = new double[chunks][d * d];
    java.util.function.IntConsumer task = c -> K.secondMoment(x, d, parts[c], c * MOMENT_ROWS,
        Math.min(n, (c + 1) * MOMENT_ROWS));
    if (chunks < 2 || Parallelism.threads() <= 1) {
      for (int c = 0; c < chunks; c++) {
        task.accept(c);
      }
    } else {
      Parallelism.run(chunks, task);
    }
    double[] m = parts[0];
    for (int c = 1; c < parts.length; c++) {
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          m[i * d + j] += parts[c][i * d + j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        m[i * d + j] = m[j * d + i];
      }
    }
    return m;
  }

  /**
   * Adds Σ_b (∂(ȳ_b·y_b)/∂θ)², the squared per-sample gradients summed over the batch, into
   * {@code out}, after {@link #backward} on the same workspace: a layer's per-sample gradient is
   * ā_b δ_bᵀ, so the sum of its squares is the weight-gradient kernel on the squared inputs and the
   * squared pre-activation gradients (bias: Σ_b δ_b²). One reverse pass per column of a square
   * root of the output metric gives the exact diagonal of a Gauss–Newton (Fisher) matrix.
   */
  public void addSquaredSampleGradients(Workspace ws, double[] out) {
    int n = ws.batch;
    for (int l = 0; l < layers(); l++) {
      int in = sizes[l];
      int o = sizes[l + 1];
      double[] h2 = squares(ws.h[l], n * in);
      double[] d2 = squares(ws.dh[l + 1], n * o);
      double[] partial = new double[(in + 1) * o];
      K.weightGrad(h2, in, d2, o, partial, 0, n);
      int off = weightOffset[l];
      for (int k = 0; k < partial.length; k++) {
        out[off + k] += partial[k];
      }
    }
  }

  private static double[] squares(double[] x, int len) {
    double[] y = new double[len];
    for (int i = 0; i < len; i++) {
      y[i] = x[i] * x[i];
    }
    return y;
  }

  /** Rows per chunk of K-FAC's second moments (fixed: the bits do not depend on threads). */
  static final int MOMENT_ROWS = 512;

  /** The first parameter of layer {@code layer}'s block (its weights, then its bias). */
  public int layerOffset(int layer) {
    return weightOffset[layer];
  }

  /** Wᵀ of every layer whose input gradient the reverse pass needs. */
  private void prepareTransposed(double[] theta, Workspace ws, boolean wantInput) {
    for (int l = wantInput ? 0 : 1; l < layers(); l++) {
      int in = sizes[l];
      int outDim = sizes[l + 1];
      double[] wt = ws.transposed(l, in * outDim);
      int wo = weightOffset[l];
      for (int i = 0; i < in; i++) {
        int wrow = wo + i * outDim;
        for (int o = 0; o < outDim; o++) {
          wt[o * in + i] = theta[wrow + o];
        }
      }
    }
  }

  /** The reverse pass over rows [r0, r1), from ws.dh[layers()] down; weight partials per layer. */
  private void backwardRows(Workspace ws, double[][] partial, boolean wantInput, int r0, int r1) {
    for (int l = layers() - 1; l >= 0; l--) {
      int in = sizes[l];
      int outDim = sizes[l + 1];
      K.weightGrad(ws.h[l], in, ws.dh[l + 1], outDim, partial[l], r0, r1);
      if (l > 0 || wantInput) {
        int act = l > 0 ? code(l - 1) : LayerKernels.LINEAR;
        K.inputGrad(ws.dh[l + 1], outDim, ws.wt[l], in, ws.h[l], act, ws.dh[l], r0, r1);
      }
    }
  }

  /** gradTheta += Σ_c partial[c], chunk by chunk in order (the same bits for any thread count). */
  private void addPartials(Workspace ws, double[][][] partials, int batch, double[] gradTheta) {
    int chunks = chunkCount(batch);
    for (int l = 0; l < layers(); l++) {
      int wo = weightOffset[l];
      int size = sizes[l] * sizes[l + 1] + sizes[l + 1];
      for (int c = 0; c < chunks; c++) {
        double[] p = partials[c][l];
        for (int k = 0; k < size; k++) {
          gradTheta[wo + k] += p[k];
        }
      }
    }
  }

  /**
   * Forward-mode pass after {@link #forward} on the same workspace: ẏ = (∂y/∂θ)·v for a parameter
   * direction v (the input is held fixed). Writes batch × outputDim values into {@code out}.
   */
  public void jvp(double[] theta, double[] v, Workspace ws, double[] out) {
    int batch = ws.batch;
    forChunks(batch, (c, r0, r1) -> jvpRows(theta, v, ws, r0, r1));
    System.arraycopy(ws.th[layers()], 0, out, 0, batch * outputDim());
  }

  private void jvpRows(double[] theta, double[] v, Workspace ws, int r0, int r1) {
    for (int l = 0; l < layers(); l++) {
      K.jvp(ws.h[l], ws.th[l], l == 0, sizes[l], theta, v, weightOffset[l], biasOffset[l],
          sizes[l + 1], ws.h[l + 1], code(l), ws.th[l + 1], r0, r1);
    }
  }

  /** A loss on rows [r0, r1) of the output y: writes ∂loss/∂y into ȳ and returns their loss. */
  @FunctionalInterface
  public interface RowLoss {
    double apply(double[] y, double[] yBar, int r0, int r1);
  }

  /**
   * A fused training pass: y = f(θ, x), the loss and its output gradient ȳ row by row, and the
   * reverse pass, each chunk of rows in one task (its activations are still in cache for the
   * reverse pass). Adds ∂loss/∂θ into {@code gradTheta} and returns the loss, the chunks' losses
   * summed in chunk order — the bits of {@link #forward}, the loss, then {@link #backward}.
   */
  public double lossAndGradient(double[] theta, double[] x, int batch, Workspace ws, RowLoss loss,
      double[] gradTheta) {
    checkBatch(ws, batch);
    ws.batch = batch;
    System.arraycopy(x, 0, ws.h[0], 0, batch * sizes[0]);
    prepareTransposed(theta, ws, false);
    int chunks = chunkCount(batch);
    double[][][] partials = ws.partials(chunks);
    double[] losses = new double[chunks];
    forChunks(batch, (c, r0, r1) -> {
      forwardRows(theta, ws, r0, r1);
      losses[c] = loss.apply(ws.h[layers()], ws.dh[layers()], r0, r1);
      backwardRows(ws, partials[c], false, r0, r1);
    });
    addPartials(ws, partials, batch, gradTheta);
    double total = 0;
    for (double l : losses) {
      total += l;
    }
    return total;
  }

  /** A map applied to rows [r0, r1) of the output tangent ẏ, writing ȳ (both batch × outputDim). */
  @FunctionalInterface
  public interface RowMap {
    void apply(double[] yDot, double[] yBar, int r0, int r1);
  }

  /**
   * Jᵀ M J v after {@link #forward} on the same workspace — the Gauss–Newton (for a policy: the
   * Fisher) product — added into {@code gradTheta}, where M acts row by row on the output tangent
   * ({@code m} maps rows of ẏ = J v to rows of ȳ). Each chunk of rows runs its forward-mode pass,
   * M and its reverse pass in one task; the bits equal {@link #jvp}, M, then {@link #backward}.
   */
  public void gaussNewtonProduct(double[] theta, double[] v, Workspace ws, RowMap m,
      double[] gradTheta) {
    int batch = ws.batch;
    prepareTransposed(theta, ws, false);
    double[][][] partials = ws.partials(chunkCount(batch));
    forChunks(batch, (c, r0, r1) -> {
      jvpRows(theta, v, ws, r0, r1);
      m.apply(ws.th[layers()], ws.dh[layers()], r0, r1);
      backwardRows(ws, partials[c], false, r0, r1);
    });
    addPartials(ws, partials, batch, gradTheta);
  }

  private void checkBatch(Workspace ws, int batch) {
    if (batch < 1 || batch > ws.capacity) {
      throw new IllegalArgumentException(
          "batch " + batch + " does not fit the workspace capacity " + ws.capacity);
    }
  }
}
