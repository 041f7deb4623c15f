package io.natgrad.cli;

import io.natgrad.cli.reproduce.ReproduceCommand;
import io.natgrad.cli.train.EvalCommand;
import io.natgrad.cli.train.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code natgrad} command. */
@Command(
    name = "natgrad",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Natural-gradient optimization and reinforcement learning.")
public final class Main implements Runnable {
  /**
   * The subcommands, in the order the help lists them. Added here rather than in the annotation
   * so that a run builds only the command it invokes: picocli's reflective model of all of them
   * took ≈ 50 ms of every start-up.
   */
  private static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS;

  static {
    java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
    m.put("reproduce", ReproduceCommand::new);
    m.put("mle", MleCommand::new);
    m.put("glm", GlmCommand::new);
    m.put("train", TrainCommand::new);
    m.put("eval", EvalCommand::new);
    m.put("render", io.natgrad.cli.render.RenderCommand::new);
    m.put("env", EnvCommand::new);
    m.put("report", ReportCommand::new);
    m.put("sweep", SweepCommand::new);
    m.put("bench", BenchCommand::new);
    m.put("help", CommandLine.HelpCommand::new);
    SUBCOMMANDS = java.util.Collections.unmodifiableMap(m);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (args.length > 0 && java.util.Set.of("train", "sweep", "bench").contains(args[0])) {
      // queue the vector kernels for compilation while the command parses and sets up: the
      // first update then runs compiled code (≈ 0.4 s less on a 100 000-step CartPole run)
      io.natgrad.rl.nn.KernelWarmup.start();
    }
    System.setProperty("java.awt.headless", "true");
    // the library's log: warnings and errors on stderr, as "natgrad: WARN …"
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    System.exit(execute(args));
  }

  /**
   * Runs the command line and returns the exit code (0 done, 1 run failed or internal error, 2 bad
   * input, 3 did not converge, 130 interrupted). Every user error ends with one line
   * {@code natgrad: error: <what was typed>: <what is wrong>} on stderr; an internal failure prints
   * one line naming it and the file its trace went to ({@code --debug} or {@code NATGRAD_DEBUG=1}:
   * the trace on stderr).
   */
  public static int execute(String... args) {
    boolean debug = "1".equals(System.getenv("NATGRAD_DEBUG"));
    java.util.List<String> rest = new java.util.ArrayList<>();
    for (String a : args) {
      if (a.equals("--debug")) {
        debug = true;
      } else {
        rest.add(a);
      }
    }
    args = rest.toArray(String[]::new);
    CommandLine cli = new CommandLine(new Main());
    java.util.function.Supplier<Object> invoked = args.length > 0 && !"help".equals(args[0])
        ? SUBCOMMANDS.get(args[0]) : null;
    if (invoked != null) {
      cli.addSubcommand(invoked.get());
    } else {
      // no subcommand, an unknown one (picocli suggests the nearest) or help: all of them
      for (java.util.function.Supplier<Object> sub : SUBCOMMANDS.values()) {
        cli.addSubcommand(sub.get());
      }
    }
    boolean traceOnStderr = debug;
    cli.setParameterExceptionHandler((ex, arguments) -> {
      ex.getCommandLine().getErr().println("natgrad: error: " + ErrorMessages.parameter(ex));
      return 2;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      String user = ErrorMessages.user(ex);
      if (user != null) {
        commandLine.getErr().println("natgrad: error: " + user);
        return 2;
      }
      commandLine.getErr().println("natgrad: internal error: " + ErrorMessages.oneLine(ex) + " ("
          + ErrorMessages.trace(ex, traceOnStderr, commandLine.getErr()) + ")");
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
