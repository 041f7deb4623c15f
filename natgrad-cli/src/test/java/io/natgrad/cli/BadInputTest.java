package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets exit code 2 and a message naming the field and the value. */
class BadInputTest {
  @TempDir Path tmp;

  void assertRefused(String expected1, String expected2, String... args) {
    CliRunner.Result r = CliRunner.run(args);
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).contains(expected1).contains(expected2);
  }

  @Test
  void nonPositiveSigma() {
    assertRefused("--start-sigma", "-1", "mle", "--start-sigma", "-1", "--out", tmp.toString());
    assertRefused("--sigma", "0", "mle", "--sigma", "0", "--out", tmp.toString());
    assertRefused("--start-sigma", "0", "reproduce", "fig2", "--start-sigma", "0",
        "--out", tmp.toString());
    assertRefused("--sigma", "-2", "reproduce", "fig1", "--sigma", "-2", "--out", tmp.toString());
  }

  @Test
  void nonPositiveEpsilon() {
    assertRefused("--step", "0", "mle", "--step", "0", "--out", tmp.toString());
    assertRefused("--step", "-1.0E-4", "reproduce", "fig2", "--reading", "trust-region",
        "--step", "-1e-4", "--out", tmp.toString());
  }

  @Test
  void nanInTheData() throws IOException {
    Path csv = tmp.resolve("nan.csv");
    Files.writeString(csv, "x\n1.0\nNaN\n3.0\n");
    assertRefused("'x'", "NaN", "mle", "--data", csv.toString(), "--column", "x",
        "--out", tmp.resolve("o").toString());
  }

  @Test
  void textInTheData() throws IOException {
    Path csv = tmp.resolve("text.csv");
    Files.writeString(csv, "x\n1.0\nabc\n");
    assertRefused("line 3", "abc", "mle", "--data", csv.toString(), "--column", "x",
        "--out", tmp.resolve("o").toString());
  }

  @Test
  void emptyDataFile() throws IOException {
    Path csv = tmp.resolve("empty.csv");
    Files.writeString(csv, "");
    assertRefused("empty", csv.toString(), "mle", "--data", csv.toString(),
        "--out", tmp.resolve("o").toString());
    Path headerOnly = tmp.resolve("header.csv");
    Files.writeString(headerOnly, "x\n");
    assertRefused("no data rows", headerOnly.toString(), "mle", "--data", headerOnly.toString(),
        "--column", "x", "--out", tmp.resolve("o").toString());
  }

  @Test
  void missingColumn() throws IOException {
    Path csv = tmp.resolve("data.csv");
    Files.writeString(csv, "a,b\n1,2\n3,4\n");
    assertRefused("column 'height'", "a, b", "mle", "--data", csv.toString(),
        "--column", "height", "--out", tmp.resolve("o").toString());
  }

  @Test
  void unknownChoices() {
    assertRefused("--metric", "'l2'", "mle", "--metric", "l2", "--out", tmp.toString());
    assertRefused("step reading", "'sgd'", "reproduce", "fig2", "--reading", "sgd",
        "--out", tmp.toString());
  }

  @Test
  void mleFitsSyntheticDataAndWritesTheTrace() throws IOException {
    CliRunner.Result r = CliRunner.run("mle", "--mu", "5", "--sigma", "2", "--n", "2000",
        "--seed", "1", "--metric", "fisher", "--step-rule", "trust-region", "--step", "1e-2",
        "--out", tmp.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("fit: mu = ").contains("closed-form MLE");
    assertThat(tmp.resolve("trace.csv")).isNotEmptyFile();
    assertThat(Files.readAllLines(tmp.resolve("trace.csv")).get(0))
        .startsWith("iteration,mu,sigma,nll");
  }

  @Test
  void divergingFixedStepStopsWithAClearError() {
    // from σ = 100 the σ-gradient is positive and a step of 1e5 lands at σ < 0
    CliRunner.Result r = CliRunner.run("mle", "--metric", "euclidean", "--step-rule", "lr",
        "--step", "1e5", "--start-sigma", "100", "--out", tmp.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("non-finite").contains("iteration").contains("last finite iterate");
  }

  @Test
  void helpAndVersion() {
    CliRunner.Result help = CliRunner.run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("reproduce").contains("mle");
    CliRunner.Result version = CliRunner.run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).contains("natgrad").contains("commit");
  }
}
