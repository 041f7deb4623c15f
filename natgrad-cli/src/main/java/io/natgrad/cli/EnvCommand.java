package io.natgrad.cli;

import io.natgrad.cli.train.UserEnvironments;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvChecker;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.TimeLimit;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code natgrad env list|check|replay}: the registered environments, the environment checker,
 * and replays of episodes recorded from Gymnasium.
 */
@Command(name = "env", mixinStandardHelpOptions = true,
    description = "List environments, check one against the Env contract, or replay recorded "
        + "episodes through one.",
    subcommands = {EnvCommand.ListCommand.class, EnvCommand.CheckCommand.class,
        EnvReplayCommand.class})
public final class EnvCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Options to add a user's environment class. */
  static final class UserEnv {
    @Option(names = "--env-class", description = "A class implementing io.natgrad.rl.env.Env.")
    String envClass;

    @Option(names = "--classpath", description = "Jars or directories holding --env-class.")
    String classpath;

    @Option(names = "--max-episode-steps", description = "Wrap --env-class in a time limit.")
    Integer maxEpisodeSteps;

    String register() {
      return envClass == null ? null
          : UserEnvironments.register(envClass, classpath, maxEpisodeSteps);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the registered environments with their spaces.")
  static final class ListCommand implements Callable<Integer> {
    @CommandLine.Mixin UserEnv user = new UserEnv();

    @Override
    public Integer call() {
      user.register();
      for (String id : new TreeSet<>(EnvRegistry.ids())) {
        Env e;
        try {
          e = EnvRegistry.make(id);
        } catch (IllegalStateException unavailable) {
          // a plugin's task whose native library is missing: listed, with what to install
          System.out.println(id + "  unavailable: " + unavailable.getMessage());
          continue;
        }
        String limit = e instanceof TimeLimit t ? "  max_episode_steps " + t.maxEpisodeSteps() : "";
        System.out.println(id + "  observations " + e.observationSpace() + "  actions "
            + e.actionSpace() + limit);
      }
      return 0;
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check an environment (a registered id, or --env-class); exits 1 if a rule fails.")
  static final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "A registered environment id.")
    String id;

    @CommandLine.Mixin UserEnv user = new UserEnv();

    @Option(names = "--env", description = "A registered environment id (as train --env).")
    String envId;

    @Option(names = "--seeding", description = "natgrad (default) or gymnasium: check the "
        + "environment as made with that seeding option.")
    String seeding;

    @Override
    public Integer call() {
      String registered = user.register();
      if (id != null && envId != null && !id.equals(envId)) {
        throw new IllegalArgumentException("env check " + id + " --env " + envId
            + ": give the environment once");
      }
      String target = id != null ? id : envId != null ? envId : registered;
      if (target == null) {
        throw new IllegalArgumentException("give an environment id or --env-class");
      }
      java.util.Map<String, Object> options = seeding == null ? java.util.Map.of()
          : java.util.Map.of("seeding", seeding);
      EnvRegistry.make(target, options); // unknown ids and options are refused here, by name
      List<EnvChecker.Result> results = EnvChecker.check(() -> EnvRegistry.make(target, options));
      boolean ok = true;
      for (EnvChecker.Result r : results) {
        System.out.println(r);
        ok &= r.passed();
      }
      System.out.println((ok ? "all rules passed for " : "some rules failed for ") + target);
      return ok ? 0 : 1;
    }
  }
}
