package io.natgrad.cli;

import io.natgrad.cli.report.ReportWriter;
import io.natgrad.cli.report.RunData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code natgrad report RUN...}: a self-contained HTML report of one or several runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write report.html for one run (into its directory) or several (into --out).")
public final class ReportCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run directories.")
  List<Path> runs;

  @Option(names = "--out", paramLabel = "DIR", description = "Where a multi-run report goes (default runs/report).")
  Path out;

  @Option(names = "--group-by", paramLabel = "KEY", description = "Group runs by this config key (default: by configuration).")
  String groupBy;

  @Option(names = "--threshold", paramLabel = "R", description = "Return for the steps-to-threshold column.")
  Double threshold;

  @Override
  public Integer call() throws Exception {
    List<RunData> data = new ArrayList<>();
    UserPaths.output("--out", out);
    for (Path r : runs) {
      UserPaths.directory("run directory", r);
      data.add(RunData.read(r));
    }
    if (groupBy != null && data.stream().noneMatch(d -> d.settings().has(groupBy))) {
      java.util.Set<String> keys = new java.util.TreeSet<>();
      data.forEach(d -> d.settings().fieldNames().forEachRemaining(keys::add));
      String near = ErrorMessages.nearest(groupBy, new ArrayList<>(keys));
      throw new IllegalArgumentException("--group-by " + groupBy + ": no run has that setting"
          + (near == null ? "" : " — did you mean " + near + "?") + " (settings: "
          + String.join(", ", keys) + ")");
    }
    Path file;
    if (data.size() == 1 && out == null) {
      file = runs.get(0).resolve("report.html");
      ReportWriter.write(ReportWriter.single(data.get(0)), file);
    } else {
      file = (out == null ? Path.of("runs", "report") : out).resolve("report.html");
      ReportWriter.write(ReportWriter.multi(data, groupBy, threshold), file);
    }
    System.out.println("wrote " + file);
    return 0;
  }
}
