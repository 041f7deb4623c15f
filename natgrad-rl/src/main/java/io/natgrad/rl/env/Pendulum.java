package io.natgrad.rl.env;

/**
 * {@code Pendulum-v1}, matching Gymnasium 1.1.1–1.3.0 ({@code classic_control/pendulum.py}): swing a
 * pendulum up with a torque u ∈ [−2, 2] (out-of-range torques are clipped, as in Gymnasium);
 * g = 10, m = l = 1, dt = 0.05, |θ̇| ≤ 8; truncated at 200 steps (registry), never terminated.
 *
 * <pre>
 * cost = normalize(θ)² + 0.1 θ̇² + 0.001 u²,     reward = −cost   (from the state before the step)
 * θ̇' = clip(θ̇ + (3g/(2l) sin θ + 3/(m l²) u) dt, −8, 8),   θ' = θ + θ̇' dt
 * </pre>
 *
 * normalize(θ) = ((θ + π) mod 2π) − π with Python's floored modulo. Precision as in Gymnasium with
 * NumPy 2: the clipped torque u is float32, so u², 0.001·u² and 3/(m l²)·u are float32 before they
 * join the float64 sums. State (θ, θ̇) float64; observation (cos θ, sin θ, θ̇) float32. Reset:
 * θ ∼ U[−π, π], θ̇ ∼ U[−1, 1].
 */
public final class Pendulum extends AbstractEnv implements StatefulEnv {
  public static final String ID = "Pendulum-v1";
  static final double MAX_SPEED = 8;
  static final double MAX_TORQUE = 2.0;
  static final double DT = 0.05;
  static final double G = 10.0;
  static final double M = 1.0;
  static final double L = 1.0;

  private static final Box OBSERVATION_SPACE =
      new Box(new double[] {-1, -1, -MAX_SPEED}, new double[] {1, 1, MAX_SPEED});
  private static final Box ACTION_SPACE = Box.of(1, -MAX_TORQUE, MAX_TORQUE);

  private double theta;
  private double thetaDot;

  /** With natgrad's own seeding. */
  public Pendulum() {
    super();
  }

  /** With the given seeding ({@link Seeding#GYMNASIUM}: Gymnasium 1.3.0's start states). */
  public Pendulum(Seeding seeding) {
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
  protected void checkAction(double[] action) {
    FiniteActions.check(id(), action, 1);
  }

  @Override
  protected double[] resetState() {
    if (gymnasiumSeeding()) {
      // Gymnasium: np_random.uniform(low=-[π, 1], high=[π, 1])
      theta = npRandom().uniform(-Math.PI, Math.PI);
      thetaDot = npRandom().uniform(-1.0, 1.0);
    } else {
      theta = -Math.PI + 2 * Math.PI * rng().nextDouble();
      thetaDot = -1 + 2 * rng().nextDouble();
    }
    return observation();
  }

  @Override
  protected StepResult advance(double[] action) {
    // the action is a float32 in Gymnasium; np.clip keeps float32
    float u = (float) Math.min(Math.max((float) action[0], -MAX_TORQUE), MAX_TORQUE);
    double th = theta;
    double thdot = thetaDot;
    double n = angleNormalize(th);
    float uSquared = u * u;
    float controlCost = 0.001f * uSquared;
    double costs = n * n + 0.1 * (thdot * thdot) + controlCost;
    float torqueTerm = 3.0f * u; // 3.0 / (m * l**2) is 3.0; a float32 product in NumPy 2
    double newThDot = thdot + (3 * G / (2 * L) * StrictMath.sin(th) + torqueTerm) * DT;
    newThDot = Math.min(Math.max(newThDot, -MAX_SPEED), MAX_SPEED);
    double newTh = th + newThDot * DT;
    theta = newTh;
    thetaDot = newThDot;
    return new StepResult(observation(), -costs, false, false);
  }

  private double[] observation() {
    return new double[] {
      (float) StrictMath.cos(theta), (float) StrictMath.sin(theta), (float) thetaDot
    };
  }

  /** ((x + π) mod 2π) − π with the floored modulo of Python (Java's % truncates). */
  static double angleNormalize(double x) {
    double twoPi = 2 * Math.PI;
    double r = (x + Math.PI) % twoPi;
    if (r != 0 && (r < 0) != (twoPi < 0)) {
      r += twoPi;
    }
    return r - Math.PI;
  }

  /** (θ, θ̇), float64. */
  @Override
  public double[] state() {
    return new double[] {theta, thetaDot};
  }

  @Override
  public void restoreState(double[] state) {
    StateChecks.check(id(), state, 2);
    theta = state[0];
    thetaDot = state[1];
    activate();
  }
}
