package io.natgrad.core.glm;

import java.util.List;
import java.util.Map;

/**
 * A place other than this JVM to fit a GLM — the optional natgrad-spark module's cluster engine —
 * found at run time through {@link java.util.ServiceLoader}, so that the command line asks for it by
 * name ({@code natgrad glm --engine spark}) without depending on it. An engine reads the data where
 * it lives and fits by {@link BlockedGlmFitter}: the same iteration, the same numbers.
 */
public interface GlmEngine {

  /** The name users select, e.g. {@code "spark"}. */
  String name();

  /** Fits the model described by {@code spec}, with the engine's options (e.g. its master). */
  Result fit(Spec spec, Map<String, String> options) throws java.io.IOException;

  /**
   * What to fit.
   *
   * @param data the data's location (a file, a directory, a URL the engine reads)
   * @param weights the prior weights' column, or null
   * @param offset the offset's column, or null
   * @param references reference levels by factor column
   */
  record Spec(String data, Formula formula, Family family, Link link, String weights,
      String offset, Map<String, String> references, double epsilon, int maxIterations)
      implements java.io.Serializable {}

  /**
   * A fit and what describes its design.
   *
   * @param names the design's column names
   * @param levels each factor's levels, reference first (what prediction reuses)
   * @param rows rows read
   */
  record Result(GlmFit fit, List<String> names, boolean intercept,
      Map<String, List<String>> levels, long rows) {}

  /** The engine called {@code name} on the class path, or an error naming those available. */
  static GlmEngine find(String name) {
    List<String> names = new java.util.ArrayList<>();
    for (GlmEngine e : java.util.ServiceLoader.load(GlmEngine.class)) {
      if (e.name().equals(name)) {
        return e;
      }
      names.add(e.name());
    }
    throw new IllegalArgumentException("no GLM engine '" + name + "' on the class path"
        + (names.isEmpty() ? "" : " (available: " + names + ")")
        + "; the in-process engine is 'local'; 'spark' needs the natgrad-spark module on the "
        + "class path (./natgrad adds it for --engine spark)");
  }
}
