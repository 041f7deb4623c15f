package io.natgrad.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natgrad.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.GeneralizedLinearRegression;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionTrainingSummary;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code natgrad glm --engine spark} in {@code local[2]}: the in-process fit's numbers to 1e-10
 * (relative) from CSV and from Parquet, whatever the partitioning; the same bits on a rerun; Spark
 * MLlib's {@code GeneralizedLinearRegression} (4.2.0, IRLS, tol 1e-12) side by side on the same
 * data; a bad value in a partition refused by column, row and value.
 */
class SparkGlmTest {
  @TempDir static Path tmp;
  static Path csv;
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * 6 000 seeded rows: a Poisson count with exposure (offset log e), prior weights 1-3, two
   * numeric covariates and a three-level factor g (also as indicator columns gb and gc for MLlib),
   * and a binary outcome for the logistic fits.
   */
  @BeforeAll
  static void data() throws IOException {
    SplittableRandom rng = new SplittableRandom(16);
    StringBuilder sb = new StringBuilder("y,yb,x1,x2,g,gb,gc,loge,w\n");
    for (int i = 0; i < 6000; i++) {
      double x1 = rng.nextDouble(-2, 2);
      double x2 = rng.nextDouble();
      int g = rng.nextInt(3);
      double loge = Math.log(rng.nextDouble(0.5, 2));
      double mu = Math.exp(loge + 0.3 + 0.5 * x1 - 0.7 * x2 + (g == 1 ? 0.2 : g == 2 ? -0.1 : 0));
      int y = poisson(rng, mu);
      double p = 1 / (1 + Math.exp(-(0.2 + 0.8 * x1 - x2 + (g == 2 ? 0.5 : 0))));
      int yb = rng.nextDouble() < p ? 1 : 0;
      sb.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%d,%d,%s,%d%n", y, yb, x1, x2,
          "abc".charAt(g), g == 1 ? 1 : 0, g == 2 ? 1 : 0, loge, 1 + i % 3));
    }
    csv = tmp.resolve("counts.csv");
    Files.writeString(csv, sb.toString());
  }

  static JsonNode fit(Path data, String out, String... extra) throws IOException {
    String[] base = {"glm", "--data", data.toString(), "--formula", "y ~ x1 + x2 + g",
        "--family", "poisson", "--offset", "loge", "--weights", "w", "--epsilon", "1e-12",
        "--out", tmp.resolve(out).toString()};
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    CliRunner.Result r = CliRunner.run(args);
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    return JSON.readTree(tmp.resolve(out).resolve("glm.json").toFile());
  }

  static void assertClose(JsonNode actual, JsonNode expected, double rel) {
    for (int j = 0; j < expected.get("coefficients").size(); j++) {
      JsonNode e = expected.get("coefficients").get(j);
      JsonNode a = actual.get("coefficients").get(j);
      assertThat(a.get("name").asText()).isEqualTo(e.get("name").asText());
      for (String k : new String[] {"estimate", "std_error", "z_value"}) {
        assertThat(a.get(k).asDouble()).as("%s %s", e.get("name"), k).isCloseTo(
            e.get(k).asDouble(), Offset.offset(rel * Math.abs(e.get(k).asDouble())));
      }
    }
    for (String k : new String[] {"deviance", "null_deviance", "aic", "bic", "log_likelihood",
        "pearson_chi2", "dispersion"}) {
      assertThat(actual.get(k).asDouble()).as(k).isCloseTo(expected.get(k).asDouble(),
          Offset.offset(rel * Math.abs(expected.get(k).asDouble())));
    }
    for (String k : new String[] {"df_residual", "df_null", "rank", "iterations"}) {
      assertThat(actual.get(k).asInt()).as(k).isEqualTo(expected.get(k).asInt());
    }
  }

  @Test
  void csvAndParquetOnSparkGiveTheInProcessFit() throws IOException {
    JsonNode local = fit(csv, "local");
    JsonNode spark = fit(csv, "spark", "--engine", "spark", "--master", "local[2]",
        "--partitions", "5");
    assertClose(spark, local, 1e-10);
    JsonNode again = fit(csv, "spark-again", "--engine", "spark", "--master", "local[2]",
        "--partitions", "5");
    assertThat(again).isEqualTo(spark); // additions in partition order: the same bits
    // 12 partitions: more than √12 + √12, so the tree's intermediate level runs
    JsonNode spark12 = fit(csv, "spark12", "--engine", "spark", "--master", "local[2]",
        "--partitions", "12");
    assertClose(spark12, local, 1e-10);

    Path parquet = tmp.resolve("counts.parquet");
    JavaSparkContext sc = SharedContext.acquire("local[2]");
    try {
      SparkSession spark2 = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
      spark2.read().option("header", "true").option("inferSchema", "true").csv(csv.toString())
          .repartition(3).write().parquet(parquet.toString());
    } finally {
      SharedContext.release(sc);
    }
    JsonNode fromParquet = fit(parquet, "parquet", "--engine", "spark", "--master", "local[2]");
    assertClose(fromParquet, local, 1e-10);
  }

  /**
   * MLlib's GeneralizedLinearRegression (IRLS, the same model: Poisson, log link, offset, weights)
   * at tol 1e-12: coefficients, standard errors, deviances and AIC agree to 1e-8 (its stopping
   * rule is on the coefficients' change; measured: 1.2e-11 at worst, a standard error).
   */
  @Test
  void sparkMllibGeneralizedLinearRegressionAgrees() throws IOException {
    JsonNode ours = fit(csv, "vs-mllib", "--engine", "spark", "--master", "local[2]");
    JavaSparkContext sc = SharedContext.acquire("local[2]");
    try {
      SparkSession spark = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
      Dataset<Row> df = spark.read().option("header", "true").option("inferSchema", "true")
          .csv(csv.toString());
      Dataset<Row> features = new VectorAssembler()
          .setInputCols(new String[] {"x1", "x2", "gb", "gc"}).setOutputCol("features")
          .transform(df);
      GeneralizedLinearRegressionModel m = new GeneralizedLinearRegression().setFamily("poisson")
          .setLink("log").setLabelCol("y").setOffsetCol("loge").setWeightCol("w")
          .setTol(1e-12).setMaxIter(100).fit(features);
      GeneralizedLinearRegressionTrainingSummary s = m.summary();
      JsonNode c = ours.get("coefficients");
      // MLlib: coefficients in feature order, the intercept apart (its standard error last)
      assertThat(c.get(0).get("estimate").asDouble())
          .isCloseTo(m.intercept(), Offset.offset(1e-8 * Math.abs(m.intercept())));
      double[] se = s.coefficientStandardErrors();
      assertThat(c.get(0).get("std_error").asDouble())
          .isCloseTo(se[4], Offset.offset(1e-8 * se[4]));
      for (int j = 0; j < 4; j++) {
        double b = m.coefficients().apply(j);
        assertThat(c.get(j + 1).get("estimate").asDouble()).as("coefficient %d", j)
            .isCloseTo(b, Offset.offset(1e-8 * Math.abs(b)));
        assertThat(c.get(j + 1).get("std_error").asDouble()).as("standard error %d", j)
            .isCloseTo(se[j], Offset.offset(1e-8 * se[j]));
      }
      assertThat(ours.get("deviance").asDouble())
          .isCloseTo(s.deviance(), Offset.offset(1e-8 * s.deviance()));
      assertThat(ours.get("null_deviance").asDouble())
          .isCloseTo(s.nullDeviance(), Offset.offset(1e-8 * s.nullDeviance()));
      assertThat(ours.get("aic").asDouble()).isCloseTo(s.aic(), Offset.offset(1e-8 * s.aic()));
      assertThat(ours.get("df_residual").asLong()).isEqualTo(s.residualDegreeOfFreedom());
    } finally {
      SharedContext.release(sc);
    }
  }

  @Test
  void logisticWithAFactorReferenceAndPredictions() throws IOException {
    String[] args = {"--data", csv.toString(), "--formula", "yb ~ x1 * g + x2", "--family",
        "binomial", "--reference", "g=c", "--predict", csv.toString()};
    CliRunner.Result local = CliRunner.run(concat(new String[] {"glm"}, args,
        new String[] {"--out", tmp.resolve("lb-local").toString()}));
    CliRunner.Result spark = CliRunner.run(concat(new String[] {"glm"}, args,
        new String[] {"--out", tmp.resolve("lb-spark").toString(), "--engine", "spark",
            "--partitions", "4"}));
    assertThat(spark.exitCode()).as(spark.err()).isZero();
    assertThat(local.exitCode()).isZero();
    assertClose(JSON.readTree(tmp.resolve("lb-spark/glm.json").toFile()),
        JSON.readTree(tmp.resolve("lb-local/glm.json").toFile()), 1e-10);
    assertThat(spark.out()).contains("(Intercept)", "ga", "x1:gb");
    java.util.List<String> a = Files.readAllLines(tmp.resolve("lb-local/predictions.csv"));
    java.util.List<String> b = Files.readAllLines(tmp.resolve("lb-spark/predictions.csv"));
    assertThat(b).hasSameSizeAs(a);
    for (int i = 1; i < a.size(); i += 397) {
      String[] x = a.get(i).split(",");
      String[] y = b.get(i).split(",");
      for (int k = 1; k < x.length; k++) {
        double e = Double.parseDouble(x[k]);
        assertThat(Double.parseDouble(y[k])).isCloseTo(e, Offset.offset(1e-9 * Math.abs(e)));
      }
    }
  }

  @Test
  void aBadValueIsRefusedByColumnRowAndValue() throws IOException {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "y,x\n1,0.5\n2,1.5\n-3,2.5\n4,3\n");
    CliRunner.Result r = CliRunner.run("glm", "--data", bad.toString(), "--formula",
        "y ~ x", "--family", "poisson", "--engine", "spark");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("column 'y' row 3 is -3: a Poisson response must be a "
        + "non-negative whole count");
    CliRunner.Result missing = CliRunner.run("glm", "--data", bad.toString(), "--formula",
        "y ~ z", "--engine", "spark");
    assertThat(missing.err()).contains("has no column 'z'");
    CliRunner.Result metric = CliRunner.run("glm", "--data", bad.toString(), "--formula",
        "y ~ x", "--engine", "spark", "--metric", "euclidean");
    assertThat(metric.err()).contains("--metric runs in process");
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream)
        .toArray(String[]::new);
  }

  private static int poisson(SplittableRandom rng, double mu) {
    double l = Math.exp(-mu);
    int k = 0;
    double prod = rng.nextDouble();
    while (prod > l) {
      k++;
      prod *= rng.nextDouble();
    }
    return k;
  }
}
