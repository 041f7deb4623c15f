package io.natgrad.core.optim;

/**
 * Backtracking line search with the Armijo sufficient-decrease condition (Nocedal and Wright,
 * Algorithm 3.1): start from the initial rule's β and shrink β ← ρβ until
 *
 * <pre>f(θ − βg) ≤ f(θ) − c·β·∇f(θ)ᵀg.</pre>
 *
 * A trial value that is not finite counts as a failed trial. When {@code maxBacktracks} shrinks do
 * not satisfy the condition, the step is rejected and the reason says so.
 *
 * @param initial the rule giving the first trial β (a {@link FixedLearningRate}, or a
 *     {@link TrustRegion} for TRPO-style search)
 * @param shrinkFactor ρ ∈ (0, 1)
 * @param armijoConstant c ∈ (0, 1), typically 1e-4
 * @param maxBacktracks the number of shrinks allowed, ≥ 0
 */
public record Backtracking(
    StepRule initial, double shrinkFactor, double armijoConstant, int maxBacktracks)
    implements StepRule {

  public Backtracking {
    java.util.Objects.requireNonNull(initial, "initial");
    if (!(shrinkFactor > 0.0 && shrinkFactor < 1.0)) {
      throw new IllegalArgumentException("shrinkFactor must be in (0, 1), got " + shrinkFactor);
    }
    if (!(armijoConstant > 0.0 && armijoConstant < 1.0)) {
      throw new IllegalArgumentException(
          "armijoConstant must be in (0, 1), got " + armijoConstant);
    }
    if (maxBacktracks < 0) {
      throw new IllegalArgumentException("maxBacktracks must be >= 0, got " + maxBacktracks);
    }
  }

  /** Armijo search from β₀ = {@code initialStep}, ρ = 0.5, c = 1e-4, up to 50 shrinks. */
  public static Backtracking armijo(double initialStep) {
    return new Backtracking(new FixedLearningRate(initialStep), 0.5, 1e-4, 50);
  }

  @Override
  public StepDecision decide(StepContext context) {
    StepDecision first = initial.decide(context);
    if (!first.accepted()) {
      return first;
    }
    double slope = context.gradientDotDirection();
    if (!(slope > 0.0)) {
      return StepDecision.reject("not a descent direction: gradient·direction = " + slope, 0);
    }
    double beta = first.beta();
    for (int k = 0; k <= maxBacktracks; k++) {
      double trial = context.objective().value(context.trial(beta));
      if (Double.isFinite(trial) && trial <= context.value() - armijoConstant * beta * slope) {
        return StepDecision.accept(beta, k, trial, Double.NaN);
      }
      if (k < maxBacktracks) {
        beta *= shrinkFactor;
      }
    }
    return StepDecision.reject(
        "Armijo condition not met after " + maxBacktracks + " backtracks (last beta " + beta + ")",
        maxBacktracks);
  }

  @Override
  public String describe() {
    return "backtracking(" + initial.describe() + ", rho=" + shrinkFactor + ", c="
        + armijoConstant + ", max=" + maxBacktracks + ")";
  }
}
