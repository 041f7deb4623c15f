package io.natgrad.core.glm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An R model formula, the subset {@code glm} users write: {@code y ~ x1 + x2}, transformations
 * {@code log(x)}, {@code sqrt(x)}, {@code exp(x)}, interactions {@code a:b}, crossings
 * {@code a*b} (= a + b + a:b), {@code - 1} or {@code + 0} for no intercept, and
 * {@code cbind(successes, failures)} as a binomial response. Terms are ordered as R orders them:
 * by degree, then by first appearance.
 *
 * @param response the response variable (or the successes of cbind)
 * @param failures cbind's second column, or null
 * @param terms the terms, each a list of variables (a variable is a column name, possibly wrapped
 *     in a function: {@code log(x)})
 * @param intercept whether the model has an intercept
 * @param text the formula as written
 */
public record Formula(Variable response, Variable failures, List<List<Variable>> terms,
    boolean intercept, String text) implements java.io.Serializable {

  /**
   * A variable of a formula.
   *
   * @param function null, or log, sqrt, exp
   * @param column the column it reads
   */
  public record Variable(String function, String column) implements java.io.Serializable {
    /** As R names it: {@code x} or {@code log(x)}. */
    public String label() {
      return function == null ? column : function + "(" + column + ")";
    }

    /** The transformed value of one cell. */
    public double apply(double v) {
      if (function == null) {
        return v;
      }
      return switch (function) {
        case "log" -> Math.log(v);
        case "sqrt" -> Math.sqrt(v);
        default -> Math.exp(v);
      };
    }
  }

  /** Parses {@code text}; an error names what was expected and where. */
  public static Formula parse(String text) {
    int tilde = text.indexOf('~');
    if (tilde < 0) {
      throw new IllegalArgumentException("formula '" + text + "' has no '~' (write y ~ x1 + x2)");
    }
    String lhs = text.substring(0, tilde).trim();
    String rhs = text.substring(tilde + 1).trim();
    Variable response;
    Variable failures = null;
    if (lhs.startsWith("cbind(") && lhs.endsWith(")")) {
      String[] two = lhs.substring(6, lhs.length() - 1).split(",");
      if (two.length != 2) {
        throw new IllegalArgumentException("formula: cbind takes two columns, successes and "
            + "failures, got '" + lhs + "'");
      }
      response = variable(two[0].trim(), text);
      failures = variable(two[1].trim(), text);
    } else {
      response = variable(lhs, text);
    }
    boolean intercept = true;
    Set<List<Variable>> terms = new LinkedHashSet<>();
    List<String> parts = new ArrayList<>();
    List<Character> signs = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    char sign = '+';
    for (int i = 0; i <= rhs.length(); i++) {
      char ch = i < rhs.length() ? rhs.charAt(i) : '\0';
      depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      if (depth == 0 && (ch == '+' || ch == '-' || ch == '\0')) {
        String part = cur.toString().trim();
        if (part.isEmpty() && !(parts.isEmpty() && i == 0 && ch != '\0')) {
          throw new IllegalArgumentException("formula '" + text + "' has an empty term (two "
              + "operators in a row, or one at the end)");
        }
        if (!part.isEmpty()) {
          parts.add(part);
          signs.add(sign);
        }
        sign = ch;
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    for (int k = 0; k < parts.size(); k++) {
      String part = parts.get(k);
      boolean minus = signs.get(k) == '-';
      if (part.equals("1")) {
        intercept = !minus; // + 1 keeps it, - 1 removes it
        continue;
      }
      if (part.equals("0")) {
        intercept = minus; // + 0 removes it
        continue;
      }
      List<List<Variable>> expanded = crossing(part, text);
      if (minus) {
        terms.removeAll(expanded);
      } else {
        terms.addAll(expanded);
      }
    }
    List<List<Variable>> ordered = new ArrayList<>(terms);
    ordered.sort((a, b) -> Integer.compare(a.size(), b.size())); // stable: by degree
    return new Formula(response, failures, List.copyOf(ordered), intercept, text.trim());
  }

  /** a*b*c → every non-empty subset, in R's order; a:b → one term. */
  private static List<List<Variable>> crossing(String part, String text) {
    String[] factors = part.split("\\*");
    List<List<Variable>> out = new ArrayList<>();
    out.add(List.of());
    for (String f : factors) {
      List<Variable> inter = interaction(f.trim(), text);
      List<List<Variable>> next = new ArrayList<>(out);
      for (List<Variable> t : out) {
        LinkedHashSet<Variable> combined = new LinkedHashSet<>(t);
        combined.addAll(inter);
        next.add(List.copyOf(combined));
      }
      out = next;
    }
    out.remove(0);
    return out;
  }

  private static List<Variable> interaction(String part, String text) {
    List<Variable> vars = new ArrayList<>();
    for (String v : part.split(":")) {
      Variable var = variable(v.trim(), text);
      if (!vars.contains(var)) {
        vars.add(var);
      }
    }
    return vars;
  }

  private static Variable variable(String s, String text) {
    String t = s.trim();
    if (t.startsWith("`") && t.endsWith("`") && t.length() > 2) {
      return new Variable(null, t.substring(1, t.length() - 1));
    }
    int open = t.indexOf('(');
    if (open > 0 && t.endsWith(")")) {
      String fn = t.substring(0, open).trim();
      if (!fn.equals("log") && !fn.equals("sqrt") && !fn.equals("exp")) {
        throw new IllegalArgumentException("formula '" + text + "': function '" + fn + "' is "
            + "not supported (log, sqrt, exp are)");
      }
      return new Variable(fn, variable(t.substring(open + 1, t.length() - 1), text).column());
    }
    if (!t.matches("[A-Za-z.][A-Za-z0-9._]*")) {
      throw new IllegalArgumentException("formula '" + text + "': '" + t + "' is not a column "
          + "name (quote unusual names with backticks)");
    }
    return new Variable(null, t);
  }
}
