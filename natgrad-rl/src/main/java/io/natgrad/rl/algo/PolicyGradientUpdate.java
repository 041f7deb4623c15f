package io.natgrad.rl.algo;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.linalg.Vectors;
import io.natgrad.core.metric.Metric;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.optim.Update;
import io.natgrad.core.optim.UpdateRule;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.metric.PolicySample;
import io.natgrad.rl.policy.Policy;
import java.util.Arrays;

/**
 * REINFORCE and the natural policy gradient as the paper states them (Williams 1992; Kakade 2002;
 * paper, "Policy Gradient Methods and the Natural Gradient"), on a batch of N complete episodes:
 *
 * <pre>
 * ĝ = (1/N) Σ_τ Σ_t ∇log π(a_t|s_t) ψ_t         ψ from ReturnWeights (total return or reward-to-go − b)
 * G = metric on the batch + λI                   euclidean (REINFORCE) | fisher | mc-fisher
 * θ ← Π(θ + β G⁻¹ĝ)                              core UpdateRule on f = −Surrogate (∇f = −ĝ), direct solve
 * </pre>
 *
 * A non-finite gradient, a rejected step or a step outside the parameter space is reported in the
 * result ({@link Result#stopReason}) with θ unchanged; the paper's experiment stops there.
 */
public final class PolicyGradientUpdate implements PolicyUpdate<PolicyGradientUpdate.State> {
  private final Policy policy;
  private final PolicyGradientConfig config;
  private final UpdateRule rule;

  /** The update keeps nothing between calls. */
  public record State() implements PolicyUpdate.State {}

  /**
   * One update.
   *
   * @param theta θ' (θ itself when no update was made)
   * @param gradientNorm ‖ĝ‖₂ (NaN when not finite)
   * @param beta the step size (NaN when no step was computed)
   * @param metricStepLength β√(gᵀGg) (NaN when no step was computed)
   * @param rejection why no update was made, or null
   * @param stopReason the same, as a training result states it, or null
   * @param policySeconds how long the update took
   */
  public record Result(double[] theta, double gradientNorm, double beta, double metricStepLength,
      String rejection, String stopReason, double policySeconds) implements UpdateResult {

    @Override
    public double valueLoss() {
      return Double.NaN;
    }

    @Override
    public double criticSeconds() {
      return 0;
    }

    @Override
    public void record(MetricsRow row) {
      row.put("ngd/beta", beta).put("ngd/rejection", rejection == null ? "" : rejection)
          .put("ngd/health", "");
    }
  }

  public PolicyGradientUpdate(Policy policy, PolicyGradientConfig config) {
    this.policy = java.util.Objects.requireNonNull(policy, "policy");
    this.config = java.util.Objects.requireNonNull(config, "config");
    this.rule = new UpdateRule(DirectionSolver.direct(), config.stepRule(), config.projection());
  }

  @Override
  public Result apply(double[] theta, Rollout rollout) {
    return step(theta, rollout.batch(), rollout.advantages(), rollout.iteration() - 1);
  }

  /** One update from θ_k on a batch of complete episodes with weights ψ. */
  private Result step(double[] theta, Batch batch, double[] psi, int k) {
    long t0 = System.nanoTime();
    Surrogate f = new Surrogate(PolicySample.perEpisode(policy, batch), theta, psi);
    double[] grad = new double[policy.parameterDimension()];
    double value = f.valueAndGradient(theta, grad);
    if (!Double.isFinite(value) || !Vectors.isFinite(grad)) {
      String why = "non-finite policy gradient " + Arrays.toString(grad) + " at iteration " + k
          + " (theta = " + Arrays.toString(theta) + ", mean return "
          + batch.meanCompleteEpisodeReturn() + ")";
      return new Result(theta.clone(), Double.NaN, Double.NaN, Double.NaN, why, why,
          seconds(t0));
    }
    Metric metric = config.metric().on(f.sample()).withDamping(config.damping());
    LinearOperator g = metric.at(theta);
    Update u;
    String rejection;
    try {
      u = rule.step(f, g, theta, value, grad);
      rejection = u.rejection();
    } catch (IllegalArgumentException e) {
      u = null;
      rejection = e.getMessage();
    }
    if (rejection == null) {
      try {
        policy.validate(u.thetaNext());
      } catch (IllegalArgumentException e) {
        rejection = "the step leaves the parameter space: " + e.getMessage();
      }
    }
    double beta = u == null ? Double.NaN : u.beta();
    double metricStep = u == null ? Double.NaN : u.metricStepLength();
    if (rejection != null) {
      return new Result(theta.clone(), Vectors.norm(grad), beta, metricStep, rejection,
          "update rejected: " + rejection, seconds(t0));
    }
    return new Result(u.thetaNext(), Vectors.norm(grad), beta, metricStep, null, null,
        seconds(t0));
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  @Override
  public State state() {
    return new State();
  }

  @Override
  public void restore(State state) {}
}
