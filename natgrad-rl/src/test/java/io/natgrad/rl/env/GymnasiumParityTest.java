package io.natgrad.rl.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every recorded Gymnasium 1.3.0 step (test resources {@code gymnasium/*.jsonl}) from its
 * recorded previous state: the next state, observation and reward must agree within 1e-12 relative,
 * the flags and the episode's end exactly.
 */
class GymnasiumParityTest {
  static final ObjectMapper JSON = new ObjectMapper();

  record Episode(String envId, JsonNode record) {
    @Override
    public String toString() {
      return envId + " episode " + record.get("episode").asInt();
    }
  }

  static Stream<Arguments> episodes() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String id : List.of("CartPole-v1", "Pendulum-v1", "MountainCarContinuous-v0",
        "MountainCar-v0", "Acrobot-v1")) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(
          GymnasiumParityTest.class.getResourceAsStream("/gymnasium/" + id + ".jsonl"),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isBlank()) {
            out.add(Arguments.of(new Episode(id, JSON.readTree(line))));
          }
        }
      }
    }
    return out.stream();
  }

  static double[] doubles(JsonNode array) {
    double[] d = new double[array.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = Double.parseDouble(array.get(i).asText());
    }
    return d;
  }

  static Supplier<StatefulEnv> factory(String id) {
    return switch (id) {
      case "CartPole-v1" -> CartPole::new;
      case "Pendulum-v1" -> Pendulum::new;
      case "MountainCarContinuous-v0" -> MountainCarContinuous::new;
      case "MountainCar-v0" -> MountainCar::new;
      case "Acrobot-v1" -> Acrobot::new;
      default -> throw new IllegalArgumentException(id);
    };
  }

  static void assertClose(String what, double[] actual, double[] expected) {
    assertThat(actual).as(what).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      double tol = 1e-12 * Math.max(Math.abs(expected[i]), Math.abs(actual[i]));
      assertThat(Math.abs(actual[i] - expected[i]))
          .as("%s[%d]: %s vs %s", what, i, actual[i], expected[i]).isLessThanOrEqualTo(tol);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("episodes")
  void everyRecordedStepReplaysFromItsPreviousState(Episode episode) {
    JsonNode rec = episode.record();
    String id = episode.envId();
    StatefulEnv env = factory(id).get();
    assertThat(env.id()).isEqualTo(id);
    int maxSteps = rec.get("max_episode_steps").asInt();
    double[] previous = doubles(rec.get("reset_state"));
    boolean mcc = id.equals("MountainCarContinuous-v0");
    JsonNode steps = rec.get("steps");
    int bitExactStates = 0;
    for (int t = 0; t < steps.size(); t++) {
      JsonNode step = steps.get(t);
      double[] injected = previous;
      if (mcc) {
        injected = new double[] {previous[0], previous[1], t == 0 ? 0 : 1};
      }
      TimeLimit limited = new TimeLimit(env, maxSteps);
      limited.reset(0);
      env.restoreState(injected);
      // the time limit counts steps: advance its counter to t without touching the state
      StepResult r = stepAt(limited, env, injected, t, step);
      String where = id + " episode " + rec.get("episode").asInt() + " step " + t;
      double[] expectedState = doubles(step.get("state"));
      double[] state = env.state();
      if (mcc) {
        state = new double[] {state[0], state[1]};
      }
      assertClose(where + " state", state, expectedState);
      if (java.util.Arrays.equals(state, expectedState)) {
        bitExactStates++;
      }
      assertClose(where + " observation", r.observation(), doubles(step.get("obs")));
      double reward = Double.parseDouble(step.get("reward").asText());
      assertClose(where + " reward", new double[] {r.reward()}, new double[] {reward});
      assertThat(r.terminated()).as(where + " terminated").isEqualTo(step.get("terminated").asBoolean());
      assertThat(r.truncated()).as(where + " truncated").isEqualTo(step.get("truncated").asBoolean());
      boolean last = t == steps.size() - 1;
      assertThat(r.done()).as(where + " done").isEqualTo(last);
      previous = expectedState;
    }
    assertThat(steps.size()).isEqualTo(rec.get("num_steps").asInt());
    System.out.printf("%s: %d of %d states bit for bit%n", episode, bitExactStates, steps.size());
    // most steps are bit for bit; the rest differ by an ulp of libm's sin/cos/pow
    assertThat(bitExactStates).as(id + " bit-exact states").isGreaterThan(steps.size() / 2);
  }

  /** Steps {@code limited} from the injected state as its (t+1)-th step of the episode. */
  static StepResult stepAt(TimeLimit limited, StatefulEnv env, double[] injected, int t,
      JsonNode step) {
    limited.skipSteps(t);
    JsonNode a = step.get("action");
    double[] action = a.isArray()
        ? new double[] {(float) Double.parseDouble(a.get(0).asText())}
        : new double[] {a.asInt()};
    return limited.step(action);
  }
}
