package io.natgrad.mujoco;

import io.natgrad.rl.env.Seeding;
import java.util.Map;

/**
 * {@code Hopper-v4} (Gymnasium 1.3.0, {@code hopper_v4.py}): a planar one-legged hopper, torques in
 * [−1, 1]³ × gear 200; observation 11 (qpos without x, clipped qvel). Healthy: z &gt; 0.7, |angle|
 * &lt; 0.2, qpos[2:] and qvel within ±100. The rules are {@link PlanarWalker}'s.
 */
public final class HopperV4 extends PlanarWalker {
  public static final String ID = "Hopper-v4";
  /** Gymnasium's defaults. */
  static final Options DEFAULTS = new Options(1.0, 1e-3, 1.0, true, new double[] {-100, 100},
      new double[] {0.7, Double.POSITIVE_INFINITY}, new double[] {-0.2, 0.2}, 5e-3, true);

  HopperV4(Seeding seeding, Map<String, Object> options) {
    super("hopper.xml", seeding, options(ID, options, DEFAULTS));
  }

  @Override
  public String id() {
    return ID;
  }
}
