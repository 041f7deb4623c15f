package io.natgrad.rl.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.natgrad.core.optim.Adam;
import io.natgrad.rl.algo.TrainerState;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.env.EnvSnapshot;
import io.natgrad.rl.env.RunningMeanStd;
import io.natgrad.rl.sample.CopyState;
import io.natgrad.rl.sample.SamplerState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training checkpoint as JSON: {@code {"format": "natgrad-checkpoint", "format_version": 1,
 * "sha256": …, "payload": {…}}}, the payload holding a {@link TrainerState}. Doubles are written as
 * their shortest round-trip decimals and longs exactly, so a checkpoint restores bit for bit; the
 * SHA-256 of the payload detects corruption; truncated, corrupted, unknown-version or malformed
 * files are refused with an error naming the file and the field, before anything is changed.
 * Never Java serialization; size and nesting are limited while parsing.
 */
public final class CheckpointFile {
  public static final String FORMAT = "natgrad-checkpoint";
  public static final int FORMAT_VERSION = 1;
  static final long MAX_BYTES = 512L << 20;

  private CheckpointFile() {}

  /** Writes atomically (temporary file, fsync, rename). */
  public static void write(TrainerState s, Path file) throws IOException {
    ObjectMapper m = PolicyFile.mapper();
    ObjectNode payload = m.createObjectNode();
    payload.set("config", m.valueToTree(s.config()));
    payload.put("iteration", s.iteration());
    payload.put("steps", s.steps());
    payload.put("elapsed_seconds", s.elapsedSeconds());
    payload.set("theta", doubles(m, s.theta()));
    payload.set("value_parameters", doubles(m, s.valueParameters()));
    payload.set("value_adam", adam(m, s.valueAdam()));
    payload.set("ppo_adam", adam(m, s.ppoAdam()));
    if (s.normalizer() != null) {
      ObjectNode n = payload.putObject("normalizer");
      n.set("mean", doubles(m, s.normalizer().mean()));
      n.set("var", doubles(m, s.normalizer().var()));
      n.put("count", s.normalizer().count());
    } else {
      payload.putNull("normalizer");
    }
    payload.set("critic_rng", longs(m, s.criticRng()));
    ObjectNode sampler = payload.putObject("sampler");
    sampler.put("started", s.sampler().started());
    sampler.put("total_steps", s.sampler().totalSteps());
    ArrayNode copies = sampler.putArray("copies");
    for (CopyState c : s.sampler().copies()) {
      ObjectNode o = copies.addObject();
      if (c.env() != null) {
        ObjectNode e = o.putObject("env");
        e.set("state", doubles(m, c.env().state()));
        e.set("rng", c.env().rng() == null ? m.nullNode() : longs(m, c.env().rng()));
        e.put("elapsed", c.env().elapsed());
        e.put("active", c.env().active());
      } else {
        o.putNull("env");
      }
      o.set("action_rng", longs(m, c.actionRng()));
      o.set("raw", c.raw() == null ? m.nullNode() : doubles(m, c.raw()));
      o.set("seen", c.seen() == null ? m.nullNode() : doubles(m, c.seen()));
      o.put("timestep", c.timestep());
      o.put("episode_return", c.episodeReturn());
      o.put("episode_length", c.episodeLength());
    }
    io.natgrad.rl.env.RewardNormalizer.State rn = s.sampler().rewardNormalizer();
    if (rn != null) {
      // present only for runs that normalize rewards (older checkpoints have no such field)
      ObjectNode r = sampler.putObject("reward_normalizer");
      r.put("mean", rn.mean());
      r.put("var", rn.var());
      r.put("count", rn.count());
      r.set("returns", doubles(m, rn.returns()));
    }
    ArrayNode recent = payload.putArray("recent_episodes");
    for (double[] e : s.recentEpisodes()) {
      recent.add(doubles(m, e));
    }
    payload.put("next_eval", s.nextEval());
    payload.put("evals", s.evals());
    if (s.bestEval() == null) {
      payload.putNull("best_eval");
    } else {
      payload.put("best_eval", s.bestEval());
    }
    payload.put("fail_streak", s.failStreak());
    if (!s.updateState().isEmpty()) {
      // present only for updates with state of their own (K-FAC, ACKTR); sorted by name
      ObjectNode u = payload.putObject("update_state");
      for (String k : new java.util.TreeSet<>(s.updateState().keySet())) {
        u.set(k, doubles(m, s.updateState().get(k)));
      }
    }
    // the payload is serialized once: its bytes are hashed and embedded as they are (the same
    // bytes the whole document would give, since Jackson writes compact JSON in insertion order)
    byte[] body = fastMapper().writeValueAsBytes(payload);
    byte[] head = ("{\"format\":\"" + FORMAT + "\",\"format_version\":" + FORMAT_VERSION
        + ",\"sha256\":\"" + sha256(body) + "\",\"payload\":").getBytes(StandardCharsets.UTF_8);
    byte[] doc = new byte[head.length + body.length + 1];
    System.arraycopy(head, 0, doc, 0, head.length);
    System.arraycopy(body, 0, doc, head.length, body.length);
    doc[doc.length - 1] = '}';
    AtomicFiles.write(file, doc);
  }

