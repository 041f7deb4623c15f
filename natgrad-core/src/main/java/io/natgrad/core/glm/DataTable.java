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

  /**
   * A table of columns already read (a piece of a larger table, as a cluster's partition holds
   * it): NaN or infinite numbers — a missing value read as NaN — are refused when the column is
   * used, naming the column and the row (counted within this piece); a null text is refused now.
   *
   * @param source what the rows are, for messages (e.g. "data.parquet, partition 3")
   */
  public static DataTable of(String source, int rows, Map<String, double[]> numeric,
      Map<String, String[]> text) {
    Map<String, String> bad = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : numeric.entrySet()) {
      double[] v = e.getValue();
      for (int r = 0; r < rows; r++) {
        if (!Double.isFinite(v[r])) {
          bad.put(e.getKey(), source + ": column '" + e.getKey() + "' row " + (r + 1) + " is "
              + (Double.isNaN(v[r]) ? "missing or NaN" : String.valueOf(v[r]))
              + "; a numeric column needs finite values");
          break;
        }
      }
    }
    for (Map.Entry<String, String[]> e : text.entrySet()) {
      String[] t = e.getValue();
      for (int r = 0; r < rows; r++) {
        if (t[r] == null) {
          throw new IllegalArgumentException(source + ": column '" + e.getKey() + "' row "
              + (r + 1) + " has no value; remove the row or fill it in");
        }
      }
    }
    return new DataTable(new LinkedHashMap<>(numeric), new LinkedHashMap<>(text), bad, rows,
        source);
  }

  /**
   * The table of a CSV file, read in one streaming pass when every column keeps one kind from its
   * first value on (numbers, missing values among them, or text): a large numeric file is never
   * held as text, each number parsed from the line's characters where it stands. A column that
   * turns out text after numbers (or is missing until then) is read again in two passes — the
   * columns' kinds, then their values.
   */
  public static DataTable readCsv(Path file) throws IOException {
    DataTable once = read(file, null);
    return once != null ? once : readTwice(file);
  }

  private static String[] header(String h, Path file) {
    if (h == null || h.isBlank()) {
      throw new IllegalArgumentException("data file " + file + " is empty");
    }
    String[] header = split(h);
    for (int c = 0; c < header.length; c++) {
      header[c] = header[c].trim();
      for (int d = 0; d < c; d++) {
        if (header[d].equals(header[c])) {
          throw new IllegalArgumentException(file + ": column '" + header[c] + "' appears twice");
        }
      }
    }
    return header;
  }

  /**
   * One pass over the values. With {@code textColumns} null, each column takes the kind of its
   * first value, and the result is null when a column's kind changes later (or it has no value);
   * with the columns' kinds given (the two-pass reader's first pass), it never is.
   */
  private static DataTable read(Path file, boolean[] textColumns) throws IOException {
    String source = file.toString();
    final int undecided = 0;
    final int number = 1;
    final int text = 2;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String[] header = header(in.readLine(), file);
      int k = header.length;
      int[] kind = new int[k];
      int capacity = 1024;
      double[][] values = new double[k][capacity];
      String[][] strings = new String[k][];
      for (int c = 0; textColumns != null && c < k; c++) {
        kind[c] = textColumns[c] ? text : number;
        if (textColumns[c]) {
          strings[c] = new String[capacity];
          values[c] = null;
        }
      }
      Map<String, String> bad = new LinkedHashMap<>();
      Fields fields = new Fields(k);
      String line;
      int lineNo = 1;
      int r = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        fields.read(line, file, lineNo);
        if (r == capacity) {
          capacity *= 2;
          for (int c = 0; c < k; c++) {
            if (kind[c] == text) {
              strings[c] = java.util.Arrays.copyOf(strings[c], capacity);
            } else {
              values[c] = java.util.Arrays.copyOf(values[c], capacity);
            }
          }
        }
        for (int c = 0; c < k; c++) {
          int cell = fields.kind(c);
          if (kind[c] == text) {
            if (cell == Fields.MISSING) {
              throw new IllegalArgumentException(noValue(source, header[c], r,
                  fields.text(c).trim()));
            }
            strings[c][r] = fields.text(c).trim();
          } else if (cell == Fields.TEXT) {
            if (kind[c] != undecided || r > 0) {
              return null; // text after numbers or missing values: the two-pass reader decides
            }
            kind[c] = text;
            strings[c] = new String[capacity];
            values[c] = null;
            strings[c][r] = fields.text(c).trim();
          } else {
            double v = fields.number(c);
            values[c][r] = v;
            if (cell == Fields.NUMBER) {
              kind[c] = number;
            }
            if (!Double.isFinite(v) && !bad.containsKey(header[c])) {
              bad.put(header[c], notFinite(source, header[c], r, fields.text(c).trim()));
            }
          }
        }
        r++;
      }
      Map<String, double[]> numeric = new LinkedHashMap<>();
      Map<String, String[]> texts = new LinkedHashMap<>();
      for (int c = 0; c < k; c++) {
        if (kind[c] == undecided) {
          return null; // no value at all: the two-pass reader's rules
        }
      }
      for (int c = 0; c < k; c++) {
        if (kind[c] == text) {
          texts.put(header[c], r == capacity ? strings[c] : java.util.Arrays.copyOf(strings[c], r));
        } else {
          numeric.put(header[c], r == capacity ? values[c] : java.util.Arrays.copyOf(values[c], r));
        }
      }
      bad.keySet().retainAll(numeric.keySet());
      return new DataTable(numeric, texts, bad, r, source);
    }
  }

  /** Two passes: the columns' kinds, then their values. */
  static DataTable readTwice(Path file) throws IOException {
    boolean[] isText;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String[] header = header(in.readLine(), file);
      isText = new boolean[header.length];
      boolean[] anyNumber = new boolean[header.length];
      Fields fields = new Fields(header.length);
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        fields.read(line, file, lineNo);
        for (int c = 0; c < header.length; c++) {
          if (!isText[c]) {
            int kind = fields.kind(c);
            isText[c] = kind == Fields.TEXT;
            anyNumber[c] |= kind == Fields.NUMBER;
          }
        }
      }
      for (int c = 0; c < header.length; c++) {
        isText[c] |= !anyNumber[c];
      }
    }
    return read(file, isText);
  }

  /** One line's fields as character ranges (quoted lines: split into strings). */
  private static final class Fields {
    static final int MISSING = 0;
    static final int NUMBER = 1;
    static final int TEXT = 2;
    private final int k;
    private final int[] start;
    private final int[] end;
    private char[] chars = new char[256];
    private String[] quoted;

    Fields(int k) {
      this.k = k;
      this.start = new int[k];
      this.end = new int[k];
    }

    void read(String line, Path file, int lineNo) {
      int len = line.length();
      if (line.indexOf('"') >= 0) {
        quoted = split(line);
        if (quoted.length != k) {
          throw new IllegalArgumentException(file + " line " + lineNo + " has " + quoted.length
              + " fields, the header " + k);
        }
        return;
      }
      quoted = null;
      if (chars.length < len) {
        chars = new char[Math.max(len, 2 * chars.length)];
      }
      line.getChars(0, len, chars, 0);
      int c = 0;
      int s = 0;
      for (int i = 0; i <= len; i++) {
        if (i == len || chars[i] == ',') {
          if (c < k) {
            start[c] = s;
            end[c] = i;
          }
          c++;
          s = i + 1;
        }
      }
      if (c != k) {
        throw new IllegalArgumentException(file + " line " + lineNo + " has " + c
            + " fields, the header " + k);
      }
    }

    String text(int c) {
      return quoted != null ? quoted[c] : new String(chars, start[c], end[c] - start[c]);
    }

    /** MISSING (empty or NA), NUMBER, or TEXT. */
    int kind(int c) {
      if (quoted != null) {
        String t = quoted[c].trim();
        return isMissing(t) ? MISSING : parse(t) != null ? NUMBER : TEXT;
      }
      int s = start[c];
      int e = end[c];
      while (s < e && chars[s] == ' ') {
        s++;
      }
      while (e > s && chars[e - 1] == ' ') {
        e--;
      }
      if (s == e || e - s == 2 && chars[s] == 'N' && chars[s + 1] == 'A') {
        return MISSING;
      }
      if (isDecimal(chars, s, e)) {
        return NUMBER;
      }
      return parse(new String(chars, s, e - s)) != null ? NUMBER : TEXT;
    }

    /** [+-]? digits [. digits] [(e|E) [+-]? digits], at least one mantissa digit. */
    private static boolean isDecimal(char[] a, int s, int e) {
      int i = s;
      if (i < e && (a[i] == '+' || a[i] == '-')) {
        i++;
      }
      int digits = 0;
      while (i < e && a[i] >= '0' && a[i] <= '9') {
        i++;
        digits++;
      }
      if (i < e && a[i] == '.') {
        i++;
        while (i < e && a[i] >= '0' && a[i] <= '9') {
          i++;
          digits++;
        }
      }
      if (digits == 0) {
        return false;
      }
      if (i < e && (a[i] == 'e' || a[i] == 'E')) {
        i++;
        if (i < e && (a[i] == '+' || a[i] == '-')) {
          i++;
        }
        int exp = 0;
        while (i < e && a[i] >= '0' && a[i] <= '9') {
          i++;
          exp++;
        }
        if (exp == 0) {
          return false;
        }
      }
      return i == e;
    }

    /** The number in field c (NaN when missing). */
    double number(int c) {
      if (quoted != null) {
        String t = quoted[c].trim();
        Double d = isMissing(t) ? null : parse(t);
        return d == null ? Double.NaN : d;
      }
      int s = start[c];
      int e = end[c];
      while (s < e && chars[s] == ' ') {
        s++;
      }
      while (e > s && chars[e - 1] == ' ') {
        e--;
      }
      if (s == e || e - s == 2 && chars[s] == 'N' && chars[s + 1] == 'A') {
        return Double.NaN;
      }
      try {
        return com.fasterxml.jackson.core.io.NumberInput.parseDouble(chars, s, e - s, true);
      } catch (NumberFormatException ex) {
        Double d = parse(new String(chars, s, e - s));
        if (d == null) {
          throw new IllegalArgumentException("'" + new String(chars, s, e - s)
              + "' is not a number");
        }
        return d;
      }
    }
  }

  private static String noValue(String source, String column, int r, String cell) {
    return source + ": column '" + column + "' row " + (r + 1) + " has no value ('" + cell
        + "'); remove the row or fill it in";
  }

  private static String notFinite(String source, String column, int r, String cell) {
    return isMissing(cell) ? noValue(source, column, r, cell) : source + ": column '" + column
        + "' row " + (r + 1) + " is " + cell + "; a numeric column needs finite values";
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
  public static String[] split(String line) {
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
