package io.natgrad.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One Spark context per JVM (Spark allows no more), shared by the samplers open at the same time and
 * stopped when the last one closes.
 */
final class SharedContext {

  private static JavaSparkContext context;
  private static String master;
  private static int users;

  private SharedContext() {}

  /** The context for {@code m}, started on first use (local masters: driver on 127.0.0.1, no UI). */
  static synchronized JavaSparkContext acquire(String m) {
    if (context != null) {
      if (!m.equals(master)) {
        throw new IllegalArgumentException("a Spark context for master " + master
            + " is running in this JVM; cannot start one for " + m);
      }
      users++;
      return context;
    }
    SparkConf conf = new SparkConf().setAppName("natgrad").setMaster(m)
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false");
    if (m.startsWith("local")) {
      conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    }
    context = new JavaSparkContext(SparkContext.getOrCreate(conf));
    master = m;
    users = 1;
    return context;
  }

  /** Releases one use; the last stops the context. */
  static synchronized void release(JavaSparkContext sc) {
    if (sc != context || users == 0) {
      return;
    }
    if (--users == 0) {
      context.stop();
      context = null;
      master = null;
    }
  }
}
