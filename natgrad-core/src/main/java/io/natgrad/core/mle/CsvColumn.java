package io.natgrad.core.mle;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one numeric column of a CSV file with a header line. Errors name the file, the column, the
 * line and the offending value: a missing column, an empty file, a value that is not a finite
 * number.
 */
public final class CsvColumn {
  private CsvColumn() {}

  /**
   * Reads column {@code column} (by header name, or by 0-based index when it is a number and no
   * header has that name).
   */
  public static double[] read(Path file, String column) throws IOException {
    return read(file, column, true);
  }

  /**
   * As {@link #read(Path, String)}; without a header line ({@code header} false) the column is a
   * 0-based index and the data start on the first line.
   */
  public static double[] read(Path file, String column, boolean header) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = header ? in.readLine() : null;
      if (header && (first == null || first.isBlank())) {
        throw new IllegalArgumentException("data file " + file + " is empty");
      }
      if (!header) {
        if (!column.matches("\\d+")) {
          throw new IllegalArgumentException("without a header line the column must be a "
              + "0-based index, got '" + column + "'");
        }
        return values(in, file, column, Integer.parseInt(column), 0);
      }
      if (numericLine(first)) {
        throw new IllegalArgumentException("data file " + file + ": the first line '" + first
            + "' is a row of numbers, not a header line");
      }
      String[] names = split(first);
      int index = -1;
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(column)) {
          index = i;
        }
      }
      if (index < 0 && column.matches("\\d+") && Integer.parseInt(column) < names.length) {
        index = Integer.parseInt(column);
      }
      if (index < 0) {
        throw new IllegalArgumentException("column '" + column + "' does not exist in " + file
            + "; columns are " + String.join(", ", names));
      }
      // errors name the column by its header, whether it was given by name or by index
      return values(in, file, names[index], index, 1);
    }
  }

  /** The column's values from the remaining lines; {@code lineNo} is the lines already read. */
  private static double[] values(BufferedReader in, Path file, String column, int index,
      int lineNo) throws IOException {
    List<Double> values = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = split(line);
      if (index >= cells.length) {
        throw new IllegalArgumentException(
            file + " line " + lineNo + ": no value in column '" + column + "'");
      }
      double v;
      try {
        v = Double.parseDouble(cells[index]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + " line " + lineNo + ": column '" + column
            + "' value '" + cells[index] + "' is not a number");
      }
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(file + " line " + lineNo + ": column '" + column
            + "' value " + cells[index] + " is not finite");
      }
      values.add(v);
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("data file " + file + " has no data rows");
    }
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /** Whether every cell of a line reads as a number (a data row, not a header). */
  public static boolean numericLine(String line) {
    for (String c : split(line)) {
      try {
        Double.parseDouble(c);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }

  private static String[] split(String line) {
    String[] cells = line.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i].trim();
      if (cells[i].length() >= 2 && cells[i].startsWith("\"") && cells[i].endsWith("\"")) {
        cells[i] = cells[i].substring(1, cells[i].length() - 1);
      }
    }
    return cells;
  }
}
