package io.natgrad.cli.train;

import io.natgrad.rl.algo.Evaluation;
import io.natgrad.policy.Policy;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code natgrad eval}: mean and standard deviation of a saved policy's episode returns. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate a saved policy; prints 'mean <m> std <s>'.")
public final class EvalCommand implements Callable<Integer> {

  @Option(names = "--policy", required = true, paramLabel = "FILE", description = "A policy.json.")
  Path policy;

  @Option(names = "--episodes", defaultValue = "100", description = "Episodes (default ${DEFAULT-VALUE}).")
  int episodes;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the episodes (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--stochastic", description = "Sample actions instead of taking the mode.")
  boolean stochastic;

  @Override
  public Integer call() throws Exception {
    if (episodes < 1) {
      throw new IllegalArgumentException("--episodes must be >= 1, got " + episodes);
    }
    // the deployable runtime (natgrad-policy): what is evaluated is exactly what ships
    Policy p = Policy.load(policy);
    Evaluation ev = Evaluation.run(p, Evaluation.makeEnv(p.envId()), episodes, seed, !stochastic);
    System.out.printf(Locale.ROOT, "mean %.4f std %.4f%n", ev.mean(), ev.std());
    return 0;
  }
}
