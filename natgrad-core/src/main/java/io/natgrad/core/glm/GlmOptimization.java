package io.natgrad.core.glm;

import io.natgrad.core.metric.Metric;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.optim.Iterate;
import io.natgrad.core.optim.Optimizer;
import io.natgrad.core.optim.StepRule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A GLM fitted by any metric and step rule of the core — the paper's comparison on a model users
 * fit every day: gradient descent (Euclidean), the natural gradient with a trust region (exact
 * Fisher), Fisher scoring (exact Fisher, unit step), BHHH (empirical Fisher) or Algorithm 2's
 * Monte-Carlo Fisher. Every method starts from the same β₀ — the least-squares fit of R's
 * starting η = g(mustart) on X — and stops by R's criterion |D − D_old| / (|D| + 0.1) &lt; ε on
 * the deviance, or after {@code maxIterations}.
 *
 * @param beta the final coefficients
 * @param iterations the iterations taken
 * @param converged R's criterion was met
 * @param deviances D after each iteration (D(β₀) first)
 * @param stopReason why it stopped
 */
public record GlmOptimization(double[] beta, int iterations, boolean converged,
    double[] deviances, String stopReason) {

  /** R's starting point as coefficients: the least-squares fit of g(mustart) − offset on X. */
  public static double[] start(double[] x, int n, int p, double[] y, double[] weights,
      double[] offset, Family family, Link link) {
    double[] eta = new double[n];
    for (int i = 0; i < n; i++) {
      eta[i] = link.link(family.startingMean(y[i], weights == null ? 1 : weights[i]))
          - (offset == null ? 0 : offset[i]);
    }
    double[] b = PivotedQr.of(x, n, p, 1e-7).solve(eta);
    for (int j = 0; j < p; j++) {
      if (Double.isNaN(b[j])) {
        b[j] = 0;
      }
    }
    return b;
  }

  /** Runs the optimizer from β₀ until R's criterion holds or {@code maxIterations} pass. */
  public static GlmOptimization run(GlmModel model, Metric metric, DirectionSolver solver,
      StepRule step, double[] beta0, double epsilon, int maxIterations) {
    GlmObjective f = new GlmObjective(model);
    Iterator<Iterate> it = Optimizer.of(metric, solver, step).run(f, beta0);
    List<Double> devs = new ArrayList<>();
    double devOld = model.deviance(beta0);
    devs.add(devOld);
    double[] beta = beta0.clone();
    int k = 0;
    String reason = "max iterations";
    boolean converged = false;
    it.next(); // the starting point
    while (k < maxIterations) {
      Iterate i;
      try {
        if (!it.hasNext()) {
          break;
        }
        i = it.next();
      } catch (io.natgrad.core.optim.NonFiniteIterateException e) {
        reason = "left the model's domain at iteration " + (k + 1);
        return new GlmOptimization(beta, k, false,
            devs.stream().mapToDouble(Double::doubleValue).toArray(), reason);
      }
      k++;
      beta = i.theta().clone();
      double dev = model.deviance(beta);
      devs.add(dev);
      if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
        converged = true;
        reason = "converged";
        break;
      }
      devOld = dev;
    }
    if (!converged && k < maxIterations) {
      reason = "the optimizer stopped";
    }
    return new GlmOptimization(beta, k, converged,
        devs.stream().mapToDouble(Double::doubleValue).toArray(), reason);
  }
}
