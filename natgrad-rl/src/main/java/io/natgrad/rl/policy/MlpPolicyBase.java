package io.natgrad.rl.policy;

import io.natgrad.rl.nn.Mlp;
import java.util.Arrays;

/** Shared plumbing of the MLP policies: parameter split, per-thread single-sample workspaces. */
abstract class MlpPolicyBase implements NeuralPolicy {
  final Mlp net;
  private final ThreadLocal<Mlp.Workspace> single;

  MlpPolicyBase(Mlp net) {
    this.net = net;
    this.single = ThreadLocal.withInitial(() -> net.workspace(1));
  }

  @Override
  public Mlp network() {
    return net;
  }

  /** ∂ log π(aᵢ|sᵢ) with respect to the network's outputs at the n rows, n × outputDim. */
  abstract double[] headScores(double[] theta, double[] outputs, double[] actions, int n);

  @Override
  public org.ejml.data.DMatrixRMaj[][] kfacFactors(double[] theta, double[] observations,
      double[] actions, int n) {
    Mlp.Workspace ws = forwardBatch(theta, observations, n);
    double[] e = headScores(theta, ws.output(), actions, n);
    net.backward(theta, e, ws, new double[parameterDimension()], null);
    org.ejml.data.DMatrixRMaj[][] out = new org.ejml.data.DMatrixRMaj[net.layers()][];
    for (int l = 0; l < out.length; l++) {
      out[l] = net.kfacFactors(ws, l);
    }
    release(ws);
    return out;
  }

  /** The network's outputs for one observation (valid until the next single-sample call). */
  double[] forwardOne(double[] theta, double[] observation) {
    Mlp.Workspace ws = single.get();
    net.forward(theta, observation, 1, ws, null);
    return ws.output();
  }

  /** Per-thread free workspaces: a batch pass allocates nothing once warmed up. */
  private final ThreadLocal<java.util.ArrayDeque<Mlp.Workspace>> pool =
      ThreadLocal.withInitial(java.util.ArrayDeque::new);

  /**
   * The network's outputs for n observations in a pooled workspace; give it back with
   * {@link #release} when its contents are no longer needed.
   */
  Mlp.Workspace forwardBatch(double[] theta, double[] observations, int n) {
    java.util.ArrayDeque<Mlp.Workspace> free = pool.get();
    Mlp.Workspace ws = null;
    for (java.util.Iterator<Mlp.Workspace> it = free.iterator(); it.hasNext(); ) {
      Mlp.Workspace w = it.next();
      if (w.capacity() >= n) {
        it.remove();
        ws = w;
        break;
      }
    }
    if (ws == null) {
      ws = net.workspace(Math.max(n, 1));
    }
    net.forward(theta, observations, n, ws, null);
    return ws;
  }

  /** Returns a workspace from {@link #forwardBatch} to this thread's pool. */
  void release(Mlp.Workspace ws) {
    java.util.ArrayDeque<Mlp.Workspace> free = pool.get();
    if (free.size() < 4) {
      free.push(ws);
    }
  }

  /** A workspace owned by the caller (not pooled), e.g. for an operator kept across calls. */
  Mlp.Workspace forwardOwned(double[] theta, double[] observations, int n) {
    Mlp.Workspace ws = net.workspace(Math.max(n, 1));
    net.forward(theta, observations, n, ws, null);
    return ws;
  }

  @Override
  public double[] outputs(double[] theta, double[] observations, int n) {
    Mlp.Workspace ws = forwardBatch(theta, observations, n);
    double[] out = java.util.Arrays.copyOf(ws.output(), n * net.outputDim());
    release(ws);
    return out;
  }

  @Override
  public void validate(double[] theta) {
    if (theta.length != parameterDimension()) {
      throw new IllegalArgumentException("policy parameters must have " + parameterDimension()
          + " entries, got " + theta.length);
    }
    for (int i = 0; i < theta.length; i++) {
      if (!Double.isFinite(theta[i])) {
        throw new IllegalArgumentException(
            "policy parameter " + i + " must be finite, got " + theta[i]);
      }
    }
  }

  @Override
  public String[] parameterNames() {
    String[] names = new String[parameterDimension()];
    for (int i = 0; i < names.length; i++) {
      names[i] = i < net.parameterCount() ? "net[" + i + "]" : "extra[" + (i - net.parameterCount()) + "]";
    }
    return names;
  }

  @Override
  public void weightedScoreSum(double[] theta, io.natgrad.rl.batch.Batch batch, double[] weights,
      double[] out) {
    weightedScoreSum(theta, batch.observations(), batch.actions(), batch.size(), weights, out);
  }

  static void checkLength(String what, double[] a, int n) {
    if (a.length < n) {
      throw new IllegalArgumentException(what + " has " + a.length + " values, need " + n);
    }
  }

  static double[] zeros(int n) {
    return new double[n];
  }

  static double[] copyOf(double[] a, int from, int to) {
    return Arrays.copyOfRange(a, from, to);
  }
}
