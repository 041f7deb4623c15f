package io.natgrad.rl.metric;

import io.natgrad.core.linalg.BlockDiagonal;
import io.natgrad.rl.nn.Mlp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;

/**
 * K-FAC's statistics across updates for one network: running averages of every layer's factors,
 * F̄ ← decay·F̄ + (1 − decay)·F (the first update takes its factors as they are, as Kostrikov's
 * {@code kfac.py} initializes its buffers), and the block-diagonal metric rebuilt from them — with
 * its eigendecompositions — every {@code refreshEvery} updates and kept in between. The running
 * and the refreshed factors and the update count are state (named arrays under a prefix), so a
 * checkpoint continues the run exactly.
 */
public final class KroneckerStatistics {
  private final double decay;
  private final int refreshEvery;
  private DMatrixRMaj[][] running;
  private DMatrixRMaj[][] frozen;
  private int updates;
  private BlockDiagonal blocks;

  /**
   * @param decay the running average's weight on the previous factors, in [0, 1)
   * @param refreshEvery rebuild the blocks every this many updates, ≥ 1
   */
  public KroneckerStatistics(double decay, int refreshEvery) {
    check(decay, refreshEvery);
    this.decay = decay;
    this.refreshEvery = refreshEvery;
  }

  /** Refuses a decay outside [0, 1) or a refresh period below 1, naming the configuration key. */
  static void check(double decay, int refreshEvery) {
    if (!(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException("kfac_decay must be in [0, 1), got " + decay);
    }
    if (refreshEvery < 1) {
      throw new IllegalArgumentException("kfac_refresh must be >= 1, got " + refreshEvery);
    }
  }

  /**
   * Advances the running factors with one update's batch factors {A_l, S_l} and returns the
   * metric: rebuilt by {@code build} from the running factors on a refresh, else the kept one.
   */
  public synchronized BlockDiagonal update(DMatrixRMaj[][] factors,
      Function<DMatrixRMaj[][], BlockDiagonal> build) {
    if (running == null) {
      running = copy(factors);
    } else {
      for (int l = 0; l < factors.length; l++) {
        for (int k = 0; k < 2; k++) {
          double[] r = running[l][k].data;
          double[] x = factors[l][k].data;
          for (int i = 0; i < r.length; i++) {
            r[i] = decay * r[i] + (1 - decay) * x[i];
          }
        }
      }
    }
    if (updates % refreshEvery == 0 || frozen == null) {
      frozen = copy(running);
      blocks = null;
    }
    updates++;
    if (blocks == null) {
      blocks = build.apply(frozen);
    }
    return blocks;
  }

  /** Updates so far. */
  public synchronized int updates() {
    return updates;
  }

  /**
   * The state as named arrays under {@code prefix}: {@code prefix/updates}, and per layer
   * {@code prefix/running/l/A}, {@code …/S}, {@code prefix/frozen/l/A}, {@code …/S}; empty before
   * the first update.
   */
  public synchronized Map<String, double[]> state(String prefix) {
    Map<String, double[]> s = new LinkedHashMap<>();
    if (running == null) {
      return s;
    }
    s.put(prefix + "/updates", new double[] {updates});
    for (int l = 0; l < running.length; l++) {
      s.put(prefix + "/running/" + l + "/A", running[l][0].data.clone());
      s.put(prefix + "/running/" + l + "/S", running[l][1].data.clone());
      s.put(prefix + "/frozen/" + l + "/A", frozen[l][0].data.clone());
      s.put(prefix + "/frozen/" + l + "/S", frozen[l][1].data.clone());
    }
    return s;
  }

  /** Continues from {@link #state} of statistics of the network {@code net} (none: the start). */
  public synchronized void restore(Map<String, double[]> s, String prefix, Mlp net) {
    blocks = null;
    if (!s.containsKey(prefix + "/updates")) {
      running = null;
      frozen = null;
      updates = 0;
      return;
    }
    int layers = net.layers();
    DMatrixRMaj[][] r = new DMatrixRMaj[layers][2];
    DMatrixRMaj[][] f = new DMatrixRMaj[layers][2];
    for (int l = 0; l < layers; l++) {
      int in = l == 0 ? net.inputDim() : net.hidden()[l - 1];
      int out = l == layers - 1 ? net.outputDim() : net.hidden()[l];
      r[l][0] = matrix(s, prefix + "/running/" + l + "/A", in + 1);
      r[l][1] = matrix(s, prefix + "/running/" + l + "/S", out);
      f[l][0] = matrix(s, prefix + "/frozen/" + l + "/A", in + 1);
      f[l][1] = matrix(s, prefix + "/frozen/" + l + "/S", out);
    }
    double u = s.get(prefix + "/updates")[0];
    if (!(u >= 1) || u != Math.rint(u) || u > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(prefix + "/updates must be a whole number >= 1, got "
          + u);
    }
    running = r;
    frozen = f;
    updates = (int) u;
  }

  private static DMatrixRMaj matrix(Map<String, double[]> s, String key, int n) {
    double[] d = s.get(key);
    if (d == null || d.length != n * n) {
      throw new IllegalArgumentException(key + " must hold " + n + "x" + n + " values, got "
          + (d == null ? "none" : d.length));
    }
    return DMatrixRMaj.wrap(n, n, d.clone());
  }

  private static DMatrixRMaj[][] copy(DMatrixRMaj[][] f) {
    DMatrixRMaj[][] c = new DMatrixRMaj[f.length][2];
    for (int l = 0; l < f.length; l++) {
      c[l][0] = f[l][0].copy();
      c[l][1] = f[l][1].copy();
    }
    return c;
  }
}
