package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training 2N updates gives bit for bit the parameters and metrics (all but time/*) of N updates,
 * a kill -9 of a separate process, and a resume from the last checkpoint.
 */
class KillResumeTest {
  @TempDir Path tmp;

  static String[] args(String... extra) {
    List<String> a = new ArrayList<>(List.of("train", "--env", "CartPole-v1", "--algo", "trpo",
        "--n-steps", "256", "--steps", String.valueOf(256 * 40), "--seed", "5",
        "--checkpoint-every", "1", "--eval-every", "2560", "--eval-episodes", "2"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  static List<String> metricsWithoutTime(Path csv) throws Exception {
    List<String> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(csv);
    String[] header = lines.get(0).split(",", -1);
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      for (int i = 0; i < header.length; i++) {
        // wall-clock columns: time/* except the counters
        if (header[i].startsWith("time/") && !header[i].equals("time/iterations")
            && !header[i].equals("time/total_timesteps")) {
          cells[i] = "";
        }
      }
      out.add(String.join(",", cells));
    }
    return out;
  }

  @Test
  void killedAndResumedRunEqualsTheUninterruptedOne() throws Exception {
    Path straight = tmp.resolve("straight");
    CliRunner.Result a = CliRunner.run(args("--out", straight.toString()));
    assertThat(a.exitCode()).as(a.err()).isZero();

    Path killed = tmp.resolve("killed");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"), "io.natgrad.cli.Main"));
    cmd.addAll(List.of(args("--out", killed.toString())));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("killed.log").toFile()).start();
    Path target = killed.resolve("checkpoints").resolve("checkpoint-00000005.json");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(target) && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(p.isAlive()).as("the run must still be going when it is killed").isTrue();
    p.destroyForcibly(); // SIGKILL: no shutdown hook, no final checkpoint
    p.waitFor(30, TimeUnit.SECONDS);
    assertThat(killed.resolve("policy.json")).doesNotExist();

    CliRunner.Result r = CliRunner.run("train", "--resume", killed.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("resuming CartPole-v1 from");

    ObjectMapper json = new ObjectMapper();
    assertThat(PolicyJson.parameters(killed.resolve("policy.json")))
        .isEqualTo(PolicyJson.parameters(straight.resolve("policy.json")));
    assertThat(metricsWithoutTime(killed.resolve("metrics.csv")))
        .isEqualTo(metricsWithoutTime(straight.resolve("metrics.csv")));
    try (var files = Files.list(killed.resolve("checkpoints"))) {
      assertThat(files.count()).isEqualTo(3); // the last three are kept
    }
  }

  @Test
  void corruptedTruncatedAndMismatchedCheckpointsAreRefusedBeforeAnythingChanges()
      throws Exception {
    Path run = tmp.resolve("run");
    CliRunner.Result a = CliRunner.run("train", "--env", "CartPole-v1", "--n-steps", "256",
        "--steps", "512", "--checkpoint-every", "1", "--out", run.toString());
    assertThat(a.exitCode()).as(a.err()).isZero();
    Path ckpt = run.resolve("checkpoints").resolve("checkpoint-00000002.json");
    String good = Files.readString(ckpt);
    byte[] metrics = Files.readAllBytes(run.resolve("metrics.csv"));

    Files.writeString(ckpt, good.substring(0, good.length() / 2));
    CliRunner.Result truncated = CliRunner.run("train", "--resume", run.toString());
    assertThat(truncated.exitCode()).isEqualTo(2);
    assertThat(truncated.err()).contains("not valid JSON").contains("checkpoint-00000002.json");

    Files.writeString(ckpt, good.replaceFirst("\"iteration\":2", "\"iteration\":3"));
    CliRunner.Result corrupted = CliRunner.run("train", "--resume", run.toString());
    assertThat(corrupted.err()).contains("sha256 does not match");

    Files.writeString(ckpt, good.replace("\"format_version\":1", "\"format_version\":7"));
    assertThat(CliRunner.run("train", "--resume", run.toString()).err())
        .contains("format_version 7 is not supported");

    Files.writeString(ckpt, good);
    CliRunner.Result env = CliRunner.run("train", "--resume", run.toString(), "--env",
        "Acrobot-v1");
    assertThat(env.err()).contains("does not match the checkpoint's environment CartPole-v1");
    assertThat(Files.readAllBytes(run.resolve("metrics.csv"))).isEqualTo(metrics);
    assertThat(Files.readString(ckpt)).isEqualTo(good);
  }

  @Test
  void byDefaultAShortRunCheckpointsAtTheEndAndForceDropsAnEarlierRunsCheckpoints()
      throws Exception {
    Path run = tmp.resolve("force");
    CliRunner.Result a = CliRunner.run("train", "--env", "CartPole-v1", "--n-steps", "256",
        "--steps", "1024", "--checkpoint-every", "1", "--out", run.toString());
    assertThat(a.exitCode()).as(a.err()).isZero();
    try (var files = Files.list(run.resolve("checkpoints"))) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactly("checkpoint-00000002.json", "checkpoint-00000003.json",
              "checkpoint-00000004.json");
    }
    // defaults: by time (60 s) only, so a short run writes just its final checkpoint; --force
    // must not leave the earlier run's later checkpoints for a --resume to pick up
    CliRunner.Result b = CliRunner.run("train", "--env", "CartPole-v1", "--n-steps", "256",
        "--steps", "512", "--out", run.toString(), "--force");
    assertThat(b.exitCode()).as(b.err()).isZero();
    try (var files = Files.list(run.resolve("checkpoints"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactly("checkpoint-00000002.json");
    }
    assertThat(CliRunner.run("train", "--env", "CartPole-v1", "--checkpoint-seconds", "-1",
        "--out", tmp.resolve("bad").toString()).err())
        .contains("--checkpoint-seconds must be a finite number >= 0, got -1.0");
  }

  @Test
  void sigtermWritesACheckpointAndExitsCleanly() throws Exception {
    Path run = tmp.resolve("term");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"), "io.natgrad.cli.Main"));
    List<String> a = new ArrayList<>(List.of(args("--out", run.toString())));
    a.set(a.indexOf("--checkpoint-every") + 1, "1000");
    a.addAll(List.of("--checkpoint-seconds", "0"));
    cmd.addAll(a);
    Path log = tmp.resolve("term.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    Path metrics = run.resolve("metrics.csv");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while ((!Files.exists(metrics) || Files.readAllLines(metrics).size() < 4) && p.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(p.isAlive()).isTrue();
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(130);
    assertThat(Files.readString(log)).contains("stopping after this update")
        .contains("--resume");
    assertThat(run.resolve("policy.json")).doesNotExist();
    try (var files = Files.list(run.resolve("checkpoints"))) {
      assertThat(files.count()).isEqualTo(1); // written on the signal, not by --checkpoint-every
    }
    CliRunner.Result r = CliRunner.run("train", "--resume", run.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(run.resolve("policy.json")).exists();
  }
}
