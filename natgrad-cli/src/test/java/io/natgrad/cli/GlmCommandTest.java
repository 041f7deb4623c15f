package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code natgrad glm}: Dobson's example from {@code ?glm} prints the lines R's summary prints
 * (deviances, AIC, iterations, dispersion) and writes glm.json and residuals.csv; bad input is
 * refused naming the column, the row and the value.
 */
class GlmCommandTest {
  @TempDir
  Path tmp;

  private Path dobson() throws Exception {
    Path f = tmp.resolve("dobson.csv");
    Files.writeString(f, "counts,outcome,treatment\n18,o1,t1\n17,o2,t1\n15,o3,t1\n20,o1,t2\n"
        + "10,o2,t2\n20,o3,t2\n25,o1,t3\n13,o2,t3\n12,o3,t3\n");
    return f;
  }

  @Test
  void dobsonsSummaryHasRsLinesAndTheFilesAreWritten() throws Exception {
    Path out = tmp.resolve("out");
    CliRunner.Result r = CliRunner.run("glm", "--data", dobson().toString(), "--formula",
        "counts ~ outcome + treatment", "--family", "poisson", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("(Dispersion parameter for poisson family taken to be 1)",
        "    Null deviance: 10.5814  on 8  degrees of freedom",
        "Residual deviance:  5.1291  on 4  degrees of freedom", "AIC: 56.761",
        "Number of Fisher Scoring iterations: 4", "outcomeo2", "Pr(>|z|)");
    JsonNode j = new ObjectMapper().readTree(out.resolve("glm.json").toFile());
    assertThat(j.path("coefficients").get(1).path("name").asText()).isEqualTo("outcomeo2");
    assertThat(j.path("coefficients").get(1).path("estimate").asDouble())
        .isBetween(-0.45426, -0.45425);
    assertThat(j.path("coefficients").get(1).path("p_value").asDouble())
        .isBetween(0.0246, 0.0247); // R prints 0.0246
    assertThat(j.path("aic").asDouble()).isBetween(56.7613, 56.7614);
    // R's logLik(fit) = -23.38066 (5 parameters): p − AIC/2
    assertThat(j.path("log_likelihood").asDouble()).isBetween(-23.3807, -23.3806);
    List<String> res = Files.readAllLines(out.resolve("residuals.csv"));
    assertThat(res).hasSize(10);
    assertThat(res.get(0)).isEqualTo("row,fitted,linear_predictor,response,working,pearson,"
        + "deviance");
  }

  /**
   * Prediction on new data against R 4.2.2's {@code predict(fit, nd, se.fit = TRUE)} for
   * outcome o2/treatment t1 and o3/t3 (η 2.5902671654458271, 2.7515353130419502; se 0.19578899936114255,
   * 0.18603743772555278; μ 13.333333333333341, 15.666666666666687); a level the fit never saw is
   * refused naming it.
   */
  @Test
  void predictionsAreRs() throws Exception {
    Path nd = tmp.resolve("new.csv");
    Files.writeString(nd, "outcome,treatment\no2,t1\no3,t3\n");
    Path out = tmp.resolve("p");
    CliRunner.Result r = CliRunner.run("glm", "--data", dobson().toString(), "--formula",
        "counts ~ outcome + treatment", "--family", "poisson", "--predict", nd.toString(),
        "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> p = Files.readAllLines(out.resolve("predictions.csv"));
    assertThat(p.get(0)).isEqualTo("row,link,se_link,response");
    double[][] expected = {{2.5902671654458271, 0.19578899936114255, 13.333333333333341},
        {2.7515353130419502, 0.18603743772555278, 15.666666666666687}};
    for (int i = 0; i < 2; i++) {
      String[] c = p.get(i + 1).split(",");
      for (int k = 0; k < 3; k++) {
        assertThat(Double.parseDouble(c[k + 1])).isCloseTo(expected[i][k],
            org.assertj.core.data.Offset.offset(1e-10 * expected[i][k]));
      }
    }
    Files.writeString(nd, "outcome,treatment\no4,t1\n");
    assertThat(CliRunner.run("glm", "--data", dobson().toString(), "--formula",
        "counts ~ outcome + treatment", "--family", "poisson", "--predict", nd.toString(),
        "--out", out.toString()).err()).contains("column 'outcome' row 1 is 'o4', a level the "
            + "model was not fitted with (its levels: [o1, o2, o3])");
  }

  /** Separated data: said first on stderr, exit code 1, and "separation": true in glm.json. */
  @Test
  void separatedDataAreNotPassedOffAsAFit() throws Exception {
    Path sep = tmp.resolve("sep.csv");
    Files.writeString(sep, "y,x\n0,0\n0,1\n0,2\n0,3\n1,4\n1,5\n1,6\n1,7\n");
    Path out = tmp.resolve("sep");
    CliRunner.Result r = CliRunner.run("glm", "--data", sep.toString(), "--formula", "y ~ x",
        "--family", "binomial", "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("the data look separated", "the maximum-likelihood estimate "
        + "does not exist", "not estimates");
    assertThat(new ObjectMapper().readTree(out.resolve("glm.json").toFile()).path("separation")
        .asBoolean()).isTrue();
  }

  /** The paper's comparison on the user's data: another metric and step rule, same deviance. */
  @Test
  void otherMetricsAndStepRulesReachTheSameFit() throws Exception {
    Path out = tmp.resolve("mc");
    CliRunner.Result r = CliRunner.run("glm", "--data", dobson().toString(), "--formula",
        "counts ~ outcome + treatment", "--family", "poisson", "--metric", "mc-fisher",
        "--samples", "200", "--seed", "3", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("metric mc-fisher, step rule unit", "converged (R's criterion)",
        "deviance 5.1291");
    assertThat(Files.readAllLines(out.resolve("trace.csv")).get(0)).isEqualTo(
        "iteration,deviance");
    CliRunner.Result gd = CliRunner.run("glm", "--data", dobson().toString(), "--formula",
        "counts ~ outcome + treatment", "--family", "poisson", "--metric", "euclidean",
        "--maxit", "5000");
    assertThat(gd.out()).contains("step rule backtracking", "converged", "deviance 5.1291");
    assertThat(CliRunner.run("glm", "--data", dobson().toString(), "--formula",
        "counts ~ outcome", "--family", "poisson", "--metric", "newton").err())
        .contains("--metric must be fisher, mc-fisher, empirical-fisher or euclidean, got "
            + "'newton'");
  }

  @Test
  void badInputNamesTheColumnTheRowAndTheValue() throws Exception {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "y,x,g,z\n1,0.5,a,-1\n-2,0.7,b,0\n3,NaN,a,1.5\n");
    assertThat(run(bad, "y ~ g", "poisson")).contains("column 'y' row 2 is -2: a Poisson "
        + "response must be a non-negative whole count");
    assertThat(run(bad, "z ~ g", "poisson")).contains("column 'z' row 1 is -1");
    Path frac = tmp.resolve("frac.csv");
    Files.writeString(frac, "y,g\n1,a\n1.5,b\n");
    assertThat(run(frac, "y ~ g", "poisson")).contains("column 'y' row 2 is 1.5: a Poisson "
        + "response must be a non-negative whole count");
    assertThat(run(bad, "y ~ g", "Gamma")).contains("column 'y' row 2 is -2: the Gamma family "
        + "needs a response > 0");
    assertThat(run(bad, "y ~ w", "gaussian")).contains("has no column 'w'");
    assertThat(run(bad, "g ~ y", "gaussian")).contains("column 'g' must be numeric; row 1 is 'a'");
    Path nan = tmp.resolve("nan.csv");
    Files.writeString(nan, "y,x\n1,0.5\n2,NaN\n");
    assertThat(run(nan, "y ~ x", "gaussian")).contains("column 'x' row 2 is NaN");
    assertThat(run(bad, "y ~ g", "binomial")).contains("column 'y' row 2 is -2: a binomial "
        + "response must be a proportion in [0, 1]").doesNotContain("Exception");
    assertThat(run(bad, "y ~", "gaussian")).contains("--formula: formula 'y ~' has an empty "
        + "term");
    assertThat(CliRunner.run("glm", "--data", bad.toString(), "--formula", "y ~ g", "--family",
        "poisson", "--link", "logit").err()).contains("--link logit is not available for the "
            + "poisson family; its links are [log, identity, sqrt]");
  }

  private static String run(Path data, String formula, String family) {
    CliRunner.Result r = CliRunner.run("glm", "--data", data.toString(), "--formula", formula,
        "--family", family);
    assertThat(r.exitCode()).as(r.out()).isEqualTo(2);
    return r.err();
  }
}
