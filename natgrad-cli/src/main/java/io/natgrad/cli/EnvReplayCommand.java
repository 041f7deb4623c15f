package io.natgrad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.natgrad.rl.env.RecordingReplayer;
import io.natgrad.rl.io.JsonLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code natgrad env replay RECORDING}: replays episodes recorded from Gymnasium through natgrad's
 * environment of the recording's {@code env_id} (a {@link RecordingReplayer} service: the MuJoCo
 * v4 tasks of natgrad-mujoco), prints the largest deviation per quantity for each episode and
 * what exceeded the tolerance; exits 1 when anything did.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay episodes recorded from Gymnasium (JSON Lines, plain or gzipped; the "
        + "MuJoCo v4 format of natgrad-mujoco) and compare natgrad's observations, rewards, flags, "
        + "info and next states; exits 1 if a deviation exceeds the tolerance.")
final class EnvReplayCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RECORDING",
      description = "The recorded episodes (.jsonl or .jsonl.gz).")
  Path recording;

  @Option(names = "--tolerance", defaultValue = "1e-12", description = "Allowed |natgrad − "
      + "recorded| / max(|recorded|, 1) for observations, rewards, info and states "
      + "(default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--solver-tolerance", defaultValue = "1e-10", description = "The same for "
      + "the constraint solver's warm start kept in the state (default: ${DEFAULT-VALUE}).")
  double solverTolerance;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(recording)) {
      throw new IllegalArgumentException("RECORDING " + recording + " is not a file");
    }
    RecordingReplayer.Tolerance tol = new RecordingReplayer.Tolerance(tolerance, solverTolerance);
    List<JsonNode> first = JsonLines.read(recording, 1);
    if (first.isEmpty() || first.get(0).get("env_id") == null) {
      throw new IllegalArgumentException("RECORDING " + recording + ": the first episode has "
          + "no env_id (expected one JSON object per episode with env_id, reset_state, steps)");
    }
    String envId = first.get(0).get("env_id").asText();
    RecordingReplayer replayer = ServiceLoader.load(RecordingReplayer.class).stream()
        .map(ServiceLoader.Provider::get).filter(r -> r.accepts(envId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no replayer for env_id " + envId
            + " of " + recording + ": recordings of the MuJoCo v4 tasks are replayed by the "
            + "natgrad-mujoco module (./natgrad loads it when the file names a MuJoCo task)"));
    RecordingReplayer.Report report = replayer.replay(recording, envId, tol);
    System.out.println(envId + ": " + report.episodes().size() + " episodes, replayed "
        + report.mode());
    for (RecordingReplayer.EpisodeReplay e : report.episodes()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "episode %d  %d steps",
          e.episode(), e.steps()));
      for (Map.Entry<String, Double> d : e.maxDeviation().entrySet()) {
        line.append(String.format(Locale.ROOT, "  %s %.2g", d.getKey(), d.getValue()));
      }
      line.append(e.passed() ? "  ok" : "  FAILED");
      System.out.println(line);
      for (String f : e.failures()) {
        System.out.println("  " + f);
      }
    }
    System.out.println(report.passed()
        ? String.format(Locale.ROOT, "all episodes within %.3g (solver %.3g)", tolerance,
            solverTolerance)
        : "some episodes differ from the recording");
    return report.passed() ? 0 : 1;
  }
}
