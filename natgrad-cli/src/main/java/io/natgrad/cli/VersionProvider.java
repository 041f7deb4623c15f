package io.natgrad.cli;

import io.natgrad.rl.run.BuildInfo;
import picocli.CommandLine;

/** natgrad's version and the commit it was built from (recorded at build time). */
public final class VersionProvider implements CommandLine.IVersionProvider {

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return BuildInfo.version();
  }

  /** The abbreviated commit id, with {@code -dirty} when the tree had uncommitted changes. */
  public static String commit() {
    return BuildInfo.commit();
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "natgrad " + version() + " (commit " + commit() + ")",
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
