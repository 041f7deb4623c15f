package io.natgrad.rl.algo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Figure 4 against the bounds of an independent NumPy reference: T = 10, 10 trajectories per
 * iteration, σ floored at 1e-3, the paper's estimator, exact trajectory Fisher, trust region
 * ε = 0.075 for both methods. Each block of 10 agents (one seed) must satisfy every bound.
 *
 * <p>Where the bounds come from: {@code scripts/reference/figure4.py} (NumPy, no natgrad code)
 * trains 400 blocks of 10 agents per method and prints each block statistic's range. Over those
 * blocks (min … max): J₅₀ NPG −2242 … −540, PG −9448 … −4558; J₁₀₀ NPG −181 … −28; J₃₀₀ NPG
 * −0.012 … −0.0001, PG −390 … −20.7; σ₅₀ NPG 2.71 … 4.96, PG 8.04 … 11.8. Every bound below lies
 * outside that range with a margin, so a correct implementation fails it with a very small
 * probability, and a wrong one (another estimator, metric or step) lands far from it.
 */
class Figure4ReferenceTest {

  static double blockMeanJ(ToyTaskExperiment x, List<ToyTaskExperiment.Agent> agents, int k) {
    return agents.stream()
        .mapToDouble(a -> x.expectedReturn(a.result().history().get(k).theta())).average()
        .orElseThrow();
  }

  static double blockMeanSigma(ToyTaskExperiment x, List<ToyTaskExperiment.Agent> agents, int k) {
    return agents.stream()
        .mapToDouble(a -> x.muSigma(a.result().history().get(k).theta())[1]).average()
        .orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 4})
  void blockOfTenAgentsMeetsTheReferenceBounds(long seed) {
    ToyTaskExperiment x = ToyTaskExperiment.paper(seed);
    List<ToyTaskExperiment.Agent> pg = x.run("pg");
    List<ToyTaskExperiment.Agent> npg = x.run("npg");
    for (ToyTaskExperiment.Agent a : pg) {
      assertThat(a.result().completed()).as(a.result().stopReason()).isTrue();
      assertThat(a.result().history()).hasSize(301);
    }
    for (ToyTaskExperiment.Agent a : npg) {
      assertThat(a.result().completed()).as(a.result().stopReason()).isTrue();
    }
    System.out.printf("seed %d: J50 npg %.1f pg %.1f; J100 npg %.1f pg %.1f; J300 npg %.3f pg %.3f;"
            + " sigma50 npg %.2f pg %.2f%n", seed,
        blockMeanJ(x, npg, 50), blockMeanJ(x, pg, 50), blockMeanJ(x, npg, 100),
        blockMeanJ(x, pg, 100), blockMeanJ(x, npg, 300), blockMeanJ(x, pg, 300),
        blockMeanSigma(x, npg, 50), blockMeanSigma(x, pg, 50));
    assertThat(blockMeanJ(x, npg, 50)).isGreaterThanOrEqualTo(-3500);
    assertThat(blockMeanJ(x, pg, 50)).isLessThanOrEqualTo(-4000);
    assertThat(blockMeanJ(x, npg, 100)).isGreaterThanOrEqualTo(-400);
    assertThat(blockMeanJ(x, npg, 300)).isGreaterThanOrEqualTo(-1);
    assertThat(blockMeanJ(x, pg, 300)).isLessThanOrEqualTo(-3);
    assertThat(blockMeanSigma(x, npg, 50)).isLessThanOrEqualTo(6);
    assertThat(blockMeanSigma(x, pg, 50)).isGreaterThanOrEqualTo(7.5);
  }
}
