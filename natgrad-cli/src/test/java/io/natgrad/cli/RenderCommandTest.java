package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.cli.render.SceneImage;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.render.Scene;
import io.natgrad.rl.render.Scenes;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code natgrad render} and {@code train --render-final}: an animated GIF of one episode with a
 * frame per step (the JDK's GIF reader reads it back), the classic pictures drawn where the state
 * says, and refusals.
 */
class RenderCommandTest {
  @TempDir Path tmp;

  static int frames(Path gif) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
      r.setInput(in);
      int n = r.getNumImages(true);
      BufferedImage first = r.read(0);
      assertThat(first.getWidth()).isEqualTo(200);
      assertThat(first.getHeight()).isEqualTo(120);
      return n;
    }
  }

  @Test
  void anEpisodeOfASavedPolicyAsAGif() throws Exception {
    Path run = tmp.resolve("cp");
    CliRunner.Result t = CliRunner.run("train", "--env", "CartPole-v1", "--steps", "1024",
        "--n-steps", "512", "--out", run.toString(), "--render-final");
    assertThat(t.exitCode()).as(t.err()).isZero();
    assertThat(run.resolve("episode.gif")).exists();
    Path gif = tmp.resolve("cp.gif");
    CliRunner.Result r = CliRunner.run("render", "--policy", run.toString(), "--out",
        gif.toString(), "--max-steps", "40", "--width", "200", "--height", "120");
    assertThat(r.exitCode()).as(r.err()).isZero();
    // the reset's picture and one per step (CartPole runs at 50 frames a second: none thinned)
    int steps = Integer.parseInt(r.out().replaceAll("(?s).*CartPole-v1: (\\d+) steps.*", "$1"));
    assertThat(frames(gif)).isEqualTo(steps + 1);
    assertThat(CliRunner.run("render", "--policy", run.toString(), "--width", "5").err())
        .contains("--width and --height must be 16..4096, got 5 x 320");
  }

  @Test
  void theCartIsWhereTheStateSays() {
    Scene s = Scenes.cartPole(1.0, 0.0);
    BufferedImage img = SceneImage.draw(s, 520, 200);
    // 100 px per metre: the cart's centre x = 260 + 100, its pole straight up from it
    assertThat(img.getRGB(360, 100 - 8) & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
    assertThat(img.getRGB(160, 100 - 8) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    assertThat(img.getRGB(360, 100 - 60) & 0xFFFFFF).isNotEqualTo(0xFFFFFF); // the pole
  }

  @ParameterizedTest
  @ValueSource(strings = {"CartPole-v1", "Pendulum-v1", "MountainCar-v0",
      "MountainCarContinuous-v0", "Acrobot-v1"})
  void everyClassicTaskHasAPicture(String id) {
    Env env = EnvRegistry.make(id);
    env.reset(3);
    BufferedImage img = SceneImage.draw(Scenes.of(env), 240, 160);
    int drawn = 0;
    for (int y = 0; y < 160; y++) {
      for (int x = 0; x < 240; x++) {
        drawn += (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
      }
    }
    assertThat(drawn).isGreaterThan(200);
  }

  @Test
  void anEnvironmentWithoutAPictureIsNamed() {
    Env env = EnvRegistry.make("LinearGaussianWalk-v0");
    env.reset(0);
    assertThatThrownBy(() -> Scenes.of(env)).hasMessageContaining("no picture for environment "
        + "LinearGaussianWalk-v0");
  }
}
