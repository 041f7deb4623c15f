package io.natgrad.core.optim;

/**
 * One entry of an optimization trace: the iterate θ_k, f and ∇f there, and the step that led to it
 * from θ_{k−1} (NaN at k = 0, the start).
 *
 * @param iteration k
 * @param theta θ_k
 * @param value f(θ_k)
 * @param gradient ∇f(θ_k)
 * @param gradientNorm ‖∇f(θ_k)‖₂
 * @param beta β of the step θ_{k−1} → θ_k
 * @param metricStepLength ‖θ_k − θ_{k−1}‖ in the metric G(θ_{k−1})
 * @param euclideanStepLength ‖θ_k − θ_{k−1}‖₂
 * @param backtracks line-search shrinks of that step
 * @param cgIterations CG iterations of that step, or −1 for a direct solve
 * @param cgRelativeResidual CG's relative residual, or NaN
 */
public record Iterate(
    int iteration,
    double[] theta,
    double value,
    double[] gradient,
    double gradientNorm,
    double beta,
    double metricStepLength,
    double euclideanStepLength,
    int backtracks,
    int cgIterations,
    double cgRelativeResidual) {

  static Iterate start(double[] theta, double value, double[] gradient, double gradientNorm) {
    return new Iterate(0, theta, value, gradient, gradientNorm,
        Double.NaN, Double.NaN, Double.NaN, 0, -1, Double.NaN);
  }
}
