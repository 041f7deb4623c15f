package io.natgrad.core.optim;

/**
 * An objective that can also measure how far a trial point's model is from the current one, e.g.
 * the mean KL(π_θ ‖ π_trial) over a batch: what {@link ConstrainedBacktracking} checks.
 */
public interface DivergenceAware {

  /** The divergence of the model at {@code trial} from the model at the current point. */
  double divergence(double[] trial);
}
