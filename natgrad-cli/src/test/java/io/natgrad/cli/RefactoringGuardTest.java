package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Results that a refactoring must not move, recorded at commit 7f972f3 (before the trainer was
 * reshaped, issue 13) under {@code src/test/resources/guard/}:
 *
 * <ul>
 *   <li>the trained {@code policy.json} (parameters and normalizer) of four runs, seed 0: TRPO
 *       with defaults on CartPole, PPO and TRPO with the Zoo preset on CartPole and Pendulum, NPG
 *       on Acrobot with {@code normalize: true} for 50 000 steps;
 *   <li>two checkpoints in format_version 1 (NPG Acrobot at update 12, PPO CartPole at update
 *       200) with their run's {@code config.json} and {@code metrics.csv}: resuming them ends on
 *       the same policy as the uninterrupted run;
 *   <li>the SHA-256 of every CSV {@code natgrad reproduce all} writes (fig1.csv re-recorded when
 *       its w2_distance column was added on purpose).
 * </ul>
 *
 * A difference in any bit fails; a refactoring that means to change results must say so and
 * record new files with the command in each resource's {@code provenance}.
 */
class RefactoringGuardTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  static JsonNode resource(String name) throws IOException {
    try (InputStream in = RefactoringGuardTest.class.getResourceAsStream("/guard/" + name)) {
      assertThat(in).as("test resource guard/" + name).isNotNull();
      return JSON.readTree(in);
    }
  }

  /** The trained parameters and the normalizer must both be present and equal. */
  static void assertSamePolicy(Path trained, JsonNode expected) throws IOException {
    JsonNode actual = JSON.readTree(trained.toFile());
    JsonNode parameters = actual.at("/policy/parameters");
    assertThat(parameters.isArray() && parameters.size() > 0).as("parameters in " + trained)
        .isTrue();
    assertThat(expected.at("/policy/parameters").size()).isPositive();
    assertThat(actual.get("policy")).isEqualTo(expected.get("policy"));
    assertThat(actual.get("action_space")).isEqualTo(expected.get("action_space"));
    assertThat(actual.has("normalizer")).isEqualTo(expected.has("normalizer"));
    if (expected.has("normalizer")) {
      assertThat(actual.get("normalizer")).isEqualTo(expected.get("normalizer"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "trpo-cartpole|--env CartPole-v1 --algo trpo --seed 0",
      "ppo-cartpole|--env CartPole-v1 --algo ppo --preset zoo --seed 0",
      "trpo-pendulum|--env Pendulum-v1 --algo trpo --preset zoo --seed 0",
      "npg-acrobot|--env Acrobot-v1 --algo npg --normalize true --steps 50000 --seed 0"})
  void trainedPolicyIsBitForBitTheRecordedOne(String name, String args) throws IOException {
    Path out = tmp.resolve(name);
    List<String> a = new java.util.ArrayList<>(List.of("train"));
    a.addAll(List.of(args.split(" ")));
    a.addAll(List.of("--out", out.toString()));
    CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertSamePolicy(out.resolve("policy.json"), resource(name + "-policy.json"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"npg-acrobot-ck, checkpoint-00000012, npg-acrobot",
      "ppo-ck, checkpoint-00000200, ppo-cartpole"})
  void formatVersion1CheckpointResumesToTheSameFinalPolicy(String dir, String checkpoint,
      String finalPolicy) throws IOException {
    Path run = tmp.resolve(dir);
    Files.createDirectories(run.resolve("checkpoints"));
    for (String f : List.of("config.json", "metrics.csv")) {
      try (InputStream in = getClass().getResourceAsStream("/guard/" + dir + "/" + f)) {
        Files.copy(in, run.resolve(f));
      }
    }
    try (InputStream in = new GZIPInputStream(
        getClass().getResourceAsStream("/guard/" + dir + "/" + checkpoint + ".json.gz"))) {
      byte[] bytes = in.readAllBytes();
      assertThat(new String(bytes, 0, 80, StandardCharsets.UTF_8))
          .contains("\"format_version\":1");
      Files.write(run.resolve("checkpoints").resolve(checkpoint + ".json"), bytes);
    }
    CliRunner.Result r = CliRunner.run("train", "--resume", run.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertSamePolicy(run.resolve("policy.json"), resource(finalPolicy + "-policy.json"));
  }

  @Test
  void reproduceAllWritesTheRecordedCsvsByteForByte() throws Exception {
    CliRunner.Result r = CliRunner.run("reproduce", "all", "--out", tmp.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("/guard/reproduce-all.sha256")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.startsWith("#")).toList();
    }
    assertThat(lines).hasSize(5);
    for (String line : lines) {
      String[] hashAndFile = line.split("\\s+");
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(tmp.resolve(hashAndFile[1])));
      assertThat(HexFormat.of().formatHex(digest)).as(hashAndFile[1]).isEqualTo(hashAndFile[0]);
    }
  }
}
