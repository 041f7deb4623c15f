package io.natgrad.rl.sample;

import io.natgrad.rl.batch.Batch;
import java.util.List;

/**
 * Collects on-policy batches from a fixed set of environment copies: the interface the trainer
 * samples through, with interchangeable backends — in process ({@link VectorSampler}, serial or on
 * worker threads) and, through {@link SamplerEngine}, others such as a cluster. Every backend must
 * return the same batch, bit for bit, for the same seed and number of copies: a copy's environment,
 * random streams and episode in progress are its own, and batches are concatenated in copy order.
 */
public interface Sampler extends AutoCloseable {

  /** {@code steps} steps from every copy with parameters θ (env-major batch). */
  Batch collect(double[] theta, int steps);

  /** (return, length) of episodes completed since the last call, in (step, copy) order. */
  List<double[]> drainCompletedEpisodes();

  /** Everything that determines future batches (checkpoints). */
  SamplerState snapshot();

  /** Restores a snapshot; false when some environment offered none (fresh episodes then). */
  boolean restore(SamplerState state);

  /** Number of environment copies. */
  int envCount();

  @Override
  void close();
}
