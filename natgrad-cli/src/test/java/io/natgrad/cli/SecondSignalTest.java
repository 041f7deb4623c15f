package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during training: the first asks for a stop after the update (and a checkpoint), a second
 * one aborts at once with exit code 130 — a separate process sent two SIGINTs.
 */
class SecondSignalTest {
  @TempDir Path tmp;

  @Test
  void aSecondInterruptAbortsAtOnce() throws Exception {
    Path run = tmp.resolve("run");
    Path err = tmp.resolve("err.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // long updates (2 × 2¹⁶ steps of CartPole each) so that the second signal lands inside one
    List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"), "io.natgrad.cli.Main", "train", "--env",
        "CartPole-v1", "--n-envs", "2", "--n-steps", "65536", "--steps", "10000000",
        "--checkpoint-every", "1", "--workers", "1", "--out", run.toString()));
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile())
        .redirectOutput(tmp.resolve("out.log").toFile()).start();
    // the handlers are installed before the first update: wait for the metrics file's header
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(run.resolve("metrics.csv")) && p.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(p.isAlive()).as("training must be running").isTrue();
    signal(p);
    while (!Files.readString(err).contains("stopping after this update") && p.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(Files.readString(err)).contains("stopping after this update");
    signal(p);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(130);
    assertThat(Files.readString(err)).contains("natgrad: aborted");
    // aborted, not stopped: no closing line, no policy file
    assertThat(Files.readString(tmp.resolve("out.log"))).doesNotContain("stopped by signal");
    assertThat(run.resolve("policy.json")).doesNotExist();
  }

  static void signal(Process p) throws Exception {
    Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }
}
