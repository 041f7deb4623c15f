package io.natgrad.rl.env;

/**
 * {@code MountainCar-v0}, matching Gymnasium 1.1.1–1.3.0 ({@code classic_control/mountain_car.py}):
 * push an under-powered car left (0), not at all (1) or right (2) to reach x ≥ 0.5 with v ≥ 0;
 * reward −1 per step; truncated at 200 steps (registry).
 *
 * <pre>
 * v ← clip(v + (a − 1)·0.001 + cos(3x)·(−0.0025), −0.07, 0.07)
 * x ← clip(x + v, −1.2, 0.6);   v ← 0 if x = −1.2 and v &lt; 0
 * </pre>
 *
 * State (x, v) float64; observation float32. Reset: x ∼ U[−0.6, −0.4], v = 0.
 */
public final class MountainCar extends AbstractEnv implements StatefulEnv {
  public static final String ID = "MountainCar-v0";
  static final double MIN_POSITION = -1.2;
  static final double MAX_POSITION = 0.6;
  static final double MAX_SPEED = 0.07;
  static final double GOAL_POSITION = 0.5;
  static final double GOAL_VELOCITY = 0;
  static final double FORCE = 0.001;
  static final double GRAVITY = 0.0025;

  private static final Box OBSERVATION_SPACE = new Box(
      new double[] {(float) MIN_POSITION, (float) -MAX_SPEED},
      new double[] {(float) MAX_POSITION, (float) MAX_SPEED});
  private static final Discrete ACTION_SPACE = new Discrete(3);

  private double position;
  private double velocity;

  /** With natgrad's own seeding. */
  public MountainCar() {
    super();
  }

  /** With the given seeding ({@link Seeding#GYMNASIUM}: Gymnasium 1.3.0's start states). */
  public MountainCar(Seeding seeding) {
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
    // Gymnasium: np_random.uniform(low=-0.6, high=-0.4), the range -0.4 - -0.6 rounded first
    position = gymnasiumSeeding() ? npRandom().uniform(-0.6, -0.4)
        : -0.6 + 0.2 * rng().nextDouble();
    velocity = 0;
    return new double[] {(float) position, (float) velocity};
  }

  @Override
  protected StepResult advance(double[] action) {
    int a = (int) action[0];
    double v = velocity + ((a - 1) * FORCE + StrictMath.cos(3 * position) * (-GRAVITY));
    v = Math.min(Math.max(v, -MAX_SPEED), MAX_SPEED);
    double x = position + v;
    x = Math.min(Math.max(x, MIN_POSITION), MAX_POSITION);
    if (x == MIN_POSITION && v < 0) {
      v = 0;
    }
    position = x;
    velocity = v;
    boolean terminated = x >= GOAL_POSITION && v >= GOAL_VELOCITY;
    return new StepResult(new double[] {(float) x, (float) v}, -1.0, terminated, false);
  }

  /** (x, v), float64. */
  @Override
  public double[] state() {
    return new double[] {position, velocity};
  }

  @Override
  public void restoreState(double[] state) {
    StateChecks.check(id(), state, 2);
    position = state[0];
    velocity = state[1];
    activate();
  }
}
