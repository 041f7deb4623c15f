package io.natgrad.rl.algo;

/**
 * One iteration of {@link OnPolicyTrainer}, as its listeners see it.
 *
 * @param iteration the update's number, from 1
 * @param steps environment steps so far
 * @param elapsedSeconds wall-clock seconds of training so far (resumed runs included)
 * @param episodeRewardMean mean return of the last ≤ 100 episodes (NaN before the first ends)
 * @param evaluation this iteration's deterministic evaluation, or null
 * @param rollout the batch the update was computed from, with its estimates
 * @param update what the algorithm's update did
 * @param metrics the metrics row ({@link MetricsRow#KEYS})
 * @param snapshot the policy after the update, and whether it is the best evaluated so far
 */
public record TrainingIteration(int iteration, long steps, double elapsedSeconds,
    double episodeRewardMean, Evaluation evaluation, Rollout rollout, UpdateResult update,
    MetricsRow metrics,
    OnPolicyTrainer.Snapshot snapshot) {}
