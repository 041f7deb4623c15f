package io.natgrad.core.optim;

/**
 * How far to go along the natural gradient g: chooses β in θ_{t+1} = θ_t − βg.
 *
 * <p>Members: {@link FixedLearningRate} (β = α), {@link TrustRegion} (the paper's β = √(2ε / gᵀGg)),
 * {@link Backtracking} (Armijo line search) and {@link ExactQuadraticLineSearch}.
 */
@FunctionalInterface
public interface StepRule {

  /** Chooses β for the step described by {@code context}. */
  StepDecision decide(StepContext context);

  /** A short description for traces, e.g. {@code "trust-region(eps=1e-4)"}. */
  default String describe() {
    return getClass().getSimpleName();
  }
}
