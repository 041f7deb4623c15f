package io.natgrad.rl.metric;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.metric.Metric;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.policy.NeuralPolicy;

/**
 * The diagonal of the exact Fisher ({@link FisherMetric}): each parameter scaled by its own Fisher
 * information, no interactions — the cheapest natural-gradient approximation. For a network
 * policy per step, {@link NeuralPolicy#fisherDiagonal} (exact, from each row's Jacobian); otherwise
 * the diagonal of the dense Fisher.
 */
final class DiagonalFisherMetric implements PolicyMetric {

  @Override
  public String name() {
    return "diagonal-fisher";
  }

  @Override
  public Metric on(PolicySample sample) {
    Metric full = PolicyMetric.FISHER.on(sample);
    return new Metric() {
      @Override
      public LinearOperator at(double[] theta) {
        if (sample.policy() instanceof NeuralPolicy np
            && sample.unit() == PolicySample.Unit.STEP) {
          Batch b = sample.batch();
          return LinearOperator.diagonal(np.fisherDiagonal(theta, b.observations(), b.size()));
        }
        return LinearOperator.diagonal(diagonalOf(full.at(theta)));
      }

      @Override
      public String name() {
        return "diagonal-fisher";
      }
    };
  }

  private static double[] diagonalOf(LinearOperator g) {
    org.ejml.data.DMatrixRMaj m = g.toDense();
    double[] d = new double[m.numRows];
    for (int i = 0; i < d.length; i++) {
      d[i] = m.get(i, i);
    }
    return d;
  }
}
