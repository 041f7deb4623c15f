package io.natgrad.rl.examples;

import io.natgrad.rl.env.AbstractEnv;
import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StatefulEnv;
import io.natgrad.rl.env.StepResult;

/**
 * A small but real control problem, written as a user would write their own environment
 * (docs/CUSTOM_ENV.md): keep a room at 21 °C with a heater while the outside temperature swings
 * over a day.
 *
 * <pre>
 * T_out(t) = 5 + 8 sin(2π t / 96)                    (15-minute steps, one day = 96 steps)
 * T'       = T + 0.1 (T_out − T) + 6 u + ε,  ε ∼ N(0, 0.1²),  u ∈ [0, 1] heater power
 * r        = −(T' − 21)² / 10 − 0.5 u                 (comfort and energy)
 * </pre>
 *
 * Observation (T − 21, T_out / 10, sin, cos of the time of day); an episode is one day (96 steps,
 * truncated). The initial temperature is drawn from U[12, 24]. A known good policy to compare with
 * is the proportional controller {@link #proportionalControl}.
 */
public final class Thermostat extends AbstractEnv implements StatefulEnv {
  public static final String ID = "Thermostat-v0";
  static final double TARGET = 21.0;
  static final int DAY = 96;

  private double temperature;
  private int t;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Space observationSpace() {
    return new Box(new double[] {-100, -2, -1, -1}, new double[] {100, 2, 1, 1});
  }

  @Override
  public Space actionSpace() {
    return Box.of(1, 0.0, 1.0);
  }

  static double outside(int t) {
    return 5 + 8 * Math.sin(2 * Math.PI * t / DAY);
  }

  private double[] observation() {
    double phase = 2 * Math.PI * t / DAY;
    return new double[] {temperature - TARGET, outside(t) / 10, Math.sin(phase), Math.cos(phase)};
  }

  @Override
  protected double[] resetState() {
    temperature = 12 + 12 * rng().nextDouble();
    t = 0;
    return observation();
  }

  @Override
  protected StepResult advance(double[] action) {
    double u = action[0];
    temperature += 0.1 * (outside(t) - temperature) + 6 * u + 0.1 * rng().nextGaussian();
    t++;
    double reward = -(temperature - TARGET) * (temperature - TARGET) / 10 - 0.5 * u;
    return new StepResult(observation(), reward, false, t >= DAY);
  }

  /** (T, t). */
  @Override
  public double[] state() {
    return new double[] {temperature, t};
  }

  @Override
  public void restoreState(double[] s) {
    temperature = s[0];
    t = (int) s[1];
    activate();
  }

  /**
   * The baseline to beat: a proportional controller with feed-forward for the heat loss,
   * u = clip(0.1 (21 − T_out) / 6 + 0.5 (21 − T) / 6, 0, 1), from an observation.
   */
  public static double proportionalControl(double[] observation) {
    double tempError = -observation[0];
    double loss = 0.1 * (TARGET - observation[1] * 10);
    return Math.max(0, Math.min(1, (loss + 0.5 * tempError) / 6));
  }
}
