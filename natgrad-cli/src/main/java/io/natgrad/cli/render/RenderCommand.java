package io.natgrad.cli.render;

import io.natgrad.cli.UserPaths;
import io.natgrad.policy.Policy;
import io.natgrad.rl.algo.Evaluation;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.render.Scenes;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code natgrad render}: one episode of a saved policy as an animated GIF, drawn in Java (no
 * OpenGL): MuJoCo tasks from their geoms' world positions (a side view following the torso, a top
 * view for the planar Reacher and Swimmer), classic control as the familiar pictures.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Write one episode of a saved policy as an animated GIF.")
public final class RenderCommand implements Callable<Integer> {

  @Option(names = "--policy", required = true, paramLabel = "FILE|RUN_DIR",
      description = "A policy.json, or a run directory (its policy.json).")
  Path policy;

  @Option(names = "--env", description = "The environment (default: the policy's).")
  String env;

  @Option(names = "--out", defaultValue = "episode.gif", description = "The GIF to write "
      + "(default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "0", description = "The episode's seed (default "
      + "${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-steps", defaultValue = "1000", description = "At most this many steps "
      + "(default ${DEFAULT-VALUE}; the environment's time limit ends it earlier).")
  int maxSteps;

  @Option(names = "--width", defaultValue = "480", description = "Pixels (default "
      + "${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--height", defaultValue = "320", description = "Pixels (default "
      + "${DEFAULT-VALUE}).")
  int height;

  @Option(names = "--stochastic", description = "Sample actions instead of taking the mode.")
  boolean stochastic;

  @Override
  public Integer call() throws Exception {
    if (maxSteps < 1) {
      throw new IllegalArgumentException("--max-steps must be >= 1, got " + maxSteps);
    }
    if (width < 16 || height < 16 || width > 4096 || height > 4096) {
      throw new IllegalArgumentException("--width and --height must be 16..4096, got " + width
          + " x " + height);
    }
    Path file = Files.isDirectory(policy) ? policy.resolve("policy.json") : policy;
    Policy p = Policy.load(UserPaths.file("--policy", file));
    String id = env != null ? env : p.envId();
    Env e = Evaluation.makeEnv(id);
    Path written = render(p, e, seed, maxSteps, stochastic, width, height, out);
    System.out.println("wrote " + written);
    return 0;
  }

  /**
   * Plays and writes one episode; frames are thinned to at most 50 per second of simulated time
   * so that the GIF plays in real time.
   */
  public static Path render(Policy p, Env e, long seed, int maxSteps, boolean stochastic,
      int width, int height, Path out) throws java.io.IOException {
    EpisodeFrames ep = EpisodeFrames.play(p, e, seed, maxSteps, stochastic, width, height);
    double fps = Scenes.framesPerSecond(e);
    int stride = (int) Math.max(1, Math.ceil(fps / 50));
    List<BufferedImage> kept = new ArrayList<>();
    for (int i = 0; i < ep.frames().size(); i += stride) {
      kept.add(ep.frames().get(i));
    }
    int delayMs = (int) Math.round(1000.0 * stride / fps);
    AnimatedGif.write(kept, delayMs, out);
    System.out.printf(Locale.ROOT, "%s: %d steps, return %.2f, %d frames at %d ms%n", e.id(),
        ep.steps(), ep.episodeReturn(), kept.size(), delayMs);
    return out;
  }
}
