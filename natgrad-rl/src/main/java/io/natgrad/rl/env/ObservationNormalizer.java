package io.natgrad.rl.env;

/**
 * Observation normalization as Stable-Baselines3's {@code VecNormalize} does it:
 * x̂ = clip((x − mean) / √(var + 1e-8), −clip, clip), with running statistics updated from the
 * observations seen in training and frozen for evaluation. The statistics are part of a trained
 * policy (saved in its file).
 */
public final class ObservationNormalizer {
  public static final double EPSILON = 1e-8;
  private final RunningMeanStd stats;
  private final double clip;

  public ObservationNormalizer(RunningMeanStd stats, double clip) {
    if (!(clip > 0)) {
      throw new IllegalArgumentException("clip_obs must be > 0, got " + clip);
    }
    this.stats = stats;
    this.clip = clip;
  }

  /** Fresh statistics for dim-dimensional observations, clip 10 (SB3's default). */
  public static ObservationNormalizer fresh(int dim) {
    return new ObservationNormalizer(new RunningMeanStd(dim), 10.0);
  }

  public RunningMeanStd stats() {
    return stats;
  }

  public double clip() {
    return clip;
  }

  /** Normalizes x into out (may be the same array). */
  public void normalize(double[] x, double[] out) {
    double[] mean = stats.mean();
    double[] var = stats.var();
    for (int j = 0; j < x.length; j++) {
      double v = (x[j] - mean[j]) / Math.sqrt(var[j] + EPSILON);
      out[j] = Math.max(-clip, Math.min(clip, v));
    }
  }

  /** Normalizes a copy. */
  public double[] normalize(double[] x) {
    double[] out = new double[x.length];
    normalize(x, out);
    return out;
  }
}
