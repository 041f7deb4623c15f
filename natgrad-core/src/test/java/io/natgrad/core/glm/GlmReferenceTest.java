package io.natgrad.core.glm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R's {@code glm} at ε = 1e-14 (R 4.2.2, {@code scripts/reference/glm.R}; numbers in
 * {@code src/test/resources/glm/fits.txt}, 17 significant digits) on R's datasets written as CSV —
 * Dobson's counts and McCullagh and Nelder's clotting times from {@code ?glm}, warpbreaks,
 * InsectSprays, infert, esoph, longley — through natgrad's CSV reader, formula, model frame and fitter:
 * coefficients, standard errors, deviance, null deviance, their df, AIC and dispersion to 1e-6
 * relative (standard-error scale for coefficients that are 0 in exact arithmetic).
 */
class GlmReferenceTest {
  @TempDir
  static Path tmp;

  /** One fit of fits.txt. */
  record Case(int number, String data, String formula, String family, String link,
      Map<String, double[]> coefficients, Map<String, Double> values) {
    @Override
    public String toString() {
      return number + ": " + data + " " + formula + " (" + family + ", " + link + ")";
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    List<String> lines;
    try (InputStream in = GlmReferenceTest.class.getResourceAsStream("/glm/fits.txt")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    Map<String, String> head = new LinkedHashMap<>();
    Map<String, double[]> coefs = new LinkedHashMap<>();
    Map<String, Double> values = new LinkedHashMap<>();
    for (String raw : lines) {
      String line = raw.trim();
      if (line.equals("end")) {
        out.add(new Case(Integer.parseInt(head.get("case")), head.get("data"),
            head.get("formula"), head.get("family"), head.get("link"), coefs, values));
        head = new LinkedHashMap<>();
        coefs = new LinkedHashMap<>();
        values = new LinkedHashMap<>();
        continue;
      }
      int sp = line.indexOf(' ');
      String key = line.substring(0, sp);
      String rest = line.substring(sp + 1).trim();
      if (key.equals("coef")) {
        String[] f = rest.split(" ");
        coefs.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
      } else if (List.of("deviance", "null.deviance", "df.residual", "df.null", "aic",
          "dispersion").contains(key)) {
        values.put(key, Double.parseDouble(rest));
      } else {
        head.put(key, rest);
      }
    }
    return out;
  }

  /**
   * Longley's regression (condition number ≈ 5e9): the pivoted QR reaches R's coefficients to
   * 1e-10 relative (measured: 1e-13), where the normal equations would lose about ten digits.
   */
  @org.junit.jupiter.api.Test
  void longleyToItsAttainableAccuracy() throws IOException {
    Case c = cases().stream().filter(k -> k.data().equals("longley")).findFirst().orElseThrow();
    ModelFrame m = frame(c, tmp);
    GlmFit fit = new GlmFitter(1e-14, 100).fit(m.x(), m.n(), m.p(), m.y(), null, null,
        Family.GAUSSIAN, Link.IDENTITY, true);
    for (Map.Entry<String, double[]> e : c.coefficients().entrySet()) {
      double b = e.getValue()[0];
      assertThat(fit.coefficients()[m.names().indexOf(e.getKey())]).as(e.getKey())
          .isCloseTo(b, Offset.offset(1e-10 * Math.abs(b)));
    }
  }

  /** The case's data (copied out of the test resources into {@code dir}) and model frame. */
  static ModelFrame frame(Case c, Path dir) throws IOException {
    Path csv = dir.resolve(c.data() + ".csv");
    try (InputStream in = GlmReferenceTest.class.getResourceAsStream("/glm/" + c.data()
        + ".csv")) {
      Files.write(csv, in.readAllBytes());
    }
    return ModelFrame.of(Formula.parse(c.formula()), DataTable.readCsv(csv), Map.of());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void fitsAgreeWithR(Case c) throws IOException {
    ModelFrame m = frame(c, tmp);
    Family family = Family.named(c.family());
    GlmFit fit = new GlmFitter(1e-14, 100).fit(m.x(), m.n(), m.p(), m.y(), m.trials(), null,
        family, Link.named(c.link()), m.intercept());
    assertAgreesWithR(c, fit, m.names());
  }

  /** R's numbers to 1e-6 relative (coefficients on the scale of max(|b|, se)). */
  static void assertAgreesWithR(Case c, GlmFit fit, List<String> names) {
    assertThat(fit.converged()).isTrue();
    assertThat(names).containsExactlyInAnyOrderElementsOf(c.coefficients().keySet());
    for (Map.Entry<String, double[]> e : c.coefficients().entrySet()) {
      int j = names.indexOf(e.getKey());
      double b = e.getValue()[0];
      double se = e.getValue()[1];
      assertThat(fit.coefficients()[j]).as("%s coefficient %s", c, e.getKey())
          .isCloseTo(b, Offset.offset(1e-6 * Math.max(Math.abs(b), se)));
      assertThat(fit.standardErrors()[j]).as("%s standard error %s", c, e.getKey())
          .isCloseTo(se, Offset.offset(1e-6 * se));
    }
    Map<String, Double> v = c.values();
    assertThat(fit.deviance()).as("%s deviance", c)
        .isCloseTo(v.get("deviance"), Offset.offset(1e-6 * v.get("deviance")));
    assertThat(fit.nullDeviance()).as("%s null deviance", c)
        .isCloseTo(v.get("null.deviance"), Offset.offset(1e-6 * v.get("null.deviance")));
    assertThat((double) fit.dfResidual()).isEqualTo(v.get("df.residual"));
    assertThat((double) fit.dfNull()).isEqualTo(v.get("df.null"));
    assertThat(fit.aic()).as("%s AIC", c)
        .isCloseTo(v.get("aic"), Offset.offset(1e-6 * Math.abs(v.get("aic"))));
    assertThat(fit.dispersion()).as("%s dispersion", c)
        .isCloseTo(v.get("dispersion"), Offset.offset(1e-6 * v.get("dispersion")));
  }
}
