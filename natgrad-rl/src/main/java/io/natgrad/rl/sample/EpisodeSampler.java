package io.natgrad.rl.sample;

import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.policy.Policy;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sampler} of complete episodes in one environment, on the calling thread: what the
 * paper's estimator needs (its ψ is a whole episode's return). {@code collect(θ, n)} returns n
 * complete episodes ({@link SerialSampler#sampleEpisodes}); every random stream derives from the
 * seed as {@link SerialSampler} describes. No snapshots: a trainer on it cannot be checkpointed.
 */
public final class EpisodeSampler implements Sampler {
  private final SerialSampler serial;
  private final List<double[]> completed = new ArrayList<>();

  public EpisodeSampler(Env env, Policy policy, long seed) {
    this.serial = new SerialSampler(env, policy, seed);
  }

  /** {@code episodes} complete episodes with parameters θ. */
  @Override
  public Batch collect(double[] theta, int episodes) {
    Batch batch = serial.sampleEpisodes(theta, episodes);
    int[] off = batch.episodeOffsets();
    for (int e = 0; e < batch.episodes(); e++) {
      completed.add(new double[] {batch.episodeReturn(e), off[e + 1] - off[e]});
    }
    return batch;
  }

  @Override
  public List<double[]> drainCompletedEpisodes() {
    List<double[]> out = new ArrayList<>(completed);
    completed.clear();
    return out;
  }

  @Override
  public SamplerState snapshot() {
    throw new UnsupportedOperationException("the episode sampler keeps no snapshots");
  }

  @Override
  public boolean restore(SamplerState state) {
    throw new UnsupportedOperationException("the episode sampler keeps no snapshots");
  }

  @Override
  public int envCount() {
    return 1;
  }

  @Override
  public void close() {}
}
