package io.natgrad.rl.config;

import io.natgrad.rl.nn.Activation;

/**
 * The policy and value networks ({@code policy_kwargs}).
 *
 * @param pi the policy's hidden sizes ({@code net_arch.pi})
 * @param vf the critic's hidden sizes ({@code net_arch.vf})
 * @param activation the hidden layers' activation ({@code activation_fn})
 * @param logStdInit Gaussian policies' initial log σ ({@code log_std_init})
 * @param orthoInit orthogonal initialization as SB3's ({@code ortho_init})
 */
public record Networks(int[] pi, int[] vf, Activation activation, double logStdInit,
    boolean orthoInit) {}
