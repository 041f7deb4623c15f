package io.natgrad.rl.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command's output directory ({@code runs/&lt;name>/} unless {@code --out} says otherwise), with a
 * {@code config.json} recording what made its contents: the command, its resolved settings, the
 * natgrad version and commit, Java and the time.
 */
public final class RunDirectory {
  private final Path dir;

  private RunDirectory(Path dir) {
    this.dir = dir;
  }

  /** Creates (or reuses) the directory. */
  public static RunDirectory create(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      String why = e instanceof java.nio.file.FileAlreadyExistsException
          ? (e.getMessage().equals(dir.toString()) ? "it is" : e.getMessage() + " is")
              + " a file, a directory was expected"
          : e instanceof java.nio.file.FileSystemException f && f.getReason() != null
              ? f.getReason() : String.valueOf(e.getMessage());
      throw new IllegalArgumentException("cannot create output directory " + dir + ": " + why);
    }
    if (!Files.isWritable(dir)) {
      throw new IllegalArgumentException("output directory " + dir + " is not writable");
    }
    return new RunDirectory(dir);
  }

  public Path path() {
    return dir;
  }

  public Path resolve(String file) {
    return dir.resolve(file);
  }

  /** Writes {@code config.json}: the command, its settings and the provenance. */
  public void writeConfig(String command, Map<String, Object> settings) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("command", command);
    root.put("settings", settings);
    root.put("provenance", provenance());
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(dir.resolve("config.json").toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve("config.json"), e);
    }
  }

  /** natgrad version and commit, Java, OS, cores and the time: what made a run's outputs. */
  public static Map<String, Object> provenance() {
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("natgrad_version", BuildInfo.version());
    provenance.put("commit", BuildInfo.commit());
    provenance.put("java", System.getProperty("java.version"));
    provenance.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    provenance.put("cores", Runtime.getRuntime().availableProcessors());
    provenance.put("created", Instant.now().toString());
    return provenance;
  }
}
