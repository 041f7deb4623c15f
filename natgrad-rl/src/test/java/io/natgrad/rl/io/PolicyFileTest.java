package io.natgrad.rl.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.env.RunningMeanStd;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
  @TempDir Path tmp;

  @Test
  void roundTripsBitForBitAndActsTheSame() throws Exception {
    GaussianMlpPolicy p = new GaussianMlpPolicy(3, 1, new int[] {8, 8}, Activation.TANH, -0.5);
    double[] theta = p.initialParameters(Rng.of(1));
    RunningMeanStd stats = new RunningMeanStd(new double[] {0.1, -0.2, 0.3},
        new double[] {1.5, 0.5, 2.0}, 1234.5);
    PolicyFile f = PolicyFile.of("Pendulum-v1", p, theta, stats, Map.of("seed", 7));
    Path file = tmp.resolve("policy.json");
    f.write(file);
    PolicyFile g = PolicyFile.read(file);
    assertThat(g.envId()).isEqualTo("Pendulum-v1");
    assertThat(g.theta()).containsExactly(theta);
    assertThat(g.actionLow()).containsExactly(-2.0);
    assertThat(g.normalizer().stats().mean()).containsExactly(stats.mean());
    assertThat(g.provenance().get("seed").asInt()).isEqualTo(7);
    double[] obs = {0.3, -0.4, 1.0};
    double[] a = new double[1];
    double[] b = new double[1];
    p.mode(theta, f.normalizer().normalize(obs), a);
    g.policy().mode(g.theta(), g.normalizer().normalize(obs), b);
    assertThat(b).containsExactly(a);
    try (var files = Files.list(tmp)) {
      assertThat(files.map(x -> x.getFileName().toString()))
          .containsExactly("policy.json"); // no temporary file left behind
    }
  }

  @Test
  void refusesUnknownVersionsBadShapesAndNonJson() throws Exception {
    GaussianMlpPolicy p = new GaussianMlpPolicy(3, 1, new int[] {4}, Activation.TANH, 0);
    Path file = tmp.resolve("p.json");
    PolicyFile.of("Pendulum-v1", p, p.initialParameters(Rng.of(2)), null, Map.of()).write(file);
    String json = Files.readString(file);
    Files.writeString(file, json.replace("\"format_version\" : 1", "\"format_version\" : 99"));
    assertThatThrownBy(() -> PolicyFile.read(file)).hasMessageContaining("format_version 99")
        .hasMessageContaining("not supported");
    Files.writeString(file, json.replace("\"hidden\" : [ 4 ]", "\"hidden\" : [ 5 ]"));
    assertThatThrownBy(() -> PolicyFile.read(file)).hasMessageContaining("parameters");
    Files.writeString(file, json.substring(0, json.length() / 2));
    assertThatThrownBy(() -> PolicyFile.read(file)).hasMessageContaining("not valid JSON");
  }
}
