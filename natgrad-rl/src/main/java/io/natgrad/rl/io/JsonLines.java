package io.natgrad.rl.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** JSON Lines files (one JSON value per line, blank lines skipped), plain or gzipped. */
public final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  /** Every value of a file; gzip is detected by its magic bytes, not by the file's name. */
  public static List<JsonNode> read(Path file) {
    return read(file, Integer.MAX_VALUE);
  }

  /** The first {@code limit} values of a file. */
  public static List<JsonNode> read(Path file, int limit) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      return read(raw, file.toString(), limit);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The first {@code limit} values of a stream; {@code name} for messages.
   *
   * @throws IllegalArgumentException naming the line when a line is not JSON
   */
  public static List<JsonNode> read(InputStream raw, String name, int limit) throws IOException {
    InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      in = new GZIPInputStream(in);
    }
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<JsonNode> out = new ArrayList<>();
    String line;
    int number = 0;
    while (out.size() < limit && (line = lines.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(JSON.readTree(line));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(name + " line " + number + " is not JSON: "
            + e.getOriginalMessage());
      }
    }
    return out;
  }
}
