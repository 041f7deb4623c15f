package io.natgrad.rl.config;

/**
 * How batches are collected and their advantages estimated.
 *
 * @param nEnvs environment copies stepped together ({@code n_envs})
 * @param nSteps steps per copy per update ({@code n_steps})
 * @param gamma discount γ ({@code gamma})
 * @param gaeLambda GAE's λ ({@code gae_lambda})
 * @param normalizeAdvantage whether advantages are normalized ({@code normalize_advantage})
 */
public record Sampling(int nEnvs, int nSteps, double gamma, double gaeLambda,
    boolean normalizeAdvantage) {}
