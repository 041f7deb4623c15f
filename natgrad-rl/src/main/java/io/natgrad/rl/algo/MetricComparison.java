package io.natgrad.rl.algo;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.linalg.Vectors;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.rl.metric.PolicyMetric;
import io.natgrad.rl.metric.PolicySample;
import io.natgrad.rl.nn.Parallelism;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far the metrics disagree on one update (the paper's point that the metric is the choice,
 * measured): on the same batch and gradient g, each compared metric G_m's direction
 * d_m = (G_m + λI)⁻¹ g (the run's CG budget, or a closed form), and
 *
 * <pre>
 * cos      = d_m·d / (‖d_m‖ ‖d‖)                       d the direction the run took
 * true_kl  = ½ β_m² d_mᵀ F d_m,  β_m = √(2δ / d_mᵀ(G_m + λI)d_m)
 * </pre>
 *
 * the exact-Fisher quadratic KL of d_m once scaled to the trust region by its own metric: δ when
 * G_m is the Fisher, above δ when the metric would overshoot the true trust region, below when it
 * would undershoot. The run's own metric is reported from the direction it took (cos 1).
 * Comparisons use each metric's per-batch form (K-FAC: this batch's factors, not a run's running
 * ones) and never change the run.
 */
final class MetricComparison {
  private final PolicyMetric own;
  private final List<PolicyMetric> others;
  private final double damping;
  private final double targetKl;
  private final DirectionSolver solver;

  /**
   * @param own the run's metric
   * @param compared the metrics to compare (the run's own is reported first in any case)
   * @param damping λ
   * @param targetKl δ
   * @param solver the run's direction solver
   */
  MetricComparison(PolicyMetric own, List<PolicyMetric> compared, double damping,
      double targetKl, DirectionSolver solver) {
    this.own = own;
    this.others = compared.stream().filter(m -> !m.name().equals(own.name())).toList();
    this.damping = damping;
    this.targetKl = targetKl;
    this.solver = solver;
  }

  /** The metrics reported, in column order: the run's own first. */
  List<String> names() {
    List<String> n = new java.util.ArrayList<>();
    n.add(own.name());
    others.forEach(m -> n.add(m.name()));
    return n;
  }

  /**
   * Per metric {cos, true_kl} at θ on the sample, given the gradient, the direction the run took
   * and its d(G + λI)d.
   */
  Map<String, double[]> compare(PolicySample sample, double[] theta, double[] gradient,
      double[] taken, double takenNorm2) {
    Map<String, double[]> out = new LinkedHashMap<>();
    LinearOperator fisher = PolicyMetric.FISHER.on(sample).at(theta);
    // the exact Fisher's own direction: dᵀFd = dᵀ(F + λI)d − λ‖d‖², no product needed
    double ownKl = own == PolicyMetric.FISHER
        ? targetKl * (takenNorm2 - damping * Vectors.dot(taken, taken)) / takenNorm2
        : trueKl(fisher, taken, takenNorm2);
    out.put(own.name(), new double[] {1.0, ownKl});
    // the directions of independent metrics, one per kernel thread at a time (each metric's
    // operator is its own; the results do not depend on which thread), then the exact Fisher's
    // quadratic forms one after the other (its operator's buffers are shared)
    double[][] directions = new double[others.size()][];
    double[] metricNorm2 = new double[others.size()];
    Parallelism.forEach(others.size(), i -> {
      LinearOperator op = others.get(i).on(sample).withDamping(damping).at(theta);
      directions[i] = solver.solve(op, gradient).direction();
      metricNorm2[i] = op.quadraticForm(directions[i]);
    });
    for (int i = 0; i < directions.length; i++) {
      out.put(others.get(i).name(), new double[] {cosine(directions[i], taken),
          trueKl(fisher, directions[i], metricNorm2[i])});
    }
    return out;
  }

  private double trueKl(LinearOperator fisher, double[] d, double metricNorm2) {
    if (!(metricNorm2 > 0)) {
      return Double.NaN;
    }
    double beta2 = 2 * targetKl / metricNorm2;
    return 0.5 * beta2 * fisher.quadraticForm(d);
  }

  private static double cosine(double[] a, double[] b) {
    double na = Math.sqrt(Vectors.dot(a, a));
    double nb = Math.sqrt(Vectors.dot(b, b));
    return na > 0 && nb > 0 ? Vectors.dot(a, b) / (na * nb) : Double.NaN;
  }
}
