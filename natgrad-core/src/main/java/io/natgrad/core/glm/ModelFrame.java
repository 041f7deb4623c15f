package io.natgrad.core.glm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The design matrix, response and weights of a formula on a table, as R's {@code model.matrix}
 * builds them with treatment contrasts: an {@code (Intercept)} column; a numeric variable as it is
 * (or transformed); a text column as a factor with levels in sorted order, the first (or the one
 * given in {@code references}) the reference; in a term, a factor is coded by contrasts (one
 * column per non-reference level) when the term without it is in the model — the intercept for a
 * main effect — and by indicators (a column per level) otherwise, R's marginality rule. Columns
 * are named as R names them ({@code outcome2}, {@code a2:b3}, {@code log(x)}).
 *
 * @param x the design, n × p row-major
 * @param n rows
 * @param p columns
 * @param names the column names
 * @param y the response (binomial with cbind: successes / trials)
 * @param trials cbind's trials (successes + failures), or null
 * @param intercept whether the first column is the intercept
 * @param levels each factor's levels, its reference first (what prediction reuses)
 */
public record ModelFrame(double[] x, int n, int p, List<String> names, double[] y,
    double[] trials, boolean intercept, Map<String, List<String>> levels) {

  /** Builds the frame; an unknown column, text in a numeric variable, a bad level are named. */
  public static ModelFrame of(Formula f, DataTable data, Map<String, String> references) {
    return build(f, data, references, null, true);
  }

  /**
   * The design of new data for a model fitted on {@code fitted}'s frame (prediction): its factors
   * keep the fitted levels and reference, a level the fit never saw is refused, and no response is
   * needed.
   */
  public static ModelFrame design(Formula f, DataTable data, ModelFrame fitted) {
    return design(f, data, fitted.levels());
  }

  /** The design of new data for a model fitted with these factor levels (reference first). */
  public static ModelFrame design(Formula f, DataTable data, Map<String, List<String>> levels) {
    return build(f, data, Map.of(), levels, false);
  }

  /**
   * The frame of {@code data} with the factors' levels given (reference first) rather than found
   * in it — the same design columns for every piece of a table read piecewise; a level not among
   * them is refused.
   */
  public static ModelFrame withLevels(Formula f, DataTable data, Map<String, List<String>> levels) {
    return build(f, data, Map.of(), levels, true);
  }

  private static ModelFrame build(Formula f, DataTable data, Map<String, String> references,
      Map<String, List<String>> fixedLevels, boolean withResponse) {
    int n = data.rows();
    for (String col : references.keySet()) {
      if (!data.has(col) || data.isNumeric(col)) {
        throw new IllegalArgumentException("--reference " + col + ": " + (data.has(col)
            ? "column '" + col + "' is numeric, not a factor" : data.source()
                + " has no column '" + col + "'"));
      }
    }
    List<double[]> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Map<String, List<String>> levelsUsed = new java.util.LinkedHashMap<>();
    if (f.intercept()) {
      double[] one = new double[n];
      java.util.Arrays.fill(one, 1);
      columns.add(one);
      names.add("(Intercept)");
    }
    Set<Set<Formula.Variable>> present = new HashSet<>();
    for (List<Formula.Variable> t : f.terms()) {
      present.add(new HashSet<>(t));
    }
    for (List<Formula.Variable> term : f.terms()) {
      // the term's columns: the product over its variables of each variable's coding
      List<double[]> cols = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      cols.add(ones(n));
      labels.add("");
      for (Formula.Variable v : term) {
        List<double[]> vc = new ArrayList<>();
        List<String> vl = new ArrayList<>();
        if (data.isNumeric(v.column())) {
          double[] raw = data.numeric(v.column());
          double[] c = new double[n];
          for (int i = 0; i < n; i++) {
            c[i] = v.apply(raw[i]);
            if (!Double.isFinite(c[i])) {
              throw new IllegalArgumentException(data.source() + ": " + v.label() + " is " + c[i]
                  + " at row " + (i + 1) + " (" + v.column() + " = " + raw[i] + ")");
            }
          }
          vc.add(c);
          vl.add(v.label());
        } else {
          if (v.function() != null) {
            throw new IllegalArgumentException(v.label() + ": column '" + v.column() + "' is "
                + "text (a factor); " + v.function() + " needs a numeric column");
          }
          String[] t = data.text(v.column());
          List<String> levels;
          String ref;
          if (fixedLevels != null) {
            // the fitted levels, reference first; a new level has no coefficient
            List<String> fitted = fixedLevels.get(v.column());
            if (fitted == null) {
              throw new IllegalArgumentException("no levels given for the factor '"
                  + v.column() + "'");
            }
            ref = fitted.get(0);
            levels = new ArrayList<>(new TreeSet<>(fitted));
            for (int i = 0; i < n; i++) {
              if (!fitted.contains(t[i])) {
                throw new IllegalArgumentException(data.source() + ": column '" + v.column()
                    + "' row " + (i + 1) + " is '" + t[i] + "', a level the model was not "
                    + "fitted with (its levels: " + levels + ")");
              }
            }
          } else {
            levels = new ArrayList<>(new TreeSet<>(java.util.Arrays.asList(t)));
            ref = references.getOrDefault(v.column(), levels.get(0));
            if (!levels.contains(ref)) {
              throw new IllegalArgumentException("--reference " + v.column() + "=" + ref
                  + ": the levels of '" + v.column() + "' are " + levels);
            }
          }
          List<String> withRefFirst = new ArrayList<>(levels);
          withRefFirst.remove(ref);
          withRefFirst.add(0, ref);
          levelsUsed.put(v.column(), List.copyOf(withRefFirst));
          Set<Formula.Variable> without = new HashSet<>(term);
          without.remove(v);
          boolean contrasts = without.isEmpty() ? f.intercept() : present.contains(without);
          for (String level : levels) {
            if (contrasts && level.equals(ref)) {
              continue;
            }
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
              c[i] = t[i].equals(level) ? 1 : 0;
            }
            vc.add(c);
            vl.add(v.column() + level);
          }
        }
        List<double[]> nextCols = new ArrayList<>();
        List<String> nextLabels = new ArrayList<>();
        // R's order: the first variable's levels vary fastest
        for (int b = 0; b < vc.size(); b++) {
          for (int a = 0; a < cols.size(); a++) {
            double[] prod = new double[n];
            for (int i = 0; i < n; i++) {
              prod[i] = cols.get(a)[i] * vc.get(b)[i];
            }
            nextCols.add(prod);
            nextLabels.add(labels.get(a).isEmpty() ? vl.get(b) : labels.get(a) + ":" + vl.get(b));
          }
        }
        cols = nextCols;
        labels = nextLabels;
      }
      columns.addAll(cols);
      names.addAll(labels);
    }
    int p = columns.size();
    double[] x = new double[n * p];
    for (int j = 0; j < p; j++) {
      double[] c = columns.get(j);
      for (int i = 0; i < n; i++) {
        x[i * p + j] = c[i];
      }
    }
    if (!withResponse) {
      return new ModelFrame(x, n, p, List.copyOf(names), null, null, f.intercept(),
          Map.copyOf(levelsUsed));
    }
    double[] y = column(f.response(), data);
    double[] trials = null;
    if (f.failures() != null) {
      double[] fail = column(f.failures(), data);
      trials = new double[n];
      for (int i = 0; i < n; i++) {
        trials[i] = y[i] + fail[i];
        y[i] = trials[i] == 0 ? 0 : y[i] / trials[i];
      }
    }
    return new ModelFrame(x, n, p, List.copyOf(names), y, trials, f.intercept(),
        Map.copyOf(levelsUsed));
  }

  private static double[] column(Formula.Variable v, DataTable data) {
    double[] raw = data.numeric(v.column());
    double[] out = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = v.apply(raw[i]);
    }
    return out;
  }

  private static double[] ones(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, 1);
    return a;
  }
}