  /** Reads and checks a checkpoint; every problem names the file and the field. */
  public static TrainerState read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException(
          file + " is " + size + " bytes, over the limit of " + MAX_BYTES + " for a checkpoint");
    }
    ObjectMapper m = PolicyFile.mapper();
    JsonNode root;
    try {
      root = m.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("checkpoint " + file
          + " is not valid JSON (truncated or corrupted): " + e.getOriginalMessage());
    }
    TrainerState state;
    try {
      state = parse(m, root);
    } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
      throw new IllegalArgumentException("checkpoint " + file + " is refused: " + e.getMessage());
    }
    if (state.iteration() < 0 || state.steps() < 0 || state.nextEval() < 0 || state.evals() < 0
        || state.failStreak() < 0 || !(state.elapsedSeconds() >= 0)) {
      throw new IllegalArgumentException("checkpoint " + file + " is refused: its counters must "
          + "be >= 0 (iteration " + state.iteration() + ", steps " + state.steps()
          + ", next_eval " + state.nextEval() + ", evals " + state.evals() + ", fail_streak "
          + state.failStreak() + ", elapsed_seconds " + state.elapsedSeconds() + ")");
    }
    try {
      TrainConfig.fromMap(state.config());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("checkpoint " + file + " is refused: its configuration "
          + "is not valid: " + e.getMessage());
    }
    return state;
  }

  static TrainerState parse(ObjectMapper m, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (!FORMAT.equals(root.path("format").asText(null))) {
      throw new IllegalArgumentException("format must be '" + FORMAT + "', got "
          + root.get("format"));
    }
    JsonNode version = root.get("format_version");
    if (version == null || !version.isInt() || version.asInt() != FORMAT_VERSION) {
      throw new IllegalArgumentException("format_version " + version
          + " is not supported (this natgrad reads version " + FORMAT_VERSION + ")");
    }
    JsonNode payload = root.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException("payload must be an object");
    }
    String expected = root.path("sha256").asText("");
    // checkpoints are written with Jackson's fast double writer; those written before it hash the
    // plain writer's text (both give round-trip decimals, nearly always the same characters)
    if (!expected.equals(sha256(fastMapper(), (ObjectNode) payload))
        && !expected.equals(sha256(m, (ObjectNode) payload))) {
      throw new IllegalArgumentException("sha256 does not match the payload (corrupted)");
    }
    JsonNode cfg = payload.get("config");
    if (cfg == null || !cfg.isObject()) {
      throw new IllegalArgumentException("config must be an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> config = m.convertValue(cfg, LinkedHashMap.class);
    JsonNode norm = payload.get("normalizer");
    RunningMeanStd normalizer = norm == null || norm.isNull() ? null
        : new RunningMeanStd(doubles(norm, "mean"), doubles(norm, "var"),
            number(norm, "count"));
    JsonNode sampler = object(payload, "sampler");
    List<CopyState> copies = new ArrayList<>();
    JsonNode copiesNode = sampler.get("copies");
    if (copiesNode == null || !copiesNode.isArray()) {
      throw new IllegalArgumentException("sampler.copies must be an array");
    }
    for (JsonNode c : copiesNode) {
      JsonNode e = c.get("env");
      EnvSnapshot snap = e == null || e.isNull() ? null
          : new EnvSnapshot(doubles(e, "state"),
              e.get("rng") == null || e.get("rng").isNull() ? null : envRng(e),
              integer(e, "elapsed"), bool(e, "active"));
      copies.add(new CopyState(snap, longs(c, "action_rng", 4),
          nullableDoubles(c, "raw"), nullableDoubles(c, "seen"), integer(c, "timestep"),
          number(c, "episode_return"), integer(c, "episode_length")));
    }
    JsonNode rn = sampler.get("reward_normalizer");
    io.natgrad.rl.env.RewardNormalizer.State rewardNormalizer = rn == null || rn.isNull() ? null
        : new io.natgrad.rl.env.RewardNormalizer.State(number(rn, "mean"), number(rn, "var"),
            number(rn, "count"), doubles(rn, "returns"));
    if (rewardNormalizer == null && Boolean.TRUE.equals(config.get("normalize"))) {
      // written before natgrad normalized rewards, when `normalize: true` meant observations
      // only: the run continues as it ran
      config.put("normalize", "{'norm_obs': True, 'norm_reward': False}");
    }
    List<double[]> recent = new ArrayList<>();
    JsonNode rec = payload.get("recent_episodes");
    if (rec == null || !rec.isArray() || rec.size() > 100) {
      throw new IllegalArgumentException("recent_episodes must be an array of at most 100");
    }
    for (JsonNode r : rec) {
      double[] pair = toDoubles(r, "recent_episodes[]");
      if (pair.length != 2) {
        throw new IllegalArgumentException("recent_episodes entries must be (return, length)");
      }
      recent.add(pair);
    }
    JsonNode best = payload.get("best_eval");
    return new TrainerState(config, integer(payload, "iteration"), longValue(payload, "steps"),
        number(payload, "elapsed_seconds"), doubles(payload, "theta"),
        doubles(payload, "value_parameters"), adam(payload.get("value_adam")),
        adam(payload.get("ppo_adam")), normalizer, longs(payload, "critic_rng", 4),
        new SamplerState(bool(sampler, "started"), longValue(sampler, "total_steps"),
            copies, rewardNormalizer),
        recent, longValue(payload, "next_eval"), integer(payload, "evals"),
        best == null || best.isNull() ? null : number(payload, "best_eval"),
        integer(payload, "fail_streak"), updateState(payload));
  }

  private static Map<String, double[]> updateState(JsonNode payload) {
    JsonNode u = payload.get("update_state");
    Map<String, double[]> out = new LinkedHashMap<>();
    if (u == null || u.isNull()) {
      return out;
    }
    if (!u.isObject()) {
      throw new IllegalArgumentException("update_state must be an object");
    }
    for (var it = u.fields(); it.hasNext(); ) {
      var e = it.next();
      out.put(e.getKey(), toDoubles(e.getValue(), "update_state." + e.getKey()));
    }
    return out;
  }

  /** Jackson's Schubfach double writer: shortest round-trip decimals, several times faster. */
  private static ObjectMapper fastMapper() {
    ObjectMapper m = PolicyFile.mapper();
    m.getFactory().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
    return m;
  }

  private static String sha256(ObjectMapper m, ObjectNode payload) {
    try {
      return sha256(m.writeValueAsBytes(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode adam(ObjectMapper m, Adam.State s) {
    if (s == null) {
      return m.nullNode();
    }
    ObjectNode o = m.createObjectNode();
    o.set("m", doubles(m, s.m()));
    o.set("v", doubles(m, s.v()));
    o.put("step", s.step());
    return o;
  }

  private static Adam.State adam(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    double[] mm = doubles(n, "m");
    double[] vv = doubles(n, "v");
    if (mm.length != vv.length) {
      throw new IllegalArgumentException("Adam moments have different lengths");
    }
    return new Adam.State(mm, vv, longValue(n, "step"));
  }

  private static ArrayNode doubles(ObjectMapper m, double[] a) {
    ArrayNode n = m.createArrayNode();
    for (double v : a) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("cannot checkpoint a non-finite value " + v);
      }
      n.add(v);
    }
    return n;
  }

  private static ArrayNode longs(ObjectMapper m, long[] a) {
    ArrayNode n = m.createArrayNode();
    for (long v : a) {
      n.add(v);
    }
    return n;
  }

  private static JsonNode object(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || !v.isObject()) {
      throw new IllegalArgumentException(f + " must be an object");
    }
    return v;
  }

  private static double[] doubles(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null) {
      throw new IllegalArgumentException(f + " is missing");
    }
    return toDoubles(v, f);
  }

  private static double[] nullableDoubles(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() ? null : toDoubles(v, f);
  }

  private static double[] toDoubles(JsonNode v, String f) {
    if (!v.isArray()) {
      throw new IllegalArgumentException(f + " must be an array of numbers");
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode x = v.get(i);
      if (!x.isNumber() || !Double.isFinite(x.asDouble())) {
        throw new IllegalArgumentException(f + "[" + i + "] must be a finite number, got " + x);
      }
      out[i] = x.asDouble();
    }
    return out;
  }

  /**
   * An environment's generator state: xoshiro256++'s 4 words, or PCG64's 6 (seeding: gymnasium;
   * the environment refuses the kind it does not use, by name).
   */
  private static long[] envRng(JsonNode e) {
    return longs(e, "rng", e.get("rng").isArray() && e.get("rng").size() == 6 ? 6 : 4);
  }

  private static long[] longs(JsonNode n, String f, int length) {
    JsonNode v = n.get(f);
    if (v == null || !v.isArray() || v.size() != length) {
      throw new IllegalArgumentException(f + " must be an array of " + length + " integers");
    }
    long[] out = new long[length];
    for (int i = 0; i < length; i++) {
      if (!v.get(i).isIntegralNumber() || !v.get(i).canConvertToLong()) {
        throw new IllegalArgumentException(f + "[" + i + "] must be a 64-bit integer");
      }
      out[i] = v.get(i).asLong();
    }
    return out;
  }

  private static double number(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new IllegalArgumentException(f + " must be a finite number, got " + v);
    }
    return v.asDouble();
  }

  private static int integer(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || !v.isInt()) {
      throw new IllegalArgumentException(f + " must be an integer, got " + v);
    }
    return v.asInt();
  }

  private static long longValue(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException(f + " must be an integer, got " + v);
    }
    return v.asLong();
  }

  private static boolean bool(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || !v.isBoolean()) {
      throw new IllegalArgumentException(f + " must be true or false, got " + v);
    }
    return v.asBoolean();
  }
}
