package io.natgrad.rl.sample;

import io.natgrad.rl.env.ObservationNormalizer;
import io.natgrad.rl.policy.Policy;

/**
 * A sampling backend found at run time through {@link java.util.ServiceLoader} (for example the
 * optional natgrad-spark module): the command line asks for one by name ({@code --engine NAME})
 * without depending on it.
 */
public interface SamplerEngine {

  /** The name users select, e.g. {@code "spark"}. */
  String name();

  /**
   * A sampler over {@code copies} copies of environment {@code envId}.
   *
   * @param envId registered environment id
   * @param copies number of environment copies (n_envs)
   * @param policy the policy
   * @param seed the sampler's seed (streams derive from it exactly as in {@link VectorSampler})
   * @param normalizer the observation normalizer, or null
   * @param options engine options (e.g. {@code master})
   */
  Sampler create(String envId, int copies, Policy policy, long seed,
      ObservationNormalizer normalizer, java.util.Map<String, String> options);

  /** The engine called {@code name} on the class path, or an error listing those available. */
  static SamplerEngine find(String name) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (SamplerEngine e : java.util.ServiceLoader.load(SamplerEngine.class)) {
      if (e.name().equals(name)) {
        return e;
      }
      names.add(e.name());
    }
    throw new IllegalArgumentException("no sampling engine '" + name + "' on the class path"
        + (names.isEmpty() ? "" : " (available: " + names + ")")
        + "; the in-process engine is 'local'; 'spark' needs the natgrad-spark module on the "
        + "class path (./natgrad adds it for --engine spark)");
  }
}
