package io.natgrad.rl.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.core.linalg.ConjugateGradient;
import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.linalg.Vectors;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.metric.PolicyMetric;
import io.natgrad.rl.metric.PolicySample;
import io.natgrad.rl.policy.NeuralPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code compare_metrics}: on a real batch, each compared metric's cosine and true KL equal an
 * independent construction — its direction solved again from its own operator (CG with the run's
 * budget, or K-FAC's closed form), cos against the direction the update took, and
 * ½β²dᵀFd with β² = 2δ / dᵀ(G + λI)d on the exact Fisher — (1e-9); with no damping the exact
 * Fisher's own true KL is δ itself, and the Euclidean direction is the gradient's.
 */
class MetricComparisonTest {

  private static TrainConfig config(String env, String metric, String compare, double damping) {
    Map<String, Object> m = new HashMap<>();
    m.put("env", env);
    m.put("algo", "trpo");
    m.put("n_envs", 2);
    m.put("n_steps", 256);
    m.put("seed", 8);
    m.put("metric", metric);
    m.put("cg_damping", damping);
    m.put("compare_metrics", compare);
    m.put("policy_kwargs", "dict(net_arch=[8, 8])");
    return TrainConfig.fromMap(m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CartPole-v1", "Pendulum-v1"})
  void everyComparedMetricEqualsItsIndependentConstruction(String env) {
    TrainConfig c = config(env, "mc-fisher", "all", 0.1);
    TrainerParts parts = TrainerParts.of(c, null, null, 1, "local", Map.of());
    NeuralPolicy policy = (NeuralPolicy) parts.policy();
    NaturalPolicyUpdate update = (NaturalPolicyUpdate) parts.update();
    double[] theta = parts.theta0();
    Batch b = parts.sampler().collect(theta, parts.batchUnits());
    AdvantageEstimator.Estimate e = parts.estimator().estimate(b);
    double[] adv = io.natgrad.rl.sample.Gae.normalize(e.advantages());
    NaturalPolicyUpdate.Step step = update.policyStep(theta, b, adv);
    Map<String, double[]> cmp = step.comparison();
    List<String> expectedNames = new java.util.ArrayList<>(List.of("mc-fisher", "euclidean",
        "fisher", "empirical-fisher", "diagonal-fisher", "kfac"));
    if (env.equals("Pendulum-v1")) {
      expectedNames.add("wasserstein");
    }
    assertThat(cmp.keySet()).containsExactlyElementsOf(expectedNames);
    assertThat(update.comparedMetrics()).containsExactlyElementsOf(expectedNames);

    // the independent side
    Surrogate f = new Surrogate(PolicySample.perStep(policy, b), theta, adv);
    double[] grad = new double[theta.length];
    f.valueAndGradient(theta, grad);
    PolicySample sample = f.sample();
    DirectionSolver cg = DirectionSolver.conjugateGradient(new ConjugateGradient(1e-10, 15), false);
    double[] taken = cg.solve(PolicyMetric.MC_FISHER.on(sample).withDamping(0.1).at(theta), grad)
        .direction();
    LinearOperator fisher = PolicyMetric.FISHER.on(sample).at(theta);
    for (String name : expectedNames) {
      LinearOperator g = PolicyMetric.named(name).on(sample).withDamping(0.1).at(theta);
      double[] d = cg.solve(g, grad).direction();
      double cos = Vectors.dot(d, taken)
          / Math.sqrt(Vectors.dot(d, d) * Vectors.dot(taken, taken));
      double trueKl = 0.5 * (2 * 0.01 / g.quadraticForm(d)) * fisher.quadraticForm(d);
      assertThat(cmp.get(name)[0]).as("%s cos", name).isCloseTo(cos, Offset.offset(1e-9));
      assertThat(cmp.get(name)[1]).as("%s true_kl", name)
          .isCloseTo(trueKl, Offset.offset(1e-9 * trueKl));
    }
    // the Euclidean direction is the gradient's
    double cosGrad = Vectors.dot(grad, taken)
        / Math.sqrt(Vectors.dot(grad, grad) * Vectors.dot(taken, taken));
    assertThat(cmp.get("euclidean")[0]).isCloseTo(cosGrad, Offset.offset(1e-12));
    parts.sampler().close();
  }

  @Test
  void withoutDampingTheExactFishersTrueKlIsTheTrustRegion() {
    TrainConfig c = config("CartPole-v1", "fisher", "euclidean", 0.0);
    TrainerParts parts = TrainerParts.of(c, null, null, 1, "local", Map.of());
    NaturalPolicyUpdate update = (NaturalPolicyUpdate) parts.update();
    Batch b = parts.sampler().collect(parts.theta0(), parts.batchUnits());
    AdvantageEstimator.Estimate e = parts.estimator().estimate(b);
    NaturalPolicyUpdate.Step step = update.policyStep(parts.theta0(), b,
        io.natgrad.rl.sample.Gae.normalize(e.advantages()));
    assertThat(step.comparison().get("fisher")).containsExactly(new double[] {1.0, 0.01},
        Offset.offset(1e-12));
    parts.sampler().close();
  }

  @Test
  void aMetricThePolicyCannotHaveIsRefusedAndOtherAlgorithmsHaveNone() {
    assertThatThrownBy(() -> TrainerParts.of(config("CartPole-v1", "fisher", "wasserstein", 0.1),
        null, null, 1, "local", Map.of())).hasMessageContaining("compare_metrics: ")
        .hasMessageContaining("Gaussian");
    assertThatThrownBy(() -> config("CartPole-v1", "fisher", "fisher,nope", 0.1))
        .hasMessageContaining("compare_metrics: metric must be one of");
    Map<String, Object> m = new HashMap<>(config("CartPole-v1", "fisher", "kfac", 0.1).toMap());
    assertThat(m).containsEntry("compare_metrics", "kfac");
    m.put("algo", "ppo");
    m.remove("metric");
    assertThatThrownBy(() -> TrainConfig.fromMap(m))
        .hasMessageContaining("compare_metrics applies to npg and trpo");
  }
}
