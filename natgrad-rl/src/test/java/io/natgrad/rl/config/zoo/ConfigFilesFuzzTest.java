package io.natgrad.rl.config.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.config.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Config files are data: 2 000 random and malformed YAML/JSON files go through the reader and the
 * validator and each is accepted or refused with a clear IllegalArgumentException; deeply nested,
 * alias-bomb and oversized files are refused before they can exhaust memory.
 */
class ConfigFilesFuzzTest {
  @TempDir Path tmp;

  static final String[] PIECES = {"env: CartPole-v1\n", "n_steps: 128\n", "gamma: 1.5\n",
      "target_kl: !!float 1e-2\n", "policy_kwargs: \"dict(net_arch=[32])\"\n", "x: [1, 2\n",
      "CartPole-v1:\n  n_envs: 2\n", "- a\n- b\n", "{\"env\": \"CartPole-v1\"}", "key: !!python/object:os.system ls\n",
      ": :\n", "n_envs: many\n", "learning_rate: lin_0.001\n", "normalize: yes\n", "\t\tbad: indent\n",
      "gae_lambda: -1\n", "&a [*a]\n", "seed: 12345678901234567890\n", "algo: ppo\n", "'''\n"};

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void randomFilesAreAcceptedOrRefusedClearly(long seed) throws Exception {
    Rng r = Rng.of(seed);
    for (int k = 0; k < 1000; k++) {
      StringBuilder sb = new StringBuilder();
      for (int i = r.nextInt(6); i >= 0; i--) {
        if (r.nextInt(5) == 0) {
          for (int j = r.nextInt(30); j > 0; j--) {
            sb.append((char) (9 + r.nextInt(118)));
          }
        } else {
          sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
      }
      Path f = tmp.resolve("c" + k + (r.nextBoolean() ? ".yml" : ".json"));
      Files.writeString(f, sb.toString());
      Map<String, Object> m;
      try {
        m = ConfigFiles.read(f, "CartPole-v1");
      } catch (IllegalArgumentException e) {
        // a file that cannot be read as a configuration: the message names the file
        assertThat(e.getMessage()).as("file %s", sb).contains(f.toString());
        continue;
      }
      m.putIfAbsent("env", "CartPole-v1");
      try {
        TrainConfig.fromMap(m);
      } catch (IllegalArgumentException e) {
        // a bad value: the message names its key
        String msg = e.getMessage();
        assertThat(m.keySet().stream().anyMatch(msg::contains)).as("%s refused with '%s'", m, msg)
            .isTrue();
      }
    }
  }

  @Test
  void deepNestingAliasBombsAndOversizedFilesAreRefused() throws Exception {
    Path deep = tmp.resolve("deep.yml");
    Files.writeString(deep, "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    assertThatThrownBy(() -> ConfigFiles.read(deep, "CartPole-v1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deep.yml");
    Path bomb = tmp.resolve("bomb.yml");
    StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 30; i++) {
      sb.append((char) ('b' + i % 24)).append(i).append(": &").append((char) ('b' + i % 24))
          .append(i).append(" [*").append(i == 0 ? "a" : "" + (char) ('b' + (i - 1) % 24) + (i - 1))
          .append(", *").append(i == 0 ? "a" : "" + (char) ('b' + (i - 1) % 24) + (i - 1))
          .append("]\n");
    }
    Files.writeString(bomb, sb.toString());
    // 2^30 leaves if aliases were expanded: it is either refused or read without expansion
    try {
      Map<String, Object> m = ConfigFiles.read(bomb, "CartPole-v1");
      assertThat(m.toString().length()).isLessThan(100_000);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("bomb.yml");
    }
    Path big = tmp.resolve("big.yml");
    Files.write(big, new byte[(int) ConfigFiles.MAX_BYTES + 1]);
    assertThatThrownBy(() -> ConfigFiles.read(big, "CartPole-v1"))
        .hasMessageContaining("over the limit");
  }
}
