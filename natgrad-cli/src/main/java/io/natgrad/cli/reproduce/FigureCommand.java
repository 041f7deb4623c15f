package io.natgrad.cli.reproduce;

import io.natgrad.rl.run.RunDirectory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** A figure: its outputs go to {@code runs/&lt;figure>/} unless {@code --out} says otherwise. */
abstract class FigureCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output directory (default: runs/<figure>). Regenerated in place.")
  Path out;

  /** The figure's short name, e.g. {@code fig2}. */
  abstract String figure();

  /** Produces the figure into {@code dir}, printing a summary; returns the files written. */
  abstract List<Path> produce(RunDirectory dir, PrintStream stdout) throws Exception;

  Path outputDirectory() {
    return out != null ? io.natgrad.cli.UserPaths.output("--out", out)
        : Path.of("runs", figure());
  }

  @Override
  public Integer call() throws Exception {
    RunDirectory dir = RunDirectory.create(outputDirectory());
    List<Path> files = produce(dir, System.out);
    for (Path f : files) {
      System.out.println("wrote " + f);
    }
    return 0;
  }
}
