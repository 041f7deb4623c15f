package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's bad input — missing files, directories given as files, empty, header-only and
 * header-less CSVs, non-numeric values, NaN and infinities, out-of-range values, unknown keys and
 * near misses, conflicting flags, --resume with changed settings — ends with exit code 2, exactly one
 * line on stderr naming what was typed, and no stack trace.
 */
class BadInputTableTest {
  @TempDir static Path tmp;
  static Path missing;
  static Path dir;
  static Path file;
  static Path run;
  static Path good;

  record Case(String name, String[] args, String[] expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @BeforeAll
  static synchronized void files() throws Exception {
    if (run != null) {
      return;
    }
    missing = tmp.resolve("missing.csv");
    dir = Files.createDirectories(tmp.resolve("adir"));
    file = write("plain.txt", "hello\n");
    good = write("good.csv", "height\n1.70\n1.82\n1.65\n");
    run = tmp.resolve("run");
    CliRunner.Result r = CliRunner.run("train", "--env", "CartPole-v1", "--steps", "1024",
        "--n-steps", "512", "--checkpoint-every", "1", "--out", run.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  static Case c(String name, String expected, String... args) {
    return new Case(name, args, expected.split("\\|"));
  }

  static Stream<Case> cases() throws Exception {
    files();
    String m = missing.toString();
    String d = dir.toString();
    String o = tmp.resolve("out").toString();
    List<Case> l = new ArrayList<>();
    // mle
    l.add(c("mle missing data", "--data|" + m, "mle", "--data", m, "--out", o));
    l.add(c("mle data is a directory", "--data|is a directory", "mle", "--data", d, "--out", o));
    l.add(c("mle empty csv", "--data|empty", "mle", "--data", write("e.csv", "").toString(),
        "--out", o));
    l.add(c("mle header-only csv", "--data|no data rows", "mle", "--data",
        write("h.csv", "x\n").toString(), "--column", "x", "--out", o));
    l.add(c("mle header-less csv", "--data|--no-header", "mle", "--data",
        write("n.csv", "1.5\n2.5\n").toString(), "--out", o));
    l.add(c("mle text value", "--data|abc", "mle", "--data",
        write("t.csv", "x\n1\nabc\n").toString(), "--column", "x", "--out", o));
    l.add(c("mle NaN value", "--data|NaN", "mle", "--data",
        write("nan.csv", "x\n1\nNaN\n").toString(), "--column", "x", "--out", o));
    l.add(c("mle infinite value", "--data|Infinity", "mle", "--data",
        write("inf.csv", "x\n1\nInfinity\n").toString(), "--column", "x", "--out", o));
    l.add(c("mle missing column", "column 'weight'|height", "mle", "--data", good.toString(),
        "--column", "weight", "--out", o));
    l.add(c("mle one value", "--data|at least two", "mle", "--data",
        write("one.csv", "x\n3\n").toString(), "--column", "x", "--out", o));
    l.add(c("mle constant data", "--data|boundary", "mle", "--data",
        write("c.csv", "x\n3\n3\n3\n").toString(), "--column", "x", "--out", o));
    l.add(c("mle unknown metric", "--metric|'l2'", "mle", "--metric", "l2", "--out", o));
    l.add(c("mle zero step", "--step|0", "mle", "--step", "0", "--out", o));
    l.add(c("mle NaN step", "--step|NaN", "mle", "--step", "NaN", "--out", o));
    l.add(c("mle text step", "--step|abc", "mle", "--step", "abc", "--out", o));
    l.add(c("mle negative sigma", "--sigma|-1", "mle", "--sigma", "-1", "--out", o));
    l.add(c("mle infinite sigma", "--sigma|Infinity", "mle", "--sigma", "Infinity", "--out", o));
    l.add(c("mle one point", "--n|1", "mle", "--n", "1", "--out", o));
    l.add(c("mle negative damping", "--damping|-1", "mle", "--damping", "-1", "--out", o));
    l.add(c("mle zero iterations", "--max-iterations|0", "mle", "--max-iterations", "0",
        "--out", o));
    l.add(c("mle near-miss option", "--dta|did you mean --data", "mle", "--dta", "x"));
    l.add(c("mle unknown solver", "--solver|'qr'", "mle", "--solver", "qr", "--out", o));
    l.add(c("mle unknown reduction", "--reduction|'avg'", "mle", "--reduction", "avg",
        "--out", o));
    l.add(c("mle unknown step rule", "--step-rule|'sgd'", "mle", "--step-rule", "sgd",
        "--out", o));
    l.add(c("mle unknown parameterization", "--parameterization|'logsigma'", "mle",
        "--parameterization", "logsigma", "--out", o));
    l.add(c("mle zero samples", "--samples|0", "mle", "--metric", "mc-fisher", "--samples", "0",
        "--out", o));
    l.add(c("mle out is a file", "--out|is a file", "mle", "--out", file.toString()));
    // reproduce
    l.add(c("fig2 unknown reading", "reading|'sgd'", "reproduce", "fig2", "--reading", "sgd",
        "--out", o));
    l.add(c("fig2 unknown metric", "--metric|'l2'", "reproduce", "fig2", "--metric", "l2",
        "--out", o));
    l.add(c("fig2 missing data", "--data|" + m, "reproduce", "fig2", "--data", m, "--out", o));
    l.add(c("fig4 euclidean for npg", "--metric|euclidean", "reproduce", "fig4", "--metric",
        "euclidean", "--out", o));
    l.add(c("fig4 no agents", "--agents|0", "reproduce", "fig4", "--agents", "0", "--out", o));
    l.add(c("fig4 unknown parameterization", "--parameterization|'x'", "reproduce", "fig4",
        "--parameterization", "x", "--out", o));
    l.add(c("fig1 negative sigma", "--sigma|-2", "reproduce", "fig1", "--sigma", "-2",
        "--out", o));
    l.add(c("unknown figure", "fig9", "reproduce", "fig9"));
    // train
    l.add(c("train without env", "--env", "train", "--out", o));
    l.add(c("train unknown env", "Nope-v0|CartPole-v1", "train", "--env", "Nope-v0", "--out", o));
    l.add(c("train near-miss flag", "--gama|did you mean --gamma", "train", "--env",
        "CartPole-v1", "--gama", "0.5"));
    l.add(c("train gamma out of range", "gamma|2", "train", "--env", "CartPole-v1", "--gamma",
        "2", "--out", o));
    l.add(c("train gamma not a number", "gamma|abc", "train", "--env", "CartPole-v1", "--gamma",
        "abc", "--out", o));
    l.add(c("train unknown algo", "algo|'sac'", "train", "--env", "CartPole-v1", "--algo", "sac",
        "--out", o));
    l.add(c("train zero n-steps", "--n-steps|0", "train", "--env", "CartPole-v1", "--n-steps", "0",
        "--out", o));
    l.add(c("train missing config", "--config|" + m, "train", "--env", "CartPole-v1",
        "--config", m, "--out", o));
    l.add(c("train config is a directory", "--config|is a directory", "train", "--env",
        "CartPole-v1", "--config", d, "--out", o));
    l.add(c("train config near-miss key", "gama|did you mean gamma", "train", "--env",
        "CartPole-v1", "--config", write("k.yml", "gama: 0.9\n").toString(), "--out", o));
    l.add(c("train config not yaml", "cannot be parsed|y.yml", "train", "--env", "CartPole-v1",
        "--config", write("y.yml", "a: [1, 2\n").toString(), "--out", o));
    l.add(c("train config bad value", "n_envs|many", "train", "--env", "CartPole-v1", "--config",
        write("v.yml", "n_envs: many\n").toString(), "--out", o));
    l.add(c("train preset without entry", "--preset zoo|LinearGaussianWalk-v0", "train", "--env",
        "LinearGaussianWalk-v0", "--preset", "zoo", "--out", o));
    l.add(c("train unknown preset", "--preset|'foo'", "train", "--env", "CartPole-v1",
        "--preset", "foo", "--out", o));
    l.add(c("train missing init policy", "--init-policy|" + m, "train", "--env", "CartPole-v1",
        "--init-policy", m, "--out", o));
    l.add(c("train resume missing", "--resume|" + m, "train", "--resume", m));
    l.add(c("train stop without eval", "--stop-at-return|--eval-every", "train", "--env",
        "CartPole-v1", "--stop-at-return", "100", "--out", o));
    l.add(c("train negative eval-every", "--eval-every|-1", "train", "--env", "CartPole-v1",
        "--eval-every", "-1", "--out", o));
    l.add(c("train zero workers", "--workers|0", "train", "--env", "CartPole-v1", "--workers",
        "0", "--out", o));
    l.add(c("train negative checkpoint-every", "--checkpoint-every|-1", "train", "--env",
        "CartPole-v1", "--checkpoint-every", "-1", "--out", o));
    l.add(c("train unknown seeding", "seeding|'numpy'", "train", "--env", "CartPole-v1",
        "--seeding", "numpy", "--out", o));
    l.add(c("train unknown engine", "foo", "train", "--env", "CartPole-v1", "--engine", "foo",
        "--out", o));
    l.add(c("train master without spark", "--master|--engine spark", "train", "--env",
        "CartPole-v1", "--master", "local[2]", "--out", o));
    l.add(c("train resume with changed gamma", "--gamma|0.5|0.99", "train", "--resume",
        run.toString(), "--gamma", "0.5"));
    l.add(c("train resume with fewer steps", "--steps|10|1024", "train", "--resume",
        run.toString(), "--steps", "10"));
    l.add(c("train resume with changed eval", "--eval-every|9", "train", "--resume",
        run.toString(), "--eval-every", "9"));
    l.add(c("train into an existing run", "already holds|--force", "train", "--env",
        "CartPole-v1", "--out", run.toString()));
    l.add(c("train wasserstein on discrete actions", "--metric|Discrete(2)|W2 needs a distance",
        "train", "--env", "CartPole-v1", "--metric", "wasserstein", "--out", o));
    l.add(c("train metric near miss", "--metric|'wasserstien'", "train", "--env", "Pendulum-v1",
        "--metric", "wasserstien", "--out", o));
    l.add(c("train kfac decay out of range", "--kfac-decay|[0, 1)|1.5", "train", "--env",
        "CartPole-v1", "--metric", "kfac", "--kfac-decay", "1.5", "--out", o));
    l.add(c("train acktr with another metric", "metric of acktr is kfac|'fisher'", "train",
        "--env", "CartPole-v1", "--algo", "acktr", "--metric", "fisher", "--out", o));
    l.add(c("train compare a metric the policy cannot have",
        "--compare-metrics: CartPole-v1 has Discrete(2) actions|Gaussian", "train", "--env",
        "CartPole-v1",
        "--compare-metrics", "fisher,wasserstein", "--out", o));
    l.add(c("train compare with ppo", "--compare-metrics|npg and trpo", "train", "--env",
        "CartPole-v1", "--algo", "ppo", "--compare-metrics", "all", "--out", o));
    l.add(c("metric-study unknown task", "--tasks: no task 'mujoco'", "reproduce",
        "metric-study", "--tasks", "mujoco", "--out", o));
    // eval
    l.add(c("eval missing policy", "--policy|" + m, "eval", "--policy", m));
    l.add(c("eval policy not json", "bad.json", "eval", "--policy",
        write("bad.json", "{not json").toString()));
    l.add(c("eval zero episodes", "--episodes|0", "eval", "--policy",
        run.resolve("policy.json").toString(), "--episodes", "0"));
    l.add(c("eval unknown seeding", "--seeding|'numpy'", "eval", "--policy",
        run.resolve("policy.json").toString(), "--seeding", "numpy"));
    // env
    l.add(c("env check unknown id", "Nope-v0", "env", "check", "Nope-v0"));
    l.add(c("env check missing class", "com.example.Nope", "env", "check", "--env-class",
        "com.example.Nope"));
    l.add(c("env check unknown option", "seeding|LinearGaussianWalk-v0", "env", "check",
        "LinearGaussianWalk-v0", "--seeding", "gymnasium"));
    // report
    l.add(c("report missing run", "run directory|" + m, "report", m));
    l.add(c("report near-miss group", "--group-by gama|did you mean gamma", "report",
        run.toString(), run.toString(), "--group-by", "gama", "--out", o));
    // sweep
    l.add(c("sweep missing file", "sweep file|" + m, "sweep", m));
    l.add(c("sweep unknown key", "unknown sweep key|basee", "sweep",
        write("s.yml", "basee: {env: CartPole-v1}\nseeds: [0]\n").toString()));
    l.add(c("sweep zero parallel", "--parallel|0", "sweep", "--parallel", "0",
        write("s2.yml", "base: {env: CartPole-v1, n_timesteps: 512}\nseeds: [0]\nout: "
            + tmp.resolve("sw") + "\n").toString()));
    l.add(c("sweep wasserstein on discrete actions", "sweep cell {metric=wasserstein}|Discrete(2)",
        "sweep", write("s3.yml", "base: {env: CartPole-v1, algo: trpo}\ngrid: {metric: [fisher, "
            + "wasserstein]}\nseeds: [0]\nout: " + tmp.resolve("sw3") + "\n").toString()));
    // the command itself
    l.add(c("near-miss command", "trian|did you mean train", "trian"));
    return l.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedInOneLineNamingWhatWasTyped(Case c) {
    CliRunner.Result r = CliRunner.run(c.args());
    String all = r.out() + r.err();
    assertThat(r.exitCode()).as(all).isEqualTo(2);
    List<String> lines = r.err().lines().filter(s -> !s.isBlank()).toList();
    assertThat(lines).as(all).hasSize(1);
    assertThat(lines.get(0)).startsWith("natgrad: error: ");
    assertThat(all).doesNotContain("Exception").doesNotContain("at io.natgrad");
    for (String e : c.expected()) {
      assertThat(lines.get(0)).as("names '%s'", e).contains(e);
    }
  }

  /** Files and directories that exist but cannot be read (skipped as root, who reads everything). */
  static Stream<Case> unreadable() throws Exception {
    files();
    Path csv = write("locked.csv", "height\n1.70\n1.82\n");
    Path yml = write("locked.yml", "base: {env: CartPole-v1}\nseeds: [0]\n");
    Path policy = tmp.resolve("locked-policy.json");
    Files.copy(run.resolve("policy.json"), policy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path lockedDir = Files.createDirectories(tmp.resolve("locked-dir"));
    for (Path p : List.of(csv, yml, policy, lockedDir)) {
      p.toFile().setReadable(false, false);
    }
    String o = tmp.resolve("out").toString();
    return Stream.of(
        c("mle unreadable data", "--data|permission denied", "mle", "--data", csv.toString(),
            "--out", o),
        c("train unreadable config", "--config|permission denied", "train", "--env",
            "CartPole-v1", "--config", yml.toString(), "--out", o),
        c("eval unreadable policy", "--policy|permission denied", "eval", "--policy",
            policy.toString()),
        c("sweep unreadable file", "permission denied", "sweep", yml.toString()),
        c("train unreadable resume dir", "--resume|permission denied", "train", "--resume",
            lockedDir.toString()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadable")
  void unreadableInputsAreRefusedTheSameWay(Case c) {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        Files.isReadable(tmp.resolve("locked.csv")), "running as root: every file is readable");
    refusedInOneLineNamingWhatWasTyped(c);
  }

  @org.junit.jupiter.api.Test
  void atLeastSixtyCases() throws Exception {
    assertThat(cases().count()).isGreaterThanOrEqualTo(60);
  }
}
