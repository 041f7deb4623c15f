package io.natgrad.rl.algo;

/**
 * One iteration of policy-gradient training: the parameters θ_k the batch was sampled with, what
 * the batch showed, and the update computed from it (NaN/−1 when no update was made).
 *
 * @param iteration k
 * @param theta θ_k
 * @param meanReturn the batch's mean undiscounted episode return
 * @param episodes episodes in the batch
 * @param steps steps in the batch
 * @param gradientNorm ‖ĝ‖₂ of the policy-gradient estimate
 * @param beta the update's step size
 * @param metricStepLength the update's length in the metric, β√(gᵀGg)
 * @param rejection why no update was made, or null
 */
public record IterationRecord(
    int iteration,
    double[] theta,
    double meanReturn,
    int episodes,
    int steps,
    double gradientNorm,
    double beta,
    double metricStepLength,
    String rejection) {}
