package io.natgrad.rl.env;

/**
 * An environment wrapper that normalizes observations with an {@link ObservationNormalizer}, updating
 * its statistics from every observation while {@code training} (reset and step) and leaving them
 * frozen otherwise (evaluation, deployment). Trainers with several environment copies update one
 * shared normalizer once per vector step instead, in a fixed order, so results do not depend on
 * threads; this wrapper is for a single environment.
 */
public final class NormalizeObservation implements Env {
  private final Env env;
  private final ObservationNormalizer normalizer;
  private final boolean training;

  public NormalizeObservation(Env env, ObservationNormalizer normalizer, boolean training) {
    this.env = env;
    this.normalizer = normalizer;
    this.training = training;
  }

  @Override
  public String id() {
    return env.id();
  }

  @Override
  public Space observationSpace() {
    return Box.of(env.observationSpace().flatDimension(), -normalizer.clip(), normalizer.clip());
  }

  @Override
  public Space actionSpace() {
    return env.actionSpace();
  }

  private double[] process(double[] obs) {
    if (training) {
      normalizer.stats().update(obs, 1);
    }
    return normalizer.normalize(obs);
  }

  @Override
  public double[] reset(long seed) {
    return process(env.reset(seed));
  }

  @Override
  public double[] reset() {
    return process(env.reset());
  }

  @Override
  public StepResult step(double[] action) {
    StepResult r = env.step(action);
    return new StepResult(process(r.observation()), r.reward(), r.terminated(), r.truncated(),
        r.info());
  }

  @Override
  public Seeding seeding() {
    return env.seeding();
  }
}
