package io.natgrad.mujoco;

import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Seeding;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StepResult;
import java.util.Map;

/**
 * {@code Reacher-v4} (Gymnasium 1.3.0, {@code reacher_v4.py}): move a two-link arm's fingertip to a
 * target, torques in [−1, 1]² × gear 200; frame skip 2, dt = 0.02; never terminated (50 steps).
 *
 * <pre>
 * vec = xpos[fingertip] − xpos[target]      (before the step: as the previous step's last internal
 *                                            evaluation, or the reset's mj_forward, left them)
 * reward = −‖vec‖ − Σ aᵢ²                   (NumPy's norm: squares summed by fused multiply-adds)
 * </pre>
 *
 * Observation (11, v4's): cos and sin of the two arm angles, the target's position (qpos[2:]),
 * the arm's velocities, and vec after the step (stale in the same way). Reset: qpos +
 * U[−0.1, 0.1]; the target drawn from U[−0.2, 0.2]² until inside the disc of radius 0.2; qvel +
 * U[−0.005, 0.005], the target's velocities 0. {@code info}: reward_dist, reward_ctrl.
 */
public final class ReacherV4 extends MujocoEnv {
  public static final String ID = "Reacher-v4";
  private static final Box OBSERVATION_SPACE = Box.unbounded(11);
  private final int fingertip;
  private final int target;

  public ReacherV4(Seeding seeding) {
    super("reacher.xml", 2, seeding);
    this.fingertip = model.id(1, "fingertip");
    this.target = model.id(1, "target");
  }

  @Override
  protected boolean topView() {
    return true;
  }

  @Override
  protected double[] view() {
    return new double[] {0.34, 0.34, 0};
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Space observationSpace() {
    return OBSERVATION_SPACE;
  }

  /** The bodies' positions: the reward reads them before the step. */
  @Override
  protected String[] derivedArrays() {
    return new String[] {"xpos"};
  }

  @Override
  protected double[] resetModel() {
    double[] qpos = plus(uniform(model.nq(), -0.1, 0.1), initQpos);
    double[] goal;
    do {
      goal = uniform(2, -0.2, 0.2);
    } while (!(Sums.norm(goal) < 0.2));
    qpos[qpos.length - 2] = goal[0];
    qpos[qpos.length - 1] = goal[1];
    double[] qvel = plus(initQvel, uniform(model.nv(), -0.005, 0.005));
    qvel[qvel.length - 2] = 0;
    qvel[qvel.length - 1] = 0;
    setState(qpos, qvel);
    return observation();
  }

  @Override
  protected StepResult advance(double[] action) {
    double rewardDist = -Sums.norm(fingertipToTarget());
    double rewardCtrl = -Sums.sumOfSquares(action);
    double reward = rewardDist + rewardCtrl;
    doSimulation(action);
    return new StepResult(observation(), reward, false, false,
        Map.of("reward_dist", rewardDist, "reward_ctrl", rewardCtrl));
  }

  private double[] fingertipToTarget() {
    double[] xpos = data.get("xpos");
    return new double[] {xpos[3 * fingertip] - xpos[3 * target],
        xpos[3 * fingertip + 1] - xpos[3 * target + 1],
        xpos[3 * fingertip + 2] - xpos[3 * target + 2]};
  }

  @Override
  public double[] observation() {
    double[] qpos = data.get("qpos");
    double[] qvel = data.get("qvel");
    double[] vec = fingertipToTarget();
    return new double[] {Math.cos(qpos[0]), Math.cos(qpos[1]), Math.sin(qpos[0]),
        Math.sin(qpos[1]), qpos[2], qpos[3], qvel[0], qvel[1], vec[0], vec[1], vec[2]};
  }
}
