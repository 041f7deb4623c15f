package io.natgrad.core.optim;

/**
 * Thrown when an iterate's value or gradient is not finite. It names the iteration and keeps the
 * last finite iterate, so no work is lost.
 */
public final class NonFiniteIterateException extends ArithmeticException {
  private final int iteration;
  private final transient Iterate lastFinite;

  public NonFiniteIterateException(String message, int iteration, Iterate lastFinite) {
    super(message);
    this.iteration = iteration;
    this.lastFinite = lastFinite;
  }

  /** The iteration at which a non-finite value appeared. */
  public int iteration() {
    return iteration;
  }

  /** The last iterate whose value and gradient were finite (null if even the start was not). */
  public Iterate lastFinite() {
    return lastFinite;
  }
}
