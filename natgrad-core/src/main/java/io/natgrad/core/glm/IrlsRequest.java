package io.natgrad.core.glm;

import java.io.Serializable;

/**
 * What one pass over a {@link GlmBlock}'s rows computes (sent to where the rows are, so it is
 * serializable): the point — R's starting means, η = Xβ + o, a fixed mean (the null deviance), or
 * μ = g⁻¹(o) — whether to accumulate the next weighted least-squares system there, and the
 * dispersion for the AIC's Gamma term.
 *
 * @param mode where the means come from
 * @param beta the coefficients for {@link Mode#AT}, else null
 * @param mean the mean for {@link Mode#MEAN}
 * @param interceptOnly treat the design as one column of ones (the null model with an offset)
 * @param system accumulate XᵀWX and XᵀWz at this point
 * @param aicDispersion D/Σw for {@link Family#aicTerm} (NaN: no AIC terms)
 */
public record IrlsRequest(Family family, Link link, Mode mode, double[] beta, double mean,
    boolean interceptOnly, boolean system, double aicDispersion) implements Serializable {

  /** Where a pass takes its means from. */
  public enum Mode {
    /** R's {@code mustart}, η = g(μ). */
    START,
    /** η = Xβ + o. */
    AT,
    /** μ fixed (the weighted mean of y). */
    MEAN,
    /** μ = g⁻¹(o) (the null model without intercept). */
    OFFSET
  }

  /** The request at R's starting means, with the first system. */
  static IrlsRequest start(Family family, Link link, boolean interceptOnly) {
    return new IrlsRequest(family, link, Mode.START, null, Double.NaN, interceptOnly, true,
        Double.NaN);
  }

  /** The request at β, with the next system. */
  static IrlsRequest at(Family family, Link link, double[] beta, boolean interceptOnly) {
    return new IrlsRequest(family, link, Mode.AT, beta.clone(), Double.NaN, interceptOnly, true,
        Double.NaN);
  }
}
