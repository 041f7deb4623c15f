package io.natgrad.rl.env;

/**
 * Adds a fixed cost to every step: {@code micros} microseconds of busy work (the thread spins, as a
 * simulator computing would), standing in for an expensive environment in benchmarks of the
 * distributed samplers. Dynamics, observations and snapshots are the wrapped environment's.
 */
public final class BusyWork implements Env {
  private final Env env;
  private final long nanos;

  /**
   * @param env the environment
   * @param micros cost per step in microseconds (>= 0)
   */
  public BusyWork(Env env, long micros) {
    if (micros < 0) {
      throw new IllegalArgumentException("micros must be >= 0, got " + micros);
    }
    this.env = env;
    this.nanos = micros * 1000L;
  }

  /** The wrapped environment. */
  public Env unwrapped() {
    return env;
  }

  @Override
  public String id() {
    return env.id();
  }

  @Override
  public Space observationSpace() {
    return env.observationSpace();
  }

  @Override
  public Space actionSpace() {
    return env.actionSpace();
  }

  @Override
  public double[] reset(long seed) {
    return env.reset(seed);
  }

  @Override
  public double[] reset() {
    return env.reset();
  }

  @Override
  public StepResult step(double[] action) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
    return env.step(action);
  }

  @Override
  public Seeding seeding() {
    return unwrapped().seeding();
  }
}
