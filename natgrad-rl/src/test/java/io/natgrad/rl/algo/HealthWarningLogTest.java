package io.natgrad.rl.algo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model-mismatch health warnings reach the log sparingly: the 1st, 10th, 100th, ... */
class HealthWarningLogTest {
  @Test
  void logsTheFirstAndEveryPowerOfTen() {
    List<Integer> logged = new ArrayList<>();
    for (int n = 0; n <= 20_000; n++) {
      if (NaturalPolicyUpdate.logModelWarning(n)) {
        logged.add(n);
      }
    }
    assertThat(logged).containsExactly(1, 10, 100, 1000, 10_000);
  }
}
