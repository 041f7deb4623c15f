package io.natgrad.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.metric.Metric;
import org.junit.jupiter.api.Test;

class ConstrainedBacktrackingTest {

  /** f(θ) = −(θ₀ + θ₁) (linear: every step improves it), divergence = c·‖θ − θ_cur‖². */
  static final class Linear implements Objective, DivergenceAware {
    final double[] current;
    final double c;

    Linear(double[] current, double c) {
      this.current = current;
      this.c = c;
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public double value(double[] t) {
      return -(t[0] + t[1]);
    }

    @Override
    public double valueAndGradient(double[] t, double[] g) {
      g[0] = -1;
      g[1] = -1;
      return value(t);
    }

    @Override
    public double divergence(double[] trial) {
      double dx = trial[0] - current[0];
      double dy = trial[1] - current[1];
      return c * (dx * dx + dy * dy);
    }
  }

  static Update step(double c, double delta, int trials) {
    double[] theta = {0, 0};
    Linear f = new Linear(theta, c);
    UpdateRule rule = new UpdateRule(DirectionSolver.direct(),
        new ConstrainedBacktracking(new TrustRegion(delta), delta, 0.8, trials));
    double[] g = new double[2];
    double v = f.valueAndGradient(theta, g);
    return rule.step(f, LinearOperator.identity(2), theta, v, g);
  }

  @Test
  void acceptsTheFullTrustRegionStepWhenTheMeasuredDivergenceAgrees() {
    // metric I: ½‖d‖² = δ at the full step; the measured divergence is 2% below the model
    Update u = step(0.49, 0.01, 10);
    assertThat(u.accepted()).isTrue();
    assertThat(u.backtracks()).isZero();
    assertThat(u.divergence()).isCloseTo(0.0098, within(1e-15));
    assertThat(u.valueAtStep()).isLessThan(0);
  }

  @Test
  void shrinksUntilTheMeasuredDivergenceFits() {
    // measured divergence is 4× the quadratic model: needs ρ^k ≤ 1/2, k = 4 with ρ = 0.8
    Update u = step(2.0, 0.01, 10);
    assertThat(u.accepted()).isTrue();
    assertThat(u.backtracks()).isEqualTo(4);
    assertThat(u.divergence()).isLessThanOrEqualTo(0.01);
  }

  @Test
  void rejectsAndKeepsTheParametersWhenNoTrialFits() {
    Update u = step(1e6, 0.01, 10);
    assertThat(u.accepted()).isFalse();
    assertThat(u.thetaNext()).containsExactly(0.0, 0.0);
    assertThat(u.rejection()).contains("line search failed after 10 trials").contains("KL");
  }

  @Test
  void refusesObjectivesWithoutADivergence() {
    Optimizer o = Optimizer.of(Metric.euclidean(), DirectionSolver.direct(),
        new ConstrainedBacktracking(new TrustRegion(0.1), 0.1, 0.5, 5));
    assertThatThrownBy(() -> o.minimize(OptimizerTest.quadratic(), new double[3],
        StoppingRule.maxIterations(2))).hasMessageContaining("DivergenceAware");
  }
}
