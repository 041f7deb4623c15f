package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.rl.env.AbstractEnv;
import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Discrete;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvChecker;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.Space;
import io.natgrad.rl.env.StatefulEnv;
import io.natgrad.rl.env.StepResult;
import io.natgrad.rl.env.TimeLimit;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `natgrad env check` passes every built-in environment and catches each rule when broken. */
class EnvCheckTest {

  /** A well-behaved environment; each broken one below changes one thing. */
  public static class Good extends AbstractEnv implements StatefulEnv {
    double x;

    @Override
    public String id() {
      return "Good-v0";
    }

    @Override
    public Space observationSpace() {
      return Box.of(1, -10, 10);
    }

    @Override
    public Space actionSpace() {
      return new Discrete(2);
    }

    @Override
    protected double[] resetState() {
      x = rng().nextDouble();
      return new double[] {x};
    }

    @Override
    protected StepResult advance(double[] action) {
      x = Math.max(-9, Math.min(9, x + (action[0] == 1 ? 0.1 : -0.1) + 0.01 * rng().nextGaussian()));
      return new StepResult(new double[] {x}, -x * x, false, false);
    }

    @Override
    public double[] state() {
      return new double[] {x};
    }

    @Override
    public void restoreState(double[] s) {
      x = s[0];
      activate();
    }
  }

  static Supplier<Env> limited(Supplier<AbstractEnv> f) {
    return () -> new TimeLimit(f.get(), 50);
  }

  static boolean passed(List<EnvChecker.Result> results, String rule) {
    return results.stream().filter(r -> r.rule().startsWith(rule)).findFirst().orElseThrow()
        .passed();
  }

  @Test
  void theGoodEnvironmentPassesEveryRule() {
    assertThat(EnvChecker.check(limited(Good::new))).allMatch(EnvChecker.Result::passed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CartPole-v1", "Pendulum-v1", "MountainCar-v0",
      "MountainCarContinuous-v0", "Acrobot-v1", "LinearGaussianWalk-v0"})
  void everyBuiltInEnvironmentPasses(String id) {
    CliRunner.Result r = CliRunner.run("env", "check", id);
    assertThat(r.exitCode()).as(r.out()).isZero();
    assertThat(r.out()).contains("all rules passed").doesNotContain("FAIL");
  }

  @Test
  void nullSpaces() {
    assertThat(passed(EnvChecker.check(limited(() -> new Good() {
      @Override
      public Space observationSpace() {
        return null;
      }
    })), "spaces")).isFalse();
  }

  @Test
  void resetOutsideTheSpace() {
    assertThat(passed(EnvChecker.check(limited(() -> new Good() {
      @Override
      protected double[] resetState() {
        x = 50;
        return new double[] {x};
      }
    })), "reset returns")).isFalse();
  }

  /** Resets so far of the environment that ignores its seed. */
  private static final java.util.concurrent.atomic.AtomicInteger RESETS =
      new java.util.concurrent.atomic.AtomicInteger();

  @Test
  void unseededReset() {
    assertThat(passed(EnvChecker.check(limited(() -> new Good() {
      @Override
      protected double[] resetState() {
        // ignores the seed: every reset starts elsewhere, deterministically
        x = RESETS.incrementAndGet() % 997 / 1000.0;
        return new double[] {x};
      }
    })), "seeded reset")).isFalse();
  }

  @Test
  void nonFiniteReward() {
    assertThat(passed(EnvChecker.check(limited(() -> new Good() {
      @Override
      protected StepResult advance(double[] action) {
        return new StepResult(new double[] {0}, Double.NaN, false, false);
      }
    })), "steps return")).isFalse();
  }

  @Test
  void noTimeLimit() {
    List<EnvChecker.Result> r = EnvChecker.check(Good::new);
    assertThat(passed(r, "a time limit")).isFalse();
  }

  @Test
  void stepAfterTheEndAccepted() {
    Supplier<Env> forgiving = () -> new Env() {
      final Good inner = new Good();
      int t;

      @Override
      public String id() {
        return "Forgiving-v0";
      }

      @Override
      public Space observationSpace() {
        return inner.observationSpace();
      }

      @Override
      public Space actionSpace() {
        return inner.actionSpace();
      }

      @Override
      public double[] reset(long seed) {
        t = 0;
        return inner.reset(seed);
      }

      @Override
      public double[] reset() {
        t = 0;
        return inner.reset();
      }

      @Override
      public StepResult step(double[] action) {
        t++;
        return new StepResult(new double[] {0}, 0, false, t >= 5);
      }
    };
    assertThat(passed(EnvChecker.check(forgiving), "step after")).isFalse();
  }

  @Test
  void malformedActionAccepted() {
    assertThat(passed(EnvChecker.check(limited(() -> new Good() {
      @Override
      protected void checkAction(double[] action) {
        // accepts anything
      }
    })), "a malformed action")).isFalse();
  }

  @Test
  void inconsistentSnapshots() {
    assertThat(passed(EnvChecker.check(limited(() -> new Good() {
      @Override
      public void restoreState(double[] s) {
        activate(); // forgets the state
      }
    })), "snapshot")).isFalse();
  }

  @Test
  void cliCheckOfAUserClassAndListing() {
    CliRunner.Result r = CliRunner.run("env", "check", "--env-class",
        "io.natgrad.rl.examples.Thermostat");
    assertThat(r.exitCode()).as(r.out()).isZero();
    CliRunner.Result bad = CliRunner.run("env", "check", "--env-class",
        EnvCheckTest.class.getName() + "$Good");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.out()).contains("FAIL a time limit ends every episode");
    CliRunner.Result list = CliRunner.run("env", "list", "--env-class",
        EnvCheckTest.class.getName() + "$Good", "--max-episode-steps", "20");
    assertThat(list.out()).contains("Good-v0  observations Box").contains("max_episode_steps 20")
        .contains("CartPole-v1");
    assertThat(EnvRegistry.ids()).contains("Good-v0");
    CliRunner.Result missing = CliRunner.run("env", "check", "--env-class", "com.example.Nope");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("com.example.Nope was not found");
  }
}
