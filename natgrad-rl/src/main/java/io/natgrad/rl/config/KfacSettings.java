package io.natgrad.rl.config;

/**
 * K-FAC's settings: the {@code kfac} metric's factor statistics (for npg, trpo and acktr) and
 * ACKTR's step. ACKTR's defaults are those of Kostrikov's {@code pytorch-a2c-ppo-acktr-gail}
 * ({@code algo/kfac.py}: lr 0.25, momentum 0.9, stat_decay 0.99, kl_clip 1e-3, damping 1e-2,
 * eigendecompositions every Tf = 10 updates), with the learning rate decayed linearly to 0 over
 * the run as OpenAI Baselines' ACKTR does ({@code lrschedule='linear'}; Kostrikov keeps it
 * constant: {@code learning_rate: 0.25}); with npg and trpo the factors are each batch's own
 * (decay 0, refreshed every update), since those batches are large and one update apart.
 *
 * @param decay the running factors' weight on the previous ones ({@code kfac_decay})
 * @param refreshEvery rebuild the blocks and their eigendecompositions every this many updates
 *     ({@code kfac_refresh})
 * @param resample draw the actions of S from π_θ instead of the batch's ({@code kfac_resample})
 * @param damping ACKTR's λ added in the Kronecker eigenbasis ({@code kfac_damping}; npg and trpo
 *     damp every metric with {@code cg_damping})
 * @param klClip ACKTR's KL clip: the step is scaled by ν = min(1, √(kl_clip / (lr²·vᵀg)))
 *     ({@code kfac_clip})
 * @param momentum ACKTR's SGD momentum m; the SGD rate is lr·(1 − m) ({@code momentum})
 */
public record KfacSettings(double decay, int refreshEvery, boolean resample, double damping,
    double klClip, double momentum) {}
