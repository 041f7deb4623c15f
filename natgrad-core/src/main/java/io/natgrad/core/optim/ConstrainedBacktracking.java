package io.natgrad.core.optim;

import java.util.Locale;

/**
 * The line search of Trust Region Policy Optimization (Schulman et al. 2015, appendix C): start
 * from the initial rule's β (the paper's trust-region step √(2δ / gᵀGg), which uses the quadratic
 * model of the divergence), then shrink β ← ρβ until the step both improves the objective,
 * f(θ − βg) &lt; f(θ), and keeps the measured divergence D(θ − βg) ≤ maxDivergence. When no trial
 * passes within {@code maxBacktracks} shrinks, the step is rejected and θ stays, with the reason.
 *
 * <p>The objective must implement {@link DivergenceAware}.
 *
 * @param initial the rule giving the first β (usually {@link TrustRegion} with ε = maxDivergence)
 * @param maxDivergence δ &gt; 0
 * @param shrinkFactor ρ ∈ (0, 1) (SB3: 0.8)
 * @param maxBacktracks trials after the first are maxBacktracks − 1; SB3's {@code
 *     line_search_max_iter} (10) counts all trials, and so does this
 */
public record ConstrainedBacktracking(
    StepRule initial, double maxDivergence, double shrinkFactor, int maxBacktracks)
    implements StepRule {

  public ConstrainedBacktracking {
    java.util.Objects.requireNonNull(initial, "initial");
    if (!(maxDivergence > 0) || !Double.isFinite(maxDivergence)) {
      throw new IllegalArgumentException("maxDivergence must be finite and > 0, got " + maxDivergence);
    }
    if (!(shrinkFactor > 0.0 && shrinkFactor < 1.0)) {
      throw new IllegalArgumentException("shrinkFactor must be in (0, 1), got " + shrinkFactor);
    }
    if (maxBacktracks < 1) {
      throw new IllegalArgumentException("maxBacktracks must be >= 1, got " + maxBacktracks);
    }
  }

  @Override
  public StepDecision decide(StepContext context) {
    if (!(context.objective() instanceof DivergenceAware measure)) {
      throw new IllegalArgumentException("the constrained line search needs an objective that "
          + "measures its divergence (DivergenceAware), got "
          + context.objective().getClass().getSimpleName());
    }
    StepDecision first = initial.decide(context);
    if (!first.accepted()) {
      return first;
    }
    double beta = first.beta();
    double lastValue = Double.NaN;
    double lastDivergence = Double.NaN;
    for (int k = 0; k < maxBacktracks; k++) {
      double[] trial = context.trial(beta);
      double value = context.objective().value(trial);
      double divergence = measure.divergence(trial);
      if (Double.isFinite(value) && Double.isFinite(divergence)
          && value < context.value() && divergence <= maxDivergence) {
        return StepDecision.accept(beta, k, value, divergence);
      }
      lastValue = value;
      lastDivergence = divergence;
      beta *= shrinkFactor;
    }
    String why;
    if (!Double.isFinite(lastValue) || !Double.isFinite(lastDivergence)) {
      why = "non-finite objective or divergence at the last trial";
    } else if (lastDivergence > maxDivergence) {
      why = String.format(Locale.ROOT, "KL %.4g > %.4g", lastDivergence, maxDivergence);
    } else {
      why = String.format(Locale.ROOT, "no improvement (%.6g >= %.6g)", lastValue, context.value());
    }
    return StepDecision.reject("line search failed after " + maxBacktracks + " trials: " + why,
        maxBacktracks);
  }

  @Override
  public String describe() {
    return "kl-backtracking(" + initial.describe() + ", max=" + maxDivergence + ", rho="
        + shrinkFactor + ", trials=" + maxBacktracks + ")";
  }
}
