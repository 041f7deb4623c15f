package io.natgrad.rl.env;

/**
 * An environment whose internal state can be read and injected: the basis of step-by-step parity
 * tests against Gymnasium (inject the recorded state, step, compare), of exact resume and of
 * distributed sampling. {@link #restoreState} starts (or continues) an episode from that state, so
 * {@link #step} may follow it directly.
 */
public interface StatefulEnv extends Env {

  /** A copy of the internal state, in the layout the environment documents. */
  double[] state();

  /** Sets the internal state and makes the episode active. */
  void restoreState(double[] state);
}
