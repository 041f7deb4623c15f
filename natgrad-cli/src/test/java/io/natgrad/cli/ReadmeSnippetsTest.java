package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs the README's library snippets as they are written there (each marked
 * {@code <!-- snippet:Name -->}), inside a method with the library's packages imported, so the
 * tour never goes stale.
 */
class ReadmeSnippetsTest {
  private static final String IMPORTS = String.join("\n",
      "import io.natgrad.core.linalg.*;", "import io.natgrad.core.metric.*;",
      "import io.natgrad.core.optim.*;", "import io.natgrad.rl.algo.*;",
      "import io.natgrad.rl.batch.*;", "import io.natgrad.rl.config.*;",
      "import io.natgrad.rl.metric.*;", "import io.natgrad.rl.run.*;",
      "import io.natgrad.rl.sample.*;", "import java.nio.file.Path;", "import java.util.*;");
  @TempDir Path tmp;

  /** Runs snippet {@code name}; returns what it printed. */
  String run(String name, String... replace) throws Exception {
    String text = Files.readString(Path.of("..", "README.md"));
    int marker = text.indexOf("<!-- snippet:" + name + " -->");
    assertThat(marker).as("snippet " + name + " in README.md").isNotNegative();
    int start = text.indexOf("```java", marker) + "```java".length();
    String body = text.substring(start, text.indexOf("```", start));
    for (int i = 0; i < replace.length; i += 2) {
      body = body.replace(replace[i], replace[i + 1]);
    }
    String cls = "Snippet" + name;
    Path src = tmp.resolve(cls + ".java");
    Files.writeString(src, IMPORTS + "\npublic class " + cls
        + " {\n  public static void run() throws Exception {\n" + body + "\n  }\n}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d",
        tmp.toString(), src.toString());
    assertThat(rc).as("the README's snippet " + name + " compiles").isZero();
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()},
        getClass().getClassLoader())) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      loader.loadClass(cls).getMethod("run").invoke(null);
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theSameUpdateWithTwoMetrics() throws Exception {
    String out = run("MetricChoice");
    System.err.print(out);
    Matcher fisher = Pattern.compile("fisher: beta ([0-9.]+), KL\\(old \\|\\| new\\) ([0-9.]+)")
        .matcher(out);
    assertThat(out).contains("euclidean: beta");
    assertThat(fisher.find()).as(out).isTrue();
    // the Fisher step's KL is close to δ = 0.01: the trust region is the KL's quadratic model
    assertThat(Double.parseDouble(fisher.group(2))).isBetween(0.005, 0.02);
  }

  @Test
  void aRunDirectoryFromCode() throws Exception {
    Path runs = tmp.resolve("runs");
    run("TrainingRun", "Path.of(\"runs\", \"cartpole\")",
        "Path.of(\"" + runs.toString().replace("\\", "\\\\") + "\", \"cartpole\")");
    for (String f : new String[] {"config.json", "metrics.csv", "policy.json",
        "best-policy.json"}) {
      assertThat(runs.resolve("cartpole").resolve(f)).isNotEmptyFile();
    }
  }
}
