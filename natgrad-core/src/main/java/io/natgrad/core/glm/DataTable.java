package io.natgrad.core.glm;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of named columns read from CSV (a header line, comma-separated, optional double quotes):
 * a column whose every value is a number is numeric, any other is text (a factor in a model). A
 * numeric column with a missing, NaN or infinite value is refused when it is used, naming the
 * column, the row and the value; text columns may hold any text but not an empty cell.
 */
public final class DataTable {
  private final Map<String, double[]> numeric;
  private final Map<String, String[]> text;
  /** The first missing or non-finite cell of each numeric column that has one. */
  private final Map<String, String> bad;
  private final int rows;
  private final String source;

  private DataTable(Map<String, double[]> numeric, Map<String, String[]> text,
      Map<String, String> bad, int rows, String source) {
    this.numeric = numeric;
    this.text = text;
    this.bad = bad;
    this.rows = rows;
    this.source = source;
  }

  /** The table of a CSV file. */
  public static DataTable readCsv(Path file) throws IOException {
    List<String[]> lines = new ArrayList<>();
    String[] header;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String h = in.readLine();
      if (h == null || h.isBlank()) {
        throw new IllegalArgumentException("data file " + file + " is empty");
      }
      header = split(h);
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = split(line);
        if (cells.length != header.length) {
          throw new IllegalArgumentException(file + " line " + lineNo + " has " + cells.length
              + " fields, the header " + header.length);
        }
        lines.add(cells);
      }
    }
    return of(header, lines, file.toString());
  }

  /** A table from a header and rows of text cells (the CSV reader's path). */
  public static DataTable of(String[] header, List<String[]> rows, String source) {
    Map<String, double[]> numeric = new LinkedHashMap<>();
    Map<String, String[]> text = new LinkedHashMap<>();
    Map<String, String> bad = new LinkedHashMap<>();
    for (int c = 0; c < header.length; c++) {
      String name = header[c].trim();
      if (numeric.containsKey(name) || text.containsKey(name)) {
        throw new IllegalArgumentException(source + ": column '" + name + "' appears twice");
      }
      boolean allNumbers = true;
      boolean anyNumber = false;
      for (String[] row : rows) {
        String cell = row[c].trim();
        if (isMissing(cell)) {
          continue;
        }
        if (parse(cell) == null) {
          allNumbers = false;
          break;
        }
        anyNumber = true;
      }
      if (allNumbers && anyNumber) {
        double[] v = new double[rows.size()];
        for (int r = 0; r < v.length; r++) {
          String cell = rows.get(r)[c].trim();
          v[r] = isMissing(cell) ? Double.NaN : parse(cell);
          if (!Double.isFinite(v[r]) && !bad.containsKey(name)) {
            // refused when a model uses the column, not when an unused one holds it
            bad.put(name, source + ": column '" + name + "' row " + (r + 1) + (isMissing(cell)
                ? " has no value ('" + cell + "'); remove the row or fill it in"
                : " is " + cell + "; a numeric column needs finite values"));
          }
        }
        numeric.put(name, v);
      } else {
        String[] t = new String[rows.size()];
        for (int r = 0; r < t.length; r++) {
          t[r] = rows.get(r)[c].trim();
          if (isMissing(t[r])) {
            throw new IllegalArgumentException(source + ": column '" + name + "' row " + (r + 1)
                + " has no value ('" + t[r] + "'); remove the row or fill it in");
          }
        }
        text.put(name, t);
      }
    }
    return new DataTable(numeric, text, bad, rows.size(), source);
  }

  private static boolean isMissing(String cell) {
    return cell.isEmpty() || cell.equals("NA");
  }

  private static Double parse(String cell) {
    if (cell.isEmpty()) {
      return null;
    }
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Splits one CSV line (RFC 4180 double quotes). */
  static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out.toArray(String[]::new);
  }

  /** Rows. */
  public int rows() {
    return rows;
  }

  /** Where the table came from (for messages). */
  public String source() {
    return source;
  }

  /** Whether a column of this name exists. */
  public boolean has(String name) {
    return numeric.containsKey(name) || text.containsKey(name);
  }

  /** Whether the column is numeric. */
  public boolean isNumeric(String name) {
    require(name);
    return numeric.containsKey(name);
  }

  /** A numeric column (not copied). */
  public double[] numeric(String name) {
    require(name);
    double[] v = numeric.get(name);
    if (v == null) {
      String[] t = text.get(name);
      int r = 0;
      while (r < t.length && parse(t[r]) != null) {
        r++;
      }
      throw new IllegalArgumentException(source + ": column '" + name + "' must be numeric; "
          + "row " + (r + 1) + " is '" + t[Math.min(r, t.length - 1)] + "'");
    }
    if (bad.containsKey(name)) {
      throw new IllegalArgumentException(bad.get(name));
    }
    return v;
  }

  /** A text column (not copied). */
  public String[] text(String name) {
    require(name);
    String[] t = text.get(name);
    if (t == null) {
      double[] v = numeric.get(name);
      t = new String[v.length];
      for (int r = 0; r < v.length; r++) {
        t[r] = v[r] == Math.rint(v[r]) ? String.valueOf((long) v[r]) : String.valueOf(v[r]);
      }
    }
    return t;
  }

  /** The column names, in file order. */
  public List<String> names() {
    List<String> n = new ArrayList<>(numeric.keySet());
    n.addAll(text.keySet());
    return n;
  }

  private void require(String name) {
    if (!has(name)) {
      throw new IllegalArgumentException(source + " has no column '" + name + "'; its columns "
          + "are " + names());
    }
  }
}
