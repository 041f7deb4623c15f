package io.natgrad.mujoco;

import io.natgrad.rl.env.AbstractEnv;
import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.FiniteActions;
import io.natgrad.rl.env.Seeding;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StateChecks;
import io.natgrad.rl.env.StatefulEnv;
import java.lang.ref.Cleaner;

/**
 * A MuJoCo task with Gymnasium 1.3.0's {@code MujocoEnv} semantics ({@code mujoco_env.py}): the
 * model's default state as {@code init_qpos}/{@code init_qvel}; an action is written to
 * {@code ctrl} as given (not clipped: MuJoCo clamps it to {@code ctrlrange} inside the step, and
 * control costs use it unclipped), then {@code frame_skip} × {@code mj_step} and one
 * {@code mj_rnePostConstraint}; a reset is {@code mj_resetData}, the task's noise, and
 * {@code set_state} (qpos, qvel, {@code mj_forward}). dt = timestep × frame_skip.
 *
 * <p>State ({@link #state()}): time, qpos, qvel, act, qacc_warmstart — what decides the next step
 * — then the derived arrays the task reads that a step leaves as they were at its last internal
 * evaluation (positions such as {@code xpos}; see {@link #derivedArrays()}), so that a restored
 * copy computes the same observation and reward bits. The native model and data are freed when
 * the environment is garbage-collected.
 */
