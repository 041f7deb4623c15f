package io.natgrad.mujoco;

import static io.natgrad.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.cli.CliRunner.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a MuJoCo task, as a user runs it (seconds): {@code natgrad env check},
 * {@code natgrad train --preset zoo} (shortened) with {@code --render-final}, {@code natgrad eval}
 * and {@code natgrad render} of the result — the plugin found through its service.
 */
class MujocoCliSmokeTest {
  @TempDir Path tmp;

  @BeforeAll
  static void library() {
    MujocoInstall.ensure();
  }

  @Test
  void checkTrainEvaluateAndRender() {
    Result check = run("env", "check", "Walker2d-v4");
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains("all rules passed for Walker2d-v4");
    Path dir = tmp.resolve("hopper");
    Result train = run("train", "--env", "Hopper-v4", "--preset", "zoo", "--steps", "4096",
        "--seed", "1", "--render-final", "--out", dir.toString());
    assertThat(train.exitCode()).as(train.out() + train.err()).isZero();
    assertThat(dir.resolve("policy.json")).exists();
    assertThat(dir.resolve("episode.gif")).exists();
    Result eval = run("eval", "--policy", dir.toString(), "--episodes", "2");
    assertThat(eval.exitCode()).as(eval.err()).isZero();
    assertThat(eval.out()).startsWith("mean ");
    Result render = run("render", "--policy", dir.toString(), "--out",
        tmp.resolve("h.gif").toString(), "--max-steps", "50");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.out()).contains("Hopper-v4: ");
    Result fallback = run("train", "--env", "Reacher-v4", "--preset", "zoo", "--steps", "2048",
        "--out", tmp.resolve("reacher").toString());
    assertThat(fallback.exitCode()).as(fallback.err()).isZero();
    assertThat(fallback.err()).contains("the RL Zoo's trpo.yml has no entry for Reacher-v4");
  }

  /** {@code natgrad env replay} on a recording (gzipped) and on one with a wrong reward. */
  @Test
  void replayRecordedEpisodes() throws Exception {
    Path rec = RecordedEpisodes.copy("InvertedPendulum-v4", tmp);
    Result ok = run("env", "replay", rec.toString());
    assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out()).startsWith("InvertedPendulum-v4: 6 episodes, replayed from each step's "
        + "recorded pre-step state").contains("episode 0  ").contains("  ok\n")
        .contains("all episodes within 1.00e-12 (solver 1.00e-10)");
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode e : RecordedEpisodes.of("InvertedPendulum-v4")) {
      com.fasterxml.jackson.databind.node.ObjectNode s =
          (com.fasterxml.jackson.databind.node.ObjectNode) e.get("steps").get(0);
      s.put("reward", 2.0);
      lines.add(e.toString());
    }
    Path bad = tmp.resolve("bad.jsonl");
    java.nio.file.Files.write(bad, lines);
    Result differs = run("env", "replay", bad.toString(), "--tolerance", "1e-9");
    assertThat(differs.exitCode()).isEqualTo(1);
    assertThat(differs.out()).contains("FAILED").contains("step 0 reward[0]: natgrad 1")
        .contains("recorded 2").endsWith("some episodes differ from the recording\n");
    Result missing = run("env", "replay", tmp.resolve("none.jsonl").toString());
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("none.jsonl is not a file");
  }
}
