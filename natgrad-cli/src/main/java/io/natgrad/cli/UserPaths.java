package io.natgrad.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of the paths a user types, before any work: each refusal names the flag (or the
 * argument) and the path, and says what was expected.
 */
public final class UserPaths {
  private UserPaths() {}

  /** An existing, readable regular file. */
  public static Path file(String flag, Path p) {
    if (!Files.exists(p)) {
      throw new IllegalArgumentException(flag + " " + p + ": no such file");
    }
    if (Files.isDirectory(p)) {
      throw new IllegalArgumentException(flag + " " + p + ": is a directory, a file was expected");
    }
    if (!Files.isReadable(p)) {
      throw new IllegalArgumentException(flag + " " + p + ": cannot be read (permission denied)");
    }
    return p;
  }

  /** An existing, readable directory. */
  public static Path directory(String flag, Path p) {
    if (!Files.exists(p)) {
      throw new IllegalArgumentException(flag + " " + p + ": no such directory");
    }
    if (!Files.isDirectory(p)) {
      throw new IllegalArgumentException(flag + " " + p + ": is a file, a directory was expected");
    }
    if (!Files.isReadable(p)) {
      throw new IllegalArgumentException(flag + " " + p + ": cannot be read (permission denied)");
    }
    return p;
  }

  /** An output directory: absent (it will be made) or a directory, not a file. */
  public static Path output(String flag, Path p) {
    if (p != null && Files.exists(p) && !Files.isDirectory(p)) {
      throw new IllegalArgumentException(flag + " " + p + ": is a file, a directory was expected");
    }
    return p;
  }

  /**
   * A column of a CSV file the user gave with {@code flag}: checked as a file, read with or
   * without a header line; a header-less file read as if it had one is refused with the fix.
   */
  public static double[] csvColumn(String flag, Path p, String column, boolean noHeader)
      throws java.io.IOException {
    file(flag, p);
    try {
      return io.natgrad.core.mle.CsvColumn.read(p, column, !noHeader);
    } catch (IllegalArgumentException e) {
      if (e.getMessage().endsWith("not a header line")) {
        throw new IllegalArgumentException(flag + " " + p + ": its first line is a row of "
            + "numbers, not a header; add a header line or pass --no-header (then --column is a "
            + "0-based index)");
      }
      throw new IllegalArgumentException(flag + " " + p + ": " + e.getMessage()
          .replace("data file " + p + " ", "").replace(p + " ", ""));
    }
  }
}
