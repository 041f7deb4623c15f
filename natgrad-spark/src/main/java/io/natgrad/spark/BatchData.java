package io.natgrad.spark;

import io.natgrad.rl.batch.Batch;
import java.io.Serializable;

/** The columns of a {@link Batch} as a task returns them (Batch itself is not serializable). */
record BatchData(int observationDim, int actionDim, double[] observations, double[] actions,
    double[] rewards, boolean[] terminated, boolean[] truncated, double[] logProbs,
    int[] timesteps, int[] episodeOffsets, double[] finalObservations) implements Serializable {

  static BatchData of(Batch b) {
    return new BatchData(b.observationDim(), b.actionDim(), b.observations(), b.actions(),
        b.rewards(), b.terminated(), b.truncated(), b.logProbs(), b.timesteps(),
        b.episodeOffsets(), b.finalObservations());
  }

  Batch toBatch() {
    return new Batch(observationDim, actionDim, observations, actions, rewards, terminated,
        truncated, logProbs, timesteps, episodeOffsets, finalObservations);
  }
}
