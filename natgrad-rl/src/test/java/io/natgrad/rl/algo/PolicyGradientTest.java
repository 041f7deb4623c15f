package io.natgrad.rl.algo;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.dist.Scale;
import io.natgrad.core.linalg.Vectors;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.LinearGaussianWalk;
import io.natgrad.rl.env.NanRewardEnv;
import io.natgrad.rl.env.TimeLimit;
import io.natgrad.rl.metric.PolicyMetric;
import io.natgrad.rl.policy.GaussianPolicy;
import org.junit.jupiter.api.Test;

class PolicyGradientTest {

  @Test
  void learningRateReadingDivergesWithAClearStopAndNoNaN() {
    ToyTaskExperiment x = new ToyTaskExperiment(3, 300, 10, 10, 0.075, false, Scale.SIGMA,
        PolicyMetric.FISHER, 10, 14, 0);
    for (String method : new String[] {"pg", "npg"}) {
      for (ToyTaskExperiment.Agent a : x.run(method)) {
        TrainingResult r = a.result();
        assertThat(r.completed()).isFalse();
        assertThat(r.history().size()).as(method).isLessThan(40);
        assertThat(r.stopReason()).contains("stopped at iteration").contains("non-finite");
        assertThat(Vectors.isFinite(r.theta())).isTrue();
        for (IterationRecord rec : r.history()) {
          assertThat(Vectors.isFinite(rec.theta())).isTrue();
        }
      }
    }
  }

  @Test
  void trainingIsReproducibleFromTheSeed() {
    ToyTaskExperiment x = ToyTaskExperiment.paper(7);
    var a = x.run("npg").get(0).result();
    var b = x.run("npg").get(0).result();
    assertThat(b.theta()).containsExactly(a.theta());
    var other = ToyTaskExperiment.paper(8).run("npg").get(0).result();
    assertThat(other.theta()).isNotEqualTo(a.theta());
  }

  @Test
  void trustRegionStepsHaveMetricLengthSqrtTwoEpsilon() {
    ToyTaskExperiment x = ToyTaskExperiment.paper(1);
    for (String method : new String[] {"pg", "npg"}) {
      TrainingResult r = x.run(method).get(0).result();
      for (IterationRecord rec : r.history().subList(0, 300)) {
        assertThat(rec.metricStepLength()).isCloseTo(Math.sqrt(0.15),
            org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }

  @Test
  void sampledFisherAndLogSigmaVariantsAlsoLearn() {
    ToyTaskExperiment sampled = new ToyTaskExperiment(2, 300, 10, 10, 0.075, true, Scale.SIGMA,
        PolicyMetric.MC_FISHER, 10, 14, 3);
    ToyTaskExperiment logSigma = new ToyTaskExperiment(2, 300, 10, 10, 0.075, true,
        Scale.LOG_SIGMA, PolicyMetric.FISHER, 10, 14, 3);
    for (ToyTaskExperiment x : new ToyTaskExperiment[] {sampled, logSigma}) {
      for (ToyTaskExperiment.Agent a : x.run("npg")) {
        assertThat(a.result().completed()).isTrue();
        assertThat(x.expectedReturn(a.result().theta())).isGreaterThan(-50);
      }
    }
  }

  @Test
  void nonFiniteRewardStopsTrainingNamingTheEnvironmentStepAndValue() {
    GaussianPolicy policy = GaussianPolicy.meanSigma();
    PolicyGradient pg = new PolicyGradient(policy, ToyTaskExperiment.paper(0)
        .config(PolicyMetric.FISHER));
    TrainingResult r = pg.train(new TimeLimit(new NanRewardEnv(), 10),
        policy.theta(0, 1), 0, 5);
    assertThat(r.completed()).isFalse();
    assertThat(r.stopReason()).contains("NanEnv-v0").contains("step 3").contains("NaN");
    assertThat(r.theta()).containsExactly(0.0, 1.0);
    assertThat(EnvRegistry.ids()).contains(LinearGaussianWalk.ID);
  }
}
