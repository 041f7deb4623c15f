package io.natgrad.core.glm;

import java.util.Locale;
import org.hipparchus.special.Erf;

/**
 * The link functions of a generalized linear model, η = g(μ), as R's {@code make.link} defines
 * them — including its guards: {@code log} and {@code cloglog} keep μ at least machine epsilon,
 * {@code probit} clamps η to ±qnorm(ε) and μ'(η) to at least ε — so that a fit takes R's iterates.
 */
public enum Link {
  /** η = μ. */
  IDENTITY("identity") {
    @Override
    public double link(double mu) {
      return mu;
    }

    @Override
    public double inverse(double eta) {
      return eta;
    }

    @Override
    public double muEta(double eta) {
      return 1.0;
    }
  },
  /** η = log μ. */
  LOG("log") {
    @Override
    public double link(double mu) {
      return Math.log(mu);
    }

    @Override
    public double inverse(double eta) {
      return Math.max(Math.exp(eta), EPS);
    }

    @Override
    public double muEta(double eta) {
      return Math.max(Math.exp(eta), EPS);
    }
  },
  /** η = 1/μ. */
  INVERSE("inverse") {
    @Override
    public double link(double mu) {
      return 1 / mu;
    }

    @Override
    public double inverse(double eta) {
      return 1 / eta;
    }

    @Override
    public double muEta(double eta) {
      return -1 / (eta * eta);
    }

    @Override
    public boolean validEta(double eta) {
      return eta != 0 && !Double.isNaN(eta);
    }
  },
  /** η = log(μ / (1 − μ)). */
  LOGIT("logit") {
    @Override
    public double link(double mu) {
      return Math.log(mu / (1 - mu));
    }

    @Override
    public double inverse(double eta) {
      // R's logit_linkinv: η clamped to ±30 (below, ε; above, 1 − ε in effect)
      double e = eta < -30 ? EPS : eta > 30 ? 1 / EPS : Math.exp(eta);
      return e / (1 + e);
    }

    @Override
    public double muEta(double eta) {
      double opexp = 1 + Math.exp(eta);
      return eta > 30 || eta < -30 ? EPS : Math.exp(eta) / (opexp * opexp);
    }
  },
  /** η = Φ⁻¹(μ). */
  PROBIT("probit") {
    @Override
    public double link(double mu) {
      return Math.sqrt(2) * Erf.erfInv(2 * mu - 1);
    }

    @Override
    public double inverse(double eta) {
      double t = PROBIT_THRESHOLD;
      double e = Math.min(Math.max(eta, -t), t);
      return 0.5 * Erf.erfc(-e / Math.sqrt(2));
    }

    @Override
    public double muEta(double eta) {
      return Math.max(Math.exp(-0.5 * eta * eta) / Math.sqrt(2 * Math.PI), EPS);
    }
  },
  /** η = log(−log(1 − μ)). */
  CLOGLOG("cloglog") {
    @Override
    public double link(double mu) {
      return Math.log(-Math.log1p(-mu));
    }

    @Override
    public double inverse(double eta) {
      return Math.max(Math.min(-Math.expm1(-Math.exp(eta)), 1 - EPS), EPS);
    }

    @Override
    public double muEta(double eta) {
      double e = Math.min(eta, 700);
      return Math.max(Math.exp(e) * Math.exp(-Math.exp(e)), EPS);
    }
  },
  /** η = √μ. */
  SQRT("sqrt") {
    @Override
    public double link(double mu) {
      return Math.sqrt(mu);
    }

    @Override
    public double inverse(double eta) {
      return eta * eta;
    }

    @Override
    public double muEta(double eta) {
      return 2 * eta;
    }

    @Override
    public boolean validEta(double eta) {
      return eta > 0;
    }
  },
  /** η = 1/μ² (the inverse Gaussian's canonical link). */
  INVERSE_SQUARED("1/mu^2") {
    @Override
    public double link(double mu) {
      return 1 / (mu * mu);
    }

    @Override
    public double inverse(double eta) {
      return 1 / Math.sqrt(eta);
    }

    @Override
    public double muEta(double eta) {
      return -1 / (2 * Math.pow(eta, 1.5));
    }

    @Override
    public boolean validEta(double eta) {
      return eta > 0;
    }
  };

  /** R's {@code .Machine$double.eps}. */
  static final double EPS = Math.ulp(1.0);
  /** R's probit clamp −qnorm(ε) ≈ 8.125890664701906. */
  static final double PROBIT_THRESHOLD = -Math.sqrt(2) * Erf.erfInv(2 * EPS - 1);

  private final String rName;

  Link(String rName) {
    this.rName = rName;
  }

  /** η = g(μ) ({@code linkfun}). */
  public abstract double link(double mu);

  /** μ = g⁻¹(η) ({@code linkinv}). */
  public abstract double inverse(double eta);

  /** dμ/dη at η ({@code mu.eta}). */
  public abstract double muEta(double eta);

  /** Whether η is in the link's domain ({@code valideta}). */
  public boolean validEta(double eta) {
    return !Double.isNaN(eta);
  }

  /** R's name, e.g. {@code "1/mu^2"}. */
  public String rName() {
    return rName;
  }

  /** The link R calls {@code name} (also accepted: the enum's name in any case). */
  public static Link named(String name) {
    for (Link l : values()) {
      if (l.rName.equals(name) || l.name().equalsIgnoreCase(name)) {
        return l;
      }
    }
    throw new IllegalArgumentException("link must be one of identity, log, inverse, logit, "
        + "probit, cloglog, sqrt, 1/mu^2, got '" + name + "'");
  }

  @Override
  public String toString() {
    return rName.toLowerCase(Locale.ROOT);
  }
}
