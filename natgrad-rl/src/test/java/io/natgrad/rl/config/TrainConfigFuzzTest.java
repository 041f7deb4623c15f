package io.natgrad.rl.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.random.Rng;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property-style: 6 000 random and malformed configurations (seeded generators) thrown at the
 * parser. Each one is either accepted or refused with an IllegalArgumentException that names a key
 * — never any other exception.
 */
class TrainConfigFuzzTest {
  static final List<String> KEYS = new ArrayList<>(TrainConfig.KEYS);

  static Object randomValue(Rng r, int depth) {
    switch (r.nextInt(depth > 2 ? 9 : 12)) {
      case 0: return r.nextInt(2000) - 1000;
      case 1: return r.nextLong();
      case 2: return r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10);
      case 3: return new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e308, 4.9e-324}[r.nextInt(5)];
      case 4: return r.nextBoolean();
      case 5: return null;
      case 6: return String.valueOf(r.nextGaussian());
      case 7: return new String[] {"lin_0.001", "lin_", "lin_x", "", " ", "true", "nan", "1e400",
          "dict(net_arch=[64, 64])", "dict(net_arch=dict(pi=[8], vf=[4]), activation_fn=nn.ReLU)",
          "dict(", "dict(net_arch=[", "{'norm_obs': True}", "[1,2,", "dict(x=)", "nn.Tanh",
          "dict(net_arch=[-1])", "dict(log_std_init=abc)", "CartPole-v1", "ppo", "trpo", "npg",
          "MlpPolicy", "dict(ortho_init=maybe)", "{'norm_reward': True}"}[r.nextInt(25)];
      case 8: {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(20);
        for (int i = 0; i < n; i++) {
          sb.append((char) (32 + r.nextInt(95)));
        }
        return sb.toString();
      }
      case 9: {
        List<Object> l = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          l.add(randomValue(r, depth + 1));
        }
        return l;
      }
      case 10: {
        Map<String, Object> m = new HashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          m.put(new String[] {"net_arch", "pi", "vf", "activation_fn", "log_std_init", "ortho_init",
              "junk"}[r.nextInt(7)], randomValue(r, depth + 1));
        }
        return m;
      }
      default: return r.nextInt(5) + 1;
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void randomConfigsAreAcceptedOrRefusedClearly(long seed) {
    Rng r = Rng.of(seed);
    int accepted = 0;
    for (int k = 0; k < 1000; k++) {
      Map<String, Object> m = new HashMap<>();
      if (r.nextInt(10) > 0) {
        m.put("env", r.nextInt(8) > 0 ? "CartPole-v1" : randomValue(r, 0));
      }
      for (int i = r.nextInt(8); i > 0; i--) {
        String key = r.nextInt(12) > 0 ? KEYS.get(r.nextInt(KEYS.size())) : "junk_" + r.nextInt(9);
        m.put(key, randomValue(r, 0));
      }
      try {
        TrainConfig c = TrainConfig.fromMap(m);
        // an accepted configuration round-trips through its resolved form
        assertThat(TrainConfig.fromMap(c.toMap()).toMap()).isEqualTo(c.toMap());
        accepted++;
      } catch (IllegalArgumentException e) {
        // the message names the key at fault: one of those given, or env when it is missing
        String msg = e.getMessage();
        assertThat(m.keySet().stream().anyMatch(msg::contains) || msg.contains("env"))
            .as("config %s refused with '%s'", m, msg).isTrue();
      }
    }
    assertThat(accepted).isPositive();
  }
}
