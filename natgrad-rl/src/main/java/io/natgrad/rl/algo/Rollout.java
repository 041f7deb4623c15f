package io.natgrad.rl.algo;

import io.natgrad.rl.batch.Batch;

/**
 * One iteration's data after estimation, as the trainer hands it to a {@link PolicyUpdate}: the
 * batch collected with θ, the critic's values of its states, the advantages Â and the critic's
 * targets R (GAE(γ, λ); advantages not yet normalized), and where training stands.
 *
 * @param batch the steps collected with θ (their log π_θ inside)
 * @param values V(s_t) by the critic before the update
 * @param advantages Â_t
 * @param returns R_t = Â_t + V(s_t), the critic's targets
 * @param progressRemaining 1 at the start of training, 0 at the end (schedules)
 * @param iteration the update's number, from 1
 */
public record Rollout(Batch batch, double[] values, double[] advantages, double[] returns,
    double progressRemaining, int iteration) {}
