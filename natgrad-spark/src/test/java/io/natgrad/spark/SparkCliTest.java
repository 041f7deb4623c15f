package io.natgrad.spark;

import static io.natgrad.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.natgrad.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands with {@code --engine spark}: the same runs as in process, bit for bit. */
class SparkCliTest {
  @TempDir Path tmp;

  static String sweep(Path out) {
    return "base:\n  env: CartPole-v1\n  algo: trpo\n  n_envs: 4\n  n_steps: 256\n"
        + "  n_timesteps: 3072\ngrid:\n  cg_damping: [0.1, 0.01]\nseeds: [0, 1]\nout: " + out
        + "\nthreshold: 30\n";
  }

  @Test
  void aTwoByTwoSweepGivesTheSamePoliciesOnSparkAndInProcess() throws Exception {
    Path a = tmp.resolve("local");
    Path b = tmp.resolve("spark");
    Files.writeString(tmp.resolve("a.yml"), sweep(a));
    Files.writeString(tmp.resolve("b.yml"), sweep(b));
    Result ra = run("sweep", tmp.resolve("a.yml").toString(), "--parallel", "2");
    assertThat(ra.exitCode()).as(ra.out() + ra.err()).isZero();
    Result rb = run("sweep", tmp.resolve("b.yml").toString(), "--parallel", "2", "--engine",
        "spark", "--master", "local[2]");
    assertThat(rb.exitCode()).as(rb.out() + rb.err()).isZero();
    assertThat(rb.out()).contains("sweep: 4 cells").contains("0 failed");
    ObjectMapper json = new ObjectMapper();
    for (String cell : new String[] {"cg_damping=0.1_seed0", "cg_damping=0.1_seed1",
        "cg_damping=0.01_seed0", "cg_damping=0.01_seed1"}) {
      assertThat(parameters(b.resolve(cell).resolve("policy.json")))
          .isEqualTo(parameters(a.resolve(cell).resolve("policy.json")));
    }
    assertThat(b.resolve("report.html")).isNotEmptyFile();
  }

  @Test
  void aBadSweepIsRefusedBeforeSparkStartsAnyRun() throws Exception {
    Path out = tmp.resolve("never");
    Files.writeString(tmp.resolve("bad.yml"), sweep(out).replace("cg_damping", "cg_dampin"));
    Result r = run("sweep", tmp.resolve("bad.yml").toString(), "--engine", "spark");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("cg_dampin");
    assertThat(out).doesNotExist();
  }

  @Test
  void trainWithEngineSparkWritesThePolicyOfTheInProcessRun() throws Exception {
    String[] common = {"train", "--env", "CartPole-v1", "--algo", "trpo", "--n-envs", "4",
        "--n-steps", "256", "--steps", "2048", "--seed", "5", "--eval-every", "0", "--force"};
    Result ra = run(concat(common, "--out", tmp.resolve("l").toString()));
    assertThat(ra.exitCode()).as(ra.err()).isZero();
    Result rb = run(concat(common, "--out", tmp.resolve("s").toString(), "--engine", "spark",
        "--master", "local[2]"));
    assertThat(rb.exitCode()).as(rb.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    assertThat(parameters(tmp.resolve("s/policy.json")))
        .isEqualTo(parameters(tmp.resolve("l/policy.json")));
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** A policy file's parameters, present and non-empty or the test fails. */
  static com.fasterxml.jackson.databind.JsonNode parameters(java.nio.file.Path file)
      throws java.io.IOException {
    com.fasterxml.jackson.databind.JsonNode p = new ObjectMapper().readTree(file.toFile())
        .at("/policy/parameters");
    assertThat(p.isArray() && p.size() > 0).as("parameters in " + file).isTrue();
    return p;
  }
}
