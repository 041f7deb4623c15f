package io.natgrad.mujoco;

import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Seeding;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StepResult;
import java.util.Map;

/**
 * {@code Swimmer-v4} (Gymnasium 1.3.0, {@code swimmer_v4.py}): a three-link swimmer in a viscous
 * fluid, torques in [−1, 1]²; frame skip 4, dt = 0.04; never terminated (1000 steps).
 *
 * <pre>
 * reward = forward_reward_weight · (x_after − x_before)/dt − ctrl_cost_weight · Σ aᵢ²
 * </pre>
 *
 * Observation: qpos without x and y (unless {@code exclude_current_positions_from_observation} is
 * false), then qvel. Reset noise U[−s, s] on qpos and qvel. {@code info}: reward_fwd,
 * reward_ctrl, x_position, y_position, distance_from_origin (NumPy's norm: the squares summed
 * with a fused multiply-add, as OpenBLAS's dot does), x_velocity, y_velocity, forward_reward.
 */
public final class SwimmerV4 extends MujocoEnv {
  public static final String ID = "Swimmer-v4";
  private final double forwardRewardWeight;
  private final double ctrlCostWeight;
  private final double resetNoiseScale;
  private final boolean excludeCurrentPositions;
  private final Box observationSpace;

  SwimmerV4(Seeding seeding, Map<String, Object> options) {
    super("swimmer.xml", 4, seeding);
    TaskOptions t = new TaskOptions(ID, options);
    this.forwardRewardWeight = t.number("forward_reward_weight", 1.0);
    this.ctrlCostWeight = t.number("ctrl_cost_weight", 1e-4);
    this.resetNoiseScale = t.number("reset_noise_scale", 0.1);
    this.excludeCurrentPositions = t.flag("exclude_current_positions_from_observation", true);
    this.observationSpace = Box.unbounded(model.nq() + model.nv() - (excludeCurrentPositions
        ? 2 : 0));
  }

  @Override
  protected boolean topView() {
    return true;
  }

  @Override
  protected double[] view() {
    return new double[] {2.5, 1.6, 0};
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
    resetWithNoise(resetNoiseScale, resetNoiseScale, false);
    return observation();
  }

  @Override
  protected StepResult advance(double[] action) {
    double[] before = data.get("qpos");
    doSimulation(action);
    double[] after = data.get("qpos");
    double xVelocity = (after[0] - before[0]) / dt();
    double yVelocity = (after[1] - before[1]) / dt();
    double forwardReward = forwardRewardWeight * xVelocity;
    double ctrlCost = ctrlCostWeight * Sums.sumOfSquares(action);
    double distance = Sums.norm(new double[] {after[0], after[1]});
    Map<String, Object> info = Map.of("reward_fwd", forwardReward, "reward_ctrl", -ctrlCost,
        "x_position", after[0], "y_position", after[1], "distance_from_origin", distance,
        "x_velocity", xVelocity, "y_velocity", yVelocity, "forward_reward", forwardReward);
    return new StepResult(observation(), forwardReward - ctrlCost, false, false, info);
  }

  @Override
  public double[] observation() {
    return Observations.positionsThenVelocities(data, excludeCurrentPositions ? 2 : 0);
  }
}
