package io.natgrad.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * The one-line messages of the command line's one error path: what the user typed, what is wrong
 * and, where there is one, what to do. User errors are {@link IllegalArgumentException}s (their
 * messages already name the flag, key or file) and file-system errors on paths the user gave;
 * anything else is an internal failure, whose trace goes to a temporary file.
 */
final class ErrorMessages {
  private ErrorMessages() {}

  /** A message on one line (a message's later lines joined with "; "). */
  static String oneLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      m = t.getClass().getSimpleName();
    }
    return m.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  /** The user-facing message of a user error, or null for an internal failure. */
  static String user(Throwable ex) {
    Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    if (t instanceof IllegalArgumentException) {
      return oneLine(t);
    }
    if (t instanceof NoSuchFileException f) {
      return f.getFile() + ": no such file or directory";
    }
    if (t instanceof AccessDeniedException f) {
      return f.getFile() + ": permission denied";
    }
    if (t instanceof NotDirectoryException f) {
      return f.getFile() + ": not a directory";
    }
    if (t instanceof FileSystemException f && f.getFile() != null) {
      String reason = f.getReason();
      if (reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("is a directory")) {
        return f.getFile() + ": is a directory, a file was expected";
      }
      return f.getFile() + ": " + (reason == null ? "cannot be used" : reason.toLowerCase(
          java.util.Locale.ROOT));
    }
    if (t instanceof java.nio.charset.MalformedInputException) {
      return "the file is not text (UTF-8): " + oneLine(t);
    }
    return null;
  }

  /** Where the full trace went: a temporary file (never a run directory), or stderr. */
  static String trace(Throwable ex, boolean onStderr, PrintWriter err) {
    if (onStderr) {
      ex.printStackTrace(err);
      return "trace above";
    }
    try {
      Path f = Files.createTempFile("natgrad-error-", ".txt");
      try (PrintStream out = new PrintStream(Files.newOutputStream(f), true,
          java.nio.charset.StandardCharsets.UTF_8)) {
        ex.printStackTrace(out);
      }
      return "full trace in " + f + "; rerun with --debug to print it";
    } catch (IOException e) {
      ex.printStackTrace(err);
      return "trace above";
    }
  }

  /**
   * A parse error as one line naming what was typed: an unknown option with the nearest known
   * ones, a bad value with its option, a missing one.
   */
  static String parameter(CommandLine.ParameterException ex) {
    CommandLine cmd = ex.getCommandLine();
    String command = cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^natgrad ", "");
    String help = " (see natgrad " + command + " --help)";
    boolean top = cmd.getCommandSpec().parent() == null;
    if (top) {
      help = " (see natgrad --help)";
    }
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      String first = unmatched.isEmpty() ? "?" : unmatched.get(0);
      String typed = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
      String what = typed.startsWith("-") ? "unknown option of " + command
          : top ? "unknown command" : "unexpected argument to " + command;
      List<String> known = new java.util.ArrayList<>();
      if (typed.startsWith("-")) {
        cmd.getCommandSpec().options().forEach(o -> known.addAll(List.of(o.names())));
      } else {
        known.addAll(cmd.getSubcommands().keySet());
      }
      String near = nearest(typed, known);
      return typed + ": " + what + (near == null ? "" : " — did you mean " + near + "?") + help;
    }
    return oneLine(ex) + help;
  }

  /** The known name nearest to what was typed (edit distance ≤ 2, or a prefix), or null. */
  static String nearest(String typed, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = k.startsWith(typed) && typed.length() >= 3 ? 1 : distance(typed, k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return bestDistance <= Math.max(2, typed.length() / 4) ? best : null;
  }

  /** Levenshtein distance, a transposition counting as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
