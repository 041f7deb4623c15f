package io.natgrad.rl.policy;

import io.natgrad.core.dist.Gaussian;
import io.natgrad.core.dist.Scale;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * The paper's state-independent Gaussian policy a ∼ N(μ, σ²) with θ = (μ, σ) or (μ, log σ): the
 * core's {@link Gaussian} family applied to actions, ignoring the state. Its per-step Fisher is
 * diag(1/σ², 2/σ²) (σ) or diag(1/σ², 2) (log σ), so a trajectory of T steps has Fisher T times that.
 */
public final class GaussianPolicy implements Policy {
  private final Gaussian family;

  public GaussianPolicy(Scale scale) {
    this.family = new Gaussian(scale);
  }

  /** The policy in (μ, σ), the paper's parameterization. */
  public static GaussianPolicy meanSigma() {
    return new GaussianPolicy(Scale.SIGMA);
  }

  public Scale scale() {
    return family.scale();
  }

  /** θ for a given μ and σ. */
  public double[] theta(double mu, double sigma) {
    return family.theta(mu, sigma);
  }

  /** σ from θ. */
  public double sigma(double[] theta) {
    return family.sigma(theta);
  }

  @Override
  public int parameterDimension() {
    return 2;
  }

  @Override
  public int actionDimension() {
    return 1;
  }

  @Override
  public String[] parameterNames() {
    return family.parameterNames();
  }

  @Override
  public void validate(double[] theta) {
    family.validate(theta);
  }

  @Override
  public void sample(double[] theta, double[] observation, RandomGenerator rng, double[] action) {
    family.sample(theta, rng, action);
  }

  @Override
  public void mode(double[] theta, double[] observation, double[] action) {
    action[0] = theta[0];
  }

  @Override
  public double logProb(double[] theta, double[] observation, double[] action) {
    return family.logProb(theta, action);
  }

  @Override
  public void score(double[] theta, double[] observation, double[] action, double[] out) {
    family.score(theta, action, out);
  }

  @Override
  public DMatrixRMaj fisher(double[] theta, double[] observation) {
    return family.fisher(theta);
  }
}
