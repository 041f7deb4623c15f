package io.natgrad.core.optim;

/**
 * Adam (Kingma and Ba 2015) on flat parameters, with PyTorch's update order:
 *
 * <pre>
 * m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²
 * θ ← θ − α · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 *
 * Used for the critics of TRPO/NPG and for PPO. The moments and the step count are explicit,
 * serialisable state ({@link #state()}, {@link #restore}) so checkpoints resume exactly. Mutable.
 */
public final class Adam {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double[] m;
  private final double[] v;
  private long t;

  /** Adam's state: first and second moments and the step count. */
  public record State(double[] m, double[] v, long step) {}

  /**
   * @param dimension number of parameters
   * @param beta1 β₁ ∈ [0, 1) (0.9)
   * @param beta2 β₂ ∈ [0, 1) (0.999)
   * @param epsilon ε &gt; 0 (SB3 uses 1e-5 for its policies)
   */
  public Adam(int dimension, double beta1, double beta2, double epsilon) {
    if (!(beta1 >= 0 && beta1 < 1)) {
      throw new IllegalArgumentException("Adam beta1 must be in [0, 1), got " + beta1);
    }
    if (!(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("Adam beta2 must be in [0, 1), got " + beta2);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("Adam epsilon must be > 0, got " + epsilon);
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.m = new double[dimension];
    this.v = new double[dimension];
  }

  /** One step θ ← θ − α·(bias-corrected update) with gradient g, in place. */
  public void step(double[] theta, double[] gradient, double learningRate) {
    t++;
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    double stepSize = learningRate / c1;
    double sqrtC2 = Math.sqrt(c2);
    for (int i = 0; i < theta.length; i++) {
      double g = gradient[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      theta[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / sqrtC2 + epsilon);
    }
  }

  /** A copy of the state. */
  public State state() {
    return new State(m.clone(), v.clone(), t);
  }

  /** Restores a saved state. */
  public void restore(State s) {
    if (s.m().length != m.length || s.v().length != v.length) {
      throw new IllegalArgumentException("Adam state has dimension " + s.m().length
          + ", optimizer has " + m.length);
    }
    System.arraycopy(s.m(), 0, m, 0, m.length);
    System.arraycopy(s.v(), 0, v, 0, v.length);
    t = s.step();
  }
}
