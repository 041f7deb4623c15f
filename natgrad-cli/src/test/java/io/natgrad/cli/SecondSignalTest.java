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
 * one aborts at once with exit code 130 — a separate process sent two SIGINTs. What is left is
 * honest: before the first checkpoint {@code --resume} says to start again with {@code --force};
 * after one, {@code --resume} continues from it to the end.
 */
class SecondSignalTest {
  @TempDir Path tmp;

  @Test
  void aSecondInterruptAbortsAtOnce() throws Exception {
    Path run = tmp.resolve("run");
    Path err = tmp.resolve("err.log");
    // long updates (2 × 2¹⁶ steps of CartPole each) so that the second signal lands inside one
    Process p = train(run, err, tmp.resolve("out.log"), "65536", "10000000");
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
    // aborted inside the first update: nothing to resume from, and the message says what to do
    CliRunner.Result again = CliRunner.run("train", "--resume", run.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err().strip()).isEqualTo("natgrad: error: --resume " + run
        + ": no checkpoint yet (the run stopped before its first one); start it again with --out "
        + run + " --force");
  }

  @Test
  void anAbortedRunResumesFromItsLastCheckpoint() throws Exception {
    Path run = tmp.resolve("run2");
    Path err = tmp.resolve("err2.log");
    // three updates of 2 × 2¹⁵ steps; the signals land after the first checkpoint
    Process p = train(run, err, tmp.resolve("out2.log"), "32768", "196608");
    Path first = run.resolve("checkpoints").resolve("checkpoint-00000001.json");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(first) && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(p.isAlive()).as("training must still be running after its first checkpoint")
        .isTrue();
    signal(p);
    while (!Files.readString(err).contains("stopping after this update") && p.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    if (p.isAlive()) {
      signal(p);
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // aborted (or, if the update ended between the signals, stopped): 130 either way
    assertThat(p.exitValue()).isEqualTo(130);
    assertThat(run.resolve("policy.json")).doesNotExist();
    CliRunner.Result resumed = CliRunner.run("train", "--resume", run.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(run.resolve("policy.json")).exists();
    // one row per update of the whole run, none lost or repeated
    List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
    assertThat(rows).hasSize(1 + 3);
  }

  /** natgrad train on CartPole in a child JVM: 2 copies × nSteps per update, a checkpoint each. */
  static Process train(Path run, Path err, Path out, String nSteps, String steps)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"), "io.natgrad.cli.Main", "train", "--env",
        "CartPole-v1", "--n-envs", "2", "--n-steps", nSteps, "--steps", steps,
        "--checkpoint-every", "1", "--workers", "1", "--out", run.toString()));
    return new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(out.toFile())
        .start();
  }

  static void signal(Process p) throws Exception {
    Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }
}
