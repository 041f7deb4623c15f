package io.natgrad.mujoco;

import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Seeding;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StepResult;

/**
 * {@code InvertedDoublePendulum-v4} (Gymnasium 1.3.0, {@code inverted_double_pendulum_v4.py}):
 * balance two poles on a cart, force in [−1, 1] × gear 500; frame skip 5, dt = 0.05.
 *
 * <pre>
 * (x, _, y) = site_xpos[tip]    (as the step's last internal evaluation left it: before the final
 *                                integration, as Gymnasium reads it)
 * reward = (10 − (0.01 x² + (y − 2)²)) − (1e-3 v₁² + 5e-3 v₂²),   v = qvel[1:3];  terminated: y ≤ 1
 * </pre>
 *
 * Observation (11): cart x, sin and cos of the two hinge angles, qvel and qfrc_constraint clipped
 * to [−10, 10]. Reset: qpos + U[−0.1, 0.1], qvel + 0.1·N(0, 1); 1000 steps. Squares are products
 * (Python's {@code x**2} is libm's pow, which can differ in the last bit).
 */
public final class InvertedDoublePendulumV4 extends MujocoEnv {
  public static final String ID = "InvertedDoublePendulum-v4";
  private static final Box OBSERVATION_SPACE = Box.unbounded(11);

  public InvertedDoublePendulumV4(Seeding seeding) {
    super("inverted_double_pendulum.xml", 5, seeding);
  }

  @Override
  protected double[] view() {
    return new double[] {1.5, 1.4, 0.5};
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Space observationSpace() {
    return OBSERVATION_SPACE;
  }

  /** The tip's position and the constraint forces, read by the observation and the reward. */
  @Override
  protected String[] derivedArrays() {
    return new String[] {"site_xpos", "qfrc_constraint"};
  }

  @Override
  protected double[] resetModel() {
    resetWithNoise(0.1, 0.1, true);
    return observation();
  }

  @Override
  protected StepResult advance(double[] action) {
    doSimulation(action);
    double[] ob = observation();
    double[] tip = data.get("site_xpos");
    double x = tip[0];
    double y = tip[2];
    double distPenalty = 0.01 * (x * x) + (y - 2) * (y - 2);
    double[] qvel = data.get("qvel");
    double v1 = qvel[1];
    double v2 = qvel[2];
    double velPenalty = 1e-3 * (v1 * v1) + 5e-3 * (v2 * v2);
    double reward = 10 - distPenalty - velPenalty;
    return new StepResult(ob, reward, y <= 1, false);
  }

  @Override
  public double[] observation() {
    double[] qpos = data.get("qpos");
    double[] qvel = data.get("qvel");
    double[] qfrc = data.get("qfrc_constraint");
    double[] ob = new double[11];
    ob[0] = qpos[0];
    ob[1] = Math.sin(qpos[1]);
    ob[2] = Math.sin(qpos[2]);
    ob[3] = Math.cos(qpos[1]);
    ob[4] = Math.cos(qpos[2]);
    for (int i = 0; i < 3; i++) {
      ob[5 + i] = Math.min(Math.max(qvel[i], -10), 10);
      ob[8 + i] = Math.min(Math.max(qfrc[i], -10), 10);
    }
    return ob;
  }
}
