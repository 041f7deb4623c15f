package io.natgrad.rl.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics CSV: every double reads back bit for bit; text cells are quoted when needed. */
class CsvTest {
  @Test
  void doublesRoundTripExactly(@TempDir Path dir) throws Exception {
    SplittableRandom rng = new SplittableRandom(7);
    double[] values = new double[20_000];
    for (int i = 0; i < values.length; i++) {
      // every magnitude (raw bit patterns) and the everyday ones
      values[i] = i % 2 == 0 ? Double.longBitsToDouble(rng.nextLong())
          : (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-12, 12));
    }
    values[0] = Double.NaN;
    values[1] = Double.POSITIVE_INFINITY;
    values[2] = Double.NEGATIVE_INFINITY;
    values[3] = -0.0;
    values[4] = Double.MIN_VALUE;
    values[5] = Double.MAX_VALUE;
    Path file = dir.resolve("m.csv");
    try (Csv csv = new Csv(file, "value")) {
      for (double v : values) {
        csv.row(v);
      }
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(values.length + 1);
    for (int i = 0; i < values.length; i++) {
      double back = Double.parseDouble(lines.get(i + 1));
      assertThat(Double.doubleToRawLongBits(back) == Double.doubleToRawLongBits(values[i])
          || Double.isNaN(values[i]) && Double.isNaN(back))
          .as("row %d: %s read back as %s", i, values[i], back).isTrue();
    }
    // Double.toString's format: plain for 1e-3 <= |v| < 1e7, else computerized scientific
    assertThat(lines.subList(1, 7)).containsExactly("NaN", "Infinity", "-Infinity", "-0.0",
        "4.9E-324", "1.7976931348623157E308");
  }

  @Test
  void formatsLikeDoubleToStringForEverydayValues(@TempDir Path dir) throws Exception {
    double[] values = {0.5, 1.0, 100.0, 0.001, 1.0E7, 123456.789, 1.0E-4, -2.5, 20.708333333333332};
    Path file = dir.resolve("m.csv");
    try (Csv csv = new Csv(file, "value")) {
      for (double v : values) {
        csv.row(v);
      }
    }
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < values.length; i++) {
      assertThat(lines.get(i + 1)).isEqualTo(Double.toString(values[i]));
    }
  }

  @Test
  void quotesTextAndKeepsOtherNumbers(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.csv");
    try (Csv csv = new Csv(file, "a", "b", "c")) {
      csv.row(3, "x, \"y\"", 7L);
    }
    assertThat(Files.readAllLines(file)).containsExactly("a,b,c", "3,\"x, \"\"y\"\"\",7");
  }
}
