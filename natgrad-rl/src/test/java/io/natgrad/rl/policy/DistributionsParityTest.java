package io.natgrad.rl.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.dist.Categorical;
import io.natgrad.core.dist.DiagonalGaussian;
import io.natgrad.core.random.Rng;
import io.natgrad.policy.Distributions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * natgrad-policy's copy of the distributions' math ({@link Distributions}) computes the core's
 * ({@link DiagonalGaussian}, {@link Categorical}) bit for bit: a deployed policy draws the
 * trainer's actions. Random rows from seeded generators, the same random streams on both sides.
 */
class DistributionsParityTest {

  @RepeatedTest(200)
  void theRuntimesCopyIsBitForBitTheCores(RepetitionInfo rep) {
    SplittableRandom r = new SplittableRandom(rep.getCurrentRepetition());
    int d = 1 + r.nextInt(6);
    double[] mu = new double[d];
    double[] theta = new double[3 + d];
    for (int j = 0; j < d; j++) {
      mu[j] = 10 * (r.nextDouble() - 0.5);
      theta[3 + j] = 4 * (r.nextDouble() - 0.5);
    }
    double[] core = new double[d];
    double[] runtime = new double[d];
    DiagonalGaussian.sampleRow(mu, 0, theta, 3, d, Rng.of(rep.getCurrentRepetition()), core, 0);
    Distributions.gaussianSample(mu, theta, 3, d, Rng.of(rep.getCurrentRepetition()), runtime);
    assertThat(runtime).containsExactly(core);

    int k = 2 + r.nextInt(8);
    double[] logits = new double[k];
    for (int j = 0; j < k; j++) {
      logits[j] = 30 * (r.nextDouble() - 0.5);
    }
    double[] pCore = new double[k];
    double[] pRuntime = new double[k];
    Categorical.softmax(logits, 0, k, pCore);
    Distributions.softmax(logits, k, pRuntime);
    assertThat(pRuntime).containsExactly(pCore);
    for (int t = 0; t < 20; t++) {
      double u = r.nextDouble();
      assertThat(Distributions.sampleIndex(pRuntime, k, u))
          .isEqualTo(Categorical.sampleIndex(pCore, 0, k, u));
    }
    assertThat(Distributions.argMax(logits, k)).isEqualTo(Categorical.argMax(logits, 0, k));
  }
}
