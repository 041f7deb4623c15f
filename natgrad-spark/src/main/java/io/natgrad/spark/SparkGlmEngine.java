package io.natgrad.spark;

import io.natgrad.core.glm.BlockedGlmFitter;
import io.natgrad.core.glm.DataTable;
import io.natgrad.core.glm.Formula;
import io.natgrad.core.glm.GlmEngine;
import io.natgrad.core.glm.GlmFit;
import io.natgrad.core.glm.GlmInput;
import io.natgrad.core.glm.ModelFrame;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code natgrad glm --engine spark}: a GLM fitted by Fisher scoring on data Spark SQL reads (CSV
 * with a header, or Parquet). The factors' levels are found first (one distinct per text column),
 * then each partition becomes one {@link io.natgrad.core.glm.GlmBlock} — the model frame built
 * from its rows with those levels, the response checked — cached on the executors; each IRLS
 * iteration is one aggregate of the blocks' sums ({@link OrderedAggregate}: XᵀWX, XᵀWz, the
 * deviance), solved on the driver by {@link BlockedGlmFitter}. The data never come to the driver.
 */
public final class SparkGlmEngine implements GlmEngine {

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public Result fit(Spec spec, Map<String, String> options) {
    String master = options.getOrDefault("master", "local[2]");
    JavaSparkContext sc = SharedContext.acquire(master);
    try {
      SparkSession spark = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
      Dataset<Row> df = read(spark, spec.data());
      List<String> used = usedColumns(spec);
      List<String> present = List.of(df.columns());
      for (String c : used) {
        if (!present.contains(c)) {
          throw new IllegalArgumentException(spec.data() + " has no column '" + c
              + "' (its columns: " + present + ")");
        }
      }
      df = df.select(used.stream().map(functions::col).toArray(Column[]::new));
      if (options.containsKey("partitions")) {
        df = df.repartition(Integer.parseInt(options.get("partitions")));
      }
      Set<String> numeric = new LinkedHashSet<>();
      for (StructField field : df.schema().fields()) {
        if (field.dataType() instanceof NumericType) {
          numeric.add(field.name());
        }
      }
      Map<String, List<String>> levels = levels(df, spec, numeric);
      Formula f = spec.formula();
      String source = spec.data();
      JavaRDD<PartitionBlock> blocks = df.javaRDD().mapPartitionsWithIndex(
          (index, rows) -> List.of(block(index, rows, used, numeric, source, spec, levels))
              .iterator(), true);
      blocks = blocks.persist(StorageLevel.MEMORY_AND_DISK());
      try {
        List<PartitionBlock> failed = blocks.filter(b -> b.error() != null).take(1);
        if (!failed.isEmpty()) {
          throw new IllegalArgumentException(failed.get(0).error());
        }
        long rows = blocks.map(b -> (long) b.block().rows()).reduce(Long::sum);
        if (rows == 0) {
          throw new IllegalArgumentException(spec.data() + " has no rows");
        }
        ModelFrame shape = ModelFrame.withLevels(f, empty(used, numeric, source), levels);
        JavaRDD<PartitionBlock> cached = blocks;
        GlmFit fit = new BlockedGlmFitter(spec.epsilon(), spec.maxIterations()).fit(
            r -> OrderedAggregate.sum(cached, r), shape.p(), spec.family(), spec.link(),
            shape.intercept());
        return new Result(fit, shape.names(), shape.intercept(), levels, rows);
      } finally {
        blocks.unpersist(false);
      }
    } finally {
      SharedContext.release(sc);
    }
  }

  /** Parquet for a path ending in .parquet (a file or Spark's directory of parts), else CSV. */
  static Dataset<Row> read(SparkSession spark, String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (p.endsWith(".parquet")) {
      return spark.read().parquet(path);
    }
    return spark.read().option("header", "true").option("inferSchema", "true")
        .option("mode", "FAILFAST").csv(path);
  }

