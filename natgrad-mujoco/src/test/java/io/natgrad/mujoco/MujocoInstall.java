package io.natgrad.mujoco;

import java.util.concurrent.TimeUnit;

/**
 * Makes sure the tests have the system MuJoCo: when the library does not load, installs Debian's
 * {@code libmujoco2.2.2} with apt-get (as the README's test command promises; CI machines run the
 * tests as root). Never skips: a machine where it cannot be installed fails these tests with the
 * reason.
 */
final class MujocoInstall {
  private static boolean tried;

  private MujocoInstall() {}

  static synchronized void ensure() {
    if (java.nio.file.Files.exists(java.nio.file.Path.of(
        "/usr/lib/x86_64-linux-gnu/libmujoco.so.2.2.2")) || tried) {
      return;
    }
    tried = true;
    try {
      Process p = new ProcessBuilder("sh", "-c", "apt-get update -qq && "
          + "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libmujoco2.2.2 "
          + "libmujoco-samples").inheritIO().start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        System.err.println("apt-get did not finish in 10 minutes; stopped it");
      }
    } catch (Exception e) {
      System.err.println("could not run apt-get to install libmujoco2.2.2: " + e);
    }
  }
}
