package io.natgrad.rl.algo;

import io.natgrad.core.linalg.CgResult;
import io.natgrad.core.linalg.ConjugateGradient;
import io.natgrad.core.metric.Metric;
import io.natgrad.core.optim.ConstrainedBacktracking;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.optim.StepRule;
import io.natgrad.core.optim.TrustRegion;
import io.natgrad.core.optim.Update;
import io.natgrad.core.optim.UpdateRule;
import io.natgrad.rl.metric.PolicyMetric;
import io.natgrad.rl.metric.PolicySample;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.batch.Batch;

/**
 * The policy step of the natural policy gradient (Kakade 2002) and TRPO (Schulman et al. 2015) on a
 * batch with advantages Â, through the core's {@link UpdateRule}:
 *
 * <pre>
 * L(θ')  = (1/n) Σᵢ Âᵢ π_θ'(aᵢ|sᵢ) / π_θ(aᵢ|sᵢ)            surrogate; f = −L is minimized
 * g      = (F + λI)⁻¹ ∇L   by conjugate gradient          F v = Jᵀ M J v, never formed
 * β      = √(2δ / gᵀ(F + λI)g)                          the paper's trust region, δ = target_kl
 * NPG:   θ' = θ + βg
 * TRPO:  θ' = θ + ρᵏβg for the first k with KL(π_θ ‖ π_θ') ≤ δ and L(θ') &gt; L(θ); else θ' = θ
 * </pre>
 *
 * The returned statistics hold what a user needs to judge the step: CG iterations and residual, β,
 * predicted vs measured KL, predicted vs actual surrogate improvement, backtracks and the reason
 * for a rejection.
 */
public final class NaturalPolicyUpdate {
  private final NeuralPolicy policy;
  private final double targetKl;
  private final double damping;
  private final UpdateRule rule;
  private final PolicyMetric metric = PolicyMetric.FISHER;

  /**
   * What one update did.
   *
   * @param policyObjective L(θ) (the surrogate at the old parameters)
   * @param measuredKl mean KL(π_θ ‖ π_θ') over the batch
   * @param lineSearchSuccess false when TRPO's line search rejected the step
   * @param cgIterations CG iterations
   * @param cgRelativeResidual CG's relative residual
   * @param cgStatus why CG stopped
   * @param beta the trust-region step size of the accepted step (0 if rejected)
   * @param predictedKl ½ β² gᵀ(F + λI)g of the accepted step (δ when no backtracking)
   * @param predictedImprovement β ∇Lᵀg, the first-order surrogate gain
   * @param actualImprovement L(θ') − L(θ)
   * @param backtracks line-search shrinks
   * @param rejection why the step was rejected, or null
   */
  public record Stats(double policyObjective, double measuredKl, boolean lineSearchSuccess,
      int cgIterations, double cgRelativeResidual, String cgStatus, double beta,
      double predictedKl, double predictedImprovement, double actualImprovement, int backtracks,
      String rejection) {}

  /** The new parameters (θ itself when rejected) and the statistics. */
  public record Result(double[] theta, Stats stats) {}

  public NaturalPolicyUpdate(NeuralPolicy policy, TrainConfig config) {
    this.policy = policy;
    this.targetKl = config.targetKl();
    this.damping = config.cgDamping();
    StepRule step = config.algo().equals("trpo")
        ? new ConstrainedBacktracking(new TrustRegion(targetKl), targetKl,
            config.lineSearchShrinkingFactor(), config.lineSearchMaxIter())
        : new TrustRegion(targetKl);
    this.rule = new UpdateRule(DirectionSolver.conjugateGradient(
        new ConjugateGradient(1e-10, config.cgMaxSteps()), false), step);
  }

  /** One update from θ on the batch with (normalized) advantages. */
  public Result apply(double[] theta, Batch batch, double[] advantages) {
    Surrogate f = new Surrogate(PolicySample.perStep(policy, batch), theta, advantages);
    double[] grad = new double[policy.parameterDimension()];
    double value = f.valueAndGradient(theta, grad);
    Metric g = metric.on(f.sample()).withDamping(damping);
    Update u = rule.step(f, g, theta, value, grad);
    CgResult cg = u.cg();
    if (!u.accepted()) {
      return new Result(theta.clone(), new Stats(-value, 0.0, false,
          cg == null ? 0 : cg.iterations(), cg == null ? Double.NaN : cg.relativeResidual(),
          cg == null ? "none" : cg.status().name(), 0.0, 0.0, 0.0, 0.0, u.backtracks(),
          u.rejection()));
    }
    double[] next = u.thetaNext();
    double kl = Double.isNaN(u.divergence()) ? f.divergence(next) : u.divergence();
    double after = Double.isNaN(u.valueAtStep()) ? f.value(next) : u.valueAtStep();
    double beta = u.beta();
    double predictedKl = 0.5 * beta * beta * u.directionMetricNorm2();
    double gradDotDir = 0;
    for (int i = 0; i < grad.length; i++) {
      gradDotDir += grad[i] * u.direction()[i];
    }
    return new Result(next, new Stats(-value, kl, true, cg.iterations(), cg.relativeResidual(),
        cg.status().name(), beta, predictedKl, beta * gradDotDir, value - after, u.backtracks(),
        null));
  }
}
