package io.natgrad.mujoco;

/** The system MuJoCo library is missing or of a version the binding does not support. */
public final class MujocoUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  MujocoUnavailableException(String message) {
    super(message);
  }

  MujocoUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
