package io.natgrad.core.metric;

import io.natgrad.core.linalg.LinearOperator;
import org.ejml.data.DMatrixRMaj;

/** A metric given as a dense matrix function θ ↦ G(θ). */
final class DenseMetric implements Metric {
  private final String name;
  private final DenseMetricFunction function;

  DenseMetric(String name, DenseMetricFunction function) {
    this.name = java.util.Objects.requireNonNull(name, "name");
    this.function = java.util.Objects.requireNonNull(function, "metric function");
  }

  @Override
  public LinearOperator at(double[] theta) {
    DMatrixRMaj g = function.at(theta);
    if (g.numRows != theta.length || g.numCols != theta.length) {
      throw new IllegalArgumentException("metric '" + name + "' returned a " + g.numRows + "x"
          + g.numCols + " matrix for a parameter of dimension " + theta.length);
    }
    return LinearOperator.dense(g);
  }

  @Override
  public String name() {
    return name;
  }
}
