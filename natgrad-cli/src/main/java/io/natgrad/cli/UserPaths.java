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
}
