package io.natgrad.core.glm;

import java.util.List;
import org.hipparchus.special.Gamma;

/**
 * The exponential-dispersion families of a generalized linear model with R's definitions
 * ({@code stats::family}): variance function V(μ), valid means, deviance residuals, the
 * {@code aic} formula, starting means ({@code mustart}), and the links each allows. With dispersion
 * φ and prior weight w an observation has Var(y) = φ V(μ) / w, and
 *
 * <pre>
 * score   ∂ℓ/∂β = Σ w (y − μ) μ'(η) x / (φ V(μ))          Fisher   Σ w μ'(η)² x xᵀ / (φ V(μ))
 * </pre>
 *
 * which {@link GlmModel} evaluates — the paper's natural gradient with this Fisher and step 1 is
 * Fisher scoring. {@link #logDensity} is the observation's closed-form log-density with the prior
 * weight as a precision (gaussian, Gamma, inverse Gaussian: dispersion φ/w), as a number of trials
 * (binomial) or as a replication count (Poisson: f^w); {@link #aic} is R's formula, which for the
 * Gamma and inverse Gaussian counts weights as replicates — the score in β is the same.
 */
public enum Family {
  /** Normal, V(μ) = 1, φ = σ². */
  GAUSSIAN("gaussian", Link.IDENTITY, List.of(Link.IDENTITY, Link.LOG, Link.INVERSE)) {
    @Override
    public double variance(double mu) {
      return 1.0;
    }

    @Override
    public boolean validMu(double mu) {
      return !Double.isNaN(mu);
    }

    @Override
    public double devianceResidual(double y, double mu, double wt) {
      return wt * (y - mu) * (y - mu);
    }

    @Override
    public double logDensity(double y, double mu, double wt, double dispersion) {
      double var = dispersion / wt;
      return -0.5 * (Math.log(2 * Math.PI * var) + (y - mu) * (y - mu) / var);
    }
  },
  /** Binomial proportions y out of m trials (the prior weight), V(μ) = μ(1 − μ), φ = 1. */
  BINOMIAL("binomial", Link.LOGIT, List.of(Link.LOGIT, Link.PROBIT, Link.CLOGLOG, Link.LOG)) {
    @Override
    public double variance(double mu) {
      return mu * (1 - mu);
    }

    @Override
    public boolean validMu(double mu) {
      return mu > 0 && mu < 1;
    }

    @Override
    public double devianceResidual(double y, double mu, double wt) {
      // R's binomial_dev_resids: y log(y/μ) + (1 − y) log((1 − y)/(1 − μ)), 0·log 0 = 0
      return 2 * wt * (ylogy(y, mu) + ylogy(1 - y, 1 - mu));
    }

    @Override
    public double logDensity(double y, double mu, double wt, double dispersion) {
      double m = Math.rint(wt);
      double k = Math.rint(wt * y);
      return Gamma.logGamma(m + 1) - Gamma.logGamma(k + 1) - Gamma.logGamma(m - k + 1)
          + (k == 0 ? 0 : k * Math.log(mu)) + (m - k == 0 ? 0 : (m - k) * Math.log1p(-mu));
    }
  },
  /** Counts, V(μ) = μ, φ = 1. */
  POISSON("poisson", Link.LOG, List.of(Link.LOG, Link.IDENTITY, Link.SQRT)) {
    @Override
    public double variance(double mu) {
      return mu;
    }

    @Override
    public boolean validMu(double mu) {
      return mu > 0;
    }

    @Override
    public double devianceResidual(double y, double mu, double wt) {
      return 2 * wt * ((y == 0 ? 0 : y * Math.log(y / mu)) - (y - mu));
    }

    @Override
    public double logDensity(double y, double mu, double wt, double dispersion) {
      return wt * ((y == 0 ? 0 : y * Math.log(mu)) - mu - Gamma.logGamma(y + 1));
    }
  },
  /** Positive continuous, V(μ) = μ², φ = 1/shape. */
  GAMMA("Gamma", Link.INVERSE, List.of(Link.INVERSE, Link.LOG, Link.IDENTITY)) {
    @Override
    public double variance(double mu) {
      return mu * mu;
    }

    @Override
    public boolean validMu(double mu) {
      return mu > 0;
    }

    @Override
    public double devianceResidual(double y, double mu, double wt) {
      return -2 * wt * (Math.log(y == 0 ? 1 : y / mu) - (y - mu) / mu);
    }

    @Override
    public double logDensity(double y, double mu, double wt, double dispersion) {
      // w a precision weight: shape w/φ, scale μφ/w (mean μ, variance φμ²/w)
      return logDgamma(y, wt / dispersion, mu * dispersion / wt);
    }
  },
  /** Positive continuous, V(μ) = μ³, φ = 1/λ. */
  INVERSE_GAUSSIAN("inverse.gaussian", Link.INVERSE_SQUARED,
      List.of(Link.INVERSE_SQUARED, Link.INVERSE, Link.LOG, Link.IDENTITY)) {
    @Override
    public double variance(double mu) {
      return mu * mu * mu;
    }

    @Override
    public boolean validMu(double mu) {
      return !Double.isNaN(mu); // R: validmu is TRUE
    }

    @Override
    public double devianceResidual(double y, double mu, double wt) {
      return wt * (y - mu) * (y - mu) / (y * mu * mu);
    }

    @Override
    public double logDensity(double y, double mu, double wt, double dispersion) {
      // w a precision weight: IG(μ, λ = w/φ); R's aic counts w as replicates instead (the same
      // score in β, another constant), so aic() uses R's formula directly
      double var = dispersion / wt;
      return -0.5 * (Math.log(2 * Math.PI * var * y * y * y)
          + (y - mu) * (y - mu) / (var * y * mu * mu));
    }
  };

