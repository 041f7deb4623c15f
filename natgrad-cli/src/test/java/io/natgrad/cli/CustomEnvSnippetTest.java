package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs the snippet of docs/CUSTOM_ENV.md as it is written there, so the guide never
 * goes stale: the trained thermostat policy must beat the untrained one by far and come within 3× of
 * the hand-tuned controller's return.
 */
class CustomEnvSnippetTest {
  @TempDir Path tmp;

  @Test
  void theGuidesSnippetCompilesRunsAndLearns() throws Exception {
    Path doc = Path.of("..", "docs", "CUSTOM_ENV.md");
    String text = Files.readString(doc);
    int start = text.indexOf("```java", text.indexOf("<!-- snippet:CustomEnvSnippet -->"));
    int end = text.indexOf("```", start + 7);
    String code = text.substring(start + "```java".length(), end);
    Path src = tmp.resolve("CustomEnvSnippet.java");
    Files.writeString(src, code);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d",
        tmp.toString(), src.toString());
    assertThat(rc).isZero();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()},
        getClass().getClassLoader())) {
      double[] r = (double[]) loader.loadClass("CustomEnvSnippet").getMethod("run").invoke(null);
      double before = r[0];
      double after = r[1];
      double controller = r[2];
      assertThat(after).isGreaterThan(before + 1000);
      assertThat(after).isGreaterThanOrEqualTo(3 * controller);
    }
  }
}
