package io.natgrad.rl.config;

/**
 * NPG's and TRPO's step (sb3-contrib's names): G g = ∇L solved by conjugate gradient on the
 * damped Fisher, β = √(2δ / gᵀGg), TRPO's backtracking, and the critic's epochs.
 *
 * @param cgMaxSteps CG iterations ({@code cg_max_steps})
 * @param cgDamping λ in (F + λI) ({@code cg_damping})
 * @param lineSearchShrinkingFactor TRPO's backtracking factor ({@code line_search_shrinking_factor})
 * @param lineSearchMaxIter TRPO's backtracking steps ({@code line_search_max_iter})
 * @param nCriticUpdates critic epochs per update ({@code n_critic_updates})
 * @param subSamplingFactor the policy step sees every k-th step ({@code sub_sampling_factor})
 * @param metric the metric G, by name ({@code metric}: fisher, mc-fisher, empirical-fisher,
 *     diagonal-fisher, kfac, wasserstein, euclidean; see {@code io.natgrad.rl.metric.PolicyMetric})
 * @param kfac K-FAC's statistics (the {@code kfac} metric) and ACKTR's step
 * @param compareMetrics the metrics whose directions every update compares with the one taken
 *     ({@code compare_metrics}; empty: none, {@code all}: every metric the policy can have)
 */
public record NaturalGradientSettings(int cgMaxSteps, double cgDamping,
    double lineSearchShrinkingFactor, int lineSearchMaxIter, int nCriticUpdates,
    int subSamplingFactor, String metric, KfacSettings kfac, java.util.List<String> compareMetrics) {

  public NaturalGradientSettings {
    compareMetrics = java.util.List.copyOf(compareMetrics);
  }
}
