package io.natgrad.rl.env;

import io.natgrad.core.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks an environment against natgrad's {@link Env} contract, like Gymnasium's environment
 * checker: one result per rule, each with what it found. Used by {@code natgrad env check}.
 */
public final class EnvChecker {
  private EnvChecker() {}

  /** One rule's outcome. */
  public record Result(String rule, boolean passed, String detail) {
    @Override
    public String toString() {
      return (passed ? "PASS " : "FAIL ") + rule + (detail.isEmpty() ? "" : ": " + detail);
    }
  }

  /** Runs every rule on fresh instances from {@code factory}. */
  public static List<Result> check(Supplier<Env> factory) {
    List<Result> out = new ArrayList<>();
    out.add(rule("spaces are defined with valid bounds", () -> {
      Env e = factory.get();
      Space o = e.observationSpace();
      Space a = e.actionSpace();
      if (o == null || a == null) {
        return "observation or action space is null";
      }
      if (o instanceof Box b) {
        for (int i = 0; i < b.low().length; i++) {
          if (!(b.low()[i] <= b.high()[i])) {
            return "observation bound " + i + " is empty";
          }
        }
      }
      return null;
    }));
    out.add(rule("reset returns a finite observation inside the observation space", () -> {
      Env e = factory.get();
      double[] obs = e.reset(1);
      return inside(e, obs, "reset observation");
    }));
    out.add(rule("seeded reset is reproducible", () -> {
      List<double[]> a = rollout(factory.get(), 42, 20);
      List<double[]> b = rollout(factory.get(), 42, 20);
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        if (!Arrays.equals(a.get(i), b.get(i))) {
          return "two runs from reset(42) with the same actions differ at step " + i;
        }
      }
      return a.size() == b.size() ? null : "episode lengths differ";
    }));
    out.add(rule("steps return finite observations inside the space and finite rewards", () -> {
      Env e = factory.get();
      Rng rng = Rng.of(3);
      e.reset(3);
      for (int t = 0; t < 2000; t++) {
        StepResult r = e.step(e.actionSpace().sample(rng));
        String bad = inside(e, r.observation(), "observation at step " + t);
        if (bad != null) {
          return bad;
        }
        if (!Double.isFinite(r.reward())) {
          return "reward " + r.reward() + " at step " + t;
        }
        if (r.done()) {
          e.reset();
        }
      }
      return null;
    }));
    out.add(rule("a time limit ends every episode", () -> {
      Env e = factory.get();
      Rng rng = Rng.of(4);
      e.reset(4);
      for (int t = 0; t < 100_000; t++) {
        if (e.step(e.actionSpace().sample(rng)).done()) {
          return null;
        }
      }
      return "no episode ended within 100 000 random steps; wrap it in TimeLimit";
    }));
    out.add(rule("step after the episode ended is refused", () -> {
      Env e = factory.get();
      Rng rng = Rng.of(5);
      e.reset(5);
      for (int t = 0; t < 100_000; t++) {
        if (e.step(e.actionSpace().sample(rng)).done()) {
          try {
            e.step(e.actionSpace().sample(rng));
            return "step() after the end was accepted";
          } catch (IllegalStateException expected) {
            return null;
          }
        }
      }
      return "no episode ended";
    }));
    out.add(rule("a malformed action is refused", () -> {
      Env e = factory.get();
      e.reset(6);
      double[] bad = new double[e.actionSpace().flatDimension() + 1];
      try {
        e.step(bad);
        return "an action of length " + bad.length + " was accepted";
      } catch (IllegalArgumentException expected) {
        // good
      }
      double[] nan = new double[e.actionSpace().flatDimension()];
      Arrays.fill(nan, Double.NaN);
      try {
        e.step(nan);
        return "a NaN action was accepted";
      } catch (IllegalArgumentException expected) {
        return null;
      }
    }));
    out.add(rule("snapshot and restore are consistent (where offered)", () -> {
      Env e = factory.get();
      if (EnvSnapshot.capture(e) == null) {
        return null; // not offered: resume starts fresh episodes
      }
      Rng rng = Rng.of(7);
      e.reset(7);
      e.step(e.actionSpace().sample(rng));
      EnvSnapshot snap = EnvSnapshot.capture(e);
      double[][] actions = new double[10][];
      for (int i = 0; i < actions.length; i++) {
        actions[i] = e.actionSpace().sample(rng);
      }
      List<double[]> first = steps(e, actions);
      snap.restore(e);
      List<double[]> second = steps(e, actions);
      for (int i = 0; i < first.size(); i++) {
        if (!Arrays.equals(first.get(i), second.get(i))) {
          return "after restore, step " + i + " differs";
        }
      }
      return null;
    }));
    return out;
  }

  private static List<double[]> steps(Env e, double[][] actions) {
    List<double[]> out = new ArrayList<>();
    for (double[] a : actions) {
      StepResult r = e.step(a);
      double[] row = Arrays.copyOf(r.observation(), r.observation().length + 1);
      row[row.length - 1] = r.reward();
      out.add(row);
      if (r.done()) {
        break;
      }
    }
    return out;
  }

  private static List<double[]> rollout(Env e, long seed, int n) {
    Rng rng = Rng.of(99);
    List<double[]> out = new ArrayList<>();
    out.add(e.reset(seed));
    for (int t = 0; t < n; t++) {
      StepResult r = e.step(e.actionSpace().sample(rng));
      out.add(r.observation());
      if (r.done()) {
        break;
      }
    }
    return out;
  }

  private static String inside(Env e, double[] obs, String what) {
    if (obs == null) {
      return what + " is null";
    }
    for (double v : obs) {
      if (!Double.isFinite(v)) {
        return what + " " + Arrays.toString(obs) + " is not finite";
      }
    }
    if (!e.observationSpace().contains(obs)) {
      return what + " " + Arrays.toString(obs) + " is outside " + e.observationSpace();
    }
    return null;
  }

  private interface Rule {
    String run();
  }

  private static Result rule(String name, Rule r) {
    try {
      String problem = r.run();
      return new Result(name, problem == null, problem == null ? "" : problem);
    } catch (RuntimeException e) {
      return new Result(name, false, "threw " + e);
    }
  }
}
