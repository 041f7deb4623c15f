package io.natgrad.cli.reproduce;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code natgrad reproduce all}: every figure implemented so far, with its default settings. */
@Command(name = "all", mixinStandardHelpOptions = true,
    description = "Reproduce every implemented figure into runs/<figure>/ (or --out DIR/<figure>/).")
public final class AllFiguresCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
      description = "Base directory; each figure goes to DIR/<figure> (default ${DEFAULT-VALUE}).")
  Path out;

  static List<FigureCommand> figures() {
    return List.of(new Figure1Command(), new Figure2Command(), new Figure3Command(),
        new Figure4Command());
  }

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    for (FigureCommand f : figures()) {
      // apply the figure's own defaults as picocli would
      new picocli.CommandLine(f).parseArgs("--out", out.resolve(f.figure()).toString());
      System.out.println("== " + f.figure() + " ==");
      int code = f.call();
      if (code != 0) {
        return code;
      }
    }
    System.out.printf(java.util.Locale.ROOT, "all figures written under %s/ in %.1f s%n",
        out, (System.nanoTime() - t0) / 1e9);
    return 0;
  }
}
