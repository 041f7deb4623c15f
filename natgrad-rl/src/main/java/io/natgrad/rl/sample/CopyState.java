package io.natgrad.rl.sample;

import io.natgrad.rl.env.EnvSnapshot;

/**
 * One environment copy's resumable state, part of a {@link SamplerState}.
 *
 * @param env the environment snapshot (null when the environment offers none)
 * @param actionRng the copy's action stream
 * @param raw the current raw observation
 * @param seen the current observation as the policy sees it
 * @param timestep the step index within the current episode
 * @param episodeReturn the current episode's return so far
 * @param episodeLength the current episode's length so far
 */
public record CopyState(EnvSnapshot env, long[] actionRng, double[] raw, double[] seen,
    int timestep, double episodeReturn, int episodeLength) {}
