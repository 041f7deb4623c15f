package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce glm} ("Figure 2 for GLMs"): the five methods on warpbreaks, with Fisher scoring
 * and the Monte-Carlo Fisher converging in a few iterations, gradient descent and BHHH in tens,
 * and the fixed trust region still oscillating at its step length; the CSV and the picture.
 */
class GlmFigureTest {
  @TempDir
  Path tmp;

  @Test
  void theFiveMethodsAndTheirFiles() throws Exception {
    CliRunner.Result r = CliRunner.run("reproduce", "glm", "--out", tmp.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("D̂ = 210.3918888", "Fisher scoring (exact Fisher, step 1)  "
        + "        3 iterations  converged", "natural gradient, trust region 0.05         2000 "
        + "iterations  max iterations");
    List<String> csv = Files.readAllLines(tmp.resolve("glm.csv"));
    assertThat(csv.get(0)).isEqualTo("method,iteration,deviance,excess_deviance");
    // every iterate of every method, the names RFC-4180 quoted: BHHH's 44 iterations and its start
    assertThat(csv.stream().filter(l -> l.startsWith("\"BHHH (empirical Fisher, Armijo)\","))
        .count()).isEqualTo(45);
    assertThat(tmp.resolve("glm.png")).isNotEmptyFile();
  }
}
