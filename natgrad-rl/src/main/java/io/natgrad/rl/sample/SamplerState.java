package io.natgrad.rl.sample;

import io.natgrad.rl.env.RewardNormalizer;
import java.util.List;

/**
 * A sampler's resumable state: every environment copy's state ({@link CopyState}: environment
 * snapshot, action stream, current observation, episode in progress), the step counter and the
 * reward normalizer's state (null without one). The local {@link VectorSampler} and other engines
 * (natgrad-spark) produce and restore it; checkpoints store it.
 *
 * @param started whether the copies have been reset (a first collect happened)
 * @param totalSteps vector steps taken so far
 * @param copies per copy, in copy order
 * @param rewardNormalizer the reward normalizer's state, or null
 */
public record SamplerState(boolean started, long totalSteps, List<CopyState> copies,
    RewardNormalizer.State rewardNormalizer) {

  /** A state without reward normalization. */
  public SamplerState(boolean started, long totalSteps, List<CopyState> copies) {
    this(started, totalSteps, copies, null);
  }
}
