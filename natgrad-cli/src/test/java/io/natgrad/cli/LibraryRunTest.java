package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.run.RunResult;
import io.natgrad.rl.run.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java user gets the run directory {@code natgrad train} writes from the library's
 * {@link TrainingRun} (the README's few lines): every file equal to the command line's, except the
 * wall-clock columns of metrics.csv, the timestamps and the files the command line's own
 * listeners add (learning-curve.png, report.html).
 */
class LibraryRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  static Set<String> files(Path dir) throws Exception {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString()));
    }
    return out;
  }

  /** The JSON without the keys that hold a time (created, elapsed seconds) or a checksum. */
  static JsonNode withoutTimes(Path file) throws Exception {
    JsonNode n = JSON.readTree(file.toFile());
    strip(n);
    return n;
  }

  private static void strip(JsonNode n) {
    if (n instanceof ObjectNode o) {
      o.remove(List.of("created", "elapsed_seconds", "sha256"));
      o.forEach(LibraryRunTest::strip);
    } else if (n.isArray()) {
      n.forEach(LibraryRunTest::strip);
    }
  }

  @Test
  void theLibrarysRunDirectoryIsTheCommandLines() throws Exception {
    Path cli = tmp.resolve("cli");
    CliRunner.Result r = CliRunner.run("train", "--env", "CartPole-v1", "--algo", "trpo",
        "--n-steps", "512", "--steps", "2048", "--seed", "3", "--eval-every", "1024",
        "--eval-episodes", "2", "--checkpoint-every", "2", "--out", cli.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();

    Path lib = tmp.resolve("lib");
    TrainConfig config = TrainConfig.fromMap(Map.of("env", "CartPole-v1", "algo", "trpo",
        "n_steps", 512, "n_timesteps", 2048, "seed", 3));
    RunResult result = TrainingRun.create(config, lib).evalEvery(1024).evalEpisodes(2)
        .checkpointEvery(2).run();
    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.policy()).isEqualTo(lib.resolve("policy.json"));

    Set<String> expected = files(cli);
    assertThat(expected).contains("learning-curve.png", "report.html", "best-policy.json",
        "checkpoints/checkpoint-00000004.json");
    expected.removeAll(Set.of("learning-curve.png", "report.html"));
    assertThat(files(lib)).isEqualTo(expected);
    for (String f : expected) {
      if (f.endsWith(".json")) {
        assertThat(withoutTimes(lib.resolve(f))).as(f).isEqualTo(withoutTimes(cli.resolve(f)));
      }
    }
    assertThat(KillResumeTest.metricsWithoutTime(lib.resolve("metrics.csv")))
        .isEqualTo(KillResumeTest.metricsWithoutTime(cli.resolve("metrics.csv")))
        .hasSize(5);
  }
}
