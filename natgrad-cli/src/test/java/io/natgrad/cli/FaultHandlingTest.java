package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.rl.env.AbstractEnv;
import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Discrete;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StepResult;
import io.natgrad.rl.env.TimeLimit;
import io.natgrad.rl.io.CheckpointFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A numerical fault or a failing checkpoint write stops training with the reason in the log and the
 * metrics, and leaves the last good checkpoint untouched.
 */
class FaultHandlingTest {
  @TempDir Path tmp;

  /** Returns a NaN reward on its 700th step overall. */
  static final class NanAfter extends AbstractEnv {
    private int steps;

    @Override
    public String id() {
      return "NanAfter-v0";
    }

    @Override
    public Space observationSpace() {
      return Box.of(1, -1, 1);
    }

    @Override
    public Space actionSpace() {
      return new Discrete(2);
    }

    @Override
    protected double[] resetState() {
      return new double[] {0};
    }

    @Override
    protected StepResult advance(double[] action) {
      steps++;
      return new StepResult(new double[] {0.5}, steps == 700 ? Double.NaN : 1.0, false, false);
    }
  }

  static {
    EnvRegistry.register("NanAfter-v0", o -> new TimeLimit(new NanAfter(), 50));
  }

  @Test
  void aNonFiniteRewardStopsTrainingWithTheReasonAndTheCheckpointIntact() throws Exception {
    Path run = tmp.resolve("nan");
    CliRunner.Result r = CliRunner.run("train", "--env", "NanAfter-v0", "--n-steps", "256",
        "--steps", "2048", "--checkpoint-every", "1", "--out", run.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("training stopped at update 3")
        .contains("NanAfter-v0").contains("non-finite reward NaN")
        .contains("checkpoint-00000002.json").contains("nothing was overwritten");
    List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
    assertThat(metrics.get(metrics.size() - 1)).startsWith("3,512,")
        .contains("training stopped: environment NanAfter-v0");
    assertThat(run.resolve("policy.json")).doesNotExist();
    assertThat(CheckpointFile.read(run.resolve("checkpoints/checkpoint-00000002.json"))
        .iteration()).isEqualTo(2);
  }

  @Test
  void aCheckpointThatCannotBeWrittenEndsWithAClearErrorAndKeepsThePreviousOne()
      throws Exception {
    Path run = tmp.resolve("full");
    // the second checkpoint's path is taken by a non-empty directory: the rename must fail
    Path blocker = run.resolve("checkpoints/checkpoint-00000002.json");
    Files.createDirectories(blocker);
    Files.writeString(blocker.resolve("occupied"), "x");
    CliRunner.Result r = CliRunner.run("train", "--env", "CartPole-v1", "--n-steps", "256",
        "--steps", "1024", "--checkpoint-every", "1", "--out", run.toString(), "--force");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("cannot write a checkpoint")
        .contains("the previous checkpoint is intact");
    assertThat(CheckpointFile.read(run.resolve("checkpoints/checkpoint-00000001.json"))
        .iteration()).isEqualTo(1);
    try (var files = Files.list(run.resolve("checkpoints"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
          .isEmpty();
    }
  }
}
