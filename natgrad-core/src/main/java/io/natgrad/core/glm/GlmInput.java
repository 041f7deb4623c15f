package io.natgrad.core.glm;

import java.util.List;
import java.util.Map;

/**
 * A model's rows ready to fit: the formula's model frame on a table, the prior weights (a weights
 * column times cbind's trials) and the offset column, with the family's rules on the response
 * checked — each refusal names the column, the row and the value.
 *
 * @param frame the design, response and factor levels
 * @param weights prior weights, or null for ones
 * @param offset the offset, or null
 */
public record GlmInput(ModelFrame frame, double[] weights, double[] offset) {

  /**
   * The input of {@code data}.
   *
   * @param levels each factor's levels with its reference first (rows read piecewise, as on a
   *     cluster, must share them), or null to take them from {@code data} and {@code references}
   * @param references reference levels by column (when {@code levels} is null)
   * @param weightsColumn the prior weights' column, or null
   * @param offsetColumn the offset's column, or null
   */
  public static GlmInput of(Formula f, DataTable data, Map<String, List<String>> levels,
      Map<String, String> references, Family family, String weightsColumn,
      String offsetColumn) {
    ModelFrame m = levels == null ? ModelFrame.of(f, data, references)
        : ModelFrame.withLevels(f, data, levels);
    double[] w = weightsColumn == null ? null : data.numeric(weightsColumn).clone();
    if (m.trials() != null) {
      if (family != Family.BINOMIAL) {
        throw new IllegalArgumentException("--formula: cbind(successes, failures) is a binomial "
            + "response; --family is " + family.rName());
      }
      w = w == null ? m.trials().clone() : multiply(w, m.trials());
    }
    double[] off = offsetColumn == null ? null : data.numeric(offsetColumn);
    if (w != null && weightsColumn != null) {
      double[] raw = data.numeric(weightsColumn);
      for (int i = 0; i < raw.length; i++) {
        if (!(raw[i] >= 0)) {
          throw new IllegalArgumentException(data.source() + ": --weights column '"
              + weightsColumn + "' row " + (i + 1) + " is " + raw[i] + "; weights must be >= 0");
        }
      }
    }
    checkResponse(family, f, m, data);
    return new GlmInput(m, w, off);
  }

  /** The rows as one block. */
  public GlmBlock block() {
    return new GlmBlock(frame.x(), frame.n(), frame.p(), frame.y(), weights, offset);
  }

  /** The family's response rules, each refusal naming the column, the row and the value. */
  private static void checkResponse(Family fam, Formula f, ModelFrame m, DataTable t) {
    String col = f.response().label();
    double[] raw = t.numeric(f.response().column());
    double[] fail = m.trials() == null ? null : t.numeric(f.failures().column());
    String source = t.source() + ": ";
    for (int i = 0; i < m.n(); i++) {
      double y = m.y()[i];
      String where = source + "column '" + col + "' row " + (i + 1) + " is " + fmt(raw[i]);
      switch (fam) {
        case POISSON -> {
          if (y < 0 || y != Math.rint(y)) {
            throw new IllegalArgumentException(where + ": a Poisson response must be a "
                + "non-negative whole count");
          }
        }
        case BINOMIAL -> {
          if (fail != null) {
            if (raw[i] < 0 || fail[i] < 0 || raw[i] != Math.rint(raw[i])
                || fail[i] != Math.rint(fail[i])) {
              throw new IllegalArgumentException(source + "cbind(" + col + ", "
                  + f.failures().label() + ") row " + (i + 1) + " is (" + fmt(raw[i]) + ", "
                  + fmt(fail[i]) + "): successes and failures must be non-negative whole counts");
            }
          } else if (y < 0 || y > 1) {
            throw new IllegalArgumentException(where + ": a binomial response must be a "
                + "proportion in [0, 1] (or use cbind(successes, failures))");
          }
        }
        case GAMMA, INVERSE_GAUSSIAN -> {
          if (!(y > 0)) {
            throw new IllegalArgumentException(where + ": the " + fam.rName() + " family needs "
                + "a response > 0");
          }
        }
        default -> {
        }
      }
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static double[] multiply(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] * b[i];
    }
    return c;
  }
}
