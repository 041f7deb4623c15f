package io.natgrad.core.mle;

import io.natgrad.core.dist.Gaussian;
import io.natgrad.core.metric.Metric;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.optim.Iterate;
import io.natgrad.core.optim.Optimizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's maximum-likelihood experiment (Figure 2): fit N(μ, σ²) in the (μ, σ)
 * parameterization to data, from (μ, σ) = (0, 1), by gradient descent (Euclidean metric) or
 * natural gradient descent (Fisher metric), and record the path until the fit is within 1% of the
 * closed-form MLE in both μ and σ.
 */
public final class GaussianFit {
  /** The family of the experiment: the Gaussian in (μ, σ). */
  public static final Gaussian FAMILY = Gaussian.meanSigma();

  private GaussianFit() {}

  /** One point of a path: the iterate and its mean negative log-likelihood. */
  public record PathPoint(int iteration, double mu, double sigma, double meanNll) {}

  /**
   * A fitted path.
   *
   * @param method the method's label ({@code gd}, {@code ngd}, …)
   * @param points the iterates from the start, or only the last when the path was not recorded
   * @param convergedAt the first iteration within 1% of the MLE, or −1
   * @param last the last iterate
   * @param stopReason why the run stopped
   */
  public record Path(
      String method, List<PathPoint> points, int convergedAt, PathPoint last, String stopReason) {}

  /**
   * The shared 1000-point dataset of Figure 2: draws of N(12, 4²) (numpy
   * {@code default_rng(0).normal(12, 4, 1000)}); sample mean 11.8078868929, biased std 3.90701184943.
   */
  public static double[] paperDataset() {
    try (InputStream in = GaussianFit.class.getResourceAsStream("fig2-gaussian-n1000.csv")) {
      if (in == null) {
        throw new IllegalStateException("resource fig2-gaussian-n1000.csv is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine();
      List<Double> values = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          values.add(Double.parseDouble(line.trim()));
        }
      }
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The optimizer for a metric and a reading of the step size: direct solve, no projection. */
  public static Optimizer optimizer(Metric metric, StepReading reading, double step) {
    return Optimizer.of(metric, DirectionSolver.direct(), reading.stepRule(step));
  }

  /**
   * Runs one method until it is within 1% of the MLE or {@code maxIterations} is reached.
   *
   * @param data the observations
   * @param method a label for the path
   * @param metric Euclidean for GD, Fisher (exact or Monte-Carlo) for NGD
   * @param reading how {@code step} is read
   * @param step ε or α
   * @param mu0 start μ
   * @param sigma0 start σ
   * @param maxIterations iteration budget
   * @param record whether to keep every point (false keeps only the last, for very long runs)
   */
  public static Path run(double[] data, String method, Metric metric, StepReading reading,
      double step, double mu0, double sigma0, int maxIterations, boolean record) {
    NegativeLogLikelihood nll = new NegativeLogLikelihood(
        FAMILY, NegativeLogLikelihood.column(data), reading.reduction());
    double[] theta0 = FAMILY.theta(mu0, sigma0);
    FAMILY.validate(theta0);
    GaussianMle mle = GaussianMle.of(data);
    double perPoint = reading.reduction() == Reduction.SUM ? 1.0 / data.length : 1.0;
    Optimizer.Run run = optimizer(metric, reading, step).run(nll, theta0);
    List<PathPoint> points = new ArrayList<>();
    PathPoint last = null;
    int converged = -1;
    String reason = null;
    while (run.hasNext()) {
      Iterate it = run.next();
      last = new PathPoint(it.iteration(), it.theta()[0], it.theta()[1], it.value() * perPoint);
      if (record) {
        points.add(last);
      }
      if (mle.within(last.mu(), last.sigma(), 0.01)) {
        converged = it.iteration();
        reason = "within 1% of the MLE at iteration " + converged;
        break;
      }
      if (it.iteration() >= maxIterations) {
        reason = "not within 1% of the MLE after " + maxIterations + " iterations";
        break;
      }
    }
    if (reason == null) {
      reason = run.stopReason();
    }
    if (!record) {
      points.add(last);
    }
    return new Path(method, List.copyOf(points), converged, last, reason);
  }
}
