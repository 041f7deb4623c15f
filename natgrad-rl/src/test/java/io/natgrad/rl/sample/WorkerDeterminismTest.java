package io.natgrad.rl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.rl.algo.OnPolicyTrainer;
import io.natgrad.rl.config.TrainConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Training results do not depend on the number of sampler workers (1 to 4), on the number of
 * kernel threads (1 or 2, fixed per JVM: checked in child JVMs) or on whether the workers share
 * each collect step by step (the path slow environments take with normalization; forced here).
 */
class WorkerDeterminismTest {
  static final String[][] RUNS = {{"CartPole-v1", "trpo", "false"}, {"Pendulum-v1", "ppo", "true"},
      {"Acrobot-v1", "npg", "true"}};

  /** Per-update metrics that depend on every sampled step, the final θ and normalizer means. */
  static List<Object> run(String env, String algo, boolean normalize, int workers) {
    Map<String, Object> m = new HashMap<>();
    m.put("env", env);
    m.put("algo", algo);
    m.put("n_envs", 4);
    m.put("n_steps", 96);
    m.put("n_timesteps", 4 * 96 * 3);
    m.put("normalize", normalize);
    m.put("seed", 11);
    List<Object> rows = new ArrayList<>();
    try (OnPolicyTrainer t = new OnPolicyTrainer(TrainConfig.fromMap(m), null, null, 0, 0,
        workers)) {
      double[] theta = t.train(it -> {
        rows.add(it.metrics().get("rollout/ep_rew_mean"));
        rows.add(it.metrics().get("train/value_loss"));
        return true;
      });
      rows.add(Arrays.toString(theta));
      if (t.normalizer() != null) {
        rows.add(Arrays.toString(t.normalizer().stats().mean()));
      }
    }
    return rows;
  }

  @ParameterizedTest
  @CsvSource({"CartPole-v1, trpo, false", "Pendulum-v1, ppo, true", "Acrobot-v1, npg, true"})
  void workersDoNotChangeResults(String env, String algo, boolean normalize) {
    List<Object> one = run(env, algo, normalize, 1);
    for (int w = 2; w <= 4; w++) {
      assertThat(run(env, algo, normalize, w)).as("%d workers", w).isEqualTo(one);
    }
  }

  /** A child JVM's entry: one line per run and worker count, then the shared collects. */
  public static void main(String[] args) {
    for (String[] r : RUNS) {
      for (int w = 1; w <= 4; w++) {
        System.out.println(r[0] + " " + w + " " + run(r[0], r[1], Boolean.parseBoolean(r[2]), w));
      }
    }
    System.out.println("shared " + VectorSampler.sharedCollects());
  }

  static List<String> child(int kernelThreads, boolean share) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector",
        "-Dnatgrad.threads=" + kernelThreads, "-Dnatgrad.sampler.shareSteps=" + share,
        "-cp", System.getProperty("java.class.path"), WorkerDeterminismTest.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
    return lines;
  }

  @Test
  void kernelThreadsAndSharedStepsDoNotChangeResults() throws Exception {
    List<String> reference = child(1, false);
    assertThat(reference).hasSize(RUNS.length * 4 + 1);
    List<String> results = reference.subList(0, RUNS.length * 4);
    for (String[] r : RUNS) {
      List<String> lines = results.stream().filter(l -> l.startsWith(r[0] + " ")).toList();
      assertThat(lines.stream().map(l -> l.substring(l.indexOf(' ', r[0].length() + 1)))
          .distinct()).as("workers 1-4 of " + r[0]).hasSize(1);
    }
    for (int threads : new int[] {1, 2}) {
      for (boolean share : new boolean[] {false, true}) {
        if (threads == 1 && !share) {
          continue;
        }
        List<String> lines = child(threads, share);
        assertThat(lines.subList(0, RUNS.length * 4)).as("%d kernel threads, shared %s",
            threads, share).isEqualTo(results);
        long shared = Long.parseLong(lines.get(lines.size() - 1).substring("shared ".length()));
        if (share) {
          // the two normalized runs, 3 collects each, with 2, 3 and 4 workers
          assertThat(shared).as("collects shared step by step").isEqualTo(2 * 3 * 3);
        }
      }
    }
  }
}
