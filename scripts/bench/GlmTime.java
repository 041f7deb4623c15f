// Issue 16's logistic-regression benchmark, natgrad's side (first measurement; a JMH benchmark
// is to come): reads x.bin / y.bin written by glm_statsmodels.py, fits five times with
// GlmFitter.defaults() and compares with statsmodels' coefficients.
// javac -cp CP GlmTime.java && java -Xmx2g -cp CP:. GlmTime, with CP = natgrad-core/target/classes
// plus the hipparchus-core and ejml jars from ~/.m2.
import io.natgrad.core.glm.*;
import java.nio.*; import java.nio.file.*;
public class GlmTime {
  static double[] read(String f) throws Exception {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(Path.of(f))).order(ByteOrder.LITTLE_ENDIAN);
    double[] d = new double[b.remaining() / 8]; b.asDoubleBuffer().get(d); return d;
  }
  public static void main(String[] a) throws Exception {
    double[] x = read("x.bin"), y = read("y.bin");
    int n = y.length, p = x.length / n;
    GlmFit f = null;
    for (int k = 0; k < 5; k++) {
      long t0 = System.nanoTime();
      f = GlmFitter.defaults().fit(x, n, p, y, null, null, Family.BINOMIAL, Link.LOGIT, true);
      System.out.printf("natgrad fit %.3f s, iterations %d%n", (System.nanoTime() - t0) / 1e9, f.iterations());
    }
    double[] sm = java.util.Arrays.stream(Files.readString(Path.of("sm_coef.txt")).trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    // peak heap during one fit, beyond what the data already hold (the design is 8·n·p bytes)
    System.gc();
    long before = usedHeap();
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    GlmFitter.defaults().fit(x, n, p, y, null, null, Family.BINOMIAL, Link.LOGIT, true);
    long peak = 0;
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("heap before the fit %.0f MB (x and y), peak during it %.0f MB; design %.0f MB%n",
        before / 1e6, peak / 1e6, 8.0 * n * p / 1e6);
    double max = 0; for (int j = 0; j < p; j++) max = Math.max(max, Math.abs(f.coefficients()[j] - sm[j]) / Math.max(1e-300, Math.abs(sm[j])));
    System.out.println("max relative difference to statsmodels " + max);
  }

  static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
