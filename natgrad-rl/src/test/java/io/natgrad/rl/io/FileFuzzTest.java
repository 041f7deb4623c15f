package io.natgrad.rl.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.algo.OnPolicyTrainer;
import io.natgrad.rl.algo.TrainerState;
import io.natgrad.rl.config.TrainConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property-style: 5 000 mutated checkpoint files (byte flips, truncations, structural changes with
 * a recomputed checksum so that the parser itself is exercised) and 2 000 mutated policy files. Each
 * is read as a good file or refused with a clear IllegalArgumentException — never another exception.
 * A refused checkpoint's message names the file. Every accepted one is restored into a trainer of
 * its configuration: the trainer either refuses it (contents that do not fit the configuration,
 * an IllegalArgumentException saying so), stops on a non-finite action as training does, or runs
 * one more update — nothing else.
 */
class FileFuzzTest {
  @TempDir static Path tmp;
  static byte[] checkpoint;
  static byte[] policy;

  @BeforeAll
  static void makeFiles() throws Exception {
    TrainConfig c = TrainConfig.fromMap(Map.of("env", "Pendulum-v1", "n_steps", 64,
        "n_timesteps", 128, "normalize", true, "policy_kwargs", "dict(net_arch=[4])"));
    OnPolicyTrainer t = new OnPolicyTrainer(c, null, null, 0, 0);
    t.train(null);
    Path ck = tmp.resolve("ck.json");
    CheckpointFile.write(t.checkpoint(), ck);
    checkpoint = Files.readAllBytes(ck);
    Path p = tmp.resolve("p.json");
    PolicyFile.of("Pendulum-v1", t.policy(), t.theta(), t.normalizer().stats(), Map.of()).write(p);
    policy = Files.readAllBytes(p);
    t.close();
  }

  static byte[] mutateBytes(byte[] in, Rng r) {
    byte[] b = in.clone();
    switch (r.nextInt(4)) {
      case 0:
        return java.util.Arrays.copyOf(b, r.nextInt(b.length));
      case 1:
        for (int i = r.nextInt(5) + 1; i > 0; i--) {
          b[r.nextInt(b.length)] = (byte) (32 + r.nextInt(95));
        }
        return b;
      case 2: {
        int at = r.nextInt(b.length);
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        return out;
      }
      default:
        return ("{\"format\": \"natgrad-checkpoint\", \"x\": " + r.nextInt() + "}")
            .getBytes(StandardCharsets.UTF_8);
    }
  }

  static JsonNode randomNode(Rng r) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (r.nextInt(8)) {
      case 0 -> f.nullNode();
      case 1 -> f.numberNode(r.nextGaussian() * 1e6);
      case 2 -> f.numberNode(r.nextInt());
      case 3 -> f.textNode("x" + r.nextInt(100));
      case 4 -> f.booleanNode(r.nextBoolean());
      case 5 -> f.arrayNode().add(r.nextInt(3)).add("a");
      case 6 -> f.objectNode().put("k", 1);
      default -> f.numberNode(Long.MAX_VALUE);
    };
  }

  /** Replaces or removes one random node somewhere in the tree. */
  static void mutateTree(JsonNode node, Rng r, int depth) {
    if (node instanceof ObjectNode o && o.size() > 0) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      String name = names.get(r.nextInt(names.size()));
      JsonNode child = o.get(name);
      if (depth > 3 || r.nextInt(3) == 0 || !child.isContainerNode()) {
        if (r.nextBoolean()) {
          o.remove(name);
        } else {
          o.set(name, randomNode(r));
        }
      } else {
        mutateTree(child, r, depth + 1);
      }
    } else if (node instanceof ArrayNode a && a.size() > 0) {
      int i = r.nextInt(a.size());
      if (depth > 3 || r.nextInt(3) == 0 || !a.get(i).isContainerNode()) {
        if (r.nextBoolean()) {
          a.remove(i);
        } else {
          a.set(i, randomNode(r));
        }
      } else {
        mutateTree(a.get(i), r, depth + 1);
      }
    }
  }

  static byte[] mutateStructure(byte[] in, Rng r) throws Exception {
    ObjectMapper m = PolicyFile.mapper();
    ObjectNode root = (ObjectNode) m.readTree(in);
    ObjectNode payload = (ObjectNode) root.get("payload");
    mutateTree(payload, r, 0);
    root.put("sha256", HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(m.writeValueAsBytes(payload))));
    return m.writeValueAsBytes(root);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void mutatedCheckpointsAreReadOrRefusedClearly(long seed) throws Exception {
    Rng r = Rng.of(seed);
    Path f = tmp.resolve("fuzz-" + seed + ".json");
    int refused = 0;
    int resumed = 0;
    for (int k = 0; k < 1000; k++) {
      byte[] bytes = r.nextBoolean() ? mutateBytes(checkpoint, r) : mutateStructure(checkpoint, r);
      Files.write(f, bytes);
      TrainerState state;
      try {
        state = CheckpointFile.read(f);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).contains(f.toString());
        refused++;
        continue;
      }
      if (resumeOneUpdate(state, k)) {
        resumed++;
      }
    }
    assertThat(refused).isGreaterThan(500);
    assertThat(resumed).isPositive();
  }

  /**
   * Restores an accepted checkpoint into a trainer of its configuration and trains one update;
   * false when the trainer refused it.
   */
  static boolean resumeOneUpdate(TrainerState state, int k) {
    TrainConfig c = TrainConfig.fromMap(state.config());
    long total = state.steps() + (long) c.sampling().nSteps() * c.sampling().nEnvs();
    OnPolicyTrainer trainer;
    try {
      trainer = new OnPolicyTrainer(c.with(Map.of("n_timesteps", total)), null, null, 0, 0);
    } catch (IllegalArgumentException e) {
      // a configuration this machine cannot run (e.g. an environment id not registered here)
      assertThat(e.getMessage()).as("mutation %d", k).isNotBlank();
      return false;
    }
    try (OnPolicyTrainer t = trainer) {
      try {
        t.restore(state);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).as("mutation %d", k)
            .startsWith("the checkpoint does not fit its configuration: ");
        return false;
      }
      double[] theta;
      try {
        theta = t.train(null);
      } catch (io.natgrad.rl.env.NonFiniteEnvironmentException e) {
        // finite but huge parameters can make an infinite action: training's own stop, which
        // names the value, the environment, the copy and the step
        assertThat(e.getMessage()).as("mutation %d", k).contains("non-finite");
        return false;
      }
      assertThat(t.iteration()).as("mutation %d", k).isEqualTo(state.iteration() + 1);
      assertThat(theta).as("mutation %d", k).hasSize(state.theta().length);
      return true;
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void mutatedPolicyFilesAreReadOrRefusedClearly(long seed) throws Exception {
    Rng r = Rng.of(seed + 100);
    Path f = tmp.resolve("pfuzz-" + seed + ".json");
    ObjectMapper m = PolicyFile.mapper();
    for (int k = 0; k < 1000; k++) {
      byte[] bytes;
      if (r.nextBoolean()) {
        bytes = mutateBytes(policy, r);
      } else {
        JsonNode root = m.readTree(policy);
        mutateTree(root, r, 0);
        bytes = m.writeValueAsBytes(root);
      }
      Files.write(f, bytes);
      try {
        PolicyFile.read(f);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }
}
