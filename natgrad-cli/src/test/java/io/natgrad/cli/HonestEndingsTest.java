package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs end saying what happened: not converged, complete, interrupted, no checkpoint yet. */
class HonestEndingsTest {
  @TempDir Path tmp;

  @Test
  void mleThatRunsOutOfIterationsSaysSoAndExits3() {
    CliRunner.Result r = CliRunner.run("mle", "--max-iterations", "5", "--out",
        tmp.resolve("m").toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).contains("did not converge after 5 iterations").doesNotContain("fit:");
    CliRunner.Result ok = CliRunner.run("mle", "--out", tmp.resolve("m2").toString());
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains("fit: mu = ");
  }

  @Test
  void resumingRunsSayWhereTheyStand() throws Exception {
    Path run = tmp.resolve("run");
    CliRunner.Result r = CliRunner.run("train", "--env", "CartPole-v1", "--steps", "1500",
        "--n-steps", "512", "--checkpoint-every", "1", "--out", run.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("note: 1500 steps are trained as 1536 (whole batches of 512");
    // complete: says so and how to extend it
    CliRunner.Result done = CliRunner.run("train", "--resume", run.toString());
    assertThat(done.exitCode()).isZero();
    assertThat(done.out()).contains("is complete (1536 steps)")
        .contains("natgrad train --resume " + run + " --steps N");
    // extending it: more steps, same settings
    CliRunner.Result more = CliRunner.run("train", "--resume", run.toString(), "--steps", "2048",
        "--workers", "1");
    assertThat(more.exitCode()).as(more.err()).isZero();
    assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(1 + 4);
    // an interrupted run (checkpoints, no policy): a new run into it suggests --resume
    Files.delete(run.resolve("policy.json"));
    CliRunner.Result into = CliRunner.run("train", "--env", "CartPole-v1", "--out",
        run.toString());
    assertThat(into.exitCode()).isEqualTo(2);
    assertThat(into.err()).contains("holds an interrupted run; continue it with --resume " + run);
    // stopped before any checkpoint
    Path empty = Files.createDirectories(tmp.resolve("early").resolve("checkpoints"));
    CliRunner.Result none = CliRunner.run("train", "--resume", empty.getParent().toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("no checkpoint yet").contains("--force");
  }

  @Test
  void internalErrorsPrintOneLineAndWhereTheTraceWent() {
    // a directory where the CSV writer needs a file: not a user error the commands check
    CliRunner.Result r = CliRunner.run("--debug", "reproduce", "fig1", "--out",
        tmp.resolve("f").toString());
    assertThat(r.exitCode()).isZero(); // --debug is accepted anywhere and changes nothing else
    assertThat(ErrorMessages.oneLine(new IllegalStateException("a\n  b"))).isEqualTo("a; b");
    assertThat(ErrorMessages.user(new IllegalStateException("x"))).isNull();
    assertThat(ErrorMessages.user(new java.nio.file.NoSuchFileException("/nope")))
        .isEqualTo("/nope: no such file or directory");
    assertThat(ErrorMessages.nearest("--dta", java.util.List.of("--data", "--column")))
        .isEqualTo("--data");
    assertThat(ErrorMessages.nearest("--zzzzzz", java.util.List.of("--data"))).isNull();
  }

  @Test
  void sweepResumeSkipsFinishedCellsAndResumesInterruptedOnes() throws Exception {
    Path out = tmp.resolve("sweep");
    Path file = tmp.resolve("sweep.yml");
    Files.writeString(file, "base: {env: CartPole-v1, n_timesteps: 1024, n_steps: 512}\n"
        + "seeds: [0, 1]\nout: " + out + "\n");
    CliRunner.Result first = CliRunner.run("sweep", file.toString(), "--parallel", "1");
    assertThat(first.exitCode()).as(first.err()).isZero();
    CliRunner.Result again = CliRunner.run("sweep", file.toString(), "--parallel", "1");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("--resume").contains("--force");
    Files.delete(out.resolve("seed1").resolve("policy.json"));
    CliRunner.Result resumed = CliRunner.run("sweep", file.toString(), "--parallel", "1",
        "--resume");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("cell seed0 is complete; skipped")
        .contains("cell seed1 resumes from its last checkpoint");
    assertThat(out.resolve("seed1").resolve("policy.json")).isNotEmptyFile();
    CliRunner.Result check = CliRunner.run("env", "check", "--env", "CartPole-v1");
    assertThat(check.exitCode()).isZero();
  }
}
