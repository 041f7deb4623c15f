package io.natgrad.rl.run;

import io.natgrad.rl.algo.TrainerState;
import io.natgrad.rl.io.AtomicFiles;
import io.natgrad.rl.io.CheckpointFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A run's {@code checkpoints/} directory: numbered files, written atomically, the last few kept. */
public final class Checkpoints {
  private Checkpoints() {}

  public static String name(int iteration) {
    return String.format(Locale.ROOT, "checkpoint-%08d.json", iteration);
  }

  /** Writes the checkpoint and removes all but the newest {@code keep}. */
  public static void write(TrainerState s, Path dir, int keep) {
    try {
      Files.createDirectories(dir);
      CheckpointFile.write(s, dir.resolve(name(s.iteration())));
      List<Path> all = list(dir);
      for (int i = 0; i < all.size() - keep; i++) {
        Files.deleteIfExists(all.get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a checkpoint into " + dir
          + " (the previous checkpoint is intact): " + e.getMessage(), e);
    }
  }

  public static List<Path> list(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().matches("checkpoint-\\d{8}\\.json"))
          .sorted().forEach(out::add);
    }
    return out;
  }

  /** The newest checkpoint, or an error saying there is none. */
  public static Path latest(Path dir) throws IOException {
    List<Path> all = list(dir);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no checkpoint in " + dir + " to resume from");
    }
    return all.get(all.size() - 1);
  }

  /** Drops metrics rows written after the checkpoint's update (they will be recomputed). */
  public static void truncateMetrics(Path csv, int iteration) throws IOException {
    if (!Files.exists(csv)) {
      throw new IllegalArgumentException("run directory has no " + csv.getFileName());
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>();
    kept.add(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      int comma = line.indexOf(',');
      if (comma > 0 && Integer.parseInt(line.substring(0, comma)) <= iteration) {
        kept.add(line);
      }
    }
    AtomicFiles.write(csv, (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
