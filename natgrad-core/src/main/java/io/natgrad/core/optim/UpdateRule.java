package io.natgrad.core.optim;

import io.natgrad.core.linalg.CgResult;
import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.linalg.Vectors;
import io.natgrad.core.metric.Metric;

/**
 * The one update routine of natgrad (paper, Algorithms 1 and 2):
 *
 * <pre>
 * g      = G(θ)⁻¹ ∇f(θ)            the direction, from the {@link DirectionSolver}
 * β      = stepRule(g, G, f, θ)     from the {@link StepRule}
 * θ_next = Π(θ − βg)                Π the {@link Projection} (identity by default)
 * </pre>
 *
 * Gradient descent, natural gradient descent, the natural policy gradient and TRPO are this routine
 * with different metrics G, solvers and step rules; the metric is passed per call, so callers that
 * build G from data (a batch Fisher, a Fisher–vector product) use the same code as the
 * {@link Optimizer}.
 *
 * @param solver how G g = ∇f is solved
 * @param stepRule how β is chosen
 * @param projection applied after the step
 */
public record UpdateRule(DirectionSolver solver, StepRule stepRule, Projection projection) {

  public UpdateRule {
    java.util.Objects.requireNonNull(solver, "solver");
    java.util.Objects.requireNonNull(stepRule, "stepRule");
    java.util.Objects.requireNonNull(projection, "projection");
  }

  public UpdateRule(DirectionSolver solver, StepRule stepRule) {
    this(solver, stepRule, Projection.none());
  }

  /**
   * One update from θ with the metric G = {@code metric.at(θ)}: the form every caller with a
   * {@link Metric} uses — the optimizer's θ ↦ G, and the RL metrics bound to a batch.
   *
   * @param objective f (line searches evaluate it at trial points)
   * @param metric the metric, asked for G at θ
   * @param theta θ (not modified)
   * @param value f(θ)
   * @param gradient ∇f(θ) (not modified)
   */
  public Update step(
      Objective objective, Metric metric, double[] theta, double value, double[] gradient) {
    return step(objective, metric.at(theta), theta, value, gradient);
  }

  /**
   * One update from θ with G given as an operator.
   *
   * @param objective f (line searches evaluate it at trial points)
   * @param metric G(θ)
   * @param theta θ (not modified)
   * @param value f(θ)
   * @param gradient ∇f(θ) (not modified)
   */
  public Update step(
      Objective objective, LinearOperator metric, double[] theta, double value, double[] gradient) {
    DirectionSolver.Solution solution = solver.solve(metric, gradient);
    double[] g = solution.direction();
    if (solution.cg() != null) {
      CgResult cg = solution.cg();
      if (cg.status() == CgResult.Status.NON_POSITIVE_CURVATURE) {
        return rejected(theta, g, Double.NaN, solution, "conjugate gradient met non-positive "
            + "curvature pᵀGp = " + cg.curvature() + " after " + cg.iterations()
            + " iterations: the metric is not positive definite; raise the damping");
      }
      if (cg.status() == CgResult.Status.NON_FINITE) {
        return rejected(theta, g, Double.NaN, solution,
            "conjugate gradient met a non-finite value (the metric or the gradient is not finite)");
      }
    }
    if (!Vectors.isFinite(g)) {
      return rejected(theta, g, Double.NaN, solution, "natural-gradient direction is not finite"
          + (solution.cg() != null ? " (CG " + solution.cg().status() + ")" : ""));
    }
    double gGg = metric.quadraticForm(g);
    StepContext context = new StepContext(
        objective, theta, value, gradient, g, metric, gGg, Vectors.dot(gradient, g), projection);
    StepDecision decision = stepRule.decide(context);
    if (!decision.accepted()) {
      return new Update(theta.clone(), g, 0.0, gGg, 0.0, 0.0, decision.backtracks(),
          solution.cg(), decision.rejection(), Double.NaN, Double.NaN);
    }
    double beta = decision.beta();
    if (!Double.isFinite(beta)) {
      return rejected(theta, g, gGg, solution, "step size beta is not finite: " + beta);
    }
    double[] next = context.trial(beta);
    if (!Vectors.isFinite(next)) {
      return rejected(theta, g, gGg, solution, "step produced a non-finite parameter");
    }
    double euclidean = 0.0;
    for (int i = 0; i < next.length; i++) {
      double d = next[i] - theta[i];
      euclidean += d * d;
    }
    return new Update(next, g, beta, gGg, beta * Math.sqrt(Math.max(gGg, 0.0)),
        Math.sqrt(euclidean), decision.backtracks(), solution.cg(), null, decision.valueAtStep(),
        decision.divergence());
  }

  private static Update rejected(
      double[] theta, double[] g, double gGg, DirectionSolver.Solution s, String why) {
    return new Update(theta.clone(), g, 0.0, gGg, 0.0, 0.0, 0, s.cg(), why, Double.NaN,
        Double.NaN);
  }
}
