package io.natgrad.rl.env;

/**
 * An environment returned a non-finite observation or reward. The message names the environment,
 * the step and the value.
 */
public final class NonFiniteEnvironmentException extends ArithmeticException {
  public NonFiniteEnvironmentException(String message) {
    super(message);
  }
}
