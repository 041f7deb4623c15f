package io.natgrad.mujoco;

import io.natgrad.rl.env.Seeding;
import java.util.Map;

/**
 * {@code Walker2d-v4} (Gymnasium 1.3.0, {@code walker2d_v4.py}): a planar biped, torques in
 * [−1, 1]⁶ × gear 100; observation 17 (qpos without x, clipped qvel). Healthy: 0.8 &lt; z &lt; 2,
 * |angle| &lt; 1. The rules are {@link PlanarWalker}'s.
 */
public final class Walker2dV4 extends PlanarWalker {
  public static final String ID = "Walker2d-v4";
  /** Gymnasium's defaults. */
  static final Options DEFAULTS = new Options(1.0, 1e-3, 1.0, true, null,
      new double[] {0.8, 2.0}, new double[] {-1.0, 1.0}, 5e-3, true);

  Walker2dV4(Seeding seeding, Map<String, Object> options) {
    super("walker2d.xml", seeding, options(ID, options, DEFAULTS));
  }

  @Override
  public String id() {
    return ID;
  }
}
