package io.natgrad.cli.reproduce;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code natgrad reproduce}: the paper's figures, each from a command. */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    description = "Reproduce the paper's figures (PNG + CSV in runs/<figure>/ or --out).",
    subcommands = {
      Figure1Command.class,
      Figure2Command.class,
      Figure3Command.class,
      Figure4Command.class,
      AllFiguresCommand.class,
      MetricStudyCommand.class,
      GlmFigureCommand.class
    })
public final class ReproduceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
