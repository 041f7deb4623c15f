package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce metric-study} on a subset (CartPole, two metrics, one seed, --quick): a run per
 * cell with its metric-comparison.csv, the table with one row per metric whose values are those
 * of the runs (final evaluation in the task's range, the exact Fisher's own cosine 1), the PNG and
 * the task's report; bad subsets are refused before any run.
 */
class MetricStudyCommandTest {
  @TempDir
  Path tmp;

  @Test
  void aQuickSubsetWritesTheRunsTheTableThePictureAndTheReport() throws Exception {
    CliRunner.Result r = CliRunner.run("reproduce", "metric-study", "--quick", "--tasks",
        "cartpole", "--metrics", "fisher,kfac", "--out", tmp.toString(), "--parallel", "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    for (String m : List.of("fisher", "kfac")) {
      Path run = tmp.resolve("cartpole").resolve(m + "-seed0");
      assertThat(run.resolve("policy.json")).exists();
      assertThat(Files.readAllLines(run.resolve("metric-comparison.csv")).get(0))
          .startsWith("time/iterations,time/total_timesteps,cmp/" + m + "/cos");
    }
    List<String> csv = Files.readAllLines(tmp.resolve("metric-study.csv"));
    assertThat(csv).hasSize(3);
    assertThat(csv.get(0)).isEqualTo("task,env,algo,metric,seeds,final_eval_mean,final_eval_std,"
        + "threshold,seeds_reaching_threshold,median_steps_to_threshold,ms_per_policy_update,"
        + "mean_cos_to_exact_fisher,true_kl_over_target_kl");
    String[] fisher = csv.get(1).split(",");
    assertThat(fisher[0] + "," + fisher[3] + "," + fisher[4]).isEqualTo("cartpole,fisher,1");
    assertThat(Double.parseDouble(fisher[5])).isBetween(8.0, 500.0); // CartPole returns
    assertThat(Double.parseDouble(fisher[11])).isEqualTo(1.0); // its own direction
    // with cg_damping 0.1 the exact Fisher's step has ½dᵀFd = δ·dᵀFd/dᵀ(F+λI)d < δ
    assertThat(Double.parseDouble(fisher[12])).isStrictlyBetween(0.0, 1.0);
    String[] kfac = csv.get(2).split(",");
    assertThat(kfac[3]).isEqualTo("kfac");
    assertThat(Double.parseDouble(kfac[11])).isStrictlyBetween(-1.0, 1.0);
    assertThat(tmp.resolve("metric-study.png")).isNotEmptyFile();
    assertThat(Files.readString(tmp.resolve("cartpole").resolve("report.html")))
        .contains("metric=&quot;fisher&quot;", "metric=&quot;kfac&quot;");
  }

  @Test
  void badSubsetsAreRefusedBeforeAnyRun() {
    CliRunner.Result r = CliRunner.run("reproduce", "metric-study", "--tasks", "cartpol",
        "--out", tmp.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--tasks: no task 'cartpol'; the tasks are [cartpole, acrobot, "
        + "pendulum, acktr-cartpole]");
    assertThat(CliRunner.run("reproduce", "metric-study", "--seeds", "0", "--out",
        tmp.toString()).err()).contains("--seeds must be >= 1, got 0");
    assertThat(tmp.resolve("cartpole")).doesNotExist();
  }
}
