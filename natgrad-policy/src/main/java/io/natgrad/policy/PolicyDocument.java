package io.natgrad.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parsed and validated content of a policy file ({@code policy.json}, docs/POLICY_FORMAT.md,
 * format version {@value #FORMAT_VERSION}), independent of the trainer. Read with limits on size,
 * nesting and number length; every problem is an {@link IllegalArgumentException} naming the field.
 *
 * @param envId the environment the policy was trained on
 * @param type {@code gaussian_mlp} or {@code categorical_mlp}
 * @param observationDim observation dimension
 * @param actionDim action dimension (Gaussian) or number of actions (categorical)
 * @param hidden hidden layer sizes
 * @param activation {@code tanh} or {@code relu}
 * @param parameters θ in the documented layout
 * @param actionLow Box bounds (null for a discrete action space)
 * @param actionHigh Box bounds (null for a discrete action space)
 * @param normalizerMean observation mean (null without a normalizer)
 * @param normalizerVar observation variance (null without a normalizer)
 * @param normalizerCount the statistics' count (0 without a normalizer)
 * @param normalizerClip clip bound of normalized observations
 * @param provenance what made the policy
 */
public record PolicyDocument(String envId, String type, int observationDim, int actionDim,
    int[] hidden, String activation, double[] parameters, double[] actionLow, double[] actionHigh,
    double[] normalizerMean, double[] normalizerVar, double normalizerCount, double normalizerClip,
    JsonNode provenance) {

  public static final String FORMAT = "natgrad-policy";
  public static final int FORMAT_VERSION = 1;
  static final long MAX_BYTES = 256L << 20;

  /** The JSON reader natgrad uses for its files: limits on nesting, numbers and strings. */
  public static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper();
    m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(64).maxNumberLength(64).maxStringLength(10_000_000).build());
    m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    return m;
  }

  /** Number of parameters the architecture needs. */
  public static int parameterCount(String type, int obs, int act, int[] hidden) {
    int count = 0;
    int in = obs;
    for (int h : hidden) {
      count += in * h + h;
      in = h;
    }
    count += in * act + act;
    return type.equals("gaussian_mlp") ? count + act : count;
  }

  /** Reads and validates a policy file. */
  public static PolicyDocument read(Path file) throws IOException {
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

  /** Validates a parsed document. */
  public static PolicyDocument parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a policy file must be a JSON object");
    }
    if (!FORMAT.equals(root.path("format").asText(null))) {
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
    if (!type.equals("gaussian_mlp") && !type.equals("categorical_mlp")) {
      throw new IllegalArgumentException(
          "policy.type must be gaussian_mlp or categorical_mlp, got '" + type + "'");
    }
    int od = positiveInt(p, "observation_dim");
    int ad = positiveInt(p, "action_dim");
    if (type.equals("categorical_mlp") && ad < 2) {
      throw new IllegalArgumentException("a categorical policy needs action_dim >= 2, got " + ad);
    }
    JsonNode hiddenNode = p.get("hidden");
    if (hiddenNode == null || !hiddenNode.isArray() || hiddenNode.size() > 64) {
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
    String act = text(p, "activation").toLowerCase(java.util.Locale.ROOT);
    if (!act.equals("tanh") && !act.equals("relu")) {
      throw new IllegalArgumentException("policy.activation must be tanh or relu, got '" + act
          + "'");
    }
    double[] theta = doubles(p, "parameters");
    int need = parameterCount(type, od, ad, hidden);
    if (theta.length != need) {
      throw new IllegalArgumentException("policy.parameters has " + theta.length
          + " values, the architecture needs " + need);
    }
    JsonNode as = object(root, "action_space");
    double[] lo = null;
    double[] hi = null;
    String asType = text(as, "type");
    if (asType.equals("box")) {
      if (!type.equals("gaussian_mlp")) {
        throw new IllegalArgumentException("a box action space needs a gaussian_mlp policy");
      }
      lo = doubles(as, "low");
      hi = doubles(as, "high");
      if (lo.length != ad || hi.length != ad) {
        throw new IllegalArgumentException("action_space bounds must have " + ad + " values");
      }
    } else if (asType.equals("discrete")) {
      if (!type.equals("categorical_mlp") || as.path("n").asInt(-1) != ad) {
        throw new IllegalArgumentException("a discrete action space needs a categorical_mlp "
            + "policy with action_dim = n");
      }
    } else {
      throw new IllegalArgumentException("action_space.type must be box or discrete, got '"
          + asType + "'");
    }
    JsonNode n = root.get("normalizer");
    double[] mean = null;
    double[] var = null;
    double count = 0;
    double clip = 10;
    if (n != null && !n.isNull()) {
      mean = doubles(n, "mean");
      var = doubles(n, "var");
      if (mean.length != od || var.length != od) {
        throw new IllegalArgumentException("normalizer mean and var must have " + od + " values");
      }
      for (int i = 0; i < od; i++) {
        if (var[i] < 0) {
          throw new IllegalArgumentException("normalizer.var[" + i + "] must be >= 0, got "
              + var[i]);
        }
      }
      count = number(n, "count");
      clip = number(n, "clip");
      if (!(count > 0) || !(clip > 0)) {
        throw new IllegalArgumentException("normalizer count and clip must be > 0");
      }
    }
    return new PolicyDocument(envId, type, od, ad, hidden, act, theta, lo, hi, mean, var, count,
        clip, root.get("provenance"));
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
}
