package io.natgrad.mujoco;

import io.natgrad.core.linalg.Vectors;
import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Seeding;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StepResult;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code Ant-v4} (Gymnasium 1.3.0, {@code ant_v4.py}): a four-legged walker on a free joint,
 * torques in [−1, 1]⁸ × gear 150; frame skip 5, dt = 0.05.
 *
 * <pre>
 * (x, y) = xpos[torso][:2]   (before and after the step, as the last internal evaluation left them)
 * reward = (x_after − x_before)/dt + healthy_reward − ctrl_cost_weight · Σ aᵢ²
 *          [− contact_cost_weight · Σ clip(cfrc_ext, contact_force_range)²  with use_contact_forces]
 * healthy: every qpos and qvel finite and qpos[2] (the torso's z) in healthy_z_range (closed)
 * </pre>
 *
 * The healthy reward is paid when healthy or when {@code terminate_when_unhealthy}; terminated
 * when unhealthy and {@code terminate_when_unhealthy}. Observation: qpos without x and y (unless
 * {@code exclude_current_positions_from_observation} is false), qvel, and with
 * {@code use_contact_forces} the clipped cfrc_ext (27, 29, 111 or 113 entries). Reset: qpos +
 * U[−s, s], qvel + s·N(0, 1). {@code info} as v4 (with contact forces, v4 reports −contact_cost as
 * reward_ctrl; kept).
 */
public final class AntV4 extends MujocoEnv {
  public static final String ID = "Ant-v4";
  private final double ctrlCostWeight;
  private final boolean useContactForces;
  private final double contactCostWeight;
  private final double healthyReward;
  private final boolean terminateWhenUnhealthy;
  private final double[] healthyZRange;
  private final double[] contactForceRange;
  private final double resetNoiseScale;
  private final boolean excludeCurrentPositions;
  private final Box observationSpace;
  private final int torso;

  AntV4(Seeding seeding, Map<String, Object> options) {
    super("ant.xml", 5, seeding);
    TaskOptions t = new TaskOptions(ID, options);
    this.ctrlCostWeight = t.number("ctrl_cost_weight", 0.5);
    this.useContactForces = t.flag("use_contact_forces", false);
    this.contactCostWeight = t.number("contact_cost_weight", 5e-4);
    this.healthyReward = t.number("healthy_reward", 1.0);
    this.terminateWhenUnhealthy = t.flag("terminate_when_unhealthy", true);
    this.healthyZRange = t.range("healthy_z_range", new double[] {0.2, 1.0});
    this.contactForceRange = t.range("contact_force_range", new double[] {-1.0, 1.0});
    this.resetNoiseScale = t.number("reset_noise_scale", 0.1);
    this.excludeCurrentPositions = t.flag("exclude_current_positions_from_observation", true);
    int n = model.nq() + model.nv() - (excludeCurrentPositions ? 2 : 0)
        + (useContactForces ? data.length("cfrc_ext") : 0);
    this.observationSpace = Box.unbounded(n);
    this.torso = model.id(1, "torso");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Space observationSpace() {
    return observationSpace;
  }

  /** Body positions (the torso's is read before the step) and the contact forces. */
  @Override
  protected String[] derivedArrays() {
    return new String[] {"xpos", "cfrc_ext"};
  }

  @Override
  protected double[] resetModel() {
    resetWithNoise(resetNoiseScale, resetNoiseScale, true);
    return observation();
  }

  @Override
  protected StepResult advance(double[] action) {
    double[] xpos = data.get("xpos");
    double xBefore = xpos[3 * torso];
    double yBefore = xpos[3 * torso + 1];
    doSimulation(action);
    xpos = data.get("xpos");
    double xAfter = xpos[3 * torso];
    double yAfter = xpos[3 * torso + 1];
    double xVelocity = (xAfter - xBefore) / dt();
    double yVelocity = (yAfter - yBefore) / dt();
    boolean healthy = isHealthy();
    double survive = (healthy || terminateWhenUnhealthy ? 1.0 : 0.0) * healthyReward;
    double rewards = xVelocity + survive;
    double ctrlCost = ctrlCostWeight * Sums.sumOfSquares(action);
    double costs = ctrlCost;
    Map<String, Object> info = new HashMap<>();
    info.put("reward_forward", xVelocity);
    info.put("reward_ctrl", -ctrlCost);
    info.put("reward_survive", survive);
    info.put("x_position", xAfter);
    info.put("y_position", yAfter);
    info.put("distance_from_origin", Sums.norm(new double[] {xAfter, yAfter}));
    info.put("x_velocity", xVelocity);
    info.put("y_velocity", yVelocity);
    info.put("forward_reward", xVelocity);
    if (useContactForces) {
      double contactCost = contactCostWeight * Sums.sumOfSquares(contactForces());
      costs += contactCost;
      info.put("reward_ctrl", -contactCost);
    }
    boolean terminated = terminateWhenUnhealthy && !healthy;
    return new StepResult(observation(), rewards - costs, terminated, false, Map.copyOf(info));
  }

  /** Gymnasium's {@code is_healthy}: a finite state and the torso's z in the closed range. */
  public boolean isHealthy() {
    double[] qpos = data.get("qpos");
    return Vectors.isFinite(qpos) && Vectors.isFinite(data.get("qvel"))
        && healthyZRange[0] <= qpos[2] && qpos[2] <= healthyZRange[1];
  }

  private double[] contactForces() {
    double[] f = data.get("cfrc_ext");
    for (int i = 0; i < f.length; i++) {
      f[i] = Math.min(Math.max(f[i], contactForceRange[0]), contactForceRange[1]);
    }
    return f;
  }

  @Override
  public double[] observation() {
    double[] ob = Observations.positionsThenVelocities(data, excludeCurrentPositions ? 2 : 0);
    if (!useContactForces) {
      return ob;
    }
    double[] f = contactForces();
    double[] all = java.util.Arrays.copyOf(ob, ob.length + f.length);
    System.arraycopy(f, 0, all, ob.length, f.length);
    return all;
  }
}
