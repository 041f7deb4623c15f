package io.natgrad.spark;

import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.nn.Mlp;
import io.natgrad.rl.policy.CategoricalMlpPolicy;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.policy.Policy;
import java.io.Serializable;

/**
 * The architecture of a network policy, as sent to Spark tasks (the parameters θ travel separately,
 * as a broadcast, every iteration). Tasks rebuild the same policy class, so sampling there is the
 * same arithmetic as on the driver.
 *
 * @param type {@code gaussian_mlp} or {@code categorical_mlp}
 * @param observationDim observation dimension
 * @param actionDim action dimension (number of actions for a categorical policy)
 * @param hidden hidden layer widths
 * @param activation activation name
 */
public record PolicySpec(String type, int observationDim, int actionDim, int[] hidden,
    String activation) implements Serializable {

  /** The spec of a natgrad network policy; other policies cannot be sampled on Spark. */
  public static PolicySpec of(Policy policy) {
    if (policy instanceof GaussianMlpPolicy g) {
      Mlp n = g.network();
      return new PolicySpec("gaussian_mlp", n.inputDim(), g.actionDimension(), n.hidden(),
          n.activation().name());
    }
    if (policy instanceof CategoricalMlpPolicy c) {
      Mlp n = c.network();
      return new PolicySpec("categorical_mlp", n.inputDim(), c.actions(), n.hidden(),
          n.activation().name());
    }
    throw new IllegalArgumentException("the Spark engine samples natgrad's network policies "
        + "(gaussian_mlp, categorical_mlp); got " + policy.getClass().getName());
  }

  /** A new policy of this architecture. */
  public NeuralPolicy build() {
    Activation act = Activation.valueOf(activation);
    return type.equals("gaussian_mlp")
        ? new GaussianMlpPolicy(observationDim, actionDim, hidden, act, 0.0)
        : new CategoricalMlpPolicy(observationDim, actionDim, hidden, act);
  }
}
