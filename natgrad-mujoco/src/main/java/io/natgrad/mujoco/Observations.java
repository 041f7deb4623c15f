package io.natgrad.mujoco;

/** The observation most tasks build: qpos from {@code skip} on, then qvel. */
final class Observations {
  private Observations() {}

  static double[] positionsThenVelocities(MjData data, int skip) {
    int nq = data.length("qpos");
    int nv = data.length("qvel");
    double[] qpos = data.get("qpos");
    double[] ob = new double[nq - skip + nv];
    System.arraycopy(qpos, skip, ob, 0, nq - skip);
    data.get("qvel", ob, nq - skip);
    return ob;
  }
}
