package io.natgrad.rl.env;

/** A test environment that returns a NaN reward on the third step of every episode. */
public final class NanRewardEnv extends AbstractEnv {
  private int t;

  @Override
  public String id() {
    return "NanEnv-v0";
  }

  @Override
  public Space observationSpace() {
    return Box.unbounded(1);
  }

  @Override
  public Space actionSpace() {
    return Box.unbounded(1);
  }

  @Override
  protected double[] resetState() {
    t = 0;
    return new double[] {0};
  }

  @Override
  protected StepResult advance(double[] action) {
    t++;
    return new StepResult(new double[] {t}, t == 3 ? Double.NaN : 1.0, false, false);
  }
}
