package io.natgrad.core.optim;

/**
 * β = α: the classic update θ ← θ − α G⁻¹∇f (paper, "Gradient Descent and Trust Regions"). With
 * the Euclidean metric this is plain gradient descent; with the Fisher it is Amari's natural
 * gradient with a learning rate.
 */
public record FixedLearningRate(double alpha) implements StepRule {

  public FixedLearningRate {
    if (!(alpha > 0.0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("learning rate alpha must be finite and > 0, got " + alpha);
    }
  }

  @Override
  public StepDecision decide(StepContext context) {
    return StepDecision.accept(alpha, 0);
  }

  @Override
  public String describe() {
    return "learning-rate(alpha=" + alpha + ")";
  }
}
