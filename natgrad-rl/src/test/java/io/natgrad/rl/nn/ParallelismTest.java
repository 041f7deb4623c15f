package io.natgrad.rl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The kernel threads: every chunk runs exactly once whichever thread takes it, including the calls
 * made inside {@link Parallelism#both} that the other computation's thread helps with once it is
 * done, and the lowest failing chunk's error is the one reported.
 */
class ParallelismTest {
  /** A pass of {@code chunks} chunks, each counting its runs and spinning for {@code work} steps. */
  private static void pass(AtomicIntegerArray runs, int offset, int chunks, int work) {
    Parallelism.run(chunks, c -> {
      double x = 0;
      for (int i = 0; i < work; i++) {
        x += Math.sqrt(i + c);
      }
      if (x < 0) {
        throw new AssertionError();
      }
      runs.incrementAndGet(offset + c);
    });
  }

  @RepeatedTest(50)
  void nestedCallsInsideBothRunEveryChunkOnce() {
    int passes = 20;
    int chunks = 16;
    AtomicIntegerArray a = new AtomicIntegerArray(passes * chunks);
    AtomicIntegerArray b = new AtomicIntegerArray(3 * chunks);
    // an unbalanced pair, like the policy step (long) and the critic's fit (short)
    Parallelism.both(() -> {
      for (int p = 0; p < passes; p++) {
        pass(a, p * chunks, chunks, 2_000);
      }
    }, () -> {
      for (int p = 0; p < 3; p++) {
        pass(b, p * chunks, chunks, 500);
      }
    });
    for (int i = 0; i < a.length(); i++) {
      assertThat(a.get(i)).as("chunk %d of the long computation", i).isEqualTo(1);
    }
    for (int i = 0; i < b.length(); i++) {
      assertThat(b.get(i)).as("chunk %d of the short computation", i).isEqualTo(1);
    }
  }

  @Test
  void theThreadThatIsDoneHelpsTheOther() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Parallelism.threads() > 1, "one kernel thread");
    java.util.Set<Thread> runners = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Thread[] owner = new Thread[1];
    Parallelism.both(() -> {
      owner[0] = Thread.currentThread();
      for (int p = 0; p < 200; p++) {
        Parallelism.run(16, c -> {
          runners.add(Thread.currentThread());
          double x = 0;
          for (int i = 0; i < 5_000; i++) {
            x += Math.sqrt(i);
          }
          assertThat(x).isPositive();
        });
      }
    }, () -> { });
    assertThat(runners).contains(owner[0]).hasSizeGreaterThan(1);
  }

  @Test
  void chunkSumsAddedInOrderGiveTheSameBitsInsideBothAsAlone() {
    double[] data = new double[64 * 1000];
    for (int i = 0; i < data.length; i++) {
      data[i] = Math.sin(i * 0.37) * 1e3 + 1e-7 * i;
    }
    double alone = orderedSum(data);
    double[] inside = new double[2];
    for (int rep = 0; rep < 20; rep++) {
      Parallelism.both(() -> inside[0] = orderedSum(data), () -> inside[1] = orderedSum(data));
      assertThat(inside[0]).isEqualTo(alone);
      assertThat(inside[1]).isEqualTo(alone);
    }
  }

  private static double orderedSum(double[] data) {
    int chunks = 64;
    int rows = data.length / chunks;
    double[] partial = new double[chunks];
    Parallelism.run(chunks, c -> {
      double s = 0;
      for (int i = c * rows; i < (c + 1) * rows; i++) {
        s += data[i];
      }
      partial[c] = s;
    });
    double total = 0;
    for (double p : partial) {
      total += p;
    }
    return total;
  }

  @RepeatedTest(20)
  void aSharedCallReportsItsLowestFailingChunk() {
    assertThatThrownBy(() -> Parallelism.both(() -> {
      Parallelism.run(32, c -> {
        if (c % 5 == 3) {
          throw new IllegalStateException("chunk " + c);
        }
      });
    }, () -> { })).isInstanceOf(IllegalStateException.class).hasMessage("chunk 3");
    // the team is usable afterwards
    AtomicIntegerArray runs = new AtomicIntegerArray(8);
    pass(runs, 0, 8, 10);
    for (int i = 0; i < 8; i++) {
      assertThat(runs.get(i)).isEqualTo(1);
    }
  }
}
