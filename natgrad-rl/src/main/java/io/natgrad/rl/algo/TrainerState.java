package io.natgrad.rl.algo;

import io.natgrad.core.optim.Adam;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.env.RunningMeanStd;
import io.natgrad.rl.sample.SamplerState;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link OnPolicyTrainer} needs to continue a run exactly: the resolved configuration,
 * counters, policy and value parameters, optimizer states (Adam moments and step), normalizer
 * statistics, every random stream (critic shuffles, per-copy action streams and environment
 * generators), the in-progress episodes (environment snapshots) and the recent-episode window of
 * {@code rollout/ep_rew_mean}. Written as JSON by {@code io.natgrad.rl.io.CheckpointFile}.
 *
 * @param config the resolved configuration ({@link TrainConfig#toMap})
 * @param iteration updates done
 * @param steps environment steps taken
 * @param elapsedSeconds wall-clock seconds of training so far
 * @param theta policy parameters
 * @param valueParameters critic parameters
 * @param valueAdam the critic's Adam state (TRPO/NPG with an MLP critic), or null
 * @param ppoAdam PPO's shared Adam state, or null
 * @param normalizer observation statistics, or null
 * @param criticRng the critic's minibatch stream
 * @param sampler the sampler (environments, streams, episodes in progress)
 * @param recentEpisodes (return, length) of the last ≤ 100 episodes
 * @param nextEval the step count of the next evaluation
 * @param evals evaluations done
 * @param bestEval the best evaluation so far, or null
 * @param failStreak consecutive rejected updates (health warnings)
 * @param updateState the update's other state as named arrays (K-FAC's running factors, ACKTR's
 *     momentum), empty when it has none
 */
public record TrainerState(Map<String, Object> config, int iteration, long steps,
    double elapsedSeconds, double[] theta, double[] valueParameters, Adam.State valueAdam,
    Adam.State ppoAdam, RunningMeanStd normalizer, long[] criticRng, SamplerState sampler,
    List<double[]> recentEpisodes, long nextEval, int evals, Double bestEval, int failStreak,
    Map<String, double[]> updateState) {

  public TrainerState {
    updateState = Map.copyOf(updateState);
  }
}
