package io.natgrad.rl.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.core.random.Rng;
import io.natgrad.policy.Policy;
import io.natgrad.rl.env.ClipAction;
import io.natgrad.rl.env.RunningMeanStd;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.policy.CategoricalMlpPolicy;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.policy.NeuralPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * natgrad-policy's runtime acts bit for bit as the trainer's policy (vector kernels, single-row
 * path) on 10⁴ random observations for every built-in policy type, deterministic and sampled.
 */
class DeployedPolicyTest {
  @TempDir Path tmp;

  static List<Arguments> cases() {
    return List.of(
        Arguments.of("Pendulum-v1", new GaussianMlpPolicy(3, 1, new int[] {64, 64},
            Activation.TANH, -0.5), true),
        Arguments.of("MountainCarContinuous-v0", new GaussianMlpPolicy(2, 1, new int[] {32},
            Activation.RELU, 0.0), false),
        Arguments.of("CartPole-v1", new CategoricalMlpPolicy(4, 2, new int[] {64, 64},
            Activation.TANH), true),
        Arguments.of("Acrobot-v1", new CategoricalMlpPolicy(6, 3, new int[] {16, 8},
            Activation.RELU), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void deployedActionsEqualTheTrainersBitForBit(String env, NeuralPolicy p, boolean normalize)
      throws Exception {
    Rng rng = Rng.of(env.hashCode());
    double[] theta = p.initialParameters(rng);
    for (int i = 0; i < theta.length; i++) {
      theta[i] += 0.5 * rng.nextGaussian();
    }
    int od = p.observationDim();
    RunningMeanStd stats = null;
    if (normalize) {
      double[] mean = new double[od];
      double[] var = new double[od];
      for (int j = 0; j < od; j++) {
        mean[j] = rng.nextGaussian();
        var[j] = 0.5 + rng.nextDouble();
      }
      stats = new RunningMeanStd(mean, var, 1000);
    }
    PolicyFile f = PolicyFile.of(env, p, theta, stats, Map.of());
    Path file = tmp.resolve("p.json");
    f.write(file);
    Policy deployed = Policy.load(file);
    Rng trainerRng = Rng.of(7);
    Rng deployedRng = Rng.of(7);
    int ad = p.actionDimension();
    for (int k = 0; k < 10_000; k++) {
      double[] obs = new double[od];
      for (int j = 0; j < od; j++) {
        obs[j] = 3 * rng.nextGaussian();
      }
      double[] x = f.normalizer() == null ? obs : f.normalizer().normalize(obs);
      double[] a = new double[ad];
      p.mode(theta, x, a);
      if (f.actionLow() != null) {
        a = ClipAction.clip(a, f.actionLow(), f.actionHigh());
      }
      assertThat(deployed.act(obs)).as("observation %s", Arrays.toString(obs)).containsExactly(a);
      double[] s = new double[ad];
      p.sample(theta, x, trainerRng, s);
      if (f.actionLow() != null) {
        s = ClipAction.clip(s, f.actionLow(), f.actionHigh());
      }
      assertThat(deployed.sample(obs, deployedRng)).containsExactly(s);
    }
  }

  @Test
  void unknownVersionsAreRefusedClearly() throws Exception {
    GaussianMlpPolicy p = new GaussianMlpPolicy(3, 1, new int[] {4}, Activation.TANH, 0);
    Path file = tmp.resolve("old.json");
    PolicyFile.of("Pendulum-v1", p, p.initialParameters(Rng.of(1)), null, Map.of()).write(file);
    Files.writeString(file, Files.readString(file).replace("\"format_version\" : 1",
        "\"format_version\" : 2"));
    assertThatThrownBy(() -> Policy.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format_version 2 is not supported")
        .hasMessageContaining("old.json");
  }
}
