package io.natgrad.rl.nn;

/**
 * Gets HotSpot to compile the vector kernels early. Until C2 has compiled them, Vector API code
 * runs boxed in the interpreter and C1, about 60× slower; a short training run would spend its
 * first update there. {@link #start()} calls every kernel a few thousand times on tiny shapes from a
 * background thread (a few tens of milliseconds of work), so their compilation is queued while the
 * command is still setting up. Results cannot change: the kernels compute the same bits compiled
 * or not.
 */
public final class KernelWarmup {
  private static boolean started;

  private KernelWarmup() {}

  /** Starts the warm-up once per JVM (does nothing for the scalar kernels). */
  public static synchronized void start() {
    LayerKernels k = LayerKernels.best();
    if (started || k instanceof ScalarKernels) {
      return;
    }
    started = true;
    Thread t = new Thread(() -> run(k), "natgrad-kernel-warmup");
    t.setDaemon(true);
    t.start();
  }

  static void run(LayerKernels k) {
    int rows = 4;
    int in = 4;
    int out = 32;
    double[] x = new double[rows * in];
    double[] theta = new double[in * out + out];
    double[] y = new double[rows * out];
    double[] t = new double[rows * out];
    double[] dz = new double[rows * out];
    double[] partial = new double[in * out + out];
    double[] wt = new double[in * out];
    double[] dh = new double[rows * in];
    double[] y2 = new double[rows * 2];
    double[] t2 = new double[rows * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.1 * (i % 7) - 0.3;
    }
    for (int i = 0; i < theta.length; i++) {
      theta[i] = 0.01 * (i % 11) - 0.05;
    }
    // enough calls for C2's invocation thresholds (a few thousand), on shapes that take the
    // 4 × 4 register blocks, the narrow-output tails and both forward-mode variants
    for (int it = 0; it < 12_000; it++) {
      k.forward(x, in, theta, 0, in * out, out, y, LayerKernels.TANH, 0, rows);
      k.forward(y, in, theta, 0, in * 2, 2, y2, LayerKernels.LINEAR, 0, rows);
      k.jvp(x, x, true, in, theta, theta, 0, in * out, out, y, LayerKernels.TANH, t, 0, rows);
      k.jvp(x, x, false, in, theta, theta, 0, in * out, out, y, LayerKernels.TANH, t, 0, rows);
      k.jvp(y, y, false, in, theta, theta, 0, in * 2, 2, y2, LayerKernels.LINEAR, t2, 0, rows);
      k.weightGrad(x, in, dz, out, partial, 0, rows);
      k.weightGrad(y, in, t2, 2, partial, 0, rows);
      k.inputGrad(dz, out, wt, in, x, LayerKernels.TANH, dh, 0, rows);
    }
  }
}
