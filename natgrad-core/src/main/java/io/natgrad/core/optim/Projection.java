package io.natgrad.core.optim;

/**
 * Maps a point back into the parameter space after a step, in place (for example σ ← max(σ, σ_min),
 * as the paper's toy task needs when σ is parameterized directly).
 */
@FunctionalInterface
public interface Projection {

  /** Projects θ in place. */
  void project(double[] theta);

  /** The identity: no constraint. */
  static Projection none() {
    return theta -> {};
  }

  /** θ[index] ← max(θ[index], floor). */
  static Projection floor(int index, double floor) {
    return theta -> theta[index] = Math.max(theta[index], floor);
  }
}
