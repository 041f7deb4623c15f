package io.natgrad.mujoco;

import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.TimeLimit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The binding's and the tasks' cost over the physics (a benchmark, run by
 * {@code scripts/bench-mujoco.sh}, never a test): for each task, MuJoCo's own single-threaded
 * {@code mujoco-testspeed} on the task's model (its control noise 0.01, its physics steps per
 * second) against the environment stepped through natgrad — the same control noise (N(0, 0.01)
 * per actuator), episodes reset when they end — as environment steps per second × frame skip,
 * the steps' time only (testspeed never resets; a reset is timed apart: MuJoCo's mj_resetData
 * clears the whole data buffer, ≈ 3 MB with the default sizes, as it does under Gymnasium). The
 * issue's goal: natgrad's figure ≥ testspeed's ÷ 1.3 (binding and task logic ≤ 30 % over the
 * physics). One thread; the median of three timings each.
 *
 * <p>Arguments: {@code [steps] [task ...]}, default 200 000 physics steps and every task.
 */
public final class MujocoSpeedBenchmark {
  private static final String[] TASKS = {"InvertedPendulum-v4", "InvertedDoublePendulum-v4",
      "Reacher-v4", "Swimmer-v4", "Hopper-v4", "HalfCheetah-v4", "Walker2d-v4", "Ant-v4"};

  private MujocoSpeedBenchmark() {}

  public static void main(String[] args) throws Exception {
    int physicsSteps = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    String[] tasks = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
        : TASKS;
    System.out.println("task                        testspeed_steps/s  natgrad_env_steps/s  "
        + "x_frame_skip  ratio   goal(>= 1/1.3 = 0.77)  reset_us");
    for (String id : tasks) {
      Env env = EnvRegistry.make(id);
      MujocoEnv task = (MujocoEnv) ((TimeLimit) env).unwrapped();
      double testspeed = testspeed(id, task, physicsSteps);
      int envSteps = physicsSteps / task.frameSkip();
      double[] t = new double[3];
      double[] r = new double[3];
      stepFor(env, envSteps / 4, 0, new double[1]); // warm-up (JIT)
      for (int k = 0; k < 3; k++) {
        double[] reset = new double[1];
        t[k] = stepFor(env, envSteps, k + 1, reset);
        r[k] = reset[0];
      }
      java.util.Arrays.sort(t);
      java.util.Arrays.sort(r);
      double envPerSecond = envSteps / t[1];
      double physicsPerSecond = envPerSecond * task.frameSkip();
      double ratio = physicsPerSecond / testspeed;
      System.out.printf(Locale.ROOT, "%-27s %17.0f  %19.0f  %12.0f  %5.2f   %-22s %8.1f%n", id,
          testspeed, envPerSecond, physicsPerSecond, ratio, ratio >= 1 / 1.3 ? "met" : "NOT met",
          r[1]);
    }
  }

  /**
   * Seconds spent in {@code n} steps with actions N(0, 0.01), resetting when an episode ends;
   * {@code resetMicros[0]} gets a reset's mean cost.
   */
  private static double stepFor(Env env, int n, long seed, double[] resetMicros) {
    SplittableRandom rng = new SplittableRandom(seed);
    int nu = ((Box) env.actionSpace()).flatDimension();
    double[] a = new double[nu];
    double[][] noise = new double[1024][nu];
    env.reset(seed);
    long stepping = 0;
    long resetting = 0;
    int resets = 0;
    for (int i = 0; i < n; i++) {
      if (i % 1024 == 0) {
        for (double[] row : noise) {
          for (int k = 0; k < nu; k++) {
            row[k] = 0.01 * gaussian(rng);
          }
        }
      }
      System.arraycopy(noise[i % 1024], 0, a, 0, nu);
      long t0 = System.nanoTime();
      boolean done = env.step(a).done();
      long t1 = System.nanoTime();
      stepping += t1 - t0;
      if (done) {
        env.reset();
        resetting += System.nanoTime() - t1;
        resets++;
      }
    }
    resetMicros[0] = resets == 0 ? Double.NaN : resetting / 1e3 / resets;
    return stepping / 1e9;
  }

  private static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  /** mujoco-testspeed's "Steps per second" on the task's model, one thread, control noise 0.01. */
  private static double testspeed(String id, MujocoEnv task, int steps) throws Exception {
    String file = switch (id) {
      case "InvertedPendulum-v4" -> "inverted_pendulum.xml";
      case "InvertedDoublePendulum-v4" -> "inverted_double_pendulum.xml";
      case "Reacher-v4" -> "reacher.xml";
      case "Swimmer-v4" -> "swimmer.xml";
      case "Hopper-v4" -> "hopper.xml";
      case "HalfCheetah-v4" -> "half_cheetah.xml";
      case "Walker2d-v4" -> "walker2d.xml";
      default -> "ant.xml";
    };
    Path tmp = Files.createTempFile("natgrad-speed-", ".xml");
    try (var in = MujocoSpeedBenchmark.class.getResourceAsStream("models/" + file)) {
      Files.write(tmp, in.readAllBytes());
    }
    double best = 0;
    for (int k = 0; k < 3; k++) {
      Process p = new ProcessBuilder("mujoco-testspeed", tmp.toString(), String.valueOf(steps),
          "1", "0.01").redirectErrorStream(true).start();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.trim().startsWith("Steps per second")) {
            best = Math.max(best, Double.parseDouble(line.replaceAll("[^0-9.]", "")));
          }
        }
      }
      p.waitFor();
    }
    Files.deleteIfExists(tmp);
    if (best == 0) {
      throw new IllegalStateException("mujoco-testspeed printed no speed (is libmujoco-samples "
          + "installed? scripts/install-mujoco.sh)");
    }
    return best;
  }
}
