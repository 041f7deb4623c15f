package io.natgrad.cli;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.bench.Workloads;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.StepResult;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.nn.Mlp;
import io.natgrad.rl.nn.Parallelism;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code natgrad bench}: BENCHMARKS.md's kernel, update, environment and sampler figures measured
 * in this JVM and printed as one table next to their goals. A quick check on a new machine, not a
 * replacement for the JMH suite ({@code natgrad-bench}), whose forks and statistics are more careful:
 * here every figure is the median of several timed rounds after a warm-up.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure the kernels, a TRPO update, environments and the sampler; print one table.")
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--rounds", defaultValue = "7",
      description = "Timed rounds per figure; the median is printed (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--round-ms", defaultValue = "200",
      description = "Minimum length of one round in milliseconds (default ${DEFAULT-VALUE}).")
  int roundMillis;

  @Option(names = "--warmup-ms", defaultValue = "1500",
      description = "Warm-up per figure in milliseconds, for the JIT (default ${DEFAULT-VALUE}).")
  int warmupMillis;

  private final List<String[]> rows = new ArrayList<>();
  private static volatile double sink;

  @Override
  public Integer call() {
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be >= 1, got " + rounds);
    }
    if (roundMillis < 1) {
      throw new IllegalArgumentException("--round-ms must be >= 1, got " + roundMillis);
    }
    if (warmupMillis < 0) {
      throw new IllegalArgumentException("--warmup-ms must be >= 0, got " + warmupMillis);
    }
    System.out.printf(Locale.ROOT, "natgrad bench: %d kernel threads, Java %s, %s; median of %d "
        + "rounds of at least %d ms after %d ms warm-up%n", Parallelism.threads(),
        System.getProperty("java.version"), System.getProperty("os.arch"), rounds, roundMillis,
        warmupMillis);
    peak();
    mlp();
    fisher();
    kfac();
    trpo();
    environments();
    sampler();
    print();
    return 0;
  }

  private void peak() {
    try {
      int lanes = io.natgrad.rl.nn.vector.PeakFlops.lanes();
      long it = 1_000_000L;
      double ns = time(() -> {
        sink = io.natgrad.rl.nn.vector.PeakFlops.run(it);
        return 1;
      });
      row("peak FMA rate, one thread (8 chains x " + lanes + " lanes)",
          gflops(it * 8.0 * lanes * 2, ns), "Gflop/s", "", "reference");
    } catch (LinkageError e) {
      row("peak FMA rate, one thread", "n/a", "", "", "run with --add-modules jdk.incubator.vector");
    }
  }

  private void mlp() {
    int n = 2048;
    Mlp net = new Mlp(4, new int[] {64, 64}, 2, Activation.TANH);
    Rng rng = Rng.of(1);
    double[] theta = net.initialParameters(rng, Math.sqrt(2), 1.0);
    double[] x = gaussian(n * 4, rng);
    double[] yBar = gaussian(n * 2, rng);
    double[] v = gaussian(net.parameterCount(), rng);
    double[] grad = new double[net.parameterCount()];
    double[] out = new double[n * 2];
    Mlp.Workspace ws = net.workspace(n);
    net.forward(theta, x, n, ws, null);
    double flops = (double) net.flopsPerSample() * n;
    double f = time(() -> {
      net.forward(theta, x, n, ws, null);
      return 1;
    });
    row("MLP forward, (64, 64) tanh, batch 2048", ms(f), "ms",
        "", gflops(flops, f) + " Gflop/s, " + perSample(f, n) + " ns/sample");
    double b = time(() -> {
      net.backward(theta, yBar, ws, grad, null);
      return 1;
    });
    row("MLP reverse pass (VJP), batch 2048", ms(b), "ms", "",
        gflops(2 * flops, b) + " Gflop/s, " + perSample(b, n) + " ns/sample");
    double j = time(() -> {
      net.jvp(theta, v, ws, out);
      return 1;
    });
    row("MLP forward-mode pass (JVP), batch 2048", ms(j), "ms", "",
        gflops(2 * flops, j) + " Gflop/s, " + perSample(j, n) + " ns/sample");
  }

  private void fisher() {
    Workloads.CartPoleBatch data = new Workloads.CartPoleBatch(2048);
    LinearOperator fisher = data.policy.fisherOperator(data.theta, data.batch.observations(), 2048);
    Rng rng = Rng.of(2);
    double[] v = gaussian(data.theta.length, rng);
    double[] out = new double[v.length];
    double[] weights = gaussian(2048, rng);
    double[] grad = new double[v.length];
    double fvp = time(() -> {
      fisher.apply(v, out);
      return 1;
    });
    double g = time(() -> {
      data.policy.weightedScoreSum(data.theta, data.batch.observations(), data.batch.actions(),
          2048, weights, grad);
      return 1;
    });
    row("Fisher-vector product, 2048 CartPole observations", ms(fvp), "ms", "<= 1.25",
        status(fvp / 1e6 <= 1.25));
    row("gradient on the same batch", ms(g), "ms", "", "");
    row("product / gradient", String.format(Locale.ROOT, "%.2f", fvp / g), "", "<= 2",
        status(fvp / g <= 2));
    double[] ones = new double[2048];
    java.util.Arrays.fill(ones, 1.0);
    double[] squared = new double[2048];
    for (int i = 0; i < squared.length; i++) {
      squared[i] = weights[i] * weights[i];
    }
    metricRow("mc-fisher", data.policy.scoreOuterOperator(data.theta,
        data.batch.observations(), data.batch.actions(), ones, 2048), v, out, fvp, "CartPole");
    metricRow("empirical-fisher", data.policy.scoreOuterOperator(data.theta,
        data.batch.observations(), data.batch.actions(), squared, 2048), v, out, fvp, "CartPole");
    Workloads.PendulumBatch pendulum = new Workloads.PendulumBatch(2048);
    double[] pv = gaussian(pendulum.theta.length, rng);
    double[] pout = new double[pv.length];
    LinearOperator pf = pendulum.policy.fisherOperator(pendulum.theta,
        pendulum.batch.observations(), 2048);
    double pfvp = time(() -> {
      pf.apply(pv, pout);
      return 1;
    });
    metricRow("wasserstein", pendulum.policy.wassersteinOperator(pendulum.theta,
        pendulum.batch.observations(), 2048), pv, pout, pfvp, "Pendulum");
  }

  /** One metric's product against the exact Fisher's on the same batch (issue 14: ≤ 1.25×). */
  private void metricRow(String name, LinearOperator g, double[] v, double[] out, double fisherNs,
      String task) {
    double t = time(() -> {
      g.apply(v, out);
      return 1;
    });
    row(name + " product / Fisher product, 2048 " + task + " observations",
        String.format(Locale.ROOT, "%.2f", t / fisherNs), "", "<= 1.25", status(t / fisherNs <= 1.25));
  }

  /**
   * K-FAC's direction against one gradient on the same CartPole batch (issue 14: ≤ 1.5×, the
   * eigendecompositions amortized over ACKTR's refresh period of 10 updates, the score pass that
   * the goal counts as shared with the update's gradient not counted; the row after counts it).
   */
  private void kfac() {
    Workloads.KfacDirection k = new Workloads.KfacDirection(2048);
    double[] w = new double[2048];
    java.util.Arrays.fill(w, 1.0 / 2048);
    double[] grad = new double[k.gradient.length];
    double g = time(() -> {
      k.data.policy.weightedScoreSum(k.data.theta, k.data.batch.observations(),
          k.data.batch.actions(), 2048, w, grad);
      return 1;
    });
    org.ejml.data.DMatrixRMaj[][] f = k.statistics();
    double stats = time(() -> {
      sink = k.statistics()[1][0].data[0];
      return 1;
    });
    double eig = time(() -> {
      k.blocks(f).decompose();
      return 1;
    });
    double solve = time(() -> {
      sink = k.solve()[0];
      return 1;
    });
    row("K-FAC statistics, 2048 CartPole observations (its score pass included)", ms(stats),
        "ms", "", "");
    row("K-FAC eigendecompositions (every kfac_refresh updates)", ms(eig), "ms", "", "");
    row("K-FAC closed-form solve", ms(solve), "ms", "", "");
    Rng rng = Rng.of(5);
    double resample = time(() -> {
      sink = k.resampledActions(rng)[0];
      return 1;
    });
    row("K-FAC kfac_resample: drawing the batch's actions again (extra)", ms(resample), "ms", "",
        "");
    double shared = (stats - g + solve + eig / 10) / g;
    row("K-FAC direction / gradient (eig / 10, score pass shared)",
        String.format(Locale.ROOT, "%.2f", shared), "", "<= 1.5", status(shared <= 1.5));
    row("K-FAC direction / gradient, with its own score pass",
        String.format(Locale.ROOT, "%.2f", (stats + solve + eig / 10) / g), "", "", "");
  }

  private void trpo() {
    Workloads.TrpoUpdate update = new Workloads.TrpoUpdate(2048);
    double t = time(() -> {
      sink = update.run();
      return 1;
    });
    row("TRPO update, 2048 samples, SB3 defaults", ms(t), "ms", "<= 35", status(t / 1e6 <= 35));
    double plain = time(() -> {
      sink = update.apply();
      return 1;
    });
    Workloads.TrpoUpdate compared = new Workloads.TrpoUpdate(2048, "all");
    double all = time(() -> {
      sink = compared.apply();
      return 1;
    });
    row("TRPO update with --compare-metrics all / without (CartPole)",
        String.format(Locale.ROOT, "%.2f", all / plain), "", "<= 3", status(all / plain <= 3));
  }

  private void environments() {
    for (String id : List.of("CartPole-v1", "Pendulum-v1", "MountainCar-v0",
        "MountainCarContinuous-v0", "Acrobot-v1")) {
      Env e = EnvRegistry.make(id);
      e.reset(1);
      double[][] actions = Workloads.randomActions(e, Rng.of(1), 1024);
      int steps = 100_000;
      double t = time(() -> {
        for (int i = 0; i < steps; i++) {
          StepResult r = e.step(actions[i & 1023]);
          if (r.done()) {
            e.reset();
          }
        }
        return 1;
      });
      row("raw steps, " + id, String.format(Locale.ROOT, "%.1f", steps / (t / 1e9) / 1e6),
          "M steps/s", "", "");
    }
  }

  private void sampler() {
    for (String id : List.of("CartPole-v1", "Acrobot-v1", "Pendulum-v1")) {
      double[] t = new double[2];
      for (int w = 1; w <= 2; w++) {
        try (Workloads.Sampling s = new Workloads.Sampling(id, 8, w)) {
          t[w - 1] = time(() -> {
            sink = s.sampler.collect(s.theta, 256).size();
            return 1;
          });
        }
      }
      double speedUp = t[0] / t[1];
      boolean costly = !id.equals("CartPole-v1");
      row("sampler, " + id + ", 8 copies x 256 steps, 1 -> 2 workers",
          String.format(Locale.ROOT, "%.2f", speedUp), "x (" + ms(t[0]) + " -> " + ms(t[1]) + " ms)",
          costly ? ">= 1.7" : ">= 1", status(speedUp >= (costly ? 1.7 : 1.0)));
    }
  }

  /** Median nanoseconds per call of {@code body} over the rounds, after the warm-up. */
  private double time(LongSupplier body) {
    long warmEnd = System.nanoTime() + warmupMillis * 1_000_000L;
    do {
      body.getAsLong();
    } while (System.nanoTime() < warmEnd);
    double[] perCall = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long calls = 0;
      long start = System.nanoTime();
      long end = start + roundMillis * 1_000_000L;
      long now;
      do {
        body.getAsLong();
        calls++;
        now = System.nanoTime();
      } while (now < end);
      perCall[r] = (double) (now - start) / calls;
    }
    Arrays.sort(perCall);
    return perCall[rounds / 2];
  }

  private void row(String what, String value, String unit, String goal, String note) {
    rows.add(new String[] {what, value, unit, goal, note});
  }

  private void print() {
    int[] width = new int[5];
    String[] head = {"benchmark", "value", "unit", "goal", "note"};
    for (int c = 0; c < 5; c++) {
      width[c] = head[c].length();
      for (String[] r : rows) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    System.out.println();
    printRow(head, width);
    String[] rule = new String[5];
    for (int c = 0; c < 5; c++) {
      rule[c] = "-".repeat(width[c]);
    }
    printRow(rule, width);
    for (String[] r : rows) {
      printRow(r, width);
    }
  }

  private static void printRow(String[] r, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < r.length; c++) {
      sb.append(c == 1 ? String.format("%" + width[c] + "s", r[c])
          : String.format("%-" + width[c] + "s", r[c]));
      sb.append(c < r.length - 1 ? "  " : "");
    }
    System.out.println(sb.toString().stripTrailing());
  }

  private static String status(boolean met) {
    return met ? "met" : "MISSED";
  }

  private static String ms(double ns) {
    return String.format(Locale.ROOT, "%.3f", ns / 1e6);
  }

  private static String gflops(double flops, double ns) {
    return String.format(Locale.ROOT, "%.1f", flops / ns);
  }

  private static String perSample(double ns, int n) {
    return String.format(Locale.ROOT, "%.0f", ns / n);
  }

  private static double[] gaussian(int n, Rng rng) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextGaussian();
    }
    return a;
  }
}