  /** The formula's columns, then the weights' and the offset's. */
  private static List<String> usedColumns(Spec spec) {
    Set<String> cols = new LinkedHashSet<>();
    Formula f = spec.formula();
    cols.add(f.response().column());
    if (f.failures() != null) {
      cols.add(f.failures().column());
    }
    for (List<Formula.Variable> term : f.terms()) {
      for (Formula.Variable v : term) {
        cols.add(v.column());
      }
    }
    if (spec.weights() != null) {
      cols.add(spec.weights());
    }
    if (spec.offset() != null) {
      cols.add(spec.offset());
    }
    return new ArrayList<>(cols);
  }

  /** Each text column's levels (one distinct each), the reference (sorted first or given) first. */
  private static Map<String, List<String>> levels(Dataset<Row> df, Spec spec,
      Set<String> numeric) {
    for (String col : spec.references().keySet()) {
      if (!List.of(df.columns()).contains(col) || numeric.contains(col)) {
        throw new IllegalArgumentException("--reference " + col + ": " + (numeric.contains(col)
            ? "column '" + col + "' is numeric, not a factor"
            : "the model uses no column '" + col + "'"));
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (List<Formula.Variable> term : spec.formula().terms()) {
      for (Formula.Variable v : term) {
        String col = v.column();
        if (numeric.contains(col) || out.containsKey(col)) {
          continue;
        }
        TreeSet<String> values = new TreeSet<>();
        for (Row r : df.select(col).distinct().collectAsList()) {
          if (!r.isNullAt(0)) {
            values.add(r.get(0).toString());
          }
        }
        if (values.isEmpty()) {
          throw new IllegalArgumentException(spec.data() + ": column '" + col + "' has no values");
        }
        String ref = spec.references().getOrDefault(col, values.first());
        if (!values.contains(ref)) {
          throw new IllegalArgumentException("--reference " + col + "=" + ref + ": the levels of '"
              + col + "' are " + values);
        }
        List<String> withRefFirst = new ArrayList<>(values);
        withRefFirst.remove(ref);
        withRefFirst.add(0, ref);
        out.put(col, List.copyOf(withRefFirst));
      }
    }
    return out;
  }

  /** A partition's rows as a block (on an executor), or the first bad value they hold. */
  private static PartitionBlock block(int index, Iterator<Row> rows, List<String> used,
      Set<String> numeric, String source, Spec spec, Map<String, List<String>> levels) {
    int k = used.size();
    double[][] nums = new double[k][16];
    String[][] texts = new String[k][16];
    int n = 0;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (n == nums[0].length) {
        for (int c = 0; c < k; c++) {
          nums[c] = java.util.Arrays.copyOf(nums[c], 2 * n);
          texts[c] = java.util.Arrays.copyOf(texts[c], 2 * n);
        }
      }
      for (int c = 0; c < k; c++) {
        if (numeric.contains(used.get(c))) {
          nums[c][n] = r.isNullAt(c) ? Double.NaN : ((Number) r.get(c)).doubleValue();
        } else {
          texts[c][n] = r.isNullAt(c) ? null : r.get(c).toString();
        }
      }
      n++;
    }
    Map<String, double[]> numCols = new LinkedHashMap<>();
    Map<String, String[]> textCols = new LinkedHashMap<>();
    for (int c = 0; c < k; c++) {
      if (numeric.contains(used.get(c))) {
        numCols.put(used.get(c), java.util.Arrays.copyOf(nums[c], n));
      } else {
        textCols.put(used.get(c), java.util.Arrays.copyOf(texts[c], n));
      }
    }
    try {
      DataTable t = DataTable.of(source + " (partition " + index + ")", n, numCols, textCols);
      GlmInput in = GlmInput.of(spec.formula(), t, levels, Map.of(), spec.family(),
          spec.weights(), spec.offset());
      return new PartitionBlock(index, in.block(), null);
    } catch (IllegalArgumentException e) {
      return new PartitionBlock(index, null, e.getMessage());
    }
  }

  /** A table with the used columns and no rows (the design's shape and names). */
  private static DataTable empty(List<String> used, Set<String> numeric, String source) {
    Map<String, double[]> numCols = new LinkedHashMap<>();
    Map<String, String[]> textCols = new LinkedHashMap<>();
    for (String c : used) {
      if (numeric.contains(c)) {
        numCols.put(c, new double[0]);
      } else {
        textCols.put(c, new String[0]);
      }
    }
    return DataTable.of(source, 0, numCols, textCols);
  }
}
