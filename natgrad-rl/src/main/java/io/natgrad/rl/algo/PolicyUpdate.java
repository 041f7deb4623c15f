package io.natgrad.rl.algo;

/**
 * One algorithm's update: given θ and a {@link Rollout}, the new policy parameters (and a fitted
 * critic). The trainer's loop is the same for every algorithm — sample, estimate, update,
 * record — and an algorithm is only this: {@link NaturalPolicyUpdate} (NPG and TRPO: the
 * paper's natural gradient with a trust region, through the core's UpdateRule) or
 * {@link PpoUpdate} (the relaxed trust region: clipped ratios, epochs of Adam on minibatches).
 *
 * <p>An update owns the state it carries from one call to the next (optimizer moments, random
 * streams, counters) as a typed record, so that a checkpoint restores it exactly.
 *
 * @param <S> the update's state
 */
public interface PolicyUpdate<S extends PolicyUpdate.State> {

  /** What an update carries between calls; restored from checkpoints. */
  interface State {}

  /**
   * One update from θ on the rollout.
   *
   * @param theta θ (not modified)
   * @param rollout the batch collected with θ and its advantage estimates
   * @return θ', what happened, and this update's metrics
   */
  UpdateResult apply(double[] theta, Rollout rollout);

  /** The state to checkpoint (a copy). */
  S state();

  /** Continues from a checkpointed state. */
  void restore(S state);
}
