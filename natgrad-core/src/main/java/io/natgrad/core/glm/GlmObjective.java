package io.natgrad.core.glm;

import io.natgrad.core.metric.Metric;
import io.natgrad.core.optim.Objective;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.distribution.discrete.PoissonDistribution;

/**
 * A GLM's mean negative log-likelihood f(β) = −ℓ(β; φ = 1) / n as an {@link Objective} for the
 * core's optimizers, and the metrics the paper compares on it — so that Fisher scoring is one
 * choice among many: {@link #fisher} (exact; with a unit step, Fisher scoring), {@link #empirical}
 * (the mean outer product of the per-observation scores: BHHH), {@link #monteCarlo} (scores at
 * responses drawn from the model, Algorithm 2) and the core's Euclidean metric (gradient descent).
 * Outside the link's or the family's domain f is +∞, which the step rules' checks refuse.
 */
public final class GlmObjective implements Objective {
  private final GlmModel model;
  private final int n;

  /** The objective of a model (n: the observations it averages over). */
  public GlmObjective(GlmModel model) {
    this.model = model;
    this.n = model.rows();
  }

  @Override
  public int dimension() {
    return model.coefficients();
  }

  @Override
  public double value(double[] beta) {
    if (!model.valid(beta)) {
      return Double.POSITIVE_INFINITY;
    }
    return -model.logLikelihood(beta, 1.0) / n;
  }

  @Override
  public double valueAndGradient(double[] beta, double[] gradient) {
    double v = value(beta);
    double[] s = model.score(beta, 1.0);
    for (int j = 0; j < s.length; j++) {
      gradient[j] = -s[j] / n;
    }
    return v;
  }

  /** The exact Fisher F(β)/n (φ = 1). */
  public Metric fisher() {
    return Metric.dense("fisher", beta -> scaled(model.fisher(beta, 1.0)));
  }

  /** BHHH's empirical Fisher (1/n) Σ sᵢ sᵢᵀ with the observations' own responses. */
  public Metric empirical() {
    return Metric.dense("empirical-fisher", beta -> scaled(model.scoreOuterProducts(beta,
        model.responses())));
  }

  /**
   * The Monte-Carlo Fisher (1/(n m)) Σ_k Σᵢ s̃ᵢ s̃ᵢᵀ with m responses per observation drawn from the
   * model at β (φ = 1).
   */
  public Metric monteCarlo(int samples, RandomGenerator rng) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, got " + samples);
    }
    return Metric.dense("mc-fisher", beta -> {
      DMatrixRMaj sum = new DMatrixRMaj(dimension(), dimension());
      double[] mu = model.means(beta);
      for (int k = 0; k < samples; k++) {
        double[] draw = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
          draw[i] = sample(model.family(), mu[i], model.weight(i), rng);
        }
        org.ejml.dense.row.CommonOps_DDRM.addEquals(sum, model.scoreOuterProducts(beta, draw));
      }
      org.ejml.dense.row.CommonOps_DDRM.divide(sum, (double) n * samples);
      return sum;
    });
  }

  private DMatrixRMaj scaled(DMatrixRMaj m) {
    org.ejml.dense.row.CommonOps_DDRM.divide(m, n);
    return m;
  }

  /** A response drawn from the family at μ with prior weight w and φ = 1 (inverse CDF). */
  static double sample(Family f, double mu, double w, RandomGenerator rng) {
    double u = rng.nextDouble();
    return switch (f) {
      case GAUSSIAN -> mu + rng.nextGaussian() / Math.sqrt(w);
      case BINOMIAL -> new BinomialDistribution((int) Math.rint(w), mu)
          .inverseCumulativeProbability(u) / Math.rint(w);
      case POISSON -> new PoissonDistribution(mu).inverseCumulativeProbability(u);
      case GAMMA -> new GammaDistribution(w, mu / w).inverseCumulativeProbability(u);
      case INVERSE_GAUSSIAN -> inverseGaussian(mu, w, rng);
    };
  }

  /** Michael, Schucany and Haas (1976): IG(μ, λ = w). */
  private static double inverseGaussian(double mu, double lambda, RandomGenerator rng) {
    double nu = rng.nextGaussian();
    double y = nu * nu;
    double x = mu + mu * mu * y / (2 * lambda)
        - mu / (2 * lambda) * Math.sqrt(4 * mu * lambda * y + mu * mu * y * y);
    return rng.nextDouble() <= mu / (mu + x) ? x : mu * mu / x;
  }
}
