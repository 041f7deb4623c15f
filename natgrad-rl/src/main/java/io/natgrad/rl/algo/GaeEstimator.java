package io.natgrad.rl.algo;

import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.sample.Gae;
import io.natgrad.rl.value.ValueFunction;

/**
 * Advantages by GAE(γ, λ) (Schulman et al. 2016) with a learned critic V: the critic's values of
 * the batch's states and of each segment's final observation (bootstrapping truncated and
 * unfinished episodes), then Â_t = Σ_l (γλ)^l δ_{t+l} and the critic's targets R_t = Â_t + V(s_t).
 * Advantages are not normalized here (the updates do it where their algorithm says).
 *
 * @param critic V
 * @param gamma γ
 * @param lambda λ
 */
public record GaeEstimator(ValueFunction critic, double gamma, double lambda)
    implements AdvantageEstimator {

  @Override
  public Estimate estimate(Batch batch) {
    int n = batch.size();
    double[] values = new double[n];
    critic.predict(batch.observations(), batch.timesteps(), n, values);
    int segs = batch.episodes();
    int[] finalTs = new int[segs];
    for (int e = 0; e < segs; e++) {
      finalTs[e] = batch.timesteps()[batch.episodeOffsets()[e + 1] - 1] + 1;
    }
    double[] finalValues = new double[segs];
    critic.predict(batch.finalObservations(), finalTs, segs, finalValues);
    Gae.Result gae = Gae.compute(batch, values, finalValues, gamma, lambda);
    return new Estimate(values, gae.advantages(), gae.returns());
  }
}
