package io.natgrad.rl.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** natgrad's version and the commit it was built from (recorded at build time). */
public final class BuildInfo {
  private BuildInfo() {}

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return load("version.properties").getProperty("version", "unknown");
  }

  /** The abbreviated commit id, with {@code -dirty} when the tree had uncommitted changes. */
  public static String commit() {
    Properties git = load("git.properties");
    String id = git.getProperty("git.commit.id.abbrev", "unknown");
    return "true".equals(git.getProperty("git.dirty")) ? id + "-dirty" : id;
  }

  private static Properties load(String name) {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(name)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // a missing build stamp is reported as "unknown"
    }
    return p;
  }
}
