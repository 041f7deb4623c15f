package io.natgrad.core.metric;

import org.ejml.data.DMatrixRMaj;

/** θ ↦ G(θ) for a user-supplied dense metric. */
@FunctionalInterface
public interface DenseMetricFunction {
  /** G(θ), a symmetric positive definite n×n matrix. */
  DMatrixRMaj at(double[] theta);
}
