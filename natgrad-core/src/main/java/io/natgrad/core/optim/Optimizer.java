package io.natgrad.core.optim;

import io.natgrad.core.linalg.Vectors;
import io.natgrad.core.metric.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Natural gradient descent (paper, Algorithm 1; Algorithm 2 with a Fisher metric): a
 * {@link Metric} composed with an {@link UpdateRule} (solver + step rule + projection),
 *
 * <pre>θ_{t+1} = θ_t − β G(θ_t)⁻¹ ∇f(θ_t).</pre>
 *
 * Gradient descent is the Euclidean case: {@code Optimizer.of(Metric.euclidean(),
 * DirectionSolver.direct(), new FixedLearningRate(α))}.
 *
 * <p>Immutable; each {@link #run} is an independent lazy sequence of {@link Iterate}s, which
 * {@link #minimize} consumes until a {@link StoppingRule} fires. A value or gradient that is not
 * finite ends the run with a {@link NonFiniteIterateException} that names the iteration and keeps
 * the last finite iterate.
 */
public final class Optimizer {
  private final Metric metric;
  private final UpdateRule updateRule;

  public Optimizer(Metric metric, UpdateRule updateRule) {
    this.metric = java.util.Objects.requireNonNull(metric, "metric");
    this.updateRule = java.util.Objects.requireNonNull(updateRule, "updateRule");
  }

  /** metric + solver + step rule, no projection. */
  public static Optimizer of(Metric metric, DirectionSolver solver, StepRule stepRule) {
    return new Optimizer(metric, new UpdateRule(solver, stepRule));
  }

  /** This optimizer with a projection applied after every step. */
  public Optimizer withProjection(Projection projection) {
    return new Optimizer(
        metric, new UpdateRule(updateRule.solver(), updateRule.stepRule(), projection));
  }

  public Metric metric() {
    return metric;
  }

  public UpdateRule updateRule() {
    return updateRule;
  }

  /** A lazy run from θ₀; the first element is the start (iteration 0). */
  public Run run(Objective objective, double[] theta0) {
    return new Run(objective, theta0);
  }

  /** The run as a sequential stream; limit it, e.g. with {@code takeWhile}. */
  public Stream<Iterate> stream(Objective objective, double[] theta0) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(run(objective, theta0), Spliterator.ORDERED), false);
  }

  /**
   * Iterates until {@code stop} fires or a step is rejected, keeping the whole trace.
   *
   * @throws NonFiniteIterateException when f or ∇f stops being finite
   */
  public OptimizationResult minimize(Objective objective, double[] theta0, StoppingRule stop) {
    Run run = run(objective, theta0);
    List<Iterate> trace = new ArrayList<>();
    String reason = null;
    while (run.hasNext()) {
      Iterate it = run.next();
      trace.add(it);
      Optional<String> r = stop.check(it);
      if (r.isPresent()) {
        reason = r.get();
        break;
      }
    }
    if (reason == null) {
      reason = run.stopReason();
    }
    Iterate last = trace.get(trace.size() - 1);
    return new OptimizationResult(
        last.theta().clone(), last.value(), last.iteration(), reason, List.copyOf(trace));
  }

  /**
   * One run of the optimizer: an iterator over iterates. It ends by itself only when a step is
   * rejected ({@link #stopReason()} says why); otherwise the caller decides when to stop. Each
   * iterate is computed when {@link #hasNext()} or {@link #next()} asks for it, and a non-finite
   * value or gradient is thrown from there as a {@link NonFiniteIterateException}.
   */
  public final class Run implements Iterator<Iterate> {
    private final Objective objective;
    private final int n;
    private Iterate current;
    private Iterate pending;
    private String stopReason;
    private final double[] theta0;

    private Run(Objective objective, double[] theta0) {
      this.objective = java.util.Objects.requireNonNull(objective, "objective");
      this.n = objective.dimension();
      if (theta0.length != n) {
        throw new IllegalArgumentException(
            "theta0 has length " + theta0.length + ", objective dimension is " + n);
      }
      if (!Vectors.isFinite(theta0)) {
        throw new IllegalArgumentException(
            "theta0 must be finite, got " + Arrays.toString(theta0));
      }
      this.theta0 = theta0.clone();
    }

    /** Why the run ended by itself (a rejected step), or null while it goes on. */
    public String stopReason() {
      return stopReason;
    }

    @Override
    public boolean hasNext() {
      if (pending == null && stopReason == null) {
        pending = advance();
      }
      return pending != null;
    }

    @Override
    public Iterate next() {
      if (!hasNext()) {
        throw new NoSuchElementException(stopReason);
      }
      current = pending;
      pending = null;
      return current;
    }

    /** The next iterate, or null when the step was rejected (stopReason set). */
    private Iterate advance() {
      if (current == null) {
        double[] grad = new double[n];
        double value = objective.valueAndGradient(theta0, grad);
        checkFinite(0, theta0, value, grad, null);
        return Iterate.start(theta0.clone(), value, grad, Vectors.norm(grad));
      }
      Update u = updateRule.step(
          objective, metric.at(current.theta()), current.theta(), current.value(),
          current.gradient());
      if (!u.accepted()) {
        stopReason = "step " + (current.iteration() + 1) + " rejected: " + u.rejection();
        return null;
      }
      double[] grad = new double[n];
      double value = objective.valueAndGradient(u.thetaNext(), grad);
      int k = current.iteration() + 1;
      checkFinite(k, u.thetaNext(), value, grad, current);
      return new Iterate(k, u.thetaNext(), value, grad, Vectors.norm(grad), u.beta(),
          u.metricStepLength(), u.euclideanStepLength(), u.backtracks(),
          u.cg() == null ? -1 : u.cg().iterations(),
          u.cg() == null ? Double.NaN : u.cg().relativeResidual());
    }

    private void checkFinite(int k, double[] theta, double value, double[] grad, Iterate last) {
      String what = null;
      if (!Double.isFinite(value)) {
        what = "objective value " + value;
      } else if (!Vectors.isFinite(grad)) {
        int i = Vectors.firstNonFinite(grad);
        what = "gradient component " + i + " = " + grad[i];
      }
      if (what != null) {
        stopReason = "non-finite " + what + " at iteration " + k;
        throw new NonFiniteIterateException(
            "non-finite " + what + " at iteration " + k + " (theta = " + Arrays.toString(theta)
                + ")" + (last == null ? "" : "; last finite iterate is iteration "
                + last.iteration() + " at theta = " + Arrays.toString(last.theta())),
            k, last);
      }
    }
  }
}
