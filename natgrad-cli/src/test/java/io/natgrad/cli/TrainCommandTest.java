package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir Path tmp;

  @Test
  void trainWritesTheRunAndEvalReadsThePolicy() throws Exception {
    Path run = tmp.resolve("cp");
    CliRunner.Result r = CliRunner.run("train", "--env", "CartPole-v1", "--algo", "trpo",
        "--steps", "4096", "--n-steps", "1024", "--seed", "3", "--eval-every", "2048",
        "--eval-episodes", "2", "--out", run.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    for (String f : List.of("config.json", "metrics.csv", "policy.json", "best-policy.json",
        "learning-curve.png")) {
      assertThat(run.resolve(f)).isNotEmptyFile();
    }
    List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
    assertThat(csv.get(0)).startsWith("time/iterations,time/total_timesteps")
        .contains("rollout/ep_rew_mean").contains("train/kl_divergence_loss")
        .contains("train/is_line_search_success").contains("ngd/cg_iterations")
        .contains("ngd/predicted_kl").contains("ngd/measured_kl").contains("eval/mean_reward");
    assertThat(csv).hasSize(1 + 4);
    JsonNode config = new ObjectMapper().readTree(run.resolve("config.json").toFile());
    assertThat(config.at("/settings/target_kl").asDouble()).isEqualTo(0.01);
    assertThat(config.at("/settings/n_steps").asInt()).isEqualTo(1024);
    assertThat(config.at("/provenance/commit").asText()).isNotEmpty();
    JsonNode policy = new ObjectMapper().readTree(run.resolve("policy.json").toFile());
    assertThat(policy.get("format_version").asInt()).isEqualTo(1);
    assertThat(policy.at("/provenance/config/seed").asLong()).isEqualTo(3);

    CliRunner.Result ev = CliRunner.run("eval", "--policy", run.resolve("policy.json").toString(),
        "--episodes", "3", "--seed", "1");
    assertThat(ev.exitCode()).as(ev.err()).isZero();
    assertThat(ev.out()).matches("(?s)mean -?[0-9.]+ std [0-9.]+\\s*");
    // the same seed trains the same policy
    Path again = tmp.resolve("again");
    CliRunner.run("train", "--env", "CartPole-v1", "--steps", "4096", "--n-steps", "1024",
        "--seed", "3", "--eval-every", "2048", "--eval-episodes", "2", "--out", again.toString());
    assertThat(PolicyJson.parameters(again.resolve("policy.json")))
        .isEqualTo(PolicyJson.parameters(run.resolve("policy.json")));
  }

  @Test
  void refusesToOverwriteARunAndBadValuesBeforeWorkStarts() throws Exception {
    Path run = tmp.resolve("r");
    assertThat(CliRunner.run("train", "--env", "CartPole-v1", "--steps", "256", "--n-steps",
        "256", "--out", run.toString()).exitCode()).isZero();
    CliRunner.Result again = CliRunner.run("train", "--env", "CartPole-v1", "--steps", "256",
        "--out", run.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already holds a training run").contains("--force");
    Path other = tmp.resolve("bad");
    CliRunner.Result bad = CliRunner.run("train", "--env", "CartPole-v1", "--target-kl", "-0.01",
        "--out", other.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--target-kl must be in (0, inf), got -0.01");
    assertThat(other).doesNotExist();
    CliRunner.Result env = CliRunner.run("train", "--env", "CartPole-v9", "--out", other.toString());
    assertThat(env.err()).contains("unknown environment id 'CartPole-v9'");
  }

  @Test
  void zooYamlFilesAndPresetsWork() throws Exception {
    Path yml = tmp.resolve("trpo.yml");
    Files.writeString(yml, """
        CartPole-v1:
          n_envs: 2
          n_timesteps: !!float 1e3
          policy: 'MlpPolicy'
          n_steps: 256
          batch_size: 512
          cg_damping: !!float 1e-3
          gae_lambda: 0.98
          policy_kwargs: "dict(net_arch=[32, 32], activation_fn=nn.ReLU)"
        """);
    Path run = tmp.resolve("zoo");
    CliRunner.Result r = CliRunner.run("train", "--env", "CartPole-v1", "--config", yml.toString(),
        "--out", run.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode config = new ObjectMapper().readTree(run.resolve("config.json").toFile());
    assertThat(config.at("/settings/n_envs").asInt()).isEqualTo(2);
    assertThat(config.at("/settings/cg_damping").asDouble()).isEqualTo(1e-3);
    assertThat(config.at("/settings/policy_kwargs/activation_fn").asText()).isEqualTo("relu");
    CliRunner.Result preset = CliRunner.run("train", "--env", "Pendulum-v1", "--preset", "zoo",
        "--steps", "2048", "--out", tmp.resolve("pend").toString());
    assertThat(preset.exitCode()).as(preset.err()).isZero();
    assertThat(preset.err()).contains("gSDE is not implemented");
    JsonNode pc = new ObjectMapper().readTree(tmp.resolve("pend/config.json").toFile());
    assertThat(pc.at("/settings/gamma").asDouble()).isEqualTo(0.9);
    Path unknown = tmp.resolve("unknown.yml");
    Files.writeString(unknown, "env: CartPole-v1\nlearning_rat: 0.1\n");
    CliRunner.Result u = CliRunner.run("train", "--env", "CartPole-v1", "--config",
        unknown.toString(), "--out", tmp.resolve("u").toString());
    assertThat(u.exitCode()).isEqualTo(2);
    assertThat(u.err()).contains("learning_rat");
  }
}
