package io.natgrad.rl.metric;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.metric.Metric;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.policy.Policy;
import org.ejml.data.DMatrixRMaj;

/**
 * The exact Fisher of the policy on the batch's states (Kakade 2002; paper, "Policy Gradient
 * Methods and the Natural Gradient"): the environment's dynamics do not depend on θ, so the Fisher
 * of the trajectory distribution is the expected sum of the per-step policy Fishers, estimated on
 * the batch's states with each F(θ; s) in closed form:
 *
 * <pre>
 * G(θ) = (1/m) Σ_t F(θ; s_t),    m = N episodes (trajectory form) or n steps (per-step form)
 * </pre>
 *
 * For a state-independent policy over complete episodes of length T this is T·F(θ). Network
 * policies give it matrix-free, F v = (1/n) Σ_t J_tᵀ M_t J_t v ({@link NeuralPolicy#fisherOperator},
 * Schulman et al. 2015, appendix C); others sum their dense per-state Fishers.
 */
final class FisherMetric implements PolicyMetric {

  @Override
  public String name() {
    return "fisher";
  }

  @Override
  public Metric on(PolicySample sample) {
    Policy policy = sample.policy();
    Batch batch = sample.batch();
    return new Metric() {
      @Override
      public LinearOperator at(double[] theta) {
        if (policy instanceof NeuralPolicy np && sample.unit() == PolicySample.Unit.STEP) {
          return np.fisherOperator(theta, batch.observations(), batch.size());
        }
        int n = policy.parameterDimension();
        DMatrixRMaj sum = new DMatrixRMaj(n, n);
        for (int i = 0; i < batch.size(); i++) {
          DMatrixRMaj f = policy.fisher(theta, batch.observation(i));
          for (int k = 0; k < sum.data.length; k++) {
            sum.data[k] += f.data[k];
          }
        }
        int m = sample.divisor();
        for (int k = 0; k < sum.data.length; k++) {
          sum.data[k] /= m;
        }
        return LinearOperator.dense(sum);
      }

      @Override
      public String name() {
        return "fisher";
      }
    };
  }
}
