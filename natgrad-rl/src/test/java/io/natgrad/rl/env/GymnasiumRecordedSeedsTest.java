package io.natgrad.rl.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natgrad.core.random.NumPyGenerator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recorded Gymnasium 1.3.0 episodes (shared data, test resources {@code gymnasium/*.jsonl}),
 * checked from their seeds alone: with {@code seeding: gymnasium}, {@code reset(reset_seed)} gives
 * the recorded start state and first observation, and the random actions are NumPy's
 * {@code default_rng(action_rng_seed)} draws ({@code integers(0, n)}; for Pendulum
 * {@code uniform(low, high)} cast to float32) — the whole random-action episode from two seeds.
 * (MountainCarContinuous's recorded actions are deliberately altered, so only its reset is checked.)
 */
class GymnasiumRecordedSeedsTest {

  static double[] doubles(JsonNode a) {
    double[] d = new double[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = Double.parseDouble(a.get(i).asText());
    }
    return d;
  }

  @ParameterizedTest
  @ValueSource(strings = {"CartPole-v1", "Pendulum-v1", "MountainCar-v0",
      "MountainCarContinuous-v0", "Acrobot-v1"})
  void recordedEpisodesFollowFromTheirSeeds(String id) throws Exception {
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/gymnasium/" + id + ".jsonl"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode rec = json.readTree(line);
        Env env = EnvRegistry.make(id, Map.of("seeding", "gymnasium"));
        double[] obs = env.reset(rec.get("reset_seed").asLong());
        assertThat(GymnasiumSeedingTest.state(env)).as("%s episode %s start", id,
            rec.get("episode")).containsExactly(doubles(rec.get("reset_state")));
        assertThat(obs).containsExactly(doubles(rec.get("initial_obs")));
        checked++;
        if (rec.get("action_rng_seed").isNull() || id.equals("MountainCarContinuous-v0")) {
          continue;
        }
        NumPyGenerator actions = NumPyGenerator.seeded(rec.get("action_rng_seed").asLong());
        Space space = env.actionSpace();
        for (JsonNode step : rec.get("steps")) {
          double expected = step.get("action").isArray()
              ? Double.parseDouble(step.get("action").get(0).asText())
              : step.get("action").asDouble();
          double drawn = space instanceof Discrete d ? actions.integers(0, d.n())
              : (float) actions.uniform(((Box) space).low()[0], ((Box) space).high()[0]);
          assertThat(drawn).as("%s episode %s action %s", id, rec.get("episode"),
              step.get("t")).isEqualTo(expected);
        }
      }
    }
    assertThat(checked).isEqualTo(5);
  }
}
