package io.natgrad.policy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.random.RandomGenerator;

/**
 * A trained natgrad policy inside your application:
 *
 * <pre>
 * Policy p = Policy.load(Path.of("runs/cartpole/policy.json"));
 * double[] a = p.act(observation);          // deterministic (the mode)
 * double[] s = p.sample(observation, rng);  // stochastic
 * </pre>
 *
 * Observation normalization and Box action clipping are built in. Actions are computed in the
 * same order, with the same tanh, as natgrad's trainer computes them, so they are bit for bit the
 * actions it evaluated. Immutable and thread-safe: each thread gets its own scratch buffers, so
 * {@link #act(double[], double[])} allocates nothing after a thread's first call. Plain Java —
 * no incubator modules, no JVM flags.
 */
public final class Policy {
  private final PolicyDocument doc;
  private final boolean gaussian;
  private final int od;
  private final int ad;
  private final int[] sizes;
  private final int[] wOff;
  private final int[] bOff;
  private final int act;
  private final int logStdOffset;
  private final ThreadLocal<double[][]> scratch;

  private Policy(PolicyDocument doc) {
    this.doc = doc;
    this.gaussian = doc.type().equals("gaussian_mlp");
    this.od = doc.observationDim();
    this.ad = doc.actionDim();
    int[] h = doc.hidden();
    sizes = new int[h.length + 2];
    sizes[0] = od;
    System.arraycopy(h, 0, sizes, 1, h.length);
    sizes[sizes.length - 1] = ad;
    int layers = sizes.length - 1;
    wOff = new int[layers];
    bOff = new int[layers];
    int off = 0;
    for (int l = 0; l < layers; l++) {
      wOff[l] = off;
      off += sizes[l] * sizes[l + 1];
      bOff[l] = off;
      off += sizes[l + 1];
    }
    logStdOffset = off;
    act = doc.activation().equals("tanh") ? ScalarLayers.TANH : ScalarLayers.RELU;
    scratch = ThreadLocal.withInitial(() -> {
      double[][] s = new double[sizes.length + 1][];
      for (int l = 0; l < sizes.length; l++) {
        s[l] = new double[sizes[l]];
      }
      s[sizes.length] = new double[ad];
      return s;
    });
  }

  /** Loads and validates a policy file; an unknown format version is refused with a clear error. */
  public static Policy load(Path file) throws IOException {
    return new Policy(PolicyDocument.read(file));
  }

  /** A policy from an already parsed document. */
  public static Policy of(PolicyDocument doc) {
    return new Policy(doc);
  }

  public PolicyDocument document() {
    return doc;
  }

  public int observationDim() {
    return od;
  }

  /** Length of an action array: the action dimension, or 1 (the index) for discrete actions. */
  public int actionLength() {
    return gaussian ? ad : 1;
  }

  public String envId() {
    return doc.envId();
  }

  /** The network's outputs (μ or logits) for one observation, in this thread's scratch space. */
  private double[] outputs(double[] observation) {
    if (observation.length != od) {
      throw new IllegalArgumentException(
          "observation has " + observation.length + " values, the policy expects " + od);
    }
    double[][] s = scratch.get();
    double[] x = s[0];
    if (doc.normalizerMean() == null) {
      System.arraycopy(observation, 0, x, 0, od);
    } else {
      double clip = doc.normalizerClip();
      for (int j = 0; j < od; j++) {
        double v = (observation[j] - doc.normalizerMean()[j])
            / Math.sqrt(doc.normalizerVar()[j] + 1e-8);
        x[j] = Math.max(-clip, Math.min(clip, v));
      }
    }
    double[] theta = doc.parameters();
    for (int l = 0; l < sizes.length - 1; l++) {
      ScalarLayers.forward(s[l], sizes[l], theta, wOff[l], bOff[l], sizes[l + 1], s[l + 1],
          l == sizes.length - 2 ? ScalarLayers.LINEAR : act, 0, 1);
    }
    return s[sizes.length - 1];
  }

  private void clip(double[] a) {
    if (doc.actionLow() != null) {
      for (int j = 0; j < ad; j++) {
        a[j] = Math.max(doc.actionLow()[j], Math.min(doc.actionHigh()[j], a[j]));
      }
    }
  }

  /** The deterministic action (mean, or arg max of the logits), clipped to the Box bounds. */
  public double[] act(double[] observation) {
    double[] out = new double[actionLength()];
    act(observation, out);
    return out;
  }

  /** The deterministic action into {@code out}; allocation-free after this thread's first call. */
  public void act(double[] observation, double[] out) {
    double[] y = outputs(observation);
    if (gaussian) {
      System.arraycopy(y, 0, out, 0, ad);
      clip(out);
    } else {
      out[0] = Distributions.argMax(y, ad);
    }
  }

  /** A stochastic action drawn from {@code rng} (as the trainer draws it), clipped to the bounds. */
  public double[] sample(double[] observation, RandomGenerator rng) {
    double[] out = new double[actionLength()];
    sample(observation, rng, out);
    return out;
  }

  /** A stochastic action into {@code out}. */
  public void sample(double[] observation, RandomGenerator rng, double[] out) {
    double[] y = outputs(observation);
    if (gaussian) {
      Distributions.gaussianSample(y, doc.parameters(), logStdOffset, ad, rng, out);
      clip(out);
      return;
    }
    double[] p = scratch.get()[sizes.length];
    Distributions.softmax(y, ad, p);
    out[0] = Distributions.sampleIndex(p, ad, rng.nextDouble());
  }
}
