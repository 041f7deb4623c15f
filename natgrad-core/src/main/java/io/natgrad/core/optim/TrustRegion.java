package io.natgrad.core.optim;

/**
 * The paper's trust-region step (Algorithm 1): the largest β with ½‖βg‖²_G = ε,
 *
 * <pre>β = √(2ε / gᵀGg),</pre>
 *
 * so every step has metric length √(2ε) = δ. With G = I this is normalized gradient descent; with
 * the Fisher, ε bounds the second-order KL divergence of each step.
 */
public record TrustRegion(double epsilon) implements StepRule {

  public TrustRegion {
    if (!(epsilon > 0.0) || !Double.isFinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
    }
  }

  /** β = √(2ε / gᵀGg) for a given gᵀGg; NaN when gᵀGg is not positive and finite. */
  public static double trustRegionBeta(double epsilon, double directionMetricNorm2) {
    if (!(directionMetricNorm2 > 0.0) || !Double.isFinite(directionMetricNorm2)) {
      return Double.NaN;
    }
    return Math.sqrt(2.0 * epsilon / directionMetricNorm2);
  }

  @Override
  public StepDecision decide(StepContext context) {
    double beta = trustRegionBeta(epsilon, context.directionMetricNorm2());
    if (Double.isNaN(beta)) {
      return StepDecision.reject(
          "trust region needs gᵀGg > 0, got " + context.directionMetricNorm2(), 0);
    }
    return StepDecision.accept(beta, 0);
  }

  @Override
  public String describe() {
    return "trust-region(epsilon=" + epsilon + ")";
  }
}
