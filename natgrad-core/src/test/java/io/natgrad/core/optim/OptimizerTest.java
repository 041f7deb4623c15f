package io.natgrad.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.FiniteDifferences;
import io.natgrad.core.dist.Gaussian;
import io.natgrad.core.linalg.ConjugateGradient;
import io.natgrad.core.linalg.DenseSolve;
import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.linalg.Vectors;
import io.natgrad.core.metric.Metric;
import io.natgrad.core.mle.NegativeLogLikelihood;
import io.natgrad.core.mle.Reduction;
import io.natgrad.core.random.Rng;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class OptimizerTest {

  static QuadraticObjective quadratic() {
    DMatrixRMaj a = new DMatrixRMaj(new double[][] {{10, 2, 0}, {2, 3, 1}, {0, 1, 1}});
    return new QuadraticObjective(LinearOperator.dense(a), new double[] {1, -2, 3}, 0.5);
  }

  /** The Rosenbrock function (1 − x)² + 100(y − x²)². */
  static final Objective ROSENBROCK = new Objective() {
    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public double value(double[] t) {
      return Math.pow(1 - t[0], 2) + 100 * Math.pow(t[1] - t[0] * t[0], 2);
    }

    @Override
    public double valueAndGradient(double[] t, double[] g) {
      g[0] = -2 * (1 - t[0]) - 400 * t[0] * (t[1] - t[0] * t[0]);
      g[1] = 200 * (t[1] - t[0] * t[0]);
      return value(t);
    }
  };

  @Test
  void quadraticGradientIsCorrect() {
    QuadraticObjective q = quadratic();
    double[] t = {0.3, -1, 2};
    double[] g = new double[3];
    double v = q.valueAndGradient(t, g);
    assertThat(v).isEqualTo(q.value(t));
    assertThat(FiniteDifferences.relativeError(g, FiniteDifferences.gradient(q::value, t, 1e-6)))
        .isLessThan(1e-8);
  }

  @Test
  void exactLineSearchGradientDescentSolvesAQuadratic() {
    QuadraticObjective q = quadratic();
    Optimizer gd = Optimizer.of(Metric.euclidean(), DirectionSolver.direct(),
        new ExactQuadraticLineSearch());
    OptimizationResult r = gd.minimize(q, new double[3],
        StoppingRule.gradientNormBelow(1e-10).or(StoppingRule.maxIterations(10_000)));
    double[] solution = DenseSolve.solveSpd(q.hessian().toDense(), 0, new double[] {1, -2, 3});
    assertThat(r.theta()).containsExactly(solution, within(1e-9));
    // exact line search: the objective decreases at every step
    for (int k = 1; k < r.trace().size(); k++) {
      assertThat(r.trace().get(k).value()).isLessThanOrEqualTo(r.trace().get(k - 1).value() + 1e-14);
    }
    assertThat(r.trace().get(1).value()).isLessThan(r.trace().get(0).value());
    // with the Hessian as metric, one exact step solves it (Newton's method)
    Optimizer newton = Optimizer.of(Metric.dense("hessian", t -> q.hessian().toDense()),
        DirectionSolver.direct(), new ExactQuadraticLineSearch());
    OptimizationResult one = newton.minimize(q, new double[3], StoppingRule.maxIterations(1));
    assertThat(one.theta()).containsExactly(solution, within(1e-12));
  }

  @Test
  void exactLineSearchRefusesOtherObjectives() {
    Optimizer gd = Optimizer.of(Metric.euclidean(), DirectionSolver.direct(),
        new ExactQuadraticLineSearch());
    assertThatThrownBy(() -> gd.minimize(ROSENBROCK, new double[] {0, 0},
        StoppingRule.maxIterations(3))).hasMessageContaining("QuadraticObjective");
  }

  @Test
  void armijoBacktrackingDecreasesRosenbrockMonotonically() {
    Optimizer gd = Optimizer.of(Metric.euclidean(), DirectionSolver.direct(),
        Backtracking.armijo(1.0));
    OptimizationResult r = gd.minimize(ROSENBROCK, new double[] {-1.2, 1},
        StoppingRule.maxIterations(20_000).or(StoppingRule.gradientNormBelow(1e-6)));
    for (int k = 1; k < r.trace().size(); k++) {
      Iterate prev = r.trace().get(k - 1);
      Iterate it = r.trace().get(k);
      // Armijo: f(θ − βg) ≤ f(θ) − c β ∇fᵀg, with g = ∇f here
      assertThat(it.value()).isLessThanOrEqualTo(
          prev.value() - 1e-4 * it.beta() * prev.gradientNorm() * prev.gradientNorm());
    }
    assertThat(r.value()).isLessThan(1e-6);
    assertThat(r.trace().stream().mapToInt(Iterate::backtracks).sum()).isPositive();
  }

  @Test
  void trustRegionStepsHaveMetricLengthSqrtTwoEpsilon() {
    Gaussian family = Gaussian.meanSigma();
    Rng rng = Rng.of(4);
    double[] x = new double[500];
    for (int i = 0; i < x.length; i++) {
      x[i] = 3 + 2 * rng.nextGaussian();
    }
    NegativeLogLikelihood nll =
        new NegativeLogLikelihood(family, NegativeLogLikelihood.column(x), Reduction.MEAN);
    double eps = 1e-3;
    Metric fisher = Metric.exactFisher(family);
    Optimizer ngd = Optimizer.of(fisher, DirectionSolver.direct(), new TrustRegion(eps));
    OptimizationResult r = ngd.minimize(nll, new double[] {0, 1}, StoppingRule.maxIterations(50));
    for (int k = 1; k < r.trace().size(); k++) {
      Iterate prev = r.trace().get(k - 1);
      Iterate it = r.trace().get(k);
      double[] d = Vectors.addScaled(it.theta(), -1, prev.theta());
      double metricLength = Math.sqrt(fisher.at(prev.theta()).quadraticForm(d));
      assertThat(metricLength).isCloseTo(Math.sqrt(2 * eps), within(1e-12));
      assertThat(it.metricStepLength()).isCloseTo(Math.sqrt(2 * eps), within(1e-12));
      assertThat(it.beta()).isCloseTo(
          TrustRegion.trustRegionBeta(eps, ngd.metric().at(prev.theta()).quadraticForm(
              DirectionSolver.direct().solve(fisher.at(prev.theta()), prev.gradient()).direction())),
          within(1e-15));
    }
  }

  @Test
  void conjugateGradientAndDirectSolvesGiveTheSameRun() {
    // equivalence test: two compositions of the same math give the same numbers
    Gaussian family = Gaussian.meanLogSigma();
    double[] x = {1, 2, 3, 4, 10};
    NegativeLogLikelihood nll =
        new NegativeLogLikelihood(family, NegativeLogLikelihood.column(x), Reduction.MEAN);
    Metric fisher = Metric.exactFisher(family).withDamping(1e-3);
    Optimizer direct = Optimizer.of(fisher, DirectionSolver.direct(), new TrustRegion(0.01));
    Optimizer cg = Optimizer.of(fisher,
        DirectionSolver.conjugateGradient(new ConjugateGradient(1e-14, 10), true),
        new TrustRegion(0.01));
    Optimizer warm = Optimizer.of(fisher,
        DirectionSolver.warmStartedConjugateGradient(new ConjugateGradient(1e-14, 10), false),
        new TrustRegion(0.01));
    List<Iterate> a = direct.minimize(nll, new double[] {0, 0}, StoppingRule.maxIterations(100)).trace();
    List<Iterate> b = cg.minimize(nll, new double[] {0, 0}, StoppingRule.maxIterations(100)).trace();
    List<Iterate> c = warm.minimize(nll, new double[] {0, 0}, StoppingRule.maxIterations(100)).trace();
    for (int k = 0; k < a.size(); k++) {
      assertThat(b.get(k).theta()).containsExactly(a.get(k).theta(), within(1e-10));
      assertThat(c.get(k).theta()).containsExactly(a.get(k).theta(), within(1e-10));
    }
    assertThat(b.get(5).cgIterations()).isBetween(1, 2);
    assertThat(a.get(5).cgIterations()).isEqualTo(-1);
  }

  @Test
  void euclideanTrustRegionIsNormalizedGradientDescent() {
    QuadraticObjective q = quadratic();
    double eps = 0.005;
    Optimizer ngd = Optimizer.of(Metric.euclidean(), DirectionSolver.direct(), new TrustRegion(eps));
    Optimizer.Run run = ngd.run(q, new double[] {1, 1, 1});
    Iterate start = run.next();
    Iterate next = run.next();
    double[] expected = Vectors.addScaled(start.theta(),
        -Math.sqrt(2 * eps) / start.gradientNorm(), start.gradient());
    assertThat(next.theta()).containsExactly(expected, within(1e-15));
  }

  @Test
  void nonFiniteValueStopsWithTheIterationAndKeepsTheLastFiniteIterate() {
    // f(θ) = −log(1 − θ) − 3θ: from θ = 0 (∇f = −2) a step of α = 0.5 lands on the pole θ = 1
    Objective mirrored = new Objective() {
      @Override
      public int dimension() {
        return 1;
      }

      @Override
      public double value(double[] t) {
        return -Math.log(1 - t[0]) - 3 * t[0];
      }

      @Override
      public double valueAndGradient(double[] t, double[] g) {
        g[0] = 1 / (1 - t[0]) - 3;
        return value(t);
      }
    };
    Optimizer gd = Optimizer.of(Metric.euclidean(), DirectionSolver.direct(),
        new FixedLearningRate(0.5));
    assertThatThrownBy(() -> gd.minimize(mirrored, new double[] {0}, StoppingRule.maxIterations(100)))
        .isInstanceOfSatisfying(NonFiniteIterateException.class, e -> {
          assertThat(e.iteration()).isEqualTo(1);
          assertThat(e.lastFinite().iteration()).isZero();
          assertThat(e.lastFinite().theta()).containsExactly(0.0);
          assertThat(e.getMessage()).contains("iteration 1").contains("Infinity");
        });
  }

  @Test
  void projectionKeepsIteratesFeasible() {
    QuadraticObjective q = new QuadraticObjective(LinearOperator.identity(2),
        new double[] {-5, 1}, 0);
    Optimizer gd = Optimizer.of(Metric.euclidean(), DirectionSolver.direct(),
        new FixedLearningRate(0.5)).withProjection(Projection.floor(0, 0.25));
    OptimizationResult r = gd.minimize(q, new double[] {2, 0}, StoppingRule.maxIterations(60));
    for (Iterate it : r.trace()) {
      assertThat(it.theta()[0]).isGreaterThanOrEqualTo(0.25);
    }
    assertThat(r.theta()).containsExactly(new double[] {0.25, 1}, within(1e-12));
  }

  @Test
  void rejectedStepEndsTheRunWithAReason() {
    // an indefinite "metric" gives gᵀGg < 0: the trust region has no step
    Metric bad = Metric.dense("indefinite", t -> new DMatrixRMaj(new double[][] {{1, 0}, {0, -1}}));
    Optimizer o = Optimizer.of(bad, (g, grad) -> new DirectionSolver.Solution(
        new double[] {0, 1}, null), new TrustRegion(0.1));
    OptimizationResult r = o.minimize(quadratic2d(), new double[] {1, 1},
        StoppingRule.maxIterations(10));
    assertThat(r.iterations()).isZero();
    assertThat(r.stopReason()).contains("rejected").contains("gᵀGg");
  }

  static QuadraticObjective quadratic2d() {
    return new QuadraticObjective(LinearOperator.identity(2), new double[] {1, 1}, 0);
  }

  @Test
  void badSettingsAreNamed() {
    assertThatThrownBy(() -> new TrustRegion(0)).hasMessageContaining("epsilon").hasMessageContaining("0");
    assertThatThrownBy(() -> new TrustRegion(-1e-4)).hasMessageContaining("-1.0E-4");
    assertThatThrownBy(() -> new FixedLearningRate(Double.NaN)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new Backtracking(new FixedLearningRate(1), 1.5, 1e-4, 10))
        .hasMessageContaining("shrinkFactor");
    assertThatThrownBy(() -> Metric.euclidean().withDamping(-1)).hasMessageContaining("damping");
    assertThatThrownBy(() -> Optimizer.of(Metric.euclidean(), DirectionSolver.direct(),
        new FixedLearningRate(1)).run(quadratic(), new double[] {Double.NaN, 0, 0}))
        .hasMessageContaining("theta0");
  }
}
