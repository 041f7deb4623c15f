package io.natgrad.cli.train;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT) and SIGTERM during training: the first asks the trainer to stop after the current
 * update and write a checkpoint; a second aborts at once (exit 130). Uses the JDK's
 * {@code sun.misc.Signal} (module jdk.unsupported) through reflection, so nothing is compiled
 * against an internal API; where it is missing, signals keep their default behaviour.
 */
public final class StopSignals {
  private final AtomicInteger count = new AtomicInteger();

  private StopSignals() {}

  /** Installs the handlers (once per call; the newest handles the signals). */
  public static StopSignals install() {
    StopSignals s = new StopSignals();
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object h = Proxy.newProxyInstance(StopSignals.class.getClassLoader(),
          new Class<?>[] {handler}, (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              s.onSignal();
            }
            return null;
          });
      for (String name : new String[] {"INT", "TERM"}) {
        try {
          Object sig = signal.getConstructor(String.class).newInstance(name);
          signal.getMethod("handle", signal, handler).invoke(null, sig, h);
        } catch (ReflectiveOperationException e) {
          // this signal cannot be handled here
        }
      }
    } catch (ClassNotFoundException e) {
      // no sun.misc.Signal on this JVM
    }
    return s;
  }

  private void onSignal() {
    if (count.incrementAndGet() > 1) {
      System.err.println("natgrad: aborted");
      Runtime.getRuntime().halt(130);
    }
    System.err.println("natgrad: stopping after this update and writing a checkpoint "
        + "(signal again to abort at once)");
  }

  /** Whether a first signal asked training to stop. */
  public boolean stopRequested() {
    return count.get() > 0;
  }
}
