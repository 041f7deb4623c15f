package io.natgrad.spark;

import io.natgrad.rl.env.ObservationNormalizer;
import io.natgrad.rl.policy.Policy;
import io.natgrad.rl.sample.Sampler;
import io.natgrad.rl.sample.SamplerEngine;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The {@code spark} sampling engine, found by {@link java.util.ServiceLoader} when natgrad-spark is
 * on the class path. Options: {@code master} (default: {@code spark.master} as spark-submit sets it, else
 * {@code local[2]}; samplers open at the same
 * time share one context), {@code partitions} (tasks per iteration; default the context's default parallelism,
 * at most one per copy), {@code fail_first_attempt} (fault injection for recovery tests).
 */
public final class SparkSamplerEngine implements SamplerEngine {

  private static final Set<String> OPTIONS = Set.of("master", "partitions", "fail_first_attempt");

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public Sampler create(String envId, int copies, Policy policy, long seed,
      ObservationNormalizer normalizer, Map<String, String> options) {
    for (String k : options.keySet()) {
      if (!OPTIONS.contains(k)) {
        throw new IllegalArgumentException("unknown spark engine option '" + k + "' (known: "
            + OPTIONS + ")");
      }
    }
    if (normalizer != null) {
      throw new IllegalArgumentException("normalize: true is not supported with --engine spark: "
          + "the running observation statistics change after every vector step across all "
          + "copies, which would need a round trip per step; train with normalize: false or "
          + "--engine local");
    }
    PolicySpec spec = PolicySpec.of(policy);
    // under spark-submit the master comes from spark.master
    String master = options.getOrDefault("master", System.getProperty("spark.master", "local[2]"));
    JavaSparkContext sc = SharedContext.acquire(master);
    int partitions;
    String p = options.get("partitions");
    try {
      partitions = p == null ? sc.defaultParallelism() : Integer.parseInt(p);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("partitions must be an integer, got '" + p + "'");
    }
    boolean fail = Boolean.parseBoolean(options.getOrDefault("fail_first_attempt", "false"));
    return new SparkSampler(envId, copies, spec, seed, sc, partitions, fail);
  }
}
