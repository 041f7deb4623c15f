package io.natgrad.core.optim;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * When to stop: returns the reason to stop after an iterate, or empty to go on. Rules compose with
 * {@link #or}.
 */
@FunctionalInterface
public interface StoppingRule {

  /** The reason to stop after {@code iterate}, or empty. */
  Optional<String> check(Iterate iterate);

  /** Stops when either rule says so (this one first). */
  default StoppingRule or(StoppingRule other) {
    return it -> {
      Optional<String> r = check(it);
      return r.isPresent() ? r : other.check(it);
    };
  }

  /** Stops at iteration n. */
  static StoppingRule maxIterations(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("maxIterations must be >= 0, got " + n);
    }
    return it -> it.iteration() >= n
        ? Optional.of("reached max iterations " + n) : Optional.empty();
  }

  /** Stops when ‖∇f‖₂ ≤ tolerance. */
  static StoppingRule gradientNormBelow(double tolerance) {
    if (!(tolerance >= 0.0)) {
      throw new IllegalArgumentException("gradient tolerance must be >= 0, got " + tolerance);
    }
    return it -> it.gradientNorm() <= tolerance
        ? Optional.of("gradient norm " + it.gradientNorm() + " <= " + tolerance)
        : Optional.empty();
  }

  /** Stops when {@code condition} holds, giving {@code reason}. */
  static StoppingRule when(String reason, Predicate<Iterate> condition) {
    return it -> condition.test(it) ? Optional.of(reason) : Optional.empty();
  }
}
