package io.natgrad.mujoco;

import java.util.List;
import java.util.Map;

/** A task's constructor options as configuration values, each refusal naming the key and value. */
final class TaskOptions {
  private final String id;
  private final Map<String, Object> values;

  TaskOptions(String id, Map<String, Object> values) {
    this.id = id;
    this.values = values;
  }

  double number(String key, double fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    double d = v instanceof Number n ? n.doubleValue() : parse(key, v);
    if (Double.isNaN(d)) {
      throw new IllegalArgumentException(id + " option " + key + " must be a number, got " + v);
    }
    return d;
  }

  boolean flag(String key, boolean fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if ("true".equals(String.valueOf(v)) || "false".equals(String.valueOf(v))) {
      return Boolean.parseBoolean(String.valueOf(v));
    }
    throw new IllegalArgumentException(id + " option " + key + " must be true or false, got " + v);
  }

  /** A (low, high) pair with low &lt; high; "inf" allowed. */
  double[] range(String key, double[] fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback.clone();
    }
    if (!(v instanceof List<?> l) || l.size() != 2) {
      throw new IllegalArgumentException(id + " option " + key + " must be a pair [low, high], "
          + "got " + v);
    }
    double[] r = {l.get(0) instanceof Number n ? n.doubleValue() : parse(key, l.get(0)),
        l.get(1) instanceof Number n ? n.doubleValue() : parse(key, l.get(1))};
    if (!(r[0] < r[1])) {
      throw new IllegalArgumentException(id + " option " + key + " must have low < high, got "
          + v);
    }
    return r;
  }

  private double parse(String key, Object v) {
    String s = String.valueOf(v).trim();
    switch (s) {
      case "inf", ".inf", "Infinity", "+inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-.inf", "-Infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(id + " option " + key + " must be a number, got "
              + v);
        }
      }
    }
  }
}
