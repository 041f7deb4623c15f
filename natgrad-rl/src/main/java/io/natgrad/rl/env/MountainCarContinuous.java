package io.natgrad.rl.env;

/**
 * {@code MountainCarContinuous-v0}, matching Gymnasium 1.1.1–1.3.0
 * ({@code classic_control/continuous_mountain_car.py}): a force in [−1, 1] (out-of-range actions are
 * clipped for the dynamics, as in Gymnasium, but the reward uses the action as sent) drives the car;
 * reaching x ≥ 0.45 with v ≥ 0 terminates with +100; every step costs 0.1·a²; truncated at 999
 * steps (registry).
 *
 * <pre>
 * F = min(max(a, −1), 1)
 * v ← clip(v + 0.0015 F − 0.0025 cos(3x), −0.07, 0.07)
 * x ← clip(x + v, −1.2, 0.6);   v ← 0 if x = −1.2 and v &lt; 0
 * r = 100·[terminated] − 0.1 a²
 * </pre>
 *
 * <p>Precision, as in Gymnasium with NumPy 2: reset stores (x, v) as float64, every step stores them
 * as float32, and from then on the update runs in float32 (a float32 mixed with a Python float stays
 * float32; the cosine is computed in double and rounded to float32 before the subtraction). An
 * in-range action is a float32 and keeps 0.0015·F in float32; a clipped one becomes the Python
 * float ±1.0. The state therefore carries its dtype: {@link #state()} is (x, v, f32) with f32 = 1
 * when x and v are float32 values (after any step) and 0 after a reset.
 */
public final class MountainCarContinuous extends AbstractEnv implements StatefulEnv {
  public static final String ID = "MountainCarContinuous-v0";
  static final double MIN_ACTION = -1.0;
  static final double MAX_ACTION = 1.0;
  static final double MIN_POSITION = -1.2;
  static final double MAX_POSITION = 0.6;
  static final double MAX_SPEED = 0.07;
  static final double GOAL_POSITION = 0.45;
  static final double GOAL_VELOCITY = 0;
  static final double POWER = 0.0015;

  private static final Box OBSERVATION_SPACE = new Box(
      new double[] {(float) MIN_POSITION, (float) -MAX_SPEED},
      new double[] {(float) MAX_POSITION, (float) MAX_SPEED});
  private static final Box ACTION_SPACE = Box.of(1, MIN_ACTION, MAX_ACTION);

  private double position;
  private double velocity;
  private boolean float32;

  /** With natgrad's own seeding. */
  public MountainCarContinuous() {
    super();
  }

  /** With the given seeding ({@link Seeding#GYMNASIUM}: Gymnasium 1.3.0's start states). */
  public MountainCarContinuous(Seeding seeding) {
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
    // Gymnasium: np_random.uniform(low=-0.6, high=-0.4), the range -0.4 - -0.6 rounded first
    position = gymnasiumSeeding() ? npRandom().uniform(-0.6, -0.4)
        : -0.6 + 0.2 * rng().nextDouble();
    velocity = 0;
    float32 = false;
    return new double[] {(float) position, (float) velocity};
  }

  @Override
  protected StepResult advance(double[] action) {
    float a = (float) action[0];
    // Python's max/min return the float32 action itself when it is in range, else the bound
    boolean inRange = !(MIN_ACTION > a) && !(a > MAX_ACTION);
    double cosTerm = 0.0025 * StrictMath.cos(float32 ? (double) (3f * (float) position)
        : 3 * position);
    double v;
    double x;
    if (float32) {
      float increment = inRange ? (a * (float) POWER) - (float) cosTerm
          : (float) ((a > MAX_ACTION ? MAX_ACTION : MIN_ACTION) * POWER - cosTerm);
      float vf = (float) velocity + increment;
      v = vf;
    } else {
      double increment = inRange ? (double) ((a * (float) POWER) - (float) cosTerm)
          : (a > MAX_ACTION ? MAX_ACTION : MIN_ACTION) * POWER - cosTerm;
      v = velocity + increment;
    }
    if (v > MAX_SPEED) {
      v = MAX_SPEED;
    }
    if (v < -MAX_SPEED) {
      v = -MAX_SPEED;
    }
    x = float32 ? (double) ((float) position + (float) v) : position + v;
    if (x > MAX_POSITION) {
      x = MAX_POSITION;
    }
    if (x < MIN_POSITION) {
      x = MIN_POSITION;
    }
    if (x == MIN_POSITION && v < 0) {
      v = 0;
    }
    boolean terminated = float32
        ? (float) x >= (float) GOAL_POSITION && (float) v >= (float) GOAL_VELOCITY
        : x >= GOAL_POSITION && v >= GOAL_VELOCITY;
    double reward = terminated ? 100.0 : 0.0;
    reward -= ((double) a * (double) a) * 0.1;
    position = (float) x;
    velocity = (float) v;
    float32 = true;
    return new StepResult(new double[] {position, velocity}, reward, terminated, false);
  }

  /** (x, v, f32): f32 = 1 when x and v are stored as float32 (after a step), 0 after reset. */
  @Override
  public double[] state() {
    return new double[] {position, velocity, float32 ? 1 : 0};
  }

  @Override
  public void restoreState(double[] state) {
    StateChecks.check(id(), state, 3);
    if (state[2] != 0 && state[2] != 1) {
      throw new IllegalArgumentException(
          id() + " state component 2 (float32 flag) must be 0 or 1, got " + state[2]);
    }
    position = state[0];
    velocity = state[1];
    float32 = state[2] == 1;
    activate();
  }
}
