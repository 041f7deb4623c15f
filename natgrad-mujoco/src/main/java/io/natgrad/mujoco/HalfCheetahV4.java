package io.natgrad.mujoco;

import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Seeding;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StepResult;
import java.util.Map;

/**
 * {@code HalfCheetah-v4} (Gymnasium 1.3.0, {@code half_cheetah_v4.py}): a planar cheetah, torques in
 * [−1, 1]⁶; frame skip 5, dt = 0.05; never terminated (1000 steps).
 *
 * <pre>
 * reward = forward_reward_weight · (x_after − x_before)/dt − ctrl_cost_weight · Σ aᵢ²
 * </pre>
 *
 * Observation: qpos without x (unless {@code exclude_current_positions_from_observation} is
 * false), then qvel. Reset: qpos + U[−s, s], qvel + s·N(0, 1), s = {@code reset_noise_scale}.
 * {@code info}: x_position, x_velocity, reward_run, reward_ctrl.
 */
public final class HalfCheetahV4 extends MujocoEnv {
  public static final String ID = "HalfCheetah-v4";
  private final double forwardRewardWeight;
  private final double ctrlCostWeight;
  private final double resetNoiseScale;
  private final boolean excludeCurrentPositions;
  private final Box observationSpace;

  HalfCheetahV4(Seeding seeding, Map<String, Object> options) {
    super("half_cheetah.xml", 5, seeding);
    TaskOptions t = new TaskOptions(ID, options);
    this.forwardRewardWeight = t.number("forward_reward_weight", 1.0);
    this.ctrlCostWeight = t.number("ctrl_cost_weight", 0.1);
    this.resetNoiseScale = t.number("reset_noise_scale", 0.1);
    this.excludeCurrentPositions = t.flag("exclude_current_positions_from_observation", true);
    this.observationSpace = Box.unbounded(model.nq() + model.nv() - (excludeCurrentPositions
        ? 1 : 0));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Space observationSpace() {
    return observationSpace;
  }

  @Override
  protected double[] resetModel() {
    resetWithNoise(resetNoiseScale, resetNoiseScale, true);
    return observation();
  }

  @Override
  protected StepResult advance(double[] action) {
    double xBefore = data.get("qpos")[0];
    doSimulation(action);
    double xAfter = data.get("qpos")[0];
    double xVelocity = (xAfter - xBefore) / dt();
    double ctrlCost = ctrlCostWeight * Sums.sumOfSquares(action);
    double forwardReward = forwardRewardWeight * xVelocity;
    return new StepResult(observation(), forwardReward - ctrlCost, false, false,
        Map.of("x_position", xAfter, "x_velocity", xVelocity, "reward_run", forwardReward,
            "reward_ctrl", -ctrlCost));
  }

  @Override
  public double[] observation() {
    return Observations.positionsThenVelocities(data, excludeCurrentPositions ? 1 : 0);
  }
}
