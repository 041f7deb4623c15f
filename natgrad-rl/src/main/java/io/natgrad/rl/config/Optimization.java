package io.natgrad.rl.config;

/**
 * The Adam steps of a run: the critic's for NPG/TRPO, the shared policy-and-value optimizer's for
 * PPO.
 *
 * @param learningRate the step size, constant or {@code lin_} ({@code learning_rate})
 * @param batchSize minibatch size: the critic's for NPG/TRPO, PPO's ({@code batch_size})
 */
public record Optimization(Schedule learningRate, int batchSize) {}
