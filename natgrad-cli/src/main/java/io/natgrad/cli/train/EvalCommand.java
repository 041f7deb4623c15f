package io.natgrad.cli.train;

import io.natgrad.policy.Policy;
import io.natgrad.rl.algo.Evaluation;
import io.natgrad.rl.env.Seeding;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code natgrad eval}: mean and standard deviation of a saved policy's episode returns. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate a saved policy; prints 'mean <m> std <s>'.")
public final class EvalCommand implements Callable<Integer> {

  @Option(names = "--policy", required = true, paramLabel = "FILE|RUN_DIR",
      description = "A policy.json, or a run directory (its policy.json; --best: best-policy.json).")
  Path policy;

  @Option(names = "--best", description = "With a run directory: its best-policy.json.")
  boolean best;

  @Option(names = "--episodes", defaultValue = "100", description = "Episodes (default ${DEFAULT-VALUE}).")
  int episodes;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the episodes (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--stochastic", description = "Sample actions instead of taking the mode.")
  boolean stochastic;

  @Option(names = "--seeding", defaultValue = "natgrad", description = "natgrad (default: a "
      + "stream per episode) or gymnasium (episode 0 is env.reset(seed=SEED) as in Gymnasium, the "
      + "next ones continue its stream).")
  String seeding;

  @Override
  public Integer call() throws Exception {
    if (episodes < 1) {
      throw new IllegalArgumentException("--episodes must be >= 1, got " + episodes);
    }
    Seeding mode;
    try {
      mode = Seeding.parse(seeding);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + e.getMessage());
    }
    Map<String, Object> options = mode == Seeding.GYMNASIUM ? Map.of("seeding", mode.label())
        : Map.of();
    // the deployable runtime (natgrad-policy): what is evaluated is exactly what ships
    Path file = java.nio.file.Files.isDirectory(policy)
        ? policy.resolve(best ? "best-policy.json" : "policy.json") : policy;
    Policy p = Policy.load(io.natgrad.cli.UserPaths.file("--policy", file));
    Evaluation ev = Evaluation.run(p, Evaluation.makeEnv(p.envId(), options), episodes, seed,
        !stochastic);
    System.out.printf(Locale.ROOT, "mean %.4f std %.4f%n", ev.mean(), ev.std());
    return 0;
  }
}
