package io.natgrad.cli.train;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM during training: the first asks the trainer to stop after the current
 * update and write a checkpoint; a second aborts at once (exit 130).
 */
final class StopSignals {
  private final AtomicInteger count = new AtomicInteger();

  private StopSignals() {}

  static StopSignals install() {
    StopSignals s = new StopSignals();
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), sig -> {
          if (s.count.incrementAndGet() > 1) {
            System.err.println("natgrad: aborted");
            Runtime.getRuntime().halt(130);
          }
          System.err.println("natgrad: stopping after this update and writing a checkpoint "
              + "(signal again to abort at once)");
        });
      } catch (IllegalArgumentException e) {
        // the signal is not available on this platform
      }
    }
    return s;
  }

  boolean stopRequested() {
    return count.get() > 0;
  }
}
