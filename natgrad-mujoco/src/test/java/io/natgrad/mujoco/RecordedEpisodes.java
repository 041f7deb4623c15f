package io.natgrad.mujoco;

import com.fasterxml.jackson.databind.JsonNode;
import io.natgrad.rl.io.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The recorded MuJoCo v4 episodes (test resources {@code mujoco/ENV.jsonl.gz}, copied from the
 * project's shared test data: Gymnasium 1.3.0's v4 logic transcribed to C on MuJoCo 2.2.2 — see
 * the README beside them): one JSON object per episode.
 */
final class RecordedEpisodes {
  private RecordedEpisodes() {}

  static List<JsonNode> of(String envId) {
    String resource = "/mujoco/" + envId + ".jsonl.gz";
    try (InputStream raw = RecordedEpisodes.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("no recorded episodes " + resource);
      }
      return JsonLines.read(raw, resource, Integer.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded episodes of {@code envId} copied to a gzipped file in {@code dir}. */
  static Path copy(String envId, Path dir) throws IOException {
    Path out = dir.resolve(envId + ".jsonl.gz");
    try (InputStream raw = RecordedEpisodes.class.getResourceAsStream(
        "/mujoco/" + envId + ".jsonl.gz")) {
      Files.copy(raw, out);
    }
    return out;
  }

  static double[] doubles(JsonNode array) {
    double[] d = new double[array.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = array.get(i).asDouble();
    }
    return d;
  }

  /**
   * The replay tolerance: 1e-12 relative (absolute below 1). The recordings were made with
   * Gymnasium's own asset files; natgrad's models describe the same bodies in its own files, which
   * MuJoCo compiles to the same model up to the last bits of derived quantities (measured: states
   * to 7e-14, Walker2d; the solver's warm starts to 1.5e-12).
   */
  static void assertClose(double[] actual, double[] expected, String what) {
    assertClose(actual, expected, 1e-12, what);
  }

  /** Within {@code rel} relative (absolute below 1). */
  static void assertClose(double[] actual, double[] expected, double rel, String what) {
    org.assertj.core.api.Assertions.assertThat(actual).as(what).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      double tol = rel * Math.max(Math.abs(expected[i]), 1);
      if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
        throw new AssertionError(what + "[" + i + "]: " + actual[i] + " vs recorded "
            + expected[i] + " (tolerance " + tol + ")\nactual   " + java.util.Arrays.toString(actual)
            + "\nrecorded " + java.util.Arrays.toString(expected));
      }
    }
  }
}
