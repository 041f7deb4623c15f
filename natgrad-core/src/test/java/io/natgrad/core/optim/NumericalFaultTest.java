package io.natgrad.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.linalg.ConjugateGradient;
import io.natgrad.core.linalg.LinearOperator;
import org.junit.jupiter.api.Test;

/** Numerical faults in an update are detected where they happen and the step is rejected. */
class NumericalFaultTest {
  final UpdateRule cg = new UpdateRule(
      DirectionSolver.conjugateGradient(new ConjugateGradient(1e-10, 10), false),
      new TrustRegion(0.01));
  final Objective f = OptimizerTest.quadratic2d();

  @Test
  void nonPositiveCurvatureInConjugateGradientRejectsTheStep() {
    LinearOperator indefinite = LinearOperator.diagonal(new double[] {1, -1});
    double[] theta = {0.5, 0.5};
    double[] g = new double[2];
    double v = f.valueAndGradient(theta, g);
    Update u = cg.step(f, indefinite, theta, v, g);
    assertThat(u.accepted()).isFalse();
    assertThat(u.thetaNext()).containsExactly(theta);
    assertThat(u.rejection()).contains("non-positive curvature").contains("raise the damping");
  }

  @Test
  void nonFiniteMetricRejectsTheStep() {
    LinearOperator nan = LinearOperator.diagonal(new double[] {Double.NaN, 1});
    double[] theta = {0.5, 0.5};
    double[] g = new double[2];
    double v = f.valueAndGradient(theta, g);
    Update u = cg.step(f, nan, theta, v, g);
    assertThat(u.accepted()).isFalse();
    assertThat(u.rejection()).contains("non-finite");
  }

  @Test
  void nonFiniteStepRejectsTheStep() {
    UpdateRule huge = new UpdateRule(DirectionSolver.direct(), new FixedLearningRate(1e308));
    double[] theta = {0.5, 0.5};
    double[] g = {1e10, 1e10};
    Update u = huge.step(f, LinearOperator.identity(2), theta, 0.0, g);
    assertThat(u.accepted()).isFalse();
    assertThat(u.rejection()).contains("non-finite parameter");
  }
}