  private final String rName;
  private final Link canonical;
  private final List<Link> links;

  Family(String rName, Link canonical, List<Link> links) {
    this.rName = rName;
    this.canonical = canonical;
    this.links = links;
  }

  /** V(μ). */
  public abstract double variance(double mu);

  /** Whether μ is a valid mean ({@code validmu}). */
  public abstract boolean validMu(double mu);

  /** One observation's deviance residual d = w·(…) ({@code dev.resids}); the deviance is Σ d. */
  public abstract double devianceResidual(double y, double mu, double wt);

  /**
   * log f(y; μ, φ) of one observation with prior weight w (binomial: the proportion y of w
   * trials; Poisson: the density to the power w, as R's {@code aic} weights it).
   */
  public abstract double logDensity(double y, double mu, double wt, double dispersion);

  /** R's name, e.g. {@code "inverse.gaussian"}. */
  public String rName() {
    return rName;
  }

  /** The canonical link, R's default. */
  public Link canonicalLink() {
    return canonical;
  }

  /** The links R allows for this family. */
  public List<Link> links() {
    return links;
  }

  /** Whether the dispersion is estimated (gaussian, Gamma, inverse Gaussian) or fixed at 1. */
  public boolean estimatesDispersion() {
    return this == GAUSSIAN || this == GAMMA || this == INVERSE_GAUSSIAN;
  }

  /**
   * R's starting mean ({@code initialize}): binomial (w y + ½)/(w + 1), Poisson y + 0.1, the
   * others y.
   */
  public double startingMean(double y, double wt) {
    switch (this) {
      case BINOMIAL:
        return (wt * y + 0.5) / (wt + 1);
      case POISSON:
        return y + 0.1;
      default:
        return y;
    }
  }

  /**
   * R's {@code family$aic(y, n, mu, wt, dev)} (binomial with n = 1: the weights are the trials):
   * −2 log-likelihood at the dispersion R uses — gaussian dev/nobs (with −Σ log w), Gamma and
   * inverse Gaussian dev/Σw — plus 2 for the estimated dispersion. {@code glm}'s AIC adds 2·rank.
   */
  public double aic(double[] y, double[] mu, double[] wt, double deviance) {
    double sumW = 0;
    for (double w : wt) {
      sumW += w;
    }
    double disp = deviance / sumW;
    double terms = 0;
    for (int i = 0; i < y.length; i++) {
      terms += aicTerm(y[i], mu[i], wt[i], disp);
    }
    return aicFromTerms(y.length, sumW, terms, deviance);
  }

  /**
   * One row's part of {@link #aic}, summed over the rows by {@link #aicFromTerms} (so that rows
   * kept apart, as on a cluster, give R's AIC): gaussian log w; binomial and Poisson the
   * log-density (binomial rows with w &gt; 0); Gamma w log dgamma(y; 1/φ, μφ) with φ = D/Σw;
   * inverse Gaussian w log y.
   *
   * @param disp D / Σw (used by the Gamma family only)
   */
  public double aicTerm(double y, double mu, double wt, double disp) {
    switch (this) {
      case GAUSSIAN:
        return Math.log(wt);
      case BINOMIAL:
        return wt > 0 ? logDensity(y, mu, wt, 1.0) : 0;
      case POISSON:
        return logDensity(y, mu, wt, 1.0);
      case GAMMA: // R: -2*sum(dgamma(y, 1/disp, scale=mu*disp, log=TRUE)*wt)
        return wt * logDgamma(y, 1 / disp, mu * disp);
      case INVERSE_GAUSSIAN:
        return Math.log(y) * wt;
      default:
        throw new IllegalStateException(name());
    }
  }

  /**
   * R's {@code family$aic} from the sum of {@link #aicTerm} over the n rows, their weights' sum
   * and the deviance.
   */
  public double aicFromTerms(long n, double sumW, double terms, double deviance) {
    switch (this) {
      case GAUSSIAN:
        return n * (Math.log(2 * Math.PI * deviance / n) + 1) + 2 - terms;
      case BINOMIAL:
      case POISSON:
        return -2 * terms;
      case GAMMA:
        return -2 * terms + 2;
      case INVERSE_GAUSSIAN:
        return sumW * (Math.log(deviance / sumW * 2 * Math.PI) + 1) + 3 * terms + 2;
      default:
        throw new IllegalStateException(name());
    }
  }

  /** The family R calls {@code name} (also: the enum's name in any case). */
  public static Family named(String name) {
    for (Family f : values()) {
      if (f.rName.equals(name) || f.name().equalsIgnoreCase(name)
          || f.name().replace("_", "-").equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("family must be one of gaussian, binomial, poisson, Gamma, "
        + "inverse.gaussian, got '" + name + "'");
  }

  /** log of the Gamma density with this shape and scale at y. */
  private static double logDgamma(double y, double shape, double scale) {
    return (shape - 1) * Math.log(y) - y / scale - Gamma.logGamma(shape) - shape * Math.log(scale);
  }

  /** y log(y/μ), 0 when y = 0. */
  private static double ylogy(double y, double mu) {
    return y == 0 ? 0 : y * Math.log(y / mu);
  }
}
