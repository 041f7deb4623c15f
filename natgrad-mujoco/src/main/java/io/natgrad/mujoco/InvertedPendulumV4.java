package io.natgrad.mujoco;

import io.natgrad.core.linalg.Vectors;
import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Seeding;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StepResult;

/**
 * {@code InvertedPendulum-v4} (Gymnasium 1.3.0, {@code inverted_pendulum_v4.py}): keep a pole
 * upright on a cart by pushing the cart, force in [−3, 3] × gear 100; frame skip 2, dt = 0.04.
 * Observation (qpos, qvel) = (cart x, pole angle, their velocities); reward 1 every step;
 * terminated when an observation is not finite or |angle| &gt; 0.2; reset noise U[−0.01, 0.01] on
 * every qpos and qvel; 1000 steps.
 */
public final class InvertedPendulumV4 extends MujocoEnv {
  public static final String ID = "InvertedPendulum-v4";
  private static final Box OBSERVATION_SPACE = Box.unbounded(4);

  public InvertedPendulumV4(Seeding seeding) {
    super("inverted_pendulum.xml", 2, seeding);
  }

  @Override
  protected double[] view() {
    return new double[] {1.2, 0.8, 0.25};
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
  protected double[] resetModel() {
    resetWithNoise(0.01, 0.01, false);
    return observation();
  }

  @Override
  protected StepResult advance(double[] action) {
    doSimulation(action);
    double[] ob = observation();
    return new StepResult(ob, 1.0, !Vectors.isFinite(ob) || Math.abs(ob[1]) > 0.2, false);
  }

  @Override
  public double[] observation() {
    double[] ob = new double[4];
    data.get("qpos", ob, 0);
    data.get("qvel", ob, 2);
    return ob;
  }
}
