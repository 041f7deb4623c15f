package io.natgrad.rl.config;

/**
 * A hyperparameter that is constant or decays linearly to 0 over training (the RL Zoo's
 * {@code lin_X}): value(progress) = X · progress_remaining, progress_remaining going from 1 to 0.
 *
 * @param initial X
 * @param linear whether it decays
 */
public record Schedule(double initial, boolean linear) {

  /** A constant. */
  public static Schedule constant(double value) {
    return new Schedule(value, false);
  }

  /** The value at a remaining progress (1 at the start of training, 0 at the end). */
  public double at(double progressRemaining) {
    return linear ? initial * progressRemaining : initial;
  }

  /** The configuration's spelling: the number, or {@code "lin_X"}. */
  public Object configValue() {
    return linear ? "lin_" + initial : initial;
  }
}
