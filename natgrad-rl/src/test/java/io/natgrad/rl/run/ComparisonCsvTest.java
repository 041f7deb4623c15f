package io.natgrad.rl.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.rl.config.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with {@code compare_metrics} writes metric-comparison.csv, one row per update; stopped
 * and resumed, it holds each update once, and the same rows as an uninterrupted run.
 */
class ComparisonCsvTest {
  @TempDir
  Path tmp;

  private static TrainConfig config(int updates) {
    Map<String, Object> m = new HashMap<>();
    m.put("env", "CartPole-v1");
    m.put("algo", "trpo");
    m.put("n_envs", 2);
    m.put("n_steps", 64);
    m.put("n_timesteps", 128 * updates);
    m.put("seed", 4);
    m.put("compare_metrics", "euclidean,kfac");
    m.put("policy_kwargs", "dict(net_arch=[8])");
    return TrainConfig.fromMap(m);
  }

  @Test
  void oneRowPerUpdateAndResumedRunsRepeatNone() throws Exception {
    Path straight = tmp.resolve("straight");
    TrainingRun.create(config(5), straight).run();
    List<String> expected = Files.readAllLines(straight.resolve(ComparisonCsv.FILE));
    assertThat(expected.get(0)).isEqualTo("time/iterations,time/total_timesteps,"
        + "cmp/fisher/cos,cmp/fisher/true_kl,cmp/euclidean/cos,cmp/euclidean/true_kl,"
        + "cmp/kfac/cos,cmp/kfac/true_kl");
    assertThat(expected).hasSize(6);
    assertThat(expected.get(1)).startsWith("1,128,1.0,");

    Path split = tmp.resolve("split");
    int[] seen = {0};
    TrainingRun.create(config(5), split).checkpointEvery(2).stopWhen(() -> ++seen[0] > 3).run();
    assertThat(Files.readAllLines(split.resolve(ComparisonCsv.FILE))).hasSize(4 + 1);
    TrainingRun.resume(split).run();
    assertThat(Files.readAllLines(split.resolve(ComparisonCsv.FILE))).isEqualTo(expected);
  }
}
