package io.natgrad.rl.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.natgrad.policy.PolicyDocument;
import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Discrete;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.ObservationNormalizer;
import io.natgrad.rl.env.RunningMeanStd;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.policy.CategoricalMlpPolicy;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.policy.NeuralPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A trained policy as a versioned JSON document ({@code policy.json}): architecture, weights,
 * observation normalizer, action bounds and provenance (resolved config, seed, natgrad version).
 * Never Java serialization; parsed with size and nesting limits by natgrad-policy's
 * {@link PolicyDocument}. Format version {@value #FORMAT_VERSION}; see docs/POLICY_FORMAT.md.
 *
 * @param envId the environment the policy was trained on
 * @param policy the policy family and shape
 * @param theta the parameters (network weights in {@code Mlp} layout, then log σ for Gaussians)
 * @param normalizer the frozen observation normalizer, or null
 * @param actionLow Box action lower bounds (null for Discrete)
 * @param actionHigh Box action upper bounds (null for Discrete)
 * @param provenance what made the policy (free-form JSON object)
 */
public record PolicyFile(String envId, NeuralPolicy policy, double[] theta,
    ObservationNormalizer normalizer, double[] actionLow, double[] actionHigh,
    JsonNode provenance) {

  public static final String FORMAT = "natgrad-policy";
  public static final int FORMAT_VERSION = 1;
  static final long MAX_BYTES = 256L << 20;

  static ObjectMapper mapper() {
    return PolicyDocument.mapper();
  }

  /** The JSON document. */
  public ObjectNode toJson() {
    ObjectMapper m = mapper();
    ObjectNode root = m.createObjectNode();
    root.put("format", FORMAT);
    root.put("format_version", FORMAT_VERSION);
    root.put("env_id", envId);
    ObjectNode p = root.putObject("policy");
    p.put("type", policy instanceof GaussianMlpPolicy ? "gaussian_mlp" : "categorical_mlp");
    p.put("observation_dim", policy.observationDim());
    p.put("action_dim", policy instanceof CategoricalMlpPolicy c ? c.actions()
        : policy.actionDimension());
    ArrayNode hidden = p.putArray("hidden");
    for (int h : policy.network().hidden()) {
      hidden.add(h);
    }
    p.put("activation", policy.network().activation().label());
    ArrayNode params = p.putArray("parameters");
    for (double v : theta) {
      params.add(v);
    }
    if (actionLow != null) {
      ObjectNode a = root.putObject("action_space");
      a.put("type", "box");
      ArrayNode lo = a.putArray("low");
      ArrayNode hi = a.putArray("high");
      for (int i = 0; i < actionLow.length; i++) {
        lo.add(actionLow[i]);
        hi.add(actionHigh[i]);
      }
    } else {
      ObjectNode a = root.putObject("action_space");
      a.put("type", "discrete");
      a.put("n", ((CategoricalMlpPolicy) policy).actions());
    }
    if (normalizer != null) {
      ObjectNode n = root.putObject("normalizer");
      ArrayNode mean = n.putArray("mean");
      ArrayNode var = n.putArray("var");
      for (double v : normalizer.stats().mean()) {
        mean.add(v);
      }
      for (double v : normalizer.stats().var()) {
        var.add(v);
      }
      n.put("count", normalizer.stats().count());
      n.put("clip", normalizer.clip());
      n.put("epsilon", ObservationNormalizer.EPSILON);
    } else {
      root.putNull("normalizer");
    }
    root.set("provenance", provenance == null ? m.createObjectNode() : provenance);
    return root;
  }

  /** A policy file for a trained policy on {@code envId}. */
  public static PolicyFile of(String envId, io.natgrad.rl.policy.Policy policy, double[] theta,
      RunningMeanStd normalizerStats, Map<String, Object> provenance) {
    if (!(policy instanceof NeuralPolicy neural)) {
      throw new IllegalArgumentException("a policy file holds a network policy (MLP); "
          + policy.getClass().getSimpleName() + " is not one");
    }
    Env env = EnvRegistry.make(envId);
    double[] lo = null;
    double[] hi = null;
    if (env.actionSpace() instanceof Box b) {
      lo = b.low();
      hi = b.high();
    }
    ObservationNormalizer norm = normalizerStats == null ? null
        : new ObservationNormalizer(normalizerStats.copy(), 10.0);
    return new PolicyFile(envId, neural, theta.clone(), norm, lo, hi,
        mapper().valueToTree(provenance));
  }

  /** Writes atomically: a temporary file in the same directory, fsync, then rename. */
  public void write(Path file) throws IOException {
    byte[] bytes = mapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(toJson()).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, bytes);
  }

  /**
   * Reads and validates a policy file (through natgrad-policy's {@link PolicyDocument}, the same
   * reader deployed policies use); every problem is reported with the file and the field.
   */
  public static PolicyFile read(Path file) throws IOException {
    PolicyDocument d = PolicyDocument.read(file);
    Activation act = Activation.parse(d.activation());
    NeuralPolicy policy = d.type().equals("gaussian_mlp")
        ? new GaussianMlpPolicy(d.observationDim(), d.actionDim(), d.hidden(), act, 0.0)
        : new CategoricalMlpPolicy(d.observationDim(), d.actionDim(), d.hidden(), act);
    ObservationNormalizer norm = d.normalizerMean() == null ? null
        : new ObservationNormalizer(new RunningMeanStd(d.normalizerMean(), d.normalizerVar(),
            d.normalizerCount()), d.normalizerClip());
    return new PolicyFile(d.envId(), policy, d.parameters(), norm, d.actionLow(),
        d.actionHigh(), d.provenance());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicyFile f && f.envId.equals(envId) && Arrays.equals(f.theta, theta);
  }

  @Override
  public int hashCode() {
    return envId.hashCode() * 31 + Arrays.hashCode(theta);
  }
}
