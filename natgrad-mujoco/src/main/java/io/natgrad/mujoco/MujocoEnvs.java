package io.natgrad.mujoco;

import io.natgrad.rl.env.EnvPlugin;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.TimeLimit;
import java.util.Set;

/**
 * The MuJoCo tasks in the environment registry (a {@link EnvPlugin} service): each wrapped in
 * Gymnasium's time limit, with {@code seeding} and the task's constructor options as
 * configuration keys. Registering loads nothing native; making a task loads the library.
 */
public final class MujocoEnvs implements EnvPlugin {

  @Override
  public void register() {
    EnvRegistry.register(InvertedPendulumV4.ID, Set.of("seeding"),
        o -> new TimeLimit(new InvertedPendulumV4(EnvRegistry.seeding(o)), 1000));
    EnvRegistry.register(HopperV4.ID, Set.of("seeding", "forward_reward_weight",
        "ctrl_cost_weight", "healthy_reward", "terminate_when_unhealthy", "healthy_state_range",
        "healthy_z_range", "healthy_angle_range", "reset_noise_scale",
        "exclude_current_positions_from_observation"), o -> {
          TaskOptions t = new TaskOptions(HopperV4.ID, o);
          HopperV4.Options d = HopperV4.Options.defaults();
          return new TimeLimit(new HopperV4(EnvRegistry.seeding(o), new HopperV4.Options(
              t.number("forward_reward_weight", d.forwardRewardWeight()),
              t.number("ctrl_cost_weight", d.ctrlCostWeight()),
              t.number("healthy_reward", d.healthyReward()),
              t.flag("terminate_when_unhealthy", d.terminateWhenUnhealthy()),
              t.range("healthy_state_range", d.healthyStateRange()),
              t.range("healthy_z_range", d.healthyZRange()),
              t.range("healthy_angle_range", d.healthyAngleRange()),
              t.number("reset_noise_scale", d.resetNoiseScale()),
              t.flag("exclude_current_positions_from_observation",
                  d.excludeCurrentPositions()))), 1000);
        });
  }
}
