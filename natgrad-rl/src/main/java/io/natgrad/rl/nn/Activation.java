package io.natgrad.rl.nn;

import io.natgrad.policy.FastTanh;

/** Hidden-layer activations, with the derivative expressed through the activation's output. */
public enum Activation {
  /** tanh, derivative 1 − h². */
  TANH("tanh"),
  /** max(0, x), derivative [h &gt; 0]. */
  RELU("relu");

  private final String label;

  Activation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Parses "tanh" or "relu" (also the RL Zoo's nn.Tanh / nn.ReLU). */
  public static Activation parse(String s) {
    String k = s.trim().toLowerCase(java.util.Locale.ROOT);
    if (k.startsWith("nn.")) {
      k = k.substring(3);
    }
    return switch (k) {
      case "tanh" -> TANH;
      case "relu" -> RELU;
      default -> throw new IllegalArgumentException(
          "activation must be tanh or relu, got '" + s + "'");
    };
  }

  double apply(double x) {
    return this == TANH ? FastTanh.tanh(x) : (x > 0 ? x : 0.0);
  }

  /** dh/dx from h = apply(x). */
  double derivativeFromOutput(double h) {
    return this == TANH ? 1.0 - h * h : (h > 0 ? 1.0 : 0.0);
  }
}
