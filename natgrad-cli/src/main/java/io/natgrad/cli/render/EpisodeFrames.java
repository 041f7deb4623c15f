package io.natgrad.cli.render;

import io.natgrad.policy.Policy;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.StepResult;
import io.natgrad.rl.render.Scenes;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One episode of a deployed policy (its mode, or samples), a picture after the reset and after
 * every step.
 *
 * @param frames the pictures
 * @param episodeReturn the episode's return
 * @param steps its length
 */
public record EpisodeFrames(List<BufferedImage> frames, double episodeReturn, int steps) {

  /** Plays one episode from {@code env.reset(seed)}, at most {@code maxSteps} steps. */
  public static EpisodeFrames play(Policy policy, Env env, long seed, int maxSteps,
      boolean stochastic, int width, int height) {
    List<BufferedImage> frames = new ArrayList<>();
    double[] obs = env.reset(seed);
    frames.add(SceneImage.draw(Scenes.of(env), width, height));
    double[] a = new double[policy.actionLength()];
    io.natgrad.core.random.Rng rng = io.natgrad.core.random.Rng.of(
        io.natgrad.core.random.Rng.derive(seed, "render-actions"));
    double total = 0;
    int steps = 0;
    while (steps < maxSteps) {
      if (stochastic) {
        policy.sample(obs, rng, a);
      } else {
        policy.act(obs, a);
      }
      StepResult r = env.step(a.clone());
      total += r.reward();
      steps++;
      obs = r.observation();
      frames.add(SceneImage.draw(Scenes.of(env), width, height));
      if (r.done()) {
        break;
      }
    }
    return new EpisodeFrames(frames, total, steps);
  }
}
