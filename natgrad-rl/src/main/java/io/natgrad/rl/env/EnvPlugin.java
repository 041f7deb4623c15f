package io.natgrad.rl.env;

/**
 * Environments an optional module adds to {@link EnvRegistry} (natgrad-mujoco's locomotion tasks):
 * found through {@link java.util.ServiceLoader} when the registry is first used, so that
 * {@code --env Hopper-v4} works whenever the module is on the class path and nothing depends on it.
 */
public interface EnvPlugin {

  /** Registers the module's environments ({@link EnvRegistry#register}). */
  void register();
}
