package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.cli.report.ReportWriter;
import io.natgrad.cli.report.RunData;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.run.TrainingRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with compare_metrics: its report reads metric-comparison.csv beside metrics.csv (the same
 * update's values on the same row) and charts the cosines and the true KLs.
 */
class ReportComparisonTest {
  @TempDir
  Path tmp;

  @Test
  void theComparisonColumnsJoinTheirUpdatesAndAreCharted() throws Exception {
    TrainConfig c = TrainConfig.fromMap(Map.of("env", "CartPole-v1", "n_envs", 2, "n_steps", 64,
        "n_timesteps", 384, "compare_metrics", "euclidean", "policy_kwargs",
        "dict(net_arch=[8])"));
    TrainingRun.create(c, tmp).run();
    RunData run = RunData.read(tmp);
    assertThat(run.header()).contains("cmp/fisher/cos", "cmp/fisher/true_kl",
        "cmp/euclidean/cos", "cmp/euclidean/true_kl");
    assertThat(run.column("cmp/fisher/cos")).containsExactly(1.0, 1.0, 1.0);
    double[] cos = run.column("cmp/euclidean/cos");
    assertThat(cos).hasSize(3);
    for (double x : cos) {
      assertThat(x).isBetween(-1.0, 1.0);
    }
    assertThat(run.column("time/iterations")).containsExactly(1.0, 2.0, 3.0);
    String html = ReportWriter.single(run);
    assertThat(html).contains("\"id\":\"cmp-cos\"", "\"id\":\"cmp-kl\"",
        "\"key\":\"cmp/euclidean/cos\"");
  }
}
