package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code natgrad env replay} without a replayer for the recording's environment (natgrad-mujoco
 * not on the class path here) and on files that are not recordings: refused as bad input, naming
 * what is missing. The replays themselves are tested in natgrad-mujoco.
 */
class EnvReplayCommandTest {
  @TempDir Path tmp;

  @Test
  void aRecordingWithoutItsModuleSaysWhichModuleReplaysIt() throws Exception {
    Path rec = tmp.resolve("hopper.jsonl");
    Files.writeString(rec, "{\"env_id\": \"Hopper-v4\", \"steps\": []}\n");
    CliRunner.Result r = CliRunner.run("env", "replay", rec.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no replayer for env_id Hopper-v4")
        .contains("natgrad-mujoco module");
  }

  @Test
  void filesThatAreNotRecordingsAreNamed() throws Exception {
    Path text = tmp.resolve("notes.txt");
    Files.writeString(text, "\n\nnot json\n");
    CliRunner.Result r = CliRunner.run("env", "replay", text.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("notes.txt line 3 is not JSON");
    Path noId = tmp.resolve("x.jsonl");
    Files.writeString(noId, "{\"episode\": 0}\n");
    r = CliRunner.run("env", "replay", noId.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("the first episode has no env_id");
    r = CliRunner.run("env", "replay", noId.toString(), "--tolerance", "-1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("tolerances must be >= 0, got -1.0");
  }
}
