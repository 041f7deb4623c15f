package io.natgrad.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run directory as a report sees it: its name, config.json (settings and provenance)
 * and metrics.csv as columns of numbers (text columns kept as strings).
 *
 * @param name the directory's name
 * @param dir the directory
 * @param settings the resolved configuration
 * @param provenance versions, machine, time
 * @param header the metrics columns
 * @param rows the metrics rows (as read)
 */
public record RunData(String name, Path dir, JsonNode settings, JsonNode provenance,
    List<String> header, List<String[]> rows) {

  /** Reads a run directory; refuses one without metrics.csv or config.json. */
  public static RunData read(Path dir) throws IOException {
    Path csv = dir.resolve("metrics.csv");
    Path config = dir.resolve("config.json");
    if (!Files.isRegularFile(csv) || !Files.isRegularFile(config)) {
      throw new IllegalArgumentException(dir + " is not a training run (needs metrics.csv and "
          + "config.json)");
    }
    JsonNode root = new ObjectMapper().readTree(config.toFile());
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(csv + " is empty");
    }
    List<String> header = new ArrayList<>(List.of(split(lines.get(0))));
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        rows.add(split(line));
      }
    }
    joinComparison(dir.resolve("metric-comparison.csv"), header, rows);
    String name = dir.toAbsolutePath().normalize().getFileName().toString();
    return new RunData(name, dir, root.path("settings"), root.path("provenance"), header, rows);
  }

  /**
   * Appends metric-comparison.csv's {@code cmp/…} columns (written with {@code compare_metrics})
   * to the metrics rows of the same update; rows without a comparison get empty cells.
   */
  private static void joinComparison(Path file, List<String> header, List<String[]> rows)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return;
    }
    String[] cmpHeader = split(lines.get(0));
    Map<String, String[]> byIteration = new java.util.HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        String[] r = split(line);
        byIteration.put(r[0], r);
      }
    }
    int width = header.size();
    int it = header.indexOf("time/iterations");
    for (int c = 2; c < cmpHeader.length; c++) {
      header.add(cmpHeader[c]);
    }
    for (int i = 0; i < rows.size(); i++) {
      String[] r = java.util.Arrays.copyOf(rows.get(i), width + cmpHeader.length - 2);
      String[] cmp = it >= 0 && it < rows.get(i).length ? byIteration.get(rows.get(i)[it]) : null;
      for (int c = 2; c < cmpHeader.length; c++) {
        r[width + c - 2] = cmp != null && c < cmp.length ? cmp[c] : "";
      }
      rows.set(i, r);
    }
  }

  /** Splits one CSV line with RFC 4180 quotes (the GLM data reader's splitter). */
  static String[] split(String line) {
    return io.natgrad.core.glm.DataTable.split(line);
  }

  /** A numeric column (NaN for missing or text). */
  public double[] column(String key) {
    int k = header.indexOf(key);
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Double.NaN;
      if (k >= 0 && k < rows.get(i).length) {
        try {
          // Jackson's fast parser (same values as Double.parseDouble, less to compile)
          out[i] = com.fasterxml.jackson.core.io.NumberInput.parseDouble(rows.get(i)[k], true);
        } catch (NumberFormatException e) {
          // text cell
        }
      }
    }
    return out;
  }

  /** A text column. */
  public List<String> text(String key) {
    int k = header.indexOf(key);
    List<String> out = new ArrayList<>();
    for (String[] r : rows) {
      out.add(k >= 0 && k < r.length ? r[k] : "");
    }
    return out;
  }

  /** The settings that identify a configuration: all but the seed and output-only keys. */
  public Map<String, String> configKey() {
    Map<String, String> m = new LinkedHashMap<>();
    settings.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("seed") && !e.getKey().equals("init_policy")) {
        m.put(e.getKey(), e.getValue().toString());
      }
    });
    return m;
  }

  /** The last finite value of a column, or NaN. */
  public double last(String key) {
    double[] c = column(key);
    for (int i = c.length - 1; i >= 0; i--) {
      if (!Double.isNaN(c[i])) {
        return c[i];
      }
    }
    return Double.NaN;
  }
}
