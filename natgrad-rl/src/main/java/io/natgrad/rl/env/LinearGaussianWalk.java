package io.natgrad.rl.env;

/**
 * The paper's toy task ("Policy Gradient Methods and the Natural Gradient", Figure 4): the state is
 * a real number s, starting at s₀ = 0; the action a is added to it, s' = s + a; the reward is
 * r = −s'² − a² on the state <b>after</b> the move; an episode lasts T steps (registered as
 * {@code LinearGaussianWalk-v0} with a {@link TimeLimit} of T, default 10). The observation is s.
 *
 * <p><b>Expected return of the Gaussian policy a ∼ N(μ, σ²).</b> After t moves s_t = a₁ + … + a_t,
 * so E[s_t²] = t²μ² + tσ² and E[a_t²] = μ² + σ². Summing r_t = −s_t² − a_t² over t = 1…T,
 *
 * <pre>
 * J(μ, σ; T) = −Σ_t (t²μ² + tσ² + μ² + σ²) = −(Aμ² + Bσ²),
 * A = T(T+1)(2T+1)/6 + T,   B = T(T+1)/2 + T,
 * ∇J = (−2Aμ, −2Bσ)   (and ∂J/∂log σ = −2Bσ²).
 * </pre>
 *
 * E.g. J(10, 14; 10) = −52 240 and J(1, 1; 10) = −460. The optimum is μ = σ = 0 with J = 0.
 */
public final class LinearGaussianWalk extends AbstractEnv implements StatefulEnv {
  /** The registry id. */
  public static final String ID = "LinearGaussianWalk-v0";
  /** The default horizon T. */
  public static final int DEFAULT_HORIZON = 10;

  private static final Box SPACE = Box.unbounded(1);
  private double state;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Space observationSpace() {
    return SPACE;
  }

  @Override
  public Space actionSpace() {
    return SPACE;
  }

  @Override
  protected double[] resetState() {
    state = 0.0;
    return new double[] {state};
  }

  @Override
  protected StepResult advance(double[] action) {
    double a = action[0];
    state += a;
    double reward = -state * state - a * a;
    return new StepResult(new double[] {state}, reward, false, false);
  }

  /** (s). */
  @Override
  public double[] state() {
    return new double[] {state};
  }

  @Override
  public void restoreState(double[] s) {
    StateChecks.check(id(), s, 1);
    state = s[0];
    activate();
  }

  /** A = T(T+1)(2T+1)/6 + T, the μ² coefficient of −J. */
  public static double coefficientA(int horizon) {
    double t = horizon;
    return t * (t + 1) * (2 * t + 1) / 6.0 + t;
  }

  /** B = T(T+1)/2 + T, the σ² coefficient of −J. */
  public static double coefficientB(int horizon) {
    double t = horizon;
    return t * (t + 1) / 2.0 + t;
  }

  /** The exact expected return J(μ, σ; T) = −(Aμ² + Bσ²) of the Gaussian policy N(μ, σ²). */
  public static double expectedReturn(double mu, double sigma, int horizon) {
    return -(coefficientA(horizon) * mu * mu + coefficientB(horizon) * sigma * sigma);
  }

  /** ∇J in (μ, σ): (−2Aμ, −2Bσ). */
  public static double[] expectedReturnGradient(double mu, double sigma, int horizon) {
    return new double[] {-2 * coefficientA(horizon) * mu, -2 * coefficientB(horizon) * sigma};
  }
}
