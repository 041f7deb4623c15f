package io.natgrad.rl.render;

/** An environment that can show its current state ({@link Scene}); see {@link Scenes#of}. */
public interface Drawable {

  /** The picture of the current state. */
  Scene scene();

  /** Steps per second of simulated time (Gymnasium's {@code render_fps}): 1/dt. */
  double framesPerSecond();
}
