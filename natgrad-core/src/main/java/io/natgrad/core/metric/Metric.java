package io.natgrad.core.metric;

import io.natgrad.core.dist.ParametricFamily;
import io.natgrad.core.linalg.LinearOperator;
import java.util.random.RandomGenerator;

/**
 * A Riemannian metric G(θ) on parameter space: the matrix of the paper's trust region ½‖d‖²_G = ε
 * ("The Natural Gradient on Metric Spaces"). The optimizer asks it for G at the current θ, as a
 * {@link LinearOperator}, and solves G g = ∇f for the natural gradient g.
 *
 * <p>Members: {@linkplain #euclidean() Euclidean} (G = I, plain gradient descent),
 * {@linkplain #dense user-supplied dense} G(θ), the {@linkplain #exactFisher exact Fisher} of a
 * family, the {@linkplain #monteCarloFisher Monte-Carlo Fisher} from model samples (paper,
 * Algorithm 2) and the {@linkplain #empiricalFisher empirical Fisher} from data (Kunstner et al.
 * 2019 explain why it is a poor substitute; it is here to show that). Every metric can be
 * {@linkplain #withDamping damped} to G + λI.
 */
public interface Metric {

  /** G(θ), damping included. */
  LinearOperator at(double[] theta);

  /** A short name for traces and CSV files, e.g. {@code "euclidean"} or {@code "fisher"}. */
  String name();

  /** This metric plus λI (λ ≥ 0). */
  default Metric withDamping(double damping) {
    if (!(damping >= 0.0) || !Double.isFinite(damping)) {
      throw new IllegalArgumentException("damping must be finite and >= 0, got " + damping);
    }
    Metric base = this;
    return new Metric() {
      @Override
      public LinearOperator at(double[] theta) {
        return base.at(theta).plusDamping(damping);
      }

      @Override
      public String name() {
        return base.name() + "+" + damping + "I";
      }
    };
  }

  /** G = I: natural gradient descent with it is (normalized) gradient descent. */
  static Metric euclidean() {
    return new Metric() {
      @Override
      public LinearOperator at(double[] theta) {
        return LinearOperator.identity(theta.length);
      }

      @Override
      public String name() {
        return "euclidean";
      }
    };
  }

  /** A user-supplied dense metric θ ↦ G(θ) (symmetric positive definite). */
  static Metric dense(String name, DenseMetricFunction metric) {
    return new DenseMetric(name, metric);
  }

  /** The family's closed-form Fisher information F(θ). */
  static Metric exactFisher(ParametricFamily family) {
    return new ExactFisher(family);
  }

  /**
   * The Monte-Carlo Fisher of Algorithm 2: at each θ, draw x₁…x_N ∼ p_θ from {@code rng} and
   * average the score outer products.
   */
  static Metric monteCarloFisher(ParametricFamily family, int samples, RandomGenerator rng) {
    return new MonteCarloFisher(family, samples, rng);
  }

  /**
   * The 2-Wasserstein metric of the Gaussian family: G = diag(2, 2) in (μ, σ), diag(2, 2σ²) in
   * (μ, log σ), from W₂² = Δμ² + Δσ² (see {@link Wasserstein}).
   */
  static Metric wasserstein(io.natgrad.core.dist.Gaussian family) {
    return new Wasserstein(family);
  }

  /** The empirical Fisher (1/n) Σ_i ∇log p_θ(x_i) ∇log p_θ(x_i)ᵀ over the data x_i. */
  static Metric empiricalFisher(ParametricFamily family, double[][] data) {
    return new EmpiricalFisher(family, data);
  }
}
