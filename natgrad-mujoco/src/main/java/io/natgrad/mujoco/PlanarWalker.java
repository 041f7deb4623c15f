package io.natgrad.mujoco;

import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Seeding;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StepResult;
import java.util.Map;

/**
 * Gymnasium's planar walkers, Hopper-v4 and Walker2d-v4 ({@code hopper_v4.py},
 * {@code walker2d_v4.py}): frame skip 4, dt = 0.008, and
 *
 * <pre>
 * reward = forward_reward_weight · (x_after − x_before)/dt + healthy_reward − ctrl_cost_weight · Σ aᵢ²
 * healthy:  z = qpos[1] in healthy_z_range, angle = qpos[2] in healthy_angle_range (open intervals),
 *           and (Hopper) qpos[2:] and qvel strictly inside healthy_state_range
 * </pre>
 *
 * The healthy reward is paid when healthy or when {@code terminate_when_unhealthy} (so also on the
 * terminating step, v4's rule); terminated when unhealthy and {@code terminate_when_unhealthy}.
 * Observation: qpos without x (unless {@code exclude_current_positions_from_observation} is
 * false), then qvel clipped to [−10, 10]. Reset noise U[−s, s] on qpos and qvel, s =
 * {@code reset_noise_scale}. {@code info}: x_position, x_velocity.
 */
abstract class PlanarWalker extends MujocoEnv {

  /**
   * The constructor options of Gymnasium's HopperEnv and Walker2dEnv.
   *
   * @param healthyStateRange Hopper's state range, null for Walker2d (it has none)
   */
  record Options(double forwardRewardWeight, double ctrlCostWeight, double healthyReward,
      boolean terminateWhenUnhealthy, double[] healthyStateRange, double[] healthyZRange,
      double[] healthyAngleRange, double resetNoiseScale, boolean excludeCurrentPositions) {}

  private final Options o;
  private final Box observationSpace;

  PlanarWalker(String modelFile, Seeding seeding, Options options) {
    super(modelFile, 4, seeding);
    this.o = options;
    int n = model.nq() + model.nv() - (options.excludeCurrentPositions() ? 1 : 0);
    this.observationSpace = Box.unbounded(n);
  }

  /** The options a registry map gives, over {@code defaults}. */
  static Options options(String id, Map<String, Object> values, Options defaults) {
    TaskOptions t = new TaskOptions(id, values);
    return new Options(
        t.number("forward_reward_weight", defaults.forwardRewardWeight()),
        t.number("ctrl_cost_weight", defaults.ctrlCostWeight()),
        t.number("healthy_reward", defaults.healthyReward()),
        t.flag("terminate_when_unhealthy", defaults.terminateWhenUnhealthy()),
        defaults.healthyStateRange() == null ? null
            : t.range("healthy_state_range", defaults.healthyStateRange()),
        t.range("healthy_z_range", defaults.healthyZRange()),
        t.range("healthy_angle_range", defaults.healthyAngleRange()),
        t.number("reset_noise_scale", defaults.resetNoiseScale()),
        t.flag("exclude_current_positions_from_observation",
            defaults.excludeCurrentPositions()));
  }

  @Override
  public Space observationSpace() {
    return observationSpace;
  }

  @Override
  protected double[] resetModel() {
    resetWithNoise(o.resetNoiseScale(), o.resetNoiseScale(), false);
    return observation();
  }

  @Override
  protected StepResult advance(double[] action) {
    double xBefore = data.get("qpos")[0];
    doSimulation(action);
    double[] qpos = data.get("qpos");
    double[] qvel = data.get("qvel");
    double xAfter = qpos[0];
    double xVelocity = (xAfter - xBefore) / dt();
    double ctrlCost = o.ctrlCostWeight() * Sums.sumOfSquares(action);
    double forwardReward = o.forwardRewardWeight() * xVelocity;
    boolean healthy = healthy(qpos, qvel);
    double healthyReward = (healthy || o.terminateWhenUnhealthy() ? 1.0 : 0.0)
        * o.healthyReward();
    double reward = (forwardReward + healthyReward) - ctrlCost;
    boolean terminated = o.terminateWhenUnhealthy() && !healthy;
    return new StepResult(observation(qpos, qvel), reward, terminated, false,
        Map.of("x_position", xAfter, "x_velocity", xVelocity));
  }

  /** Gymnasium's {@code is_healthy} at the current state. */
  public boolean isHealthy() {
    return healthy(data.get("qpos"), data.get("qvel"));
  }

  private boolean healthy(double[] qpos, double[] qvel) {
    boolean state = true;
    if (o.healthyStateRange() != null) {
      double lo = o.healthyStateRange()[0];
      double hi = o.healthyStateRange()[1];
      for (int i = 2; i < qpos.length; i++) {
        state &= lo < qpos[i] && qpos[i] < hi;
      }
      for (double v : qvel) {
        state &= lo < v && v < hi;
      }
    }
    double z = qpos[1];
    double angle = qpos[2];
    return state && o.healthyZRange()[0] < z && z < o.healthyZRange()[1]
        && o.healthyAngleRange()[0] < angle && angle < o.healthyAngleRange()[1];
  }

  @Override
  public double[] observation() {
    return observation(data.get("qpos"), data.get("qvel"));
  }

  private double[] observation(double[] qpos, double[] qvel) {
    int skip = o.excludeCurrentPositions() ? 1 : 0;
    double[] ob = new double[qpos.length - skip + qvel.length];
    System.arraycopy(qpos, skip, ob, 0, qpos.length - skip);
    for (int i = 0; i < qvel.length; i++) {
      ob[qpos.length - skip + i] = Math.min(Math.max(qvel[i], -10), 10);
    }
    return ob;
  }
}
