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
    EnvRegistry.register(InvertedDoublePendulumV4.ID, Set.of("seeding"),
        o -> new TimeLimit(new InvertedDoublePendulumV4(EnvRegistry.seeding(o)), 1000));
    EnvRegistry.register(ReacherV4.ID, Set.of("seeding"),
        o -> new TimeLimit(new ReacherV4(EnvRegistry.seeding(o)), 50));
    Set<String> walker = Set.of("seeding", "forward_reward_weight", "ctrl_cost_weight",
        "healthy_reward", "terminate_when_unhealthy", "healthy_z_range", "healthy_angle_range",
        "reset_noise_scale", "exclude_current_positions_from_observation");
    Set<String> hopper = new java.util.HashSet<>(walker);
    hopper.add("healthy_state_range");
    EnvRegistry.register(HopperV4.ID, hopper,
        o -> new TimeLimit(new HopperV4(EnvRegistry.seeding(o), o), 1000));
    EnvRegistry.register(Walker2dV4.ID, walker,
        o -> new TimeLimit(new Walker2dV4(EnvRegistry.seeding(o), o), 1000));
    Set<String> runner = Set.of("seeding", "forward_reward_weight", "ctrl_cost_weight",
        "reset_noise_scale", "exclude_current_positions_from_observation");
    EnvRegistry.register(HalfCheetahV4.ID, runner,
        o -> new TimeLimit(new HalfCheetahV4(EnvRegistry.seeding(o), o), 1000));
    EnvRegistry.register(SwimmerV4.ID, runner,
        o -> new TimeLimit(new SwimmerV4(EnvRegistry.seeding(o), o), 1000));
    EnvRegistry.register(AntV4.ID, Set.of("seeding", "ctrl_cost_weight", "use_contact_forces",
        "contact_cost_weight", "healthy_reward", "terminate_when_unhealthy", "healthy_z_range",
        "contact_force_range", "reset_noise_scale", "exclude_current_positions_from_observation"),
        o -> new TimeLimit(new AntV4(EnvRegistry.seeding(o), o), 1000));
  }
}
