package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code natgrad bench} prints every figure of BENCHMARKS.md's table (timings are not asserted). */
class BenchCommandTest {

  @Test
  void printsOneRowPerFigureWithAValueAndAVerdictWhereThereIsAGoal() {
    CliRunner.Result r = CliRunner.run("bench", "--rounds", "1", "--round-ms", "1",
        "--warmup-ms", "0");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(r.out()).contains("peak FMA rate", "MLP forward", "MLP reverse pass",
        "MLP forward-mode pass", "Fisher-vector product", "product / gradient", "TRPO update",
        "raw steps, Acrobot-v1", "sampler, Pendulum-v1", "mc-fisher product / Fisher product",
        "empirical-fisher product / Fisher product", "wasserstein product / Fisher product",
        "K-FAC statistics", "K-FAC closed-form solve", "K-FAC direction / gradient",
        "TRPO update with --compare-metrics all / without");
    long withGoal = Arrays.stream(lines).filter(l -> l.contains("<= ") || l.contains(">= "))
        .count();
    long judged = Arrays.stream(lines)
        .filter(l -> l.endsWith(" met") || l.endsWith(" MISSED")).count();
    assertThat(judged).isEqualTo(withGoal);
    assertThat(withGoal).isEqualTo(11);
    for (String l : lines) {
      if (l.startsWith("raw steps") || l.startsWith("TRPO update")) {
        double value = Double.parseDouble(l.split("\\s{2,}")[1]);
        assertThat(value).as(l).isPositive();
      }
    }
  }

  @Test
  void badOptionsAreNamed() {
    assertThat(CliRunner.run("bench", "--rounds", "0").err())
        .contains("--rounds must be >= 1, got 0");
  }
}