public abstract class MujocoEnv extends AbstractEnv implements StatefulEnv,
    io.natgrad.rl.render.Drawable {
  private static final Cleaner CLEANER = Cleaner.create();
  protected final MjModel model;
  protected final MjData data;
  private final int frameSkip;
  private final double dt;
  /** Gymnasium's {@code init_qpos} and {@code init_qvel}: the data's state as made. */
  protected final double[] initQpos;
  protected final double[] initQvel;
  private final Box actionSpace;
  private final int stateLength;

  /**
   * @param modelFile the MJCF file among this module's models
   * @param frameSkip physics steps per environment step
   */
  protected MujocoEnv(String modelFile, int frameSkip, Seeding seeding) {
    super(seeding);
    this.model = MjModel.fromResource(MujocoEnv.class, "models/" + modelFile);
    this.data = new MjData(model);
    MjModel m = model;
    MjData d = data;
    CLEANER.register(this, () -> {
      d.close();
      m.close();
    });
    this.frameSkip = frameSkip;
    this.dt = model.timestep() * frameSkip;
    this.initQpos = data.get("qpos");
    this.initQvel = data.get("qvel");
    double[] range = model.doubles("actuator_ctrlrange");
    int nu = model.nu();
    double[] low = new double[nu];
    double[] high = new double[nu];
    for (int i = 0; i < nu; i++) {
      low[i] = range[2 * i];
      high[i] = range[2 * i + 1];
    }
    this.actionSpace = new Box(low, high);
    int n = 1 + model.nq() + 2 * model.nv() + model.na();
    for (String f : derivedArrays()) {
      n += data.length(f);
    }
    this.stateLength = n;
  }

  /** The mjData arrays the task reads that a step leaves stale; none by default. */
  protected String[] derivedArrays() {
    return new String[0];
  }

  private GeomPicture picture;

  /**
   * The picture of the current state: a side view (x–z) following the first body after the world
   * (the torso), {@link #halfWidth()} metres either side; tasks in a horizontal plane override
   * {@link #topView()}.
   */
  @Override
  public io.natgrad.rl.render.Scene scene() {
    if (picture == null) {
      picture = new GeomPicture(model, topView());
    }
    double[] xpos = data.get("xpos");
    double[] view = view();
    double fx = model.nbody() > 1 ? xpos[3] : 0;
    double fy = topView() ? (model.nbody() > 1 ? xpos[4] : 0) : view[2];
    return picture.scene(data, fx, fy, view[0], view[1]);
  }

  /** Seen from above (Reacher, Swimmer) rather than from the side. */
  protected boolean topView() {
    return false;
  }

  /**
   * Metres shown either side of the camera's centre and above and below it, and (side views) the
   * height of the centre: by default 2 × 1.3 m around 0.9 m, a walker's view.
   */
  protected double[] view() {
    return new double[] {2.0, 1.3, 0.9};
  }

  @Override
  public double framesPerSecond() {
    return 1 / dt;
  }

  /** Seconds per environment step. */
  public final double dt() {
    return dt;
  }

  /** Physics steps per environment step. */
  public final int frameSkip() {
    return frameSkip;
  }

  /** The simulation (for rendering and tests). */
  public final MjData data() {
    return data;
  }

  @Override
  public Space actionSpace() {
    return actionSpace;
  }

  /** Finite and of the right length; out-of-range values are MuJoCo's to clamp, as in Gymnasium. */
  @Override
  protected void checkAction(double[] action) {
    FiniteActions.check(id(), action, model.nu());
  }

  /** Gymnasium's {@code do_simulation}. */
  protected final void doSimulation(double[] action) {
    data.set("ctrl", action);
    for (int k = 0; k < frameSkip; k++) {
      data.step();
    }
    data.rnePostConstraint();
  }

  /** Gymnasium's {@code set_state}: qpos and qvel, then {@code mj_forward}. */
  protected final void setState(double[] qpos, double[] qvel) {
    data.set("qpos", qpos);
    data.set("qvel", qvel);
    data.forward();
  }

  @Override
  protected final double[] resetState() {
    data.reset();
    return resetModel();
  }

  /** Draws the start state (Gymnasium's {@code reset_model}) and returns the first observation. */
  protected abstract double[] resetModel();

  /** The observation of the current state (Gymnasium's {@code _get_obs}). */
  public abstract double[] observation();

  /**
   * The reset most tasks draw (their {@code reset_model}): qpos + U[−p, p] per coordinate, then
   * qvel + U[−v, v] or, with {@code normalVelocities}, qvel + v·N(0, 1); then {@link #setState}.
   */
  protected final void resetWithNoise(double p, double v, boolean normalVelocities) {
    double[] qpos = plus(initQpos, uniform(model.nq(), -p, p));
    double[] noise;
    if (normalVelocities) {
      noise = standardNormal(model.nv());
      for (int i = 0; i < noise.length; i++) {
        noise[i] *= v;
      }
    } else {
      noise = uniform(model.nv(), -v, v);
    }
    setState(qpos, plus(initQvel, noise));
  }

  /** n draws of U[low, high): NumPy's {@code np_random.uniform} under Gymnasium seeding. */
  protected final double[] uniform(int n, double low, double high) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = gymnasiumSeeding() ? npRandom().uniform(low, high)
          : low + (high - low) * rng().nextDouble();
    }
    return out;
  }

  /** n standard normal draws: NumPy's {@code np_random.standard_normal} under Gymnasium seeding. */
  protected final double[] standardNormal(int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = gymnasiumSeeding() ? npRandom().standardNormal() : rng().nextGaussian();
    }
    return out;
  }

  /** a + b element by element. */
  protected static double[] plus(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] + b[i];
    }
    return c;
  }

  @Override
  public double[] state() {
    double[] s = new double[stateLength];
    s[0] = data.time();
    int at = 1;
    for (String f : fields()) {
      data.get(f, s, at);
      at += data.length(f);
    }
    return s;
  }

  @Override
  public void restoreState(double[] state) {
    StateChecks.check(id(), state, stateLength);
    data.setTime(state[0]);
    int at = 1;
    for (String f : fields()) {
      data.set(f, state, at);
      at += data.length(f);
    }
    activate();
  }

  private String[] fields() {
    String[] derived = derivedArrays();
    String[] all = new String[4 + derived.length];
    all[0] = "qpos";
    all[1] = "qvel";
    all[2] = "act";
    all[3] = "qacc_warmstart";
    System.arraycopy(derived, 0, all, 4, derived.length);
    return all;
  }
}
