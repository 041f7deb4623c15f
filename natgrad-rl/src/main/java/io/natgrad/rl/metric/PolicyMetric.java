package io.natgrad.rl.metric;

import io.natgrad.core.metric.Metric;
import io.natgrad.rl.policy.Policy;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metric of a policy-gradient update, chosen by name — the paper's point that the metric is
 * the choice: the same update θ ← θ + β G⁻¹ĝ is REINFORCE with {@code euclidean}, the natural policy
 * gradient with {@code fisher}, Algorithm 2's sampled natural gradient with {@code mc-fisher}.
 *
 * <p>A policy metric is the core's {@link Metric} estimated on a sample: {@link #on} binds it to
 * the batch an update is computed from and returns the θ ↦ G(θ) that the core's
 * {@link io.natgrad.core.optim.UpdateRule} consumes, exactly as the maximum-likelihood fits use
 * {@code Metric.exactFisher(family)}. Adding a metric is one implementation of this interface and
 * one entry in {@link #named}; no trainer or update changes.
 *
 * <p>The names are the same in {@code natgrad mle}, {@code natgrad reproduce} and
 * {@code natgrad train}.
 */
public interface PolicyMetric {

  /** G = I: the plain (REINFORCE) policy gradient. */
  PolicyMetric EUCLIDEAN = new EuclideanMetric();
  /** The exact Fisher, (1/m) Σ_t F(θ; s_t) from the policy's closed form. */
  PolicyMetric FISHER = new FisherMetric();
  /** The Monte-Carlo Fisher from the batch's own (on-policy, hence model-sampled) actions. */
  PolicyMetric MC_FISHER = new MonteCarloFisherMetric();
  /** The empirical Fisher: the mean outer product of the surrogate's per-sample gradients. */
  PolicyMetric EMPIRICAL_FISHER = new EmpiricalFisherMetric();
  /** The diagonal of the exact Fisher. */
  PolicyMetric DIAGONAL_FISHER = new DiagonalFisherMetric();
  /** K-FAC on each batch's own factors (a run's {@link KfacMetric} may keep running ones). */
  PolicyMetric KFAC = new KfacMetric();
  /** The Wasserstein-2 metric of a Gaussian policy; its trust region bounds the mean W₂². */
  PolicyMetric WASSERSTEIN = new WassersteinMetric();

  /** The name used by configurations and flags, e.g. {@code "mc-fisher"}. */
  String name();

  /** G(θ) estimated on this sample (without damping: add it with {@link Metric#withDamping}). */
  Metric on(PolicySample sample);

  /**
   * The divergence a trust-region line search checks for this metric, as a function of the trial
   * θ' against θ_old on the sample's states; null for the policy's mean KL(π_old ‖ π_θ'), the
   * divergence whose Hessian the Fisher metrics estimate.
   */
  default java.util.function.ToDoubleFunction<double[]> divergence(PolicySample sample,
      double[] thetaOld) {
    return null;
  }

  /** Refuses a policy this metric is not defined for, saying why (before any work starts). */
  default void check(Policy policy) {}

  /** Every metric by name; older spellings map to the same metric. */
  Map<String, PolicyMetric> BY_NAME = Map.of(
      "euclidean", EUCLIDEAN,
      "fisher", FISHER,
      "mc-fisher", MC_FISHER,
      "empirical-fisher", EMPIRICAL_FISHER,
      "diagonal-fisher", DIAGONAL_FISHER,
      "kfac", KFAC,
      "wasserstein", WASSERSTEIN);

  /** Older spellings still accepted: {@code exact} (fig4's npg_metric) and {@code sampled}. */
  Map<String, String> ALIASES = Map.of("exact", "fisher", "sampled", "mc-fisher");

  /** The metric called {@code name} (or one of its older spellings). */
  static PolicyMetric named(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    PolicyMetric m = BY_NAME.get(ALIASES.getOrDefault(key, key));
    if (m == null) {
      throw new IllegalArgumentException("metric must be one of " + names() + ", got '" + name
          + "'");
    }
    return m;
  }

  /** The metric names, in the order help texts list them. */
  static List<String> names() {
    return List.of("euclidean", "fisher", "mc-fisher", "empirical-fisher", "diagonal-fisher",
        "kfac", "wasserstein");
  }
}
