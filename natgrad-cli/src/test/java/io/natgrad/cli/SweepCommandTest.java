package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
  @TempDir Path tmp;

  String sweep(Path out, String grid) {
    return "base:\n  env: CartPole-v1\n  algo: trpo\n  n_steps: 512\n  n_timesteps: 1024\n"
        + "grid:\n" + grid + "seeds: [0, 1]\nout: " + out + "\nthreshold: 30\n";
  }

  @Test
  void aTwoByTwoSweepRunsEveryCellAndReportsTheSameResultsAtAnyParallelism() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Path fa = tmp.resolve("a.yml");
    Path fb = tmp.resolve("b.yml");
    Files.writeString(fa, sweep(a, "  cg_damping: [0.1, 0.01]\n"));
    Files.writeString(fb, sweep(b, "  cg_damping: [0.1, 0.01]\n"));
    CliRunner.Result ra = CliRunner.run("sweep", fa.toString(), "--parallel", "2");
    assertThat(ra.exitCode()).as(ra.out() + ra.err()).isZero();
    assertThat(ra.out()).contains("sweep: 4 cells").contains("0 failed");
    CliRunner.Result rb = CliRunner.run("sweep", fb.toString(), "--parallel", "1");
    assertThat(rb.exitCode()).as(rb.err()).isZero();
    assertThat(a.resolve("report.html")).isNotEmptyFile();
    ObjectMapper json = new ObjectMapper();
    for (String cell : new String[] {"cg_damping=0.1_seed0", "cg_damping=0.1_seed1",
        "cg_damping=0.01_seed0", "cg_damping=0.01_seed1"}) {
      assertThat(PolicyJson.parameters(a.resolve(cell).resolve("policy.json")))
          .isEqualTo(PolicyJson.parameters(b.resolve(cell).resolve("policy.json")));
    }
    assertThat(Files.readString(a.resolve("report.html"))).contains("cg_damping=0.1")
        .contains("cg_damping=0.01");
  }

  @Test
  void badSweepFilesAreRefusedBeforeAnyRunStarts() throws Exception {
    Path out = tmp.resolve("never");
    record Bad(String text, String expected) {}
    for (Bad bad : new Bad[] {
        new Bad(sweep(out, "  cg_damping: [0.1, 0.01]\n") + "colour: blue\n", "colour"),
        new Bad(sweep(out, "  cg_damping: []\n"), "grid axis 'cg_damping' must be a non-empty list"),
        new Bad(sweep(out, "  cg_damping: [0.1, 0.1]\n"), "duplicate cells"),
        new Bad(sweep(out, "  cg_dampin: [0.1]\n"), "cg_dampin"),
        new Bad(sweep(out, "  target_kl: [-1]\n"), "target_kl must be in (0, inf), got -1")}) {
      Path f = tmp.resolve("bad.yml");
      Files.writeString(f, bad.text());
      CliRunner.Result r = CliRunner.run("sweep", f.toString());
      assertThat(r.exitCode()).as(bad.expected()).isEqualTo(2);
      assertThat(r.err()).contains(bad.expected());
      assertThat(out).doesNotExist();
    }
  }
}
