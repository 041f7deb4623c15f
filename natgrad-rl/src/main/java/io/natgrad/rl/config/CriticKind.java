package io.natgrad.rl.config;

/** The critic (config key {@code baseline}): an MLP value function or linear features. */
public enum CriticKind {
  /** An MLP value function fitted by Adam. */
  MLP("mlp"),
  /** The linear-feature baseline (Duan et al. 2016), fitted by least squares. */
  LINEAR("linear");

  private final String label;

  CriticKind(String label) {
    this.label = label;
  }

  /** The configuration's spelling. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }

  /** The critic called {@code s}. */
  public static CriticKind parse(String s) {
    for (CriticKind k : values()) {
      if (k.label.equals(s)) {
        return k;
      }
    }
    throw new IllegalArgumentException("baseline must be mlp or linear, got '" + s + "'");
  }
}
