package io.natgrad.rl.run;

import io.natgrad.rl.algo.NaturalPolicyUpdate;
import io.natgrad.rl.algo.TrainingIteration;
import io.natgrad.rl.io.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code metric-comparison.csv}: with {@code compare_metrics}, one row per update —
 * {@code time/iterations}, {@code time/total_timesteps}, then {@code cmp/<metric>/cos} and
 * {@code cmp/<metric>/true_kl} for the run's own metric and each compared one. A file of its own
 * because metrics.csv keeps a fixed set of columns (a resumed run appends rows of that width). On
 * resume its rows after the checkpoint are dropped, like metrics.csv's.
 */
final class ComparisonCsv implements AutoCloseable {
  static final String FILE = "metric-comparison.csv";
  private final Path file;
  private final boolean append;
  private Csv csv;
  private List<String> names;

  /**
   * @param dir the run directory
   * @param resumedAt the checkpoint's update when resuming, or -1 for a new run
   */
  ComparisonCsv(Path dir, int resumedAt) throws IOException {
    this.file = dir.resolve(FILE);
    this.append = resumedAt >= 0 && Files.exists(file);
    if (append) {
      Checkpoints.truncateMetrics(file, resumedAt);
    } else {
      Files.deleteIfExists(file); // an earlier run's (force)
    }
  }

  /** Writes the iteration's comparison, if its update made one. */
  void record(TrainingIteration it) {
    if (!(it.update() instanceof NaturalPolicyUpdate.Result r) || r.comparison().isEmpty()) {
      return;
    }
    Map<String, double[]> c = r.comparison();
    if (csv == null) {
      names = List.copyOf(c.keySet());
      List<String> header = new ArrayList<>(List.of("time/iterations", "time/total_timesteps"));
      for (String n : names) {
        header.add("cmp/" + n + "/cos");
        header.add("cmp/" + n + "/true_kl");
      }
      csv = append ? Csv.append(file, header.size()) : new Csv(file, header.toArray(String[]::new));
    }
    Object[] cells = new Object[2 + 2 * names.size()];
    cells[0] = it.iteration();
    cells[1] = it.steps();
    for (int i = 0; i < names.size(); i++) {
      double[] v = c.get(names.get(i));
      cells[2 + 2 * i] = v[0];
      cells[3 + 2 * i] = v[1];
    }
    csv.row(cells);
    csv.flush();
  }

  @Override
  public void close() {
    if (csv != null) {
      csv.close();
    }
  }
}
