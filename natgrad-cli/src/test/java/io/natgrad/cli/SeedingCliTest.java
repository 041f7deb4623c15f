package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --seeding gymnasium} for train, eval and env check, and its refusals. */
class SeedingCliTest {
  @TempDir Path tmp;

  @Test
  void trainEvalAndCheckWithGymnasiumSeeding() throws Exception {
    Path run = tmp.resolve("run");
    CliRunner.Result r = CliRunner.run("train", "--env", "MountainCar-v0", "--steps", "1024",
        "--n-steps", "512", "--seeding", "gymnasium", "--out", run.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(run.resolve("config.json").toFile())
        .at("/settings/seeding").asText()).isEqualTo("gymnasium");
    String policy = run.resolve("policy.json").toString();
    CliRunner.Result a = CliRunner.run("eval", "--policy", policy, "--episodes", "2", "--seed",
        "3", "--seeding", "gymnasium");
    CliRunner.Result b = CliRunner.run("eval", "--policy", policy, "--episodes", "2", "--seed",
        "3", "--seeding", "gymnasium");
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(a.out()).isEqualTo(b.out()).startsWith("mean ");
    CliRunner.Result check = CliRunner.run("env", "check", "CartPole-v1", "--seeding",
        "gymnasium");
    assertThat(check.exitCode()).as(check.out()).isZero();
    assertThat(check.out()).contains("all rules passed for CartPole-v1");
  }

  @Test
  void badValuesAndUnsupportedEnvironmentsAreRefusedByName() {
    CliRunner.Result r = CliRunner.run("eval", "--policy", "x.json", "--seeding", "numpy");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--seeding must be natgrad or gymnasium, got 'numpy'");
    CliRunner.Result t = CliRunner.run("train", "--env", "CartPole-v1", "--seeding", "numpy",
        "--out", tmp.resolve("t").toString());
    assertThat(t.exitCode()).isEqualTo(2);
    assertThat(t.err()).contains("seeding must be natgrad or gymnasium, got 'numpy'");
    CliRunner.Result c = CliRunner.run("env", "check", "LinearGaussianWalk-v0", "--seeding",
        "gymnasium");
    assertThat(c.exitCode()).isEqualTo(2);
    assertThat(c.err()).contains("LinearGaussianWalk-v0 has no option 'seeding'");
  }
}
