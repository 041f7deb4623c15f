package io.natgrad.rl.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines: plain and gzipped files read alike (gzip by content, not name), limits, errors. */
class JsonLinesTest {
  @TempDir Path tmp;
  static final String TEXT = "{\"a\": 1}\n\n  \n{\"a\": [2, 3]}\n{\"a\": \"x\"}";

  @Test
  void plainAndGzippedGiveTheSameValues() throws Exception {
    Path plain = tmp.resolve("p.jsonl");
    Files.writeString(plain, TEXT);
    Path gz = tmp.resolve("named-plain.jsonl");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(TEXT.getBytes(StandardCharsets.UTF_8));
    }
    List<JsonNode> a = JsonLines.read(plain);
    assertThat(a).hasSize(3);
    assertThat(a.get(1).get("a").get(1).asInt()).isEqualTo(3);
    assertThat(JsonLines.read(gz)).isEqualTo(a);
    assertThat(JsonLines.read(gz, 2)).isEqualTo(a.subList(0, 2));
    Path empty = tmp.resolve("e.jsonl");
    Files.writeString(empty, "");
    assertThat(JsonLines.read(empty)).isEmpty();
  }

  @Test
  void aBadLineIsNamedByNumber() throws Exception {
    Path bad = tmp.resolve("b.jsonl");
    Files.writeString(bad, "{\"a\": 1}\n\n{oops\n");
    assertThatThrownBy(() -> JsonLines.read(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b.jsonl line 3 is not JSON");
  }
}
