package io.natgrad.rl.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natgrad.core.random.NumPyGenerator;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With {@code seeding: gymnasium}, {@code reset(seed)} starts where Gymnasium 1.3.0's
 * {@code env.reset(seed=…)} starts, and spaces sample as Gymnasium's do. Reference numbers recorded
 * from Gymnasium 1.3.0 with NumPy 2.4.6 by {@code scripts/reference/gymnasium_resets.py}
 * ({@code gymnasium-resets.json}). Acrobot's observation takes cos/sin of float32 angles, which
 * NumPy computes in float32 and does not round correctly; natgrad's rounding of the double result
 * could differ by one float32 ulp, but does at none of these seeds (the equality is exact).
 */
class GymnasiumSeedingTest {
  static JsonNode ref;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = GymnasiumSeedingTest.class.getResourceAsStream("gymnasium-resets.json")) {
      ref = new ObjectMapper().readTree(in);
    }
    assertThat(ref.get("gymnasium_version").asText()).isEqualTo("1.3.0");
  }

  static double[] nums(JsonNode a) {
    double[] x = new double[a.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Double.parseDouble(a.get(i).asText());
    }
    return x;
  }

  /** The internal state as Gymnasium holds it (MountainCarContinuous adds a precision flag). */
  static double[] state(Env env) {
    Env e = env;
    while (e instanceof TimeLimit t) {
      e = t.unwrapped();
    }
    double[] s = ((StatefulEnv) e).state();
    return e instanceof MountainCarContinuous ? java.util.Arrays.copyOf(s, 2) : s;
  }

  static Env gym(String id) {
    return EnvRegistry.make(id, Map.of("seeding", "gymnasium"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"CartPole-v1", "Pendulum-v1", "MountainCar-v0",
      "MountainCarContinuous-v0", "Acrobot-v1"})
  void seededResetsStartWhereGymnasiumsDo(String id) {
    JsonNode rec = ref.get("envs").get(id);
    Env env = gym(id);
    for (JsonNode s : rec.get("seeded")) {
      double[] obs = env.reset(s.get("seed").asLong());
      assertThat(state(env)).as("%s reset(seed=%s) state", id, s.get("seed"))
          .containsExactly(nums(s.get("state")));
      assertThat(obs).as("%s reset(seed=%s) observation", id, s.get("seed"))
          .containsExactly(nums(s.get("obs")));
    }
    // a seeded reset, then resets that continue the stream
    JsonNode cont = rec.get("continued");
    double[] obs = env.reset(7);
    assertThat(state(env)).containsExactly(nums(cont.get(0).get("state")));
    for (int k = 1; k < cont.size(); k++) {
      obs = env.reset();
      assertThat(state(env)).as("%s reset() #%d after reset(seed=7)", id, k)
          .containsExactly(nums(cont.get(k).get("state")));
      assertThat(obs).containsExactly(nums(cont.get(k).get("obs")));
    }
    // the seed is read as unsigned: reset(-1) is reset(seed=2**64-1)
    env.reset(-1L);
    assertThat(state(env)).containsExactly(nums(rec.get("max_seed").get("state")));
  }

  @Test
  void spacesSampleAsGymnasiumsDo() {
    double inf = Double.POSITIVE_INFINITY;
    Box mixed = new Box(new double[] {-inf, 0.0, -inf, -1.0}, new double[] {inf, inf, 5.0, 1.0});
    Box pendulum = (Box) EnvRegistry.make("Pendulum-v1").actionSpace();
    ref.get("spaces").fields().forEachRemaining(e -> {
      long seed = Long.parseLong(e.getKey());
      JsonNode s = e.getValue();
      NumPyGenerator d5 = NumPyGenerator.seeded(seed);
      for (JsonNode v : s.get("discrete5")) {
        assertThat(new Discrete(5).sample(d5)).containsExactly(v.asDouble());
      }
      NumPyGenerator d4 = NumPyGenerator.seeded(seed);
      for (JsonNode v : s.get("discrete4_start_m2")) {
        assertThat(-2 + new Discrete(4).sample(d4)[0]).isEqualTo(v.asDouble());
      }
      NumPyGenerator b32 = NumPyGenerator.seeded(seed);
      for (JsonNode v : s.get("box32")) {
        assertThat(mixed.sampleGymnasium(b32, true)).containsExactly(nums(v));
      }
      NumPyGenerator b64 = NumPyGenerator.seeded(seed);
      for (JsonNode v : s.get("box64")) {
        assertThat(mixed.sampleGymnasium(b64, false)).containsExactly(nums(v));
      }
      NumPyGenerator p = NumPyGenerator.seeded(seed);
      for (JsonNode v : s.get("pendulum_action")) {
        assertThat(pendulum.sample(p)).containsExactly(nums(v));
      }
    });
  }

  @Test
  void snapshotsCarryThePcg64State() {
    Env a = gym("CartPole-v1");
    a.reset(3);
    a.reset();
    EnvSnapshot snap = EnvSnapshot.capture(a);
    assertThat(snap.rng()).hasSize(6);
    Env b = gym("CartPole-v1");
    snap.restore(b);
    for (int k = 0; k < 5; k++) {
      assertThat(b.reset()).containsExactly(a.reset());
    }
    // a natgrad-seeded environment refuses a PCG64 state, naming both
    Env natgrad = EnvRegistry.make("CartPole-v1");
    assertThatThrownBy(() -> snap.restore(natgrad)).hasMessageContaining("4 words")
        .hasMessageContaining("seeding: gymnasium");
  }

  @Test
  void unknownOptionsAreRefusedByName() {
    assertThatThrownBy(() -> EnvRegistry.make("CartPole-v1", Map.of("seed", 3)))
        .hasMessageContaining("CartPole-v1 has no option 'seed'")
        .hasMessageContaining("seeding");
    assertThatThrownBy(() -> EnvRegistry.make("CartPole-v1", Map.of("seeding", "numpy")))
        .hasMessageContaining("seeding must be natgrad or gymnasium, got 'numpy'");
    assertThatThrownBy(() -> EnvRegistry.make("LinearGaussianWalk-v0",
        Map.of("seeding", "gymnasium"))).hasMessageContaining("no option 'seeding'");
    // the default stays natgrad's own stream
    Env env = EnvRegistry.make("MountainCar-v0");
    Env same = EnvRegistry.make("MountainCar-v0", Map.of("seeding", "natgrad"));
    assertThat(env.reset(5)).containsExactly(same.reset(5));
  }
}
