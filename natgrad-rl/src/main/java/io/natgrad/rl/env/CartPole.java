package io.natgrad.rl.env;

/**
 * {@code CartPole-v1}, matching Gymnasium 1.1.1–1.3.0 ({@code classic_control/cartpole.py}, unchanged
 * in dynamics across those versions): a pole on a cart, pushed left (action 0) or right (1) with
 * force 10 N; explicit Euler integration with τ = 0.02 s; reward 1 per step (also on the
 * terminating step); terminated when |x| &gt; 2.4 or |θ| &gt; 12°; truncated at 500 steps (registry).
 *
 * <pre>
 * temp   = (F + m_p l θ̇² sin θ) / (m_c + m_p)
 * θ̈      = (g sin θ − cos θ · temp) / (l (4/3 − m_p cos²θ / (m_c + m_p)))
 * ẍ      = temp − m_p l θ̈ cos θ / (m_c + m_p)
 * x ← x + τẋ,  ẋ ← ẋ + τẍ,  θ ← θ + τθ̇,  θ̇ ← θ̇ + τθ̈
 * </pre>
 *
 * The state (x, ẋ, θ, θ̇) is float64; the observation is the state rounded to float32, as in
 * Gymnasium. Reset draws every component uniformly from [−0.05, 0.05]. Trig functions are
 * {@link StrictMath}'s, so runs are bit-for-bit reproducible on every JVM.
 */
public final class CartPole extends AbstractEnv implements StatefulEnv {
  public static final String ID = "CartPole-v1";
  static final double GRAVITY = 9.8;
  static final double MASS_CART = 1.0;
  static final double MASS_POLE = 0.1;
  static final double TOTAL_MASS = MASS_POLE + MASS_CART;
  static final double LENGTH = 0.5;
  static final double POLEMASS_LENGTH = MASS_POLE * LENGTH;
  static final double FORCE_MAG = 10.0;
  static final double TAU = 0.02;
  static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
  static final double X_THRESHOLD = 2.4;

  private static final Box OBSERVATION_SPACE = new Box(
      new double[] {(float) -(X_THRESHOLD * 2), Double.NEGATIVE_INFINITY,
          (float) -(THETA_THRESHOLD * 2), Double.NEGATIVE_INFINITY},
      new double[] {(float) (X_THRESHOLD * 2), Double.POSITIVE_INFINITY,
          (float) (THETA_THRESHOLD * 2), Double.POSITIVE_INFINITY});
  private static final Discrete ACTION_SPACE = new Discrete(2);

  private final double[] s = new double[4];

  /** With natgrad's own seeding. */
  public CartPole() {
    super();
  }

  /** With the given seeding ({@link Seeding#GYMNASIUM}: Gymnasium 1.3.0's start states). */
  public CartPole(Seeding seeding) {
    super(seeding);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Space observationSpace() {
    return OBSERVATION_SPACE;
  }

  @Override
  public Space actionSpace() {
    return ACTION_SPACE;
  }

  @Override
  protected double[] resetState() {
    for (int i = 0; i < 4; i++) {
      // Gymnasium: np_random.uniform(low=-0.05, high=0.05, size=(4,))
      s[i] = gymnasiumSeeding() ? npRandom().uniform(-0.05, 0.05)
          : -0.05 + 0.1 * rng().nextDouble();
    }
    return Float32.round(s);
  }

  @Override
  protected StepResult advance(double[] action) {
    double x = s[0];
    double xDot = s[1];
    double theta = s[2];
    double thetaDot = s[3];
    double force = action[0] == 1 ? FORCE_MAG : -FORCE_MAG;
    double cosTheta = StrictMath.cos(theta);
    double sinTheta = StrictMath.sin(theta);
    double temp = (force + POLEMASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS;
    double thetaAcc = (GRAVITY * sinTheta - cosTheta * temp)
        / (LENGTH * (4.0 / 3.0 - MASS_POLE * (cosTheta * cosTheta) / TOTAL_MASS));
    double xAcc = temp - POLEMASS_LENGTH * thetaAcc * cosTheta / TOTAL_MASS;
    x = x + TAU * xDot;
    xDot = xDot + TAU * xAcc;
    theta = theta + TAU * thetaDot;
    thetaDot = thetaDot + TAU * thetaAcc;
    s[0] = x;
    s[1] = xDot;
    s[2] = theta;
    s[3] = thetaDot;
    boolean terminated = x < -X_THRESHOLD || x > X_THRESHOLD
        || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
    return new StepResult(Float32.round(s), 1.0, terminated, false);
  }

  /** (x, ẋ, θ, θ̇), float64. */
  @Override
  public double[] state() {
    return s.clone();
  }

  @Override
  public void restoreState(double[] state) {
    StateChecks.check(id(), state, 4);
    System.arraycopy(state, 0, s, 0, 4);
    activate();
  }
}
