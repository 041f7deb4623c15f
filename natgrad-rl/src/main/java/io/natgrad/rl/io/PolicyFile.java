package io.natgrad.rl.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;

/**
 * A trained policy as a versioned JSON document ({@code policy.json}): architecture, weights,
 * observation normalizer, action bounds and provenance (resolved config, seed, natgrad version).
 * Never Java serialization; parsed with size and nesting limits. Format version
 * {@value #FORMAT_VERSION}; see docs/POLICY_FORMAT.md.
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
    ObjectMapper m = new ObjectMapper();
    m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(64).maxNumberLength(64).maxStringLength(10_000_000).build());
    m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    return m;
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
  public static PolicyFile of(String envId, NeuralPolicy policy, double[] theta,
      RunningMeanStd normalizerStats, Map<String, Object> provenance) {
    Env env = EnvRegistry.make(envId);
    double[] lo = null;
    double[] hi = null;
    if (env.actionSpace() instanceof Box b) {
      lo = b.low();
      hi = b.high();
    }
    ObservationNormalizer norm = normalizerStats == null ? null
        : new ObservationNormalizer(normalizerStats.copy(), 10.0);
    return new PolicyFile(envId, policy, theta.clone(), norm, lo, hi,
        mapper().valueToTree(provenance));
  }

  /** Writes atomically: a temporary file in the same directory, fsync, then rename. */
  public void write(Path file) throws IOException {
    byte[] bytes = mapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(toJson()).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, bytes);
  }

  /** Reads and validates a policy file; every problem is reported with the file and the field. */
  public static PolicyFile read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException(file + " is " + size + " bytes, over the limit of "
          + MAX_BYTES + " for a policy file");
    }
    JsonNode root;
    try {
      root = mapper().readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage());
    }
    try {
      return parse(root);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  static PolicyFile parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a policy file must be a JSON object");
    }
    if (!FORMAT.equals(text(root, "format"))) {
      throw new IllegalArgumentException("format must be '" + FORMAT + "', got "
          + root.get("format"));
    }
    JsonNode version = root.get("format_version");
    if (version == null || !version.isInt()) {
      throw new IllegalArgumentException("format_version must be an integer, got " + version);
    }
    if (version.asInt() != FORMAT_VERSION) {
      throw new IllegalArgumentException("format_version " + version.asInt()
          + " is not supported (this natgrad reads version " + FORMAT_VERSION + ")");
    }
    String envId = text(root, "env_id");
    JsonNode p = object(root, "policy");
    String type = text(p, "type");
    int od = positiveInt(p, "observation_dim");
    int ad = positiveInt(p, "action_dim");
    JsonNode hiddenNode = p.get("hidden");
    if (hiddenNode == null || !hiddenNode.isArray()) {
      throw new IllegalArgumentException("policy.hidden must be an array of layer sizes");
    }
    int[] hidden = new int[hiddenNode.size()];
    for (int i = 0; i < hidden.length; i++) {
      JsonNode h = hiddenNode.get(i);
      if (!h.isInt() || h.asInt() < 1 || h.asInt() > 65_536) {
        throw new IllegalArgumentException("policy.hidden[" + i + "] must be an integer in "
            + "[1, 65536], got " + h);
      }
      hidden[i] = h.asInt();
    }
    Activation act = Activation.parse(text(p, "activation"));
    NeuralPolicy policy = switch (type) {
      case "gaussian_mlp" -> new GaussianMlpPolicy(od, ad, hidden, act, 0.0);
      case "categorical_mlp" -> new CategoricalMlpPolicy(od, ad, hidden, act);
      default -> throw new IllegalArgumentException(
          "policy.type must be gaussian_mlp or categorical_mlp, got '" + type + "'");
    };
    double[] theta = doubles(p, "parameters");
    if (theta.length != policy.parameterDimension()) {
      throw new IllegalArgumentException("policy.parameters has " + theta.length
          + " values, the architecture needs " + policy.parameterDimension());
    }
    JsonNode as = object(root, "action_space");
    double[] lo = null;
    double[] hi = null;
    if ("box".equals(text(as, "type"))) {
      lo = doubles(as, "low");
      hi = doubles(as, "high");
      if (lo.length != ad || hi.length != ad) {
        throw new IllegalArgumentException("action_space bounds must have " + ad + " values");
      }
    } else if (!"discrete".equals(text(as, "type"))) {
      throw new IllegalArgumentException("action_space.type must be box or discrete");
    }
    ObservationNormalizer norm = null;
    JsonNode n = root.get("normalizer");
    if (n != null && !n.isNull()) {
      double[] mean = doubles(n, "mean");
      double[] var = doubles(n, "var");
      if (mean.length != od || var.length != od) {
        throw new IllegalArgumentException("normalizer mean and var must have " + od + " values");
      }
      norm = new ObservationNormalizer(new RunningMeanStd(mean, var, number(n, "count")),
          number(n, "clip"));
    }
    return new PolicyFile(envId, policy, theta, norm, lo, hi, root.get("provenance"));
  }

  private static JsonNode object(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isObject()) {
      throw new IllegalArgumentException(field + " must be an object");
    }
    return v;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string, got " + v);
    }
    return v.asText();
  }

  private static int positiveInt(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isInt() || v.asInt() < 1) {
      throw new IllegalArgumentException(field + " must be a positive integer, got " + v);
    }
    return v.asInt();
  }

  private static double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new IllegalArgumentException(field + " must be a finite number, got " + v);
    }
    return v.asDouble();
  }

  private static double[] doubles(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray()) {
      throw new IllegalArgumentException(field + " must be an array of numbers");
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode x = v.get(i);
      if (!x.isNumber() || !Double.isFinite(x.asDouble())) {
        throw new IllegalArgumentException(field + "[" + i + "] must be a finite number, got " + x);
      }
      out[i] = x.asDouble();
    }
    return out;
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
