package io.natgrad.mujoco;

import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Seeding;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StepResult;
import java.util.Map;

/**
 * {@code Hopper-v4} (Gymnasium 1.3.0, {@code hopper_v4.py}): a planar one-legged hopper, torques in
 * [−1, 1]³ × gear 200; frame skip 4, dt = 0.008.
 *
 * <pre>
 * reward = forward_reward_weight · (x_after − x_before)/dt + healthy_reward − ctrl_cost_weight · Σ aᵢ²
 * healthy:  healthy_state_range strictly contains qpos[2:] and qvel;  z = qpos[1] in healthy_z_range;
 *           angle = qpos[2] in healthy_angle_range (all open intervals)
 * </pre>
 *
 * The healthy reward is paid when healthy or when {@code terminate_when_unhealthy} (so also on the
 * terminating step, v4's rule); terminated when unhealthy and {@code terminate_when_unhealthy}.
 * Observation: qpos without x (unless {@code exclude_current_positions_from_observation} is
 * false), then qvel clipped to [−10, 10]. Reset noise U[−s, s] on qpos and qvel, s =
 * {@code reset_noise_scale}. {@code info}: x_position, x_velocity.
 */
public final class HopperV4 extends MujocoEnv {
  public static final String ID = "Hopper-v4";

  /** The constructor options of Gymnasium's HopperEnv, with its defaults. */
  public record Options(double forwardRewardWeight, double ctrlCostWeight, double healthyReward,
      boolean terminateWhenUnhealthy, double[] healthyStateRange, double[] healthyZRange,
      double[] healthyAngleRange, double resetNoiseScale, boolean excludeCurrentPositions) {
    public static Options defaults() {
      return new Options(1.0, 1e-3, 1.0, true, new double[] {-100, 100},
          new double[] {0.7, Double.POSITIVE_INFINITY}, new double[] {-0.2, 0.2}, 5e-3, true);
    }
  }

  private final Options o;
  private final Box observationSpace;

  public HopperV4(Seeding seeding, Options options) {
    super("hopper.xml", 4, seeding);
    this.o = options;
    this.observationSpace = Box.unbounded(options.excludeCurrentPositions() ? 11 : 12);
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
    double s = o.resetNoiseScale();
    double[] qpos = plus(initQpos, uniform(model.nq(), -s, s));
    double[] qvel = plus(initQvel, uniform(model.nv(), -s, s));
    setState(qpos, qvel);
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
    double lo = o.healthyStateRange()[0];
    double hi = o.healthyStateRange()[1];
    boolean state = true;
    for (int i = 2; i < qpos.length; i++) {
      state &= lo < qpos[i] && qpos[i] < hi;
    }
    for (double v : qvel) {
      state &= lo < v && v < hi;
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
