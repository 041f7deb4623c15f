package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceCommandTest {
  @TempDir Path tmp;

  static List<String[]> rows(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(","))
        .collect(Collectors.toList());
  }

  @Test
  void allWritesEveryFigureAndCanRunTwice() throws IOException {
    for (int run = 0; run < 2; run++) {
      CliRunner.Result r = CliRunner.run("reproduce", "all", "--out", tmp.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("all figures written under");
    }
    for (String f : List.of("fig1/fig1.png", "fig1/fig1.csv", "fig1/fig1-densities.csv",
        "fig2/fig2.png", "fig2/fig2.csv", "fig3/fig3.png", "fig3/fig3.csv", "fig2/config.json",
        "fig4/fig4.png", "fig4/fig4-parameters.png", "fig4/fig4.csv")) {
      assertThat(tmp.resolve(f)).isNotEmptyFile();
    }
    byte[] png = Files.readAllBytes(tmp.resolve("fig2/fig2.png"));
    assertThat(png[1]).isEqualTo((byte) 'P');
  }

  @Test
  void figure2CsvHoldsBothPathsInLongForm() throws IOException {
    CliRunner.Result r = CliRunner.run("reproduce", "fig2", "--out", tmp.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("gd   within 1% of the MLE at iteration 2515")
        .contains("ngd  within 1% of the MLE at iteration 63");
    List<String> lines = Files.readAllLines(tmp.resolve("fig2.csv"));
    assertThat(lines.get(0)).isEqualTo("method,iteration,mu,sigma,nll");
    List<String[]> rows = rows(tmp.resolve("fig2.csv"));
    List<String[]> gd = rows.stream().filter(c -> c[0].equals("gd")).toList();
    List<String[]> ngd = rows.stream().filter(c -> c[0].equals("ngd")).toList();
    assertThat(gd).hasSize(2516);
    assertThat(ngd).hasSize(64);
    for (List<String[]> path : List.of(gd, ngd)) {
      assertThat(path.get(0)[1]).isEqualTo("0");
      assertThat(Double.parseDouble(path.get(0)[2])).isEqualTo(0.0);
      assertThat(Double.parseDouble(path.get(0)[3])).isEqualTo(1.0);
      for (int k = 0; k < path.size(); k++) {
        assertThat(Integer.parseInt(path.get(k)[1])).isEqualTo(k);
      }
    }
    assertThat(Double.parseDouble(gd.get(1)[3])).isCloseTo(16.369093,
        org.assertj.core.data.Offset.offset(1e-5));
    assertThat(Double.parseDouble(ngd.get(1)[3])).isCloseTo(8.684547,
        org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void figure2OtherReadingsByFlag() {
    CliRunner.Result r = CliRunner.run("reproduce", "fig2", "--reading", "trust-region",
        "--out", tmp.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("gd   within 1% of the MLE at iteration 12(1[6-9]|2[0-2])");
    CliRunner.Result mc = CliRunner.run("reproduce", "fig2", "--reading", "trust-region",
        "--metric", "mc-fisher", "--samples", "100", "--seed", "3", "--out", tmp.toString());
    assertThat(mc.exitCode()).as(mc.err()).isZero();
    assertThat(mc.out()).containsPattern("ngd  within 1% of the MLE at iteration (2[89]\\d|3[0-3]\\d)");
  }

  @Test
  void figure3PrintsTheLengthRatios() throws IOException {
    CliRunner.Result r = CliRunner.run("reproduce", "fig3", "--out", tmp.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("max/median vector length 1033.75")
        .contains("max/median vector length 18.43");
    List<String[]> rows = rows(tmp.resolve("fig3.csv"));
    assertThat(rows).hasSize(15 * 12);
    String[] first = rows.get(0);
    assertThat(Double.parseDouble(first[0])).isEqualTo(0.0);
    assertThat(Double.parseDouble(first[1])).isEqualTo(0.5);
  }

  @Test
  void figure1ListsEqualDistancesAndDifferentKls() throws IOException {
    CliRunner.Result r = CliRunner.run("reproduce", "fig1", "--out", tmp.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String[]> rows = rows(tmp.resolve("fig1.csv"));
    assertThat(rows.get(0)[0]).isEqualTo("blue");
    double minKl = Double.MAX_VALUE;
    double maxKl = 0;
    for (String[] row : rows.subList(1, rows.size())) {
      assertThat(Double.parseDouble(row[3])).isCloseTo(1.5,
          org.assertj.core.data.Offset.offset(1e-12));
      double kl = Double.parseDouble(row[4]);
      minKl = Math.min(minKl, kl);
      maxKl = Math.max(maxKl, kl);
      assertThat(r.out()).contains(row[0]);
    }
    assertThat(maxKl / minKl).isGreaterThan(10);
  }

  @Test
  void figure4CsvHasOneRowPerAgentAndIteration() throws IOException {
    CliRunner.Result r = CliRunner.run("reproduce", "fig4", "--out", tmp.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(tmp.resolve("fig4.csv"));
    assertThat(lines.get(0))
        .isEqualTo("method,agent,iteration,mu,sigma,mean_return,expected_return");
    List<String[]> rows = rows(tmp.resolve("fig4.csv"));
    assertThat(rows).hasSize(2 * 10 * 301);
    String[] first = rows.get(0);
    assertThat(first[0]).isEqualTo("pg");
    assertThat(Double.parseDouble(first[3])).isEqualTo(10.0);
    assertThat(Double.parseDouble(first[4])).isEqualTo(14.0);
    assertThat(Double.parseDouble(first[6])).isEqualTo(-52240.0);
    // what the figure must show: NPG near the optimum, PG still far, at iteration 100
    double npg100 = rows.stream().filter(c -> c[0].equals("npg") && c[2].equals("100"))
        .mapToDouble(c -> Double.parseDouble(c[6])).average().orElseThrow();
    double pg100 = rows.stream().filter(c -> c[0].equals("pg") && c[2].equals("100"))
        .mapToDouble(c -> Double.parseDouble(c[6])).average().orElseThrow();
    assertThat(npg100).isGreaterThan(-400);
    assertThat(pg100).isLessThan(npg100);
    assertThat(r.out()).contains("npg").contains("sigma(50)");
  }

  @Test
  void figure4LearningRateReadingReportsTheDivergence() {
    CliRunner.Result r = CliRunner.run("reproduce", "fig4", "--reading", "lr", "--agents", "2",
        "--out", tmp.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("pg agent 0 diverged: stopped at iteration")
        .contains("npg agent 1 diverged").contains("non-finite");
  }
}
