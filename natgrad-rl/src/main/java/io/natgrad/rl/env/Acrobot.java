package io.natgrad.rl.env;

/**
 * {@code Acrobot-v1}, matching Gymnasium 1.1.1–1.3.0 ({@code classic_control/acrobot.py}, the
 * "book" dynamics of Sutton and Barto): a two-link pendulum actuated at the joint with torque
 * −1, 0 or +1 (actions 0, 1, 2); one RK4 step of dt = 0.2 s per action; angles wrapped to [−π, π],
 * velocities bounded by 4π and 9π; terminated when −cos θ₁ − cos(θ₁ + θ₂) &gt; 1 (reward 0 then,
 * −1 otherwise); truncated at 500 steps (registry).
 *
 * <p>The reset state is drawn from U[−0.1, 0.1]⁴ and rounded to float32, as Gymnasium does; the
 * integration runs in float64. The observation (cos θ₁, sin θ₁, cos θ₂, sin θ₂, θ̇₁, θ̇₂) is float32.
 * The arithmetic follows Gymnasium's expression order term by term.
 */
public final class Acrobot extends AbstractEnv implements StatefulEnv {
  public static final String ID = "Acrobot-v1";
  static final double DT = 0.2;
  static final double LINK_LENGTH_1 = 1.0;
  static final double LINK_MASS_1 = 1.0;
  static final double LINK_MASS_2 = 1.0;
  static final double LINK_COM_POS_1 = 0.5;
  static final double LINK_COM_POS_2 = 0.5;
  static final double LINK_MOI = 1.0;
  static final double MAX_VEL_1 = 4 * Math.PI;
  static final double MAX_VEL_2 = 9 * Math.PI;
  static final double[] AVAIL_TORQUE = {-1.0, 0.0, +1};

  private static final Box OBSERVATION_SPACE = new Box(
      new double[] {-1, -1, -1, -1, (float) -MAX_VEL_1, (float) -MAX_VEL_2},
      new double[] {1, 1, 1, 1, (float) MAX_VEL_1, (float) MAX_VEL_2});
  private static final Discrete ACTION_SPACE = new Discrete(3);

  private final double[] s = new double[4];

  /** With natgrad's own seeding. */
  public Acrobot() {
    super();
  }

  /** With the given seeding ({@link Seeding#GYMNASIUM}: Gymnasium 1.3.0's start states). */
  public Acrobot(Seeding seeding) {
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
      // Gymnasium: np_random.uniform(low=-0.1, high=0.1, size=(4,)).astype(np.float32)
      s[i] = (float) (gymnasiumSeeding() ? npRandom().uniform(-0.1, 0.1)
          : -0.1 + 0.2 * rng().nextDouble());
    }
    return observation();
  }

  @Override
  protected StepResult advance(double[] action) {
    double torque = AVAIL_TORQUE[(int) action[0]];
    double[] y0 = {s[0], s[1], s[2], s[3]};
    double dt = DT - 0;
    double dt2 = dt / 2.0;
    double[] k1 = dsdt(y0, torque);
    double[] k2 = dsdt(axpy(dt2, k1, y0), torque);
    double[] k3 = dsdt(axpy(dt2, k2, y0), torque);
    double[] k4 = dsdt(axpy(dt, k3, y0), torque);
    double[] ns = new double[4];
    for (int i = 0; i < 4; i++) {
      ns[i] = y0[i] + dt / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    ns[0] = wrap(ns[0], -Math.PI, Math.PI);
    ns[1] = wrap(ns[1], -Math.PI, Math.PI);
    ns[2] = Math.min(Math.max(ns[2], -MAX_VEL_1), MAX_VEL_1);
    ns[3] = Math.min(Math.max(ns[3], -MAX_VEL_2), MAX_VEL_2);
    System.arraycopy(ns, 0, s, 0, 4);
    boolean terminated = -StrictMath.cos(s[0]) - StrictMath.cos(s[1] + s[0]) > 1.0;
    return new StepResult(observation(), terminated ? 0.0 : -1.0, terminated, false);
  }

  private static double[] axpy(double a, double[] k, double[] y) {
    double[] out = new double[4];
    for (int i = 0; i < 4; i++) {
      out[i] = y[i] + a * k[i];
    }
    return out;
  }

  /** Gymnasium's {@code _dsdt}, "book" variant, in its expression order. */
  static double[] dsdt(double[] s, double a) {
    double m1 = LINK_MASS_1;
    double m2 = LINK_MASS_2;
    double l1 = LINK_LENGTH_1;
    double lc1 = LINK_COM_POS_1;
    double lc2 = LINK_COM_POS_2;
    double i1 = LINK_MOI;
    double i2 = LINK_MOI;
    double g = 9.8;
    double theta1 = s[0];
    double theta2 = s[1];
    double dtheta1 = s[2];
    double dtheta2 = s[3];
    double cos2 = StrictMath.cos(theta2);
    double sin2 = StrictMath.sin(theta2);
    double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cos2) + i1 + i2;
    double d2 = m2 * (lc2 * lc2 + l1 * lc2 * cos2) + i2;
    double phi2 = m2 * lc2 * g * StrictMath.cos(theta1 + theta2 - Math.PI / 2.0);
    double phi1 = -m2 * l1 * lc2 * (dtheta2 * dtheta2) * sin2
        - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin2
        + (m1 * lc1 + m2 * l1) * g * StrictMath.cos(theta1 - Math.PI / 2)
        + phi2;
    double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * (dtheta1 * dtheta1) * sin2 - phi2)
        / (m2 * (lc2 * lc2) + i2 - (d2 * d2) / d1);
    double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
    return new double[] {dtheta1, dtheta2, ddtheta1, ddtheta2};
  }

  /** Gymnasium's {@code wrap}: shifts x by whole periods into [m, M]. */
  static double wrap(double x, double m, double big) {
    double diff = big - m;
    while (x > big) {
      x = x - diff;
    }
    while (x < m) {
      x = x + diff;
    }
    return x;
  }

  private double[] observation() {
    return new double[] {
      (float) StrictMath.cos(s[0]), (float) StrictMath.sin(s[0]),
      (float) StrictMath.cos(s[1]), (float) StrictMath.sin(s[1]),
      (float) s[2], (float) s[3]
    };
  }

  /** (θ₁, θ₂, θ̇₁, θ̇₂), float64 (float32 values right after a reset). */
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
