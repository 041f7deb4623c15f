package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.rl.env.AbstractEnv;
import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Discrete;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's environment that offers no state snapshots (not a StatefulEnv) still trains and
 * resumes, and the resume says that its episodes start afresh.
 */
class ResumeWithoutSnapshotsTest {
  @TempDir Path tmp;

  /** A drifting point, moved left or right; no snapshots. */
  public static class Drift extends AbstractEnv {
    double x;

    @Override
    public String id() {
      return "Drift-v0";
    }

    @Override
    public Space observationSpace() {
      return Box.of(1, -10, 10);
    }

    @Override
    public Space actionSpace() {
      return new Discrete(2);
    }

    @Override
    protected double[] resetState() {
      x = rng().nextDouble() - 0.5;
      return new double[] {x};
    }

    @Override
    protected StepResult advance(double[] action) {
      x = Math.max(-9, Math.min(9, x + (action[0] == 1 ? 0.1 : -0.1)
          + 0.01 * rng().nextGaussian()));
      return new StepResult(new double[] {x}, -x * x, false, false);
    }
  }

  @Test
  void resumingSaysThatEpisodesStartAfresh() throws Exception {
    Path run = tmp.resolve("drift");
    String env = Drift.class.getName();
    CliRunner.Result r = CliRunner.run("train", "--env-class", env, "--max-episode-steps", "20",
        "--steps", "512", "--n-steps", "128", "--checkpoint-every", "1", "--out", run.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("no state snapshots");
    // go back to update 2: drop the later checkpoints and the finished run's policy
    for (String later : List.of("checkpoint-00000003.json", "checkpoint-00000004.json")) {
      Files.delete(run.resolve("checkpoints").resolve(later));
    }
    Files.delete(run.resolve("policy.json"));
    CliRunner.Result resumed = CliRunner.run("train", "--env-class", env,
        "--max-episode-steps", "20", "--resume", run.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("resuming Drift-v0 from");
    assertThat(resumed.err()).contains("Drift-v0 offers no state snapshots: resuming with "
        + "fresh episodes");
    assertThat(run.resolve("policy.json")).isNotEmptyFile();
    assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(1 + 4);
  }
}
