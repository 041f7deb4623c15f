package io.natgrad.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the CLI in process and captures what it prints (System.out and System.err are swapped for
 * the call, so calls are serialized). In the test-jar for the optional modules' CLI tests.
 */
public final class CliRunner {
  /**
   * @param exitCode the command's exit code
   * @param out what it printed on standard output
   * @param err what it printed on standard error
   */
  public record Result(int exitCode, String out, String err) {}

  private CliRunner() {}

  public static synchronized Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
