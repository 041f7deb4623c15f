package io.natgrad.mujoco;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the tests have the system MuJoCo: when the library is missing, runs
 * {@code scripts/install-mujoco.sh} (Debian's {@code libmujoco2.2.2} by apt-get, as the README's
 * test command promises; CI machines run the tests as root). Never skips: where it cannot be
 * installed these tests fail with the binding's message saying what to install.
 */
public final class MujocoInstall {
  private static boolean tried;

  private MujocoInstall() {}

  public static synchronized void ensure() {
    if (tried || Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libmujoco.so.2.2.2"))
        && Files.exists(Path.of("/usr/bin/mujoco-testspeed"))) {
      return;
    }
    tried = true;
    Path script = null;
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("scripts/install-mujoco.sh"))) {
        script = p.resolve("scripts/install-mujoco.sh");
        break;
      }
    }
    if (script == null) {
      System.err.println("scripts/install-mujoco.sh not found above " + Path.of("").toAbsolutePath());
      return;
    }
    try {
      Process p = new ProcessBuilder("sh", script.toString()).inheritIO().start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        System.err.println("installing libmujoco2.2.2 took over 10 minutes; stopped it");
      }
    } catch (Exception e) {
      System.err.println("could not run " + script + ": " + e);
    }
  }
}
