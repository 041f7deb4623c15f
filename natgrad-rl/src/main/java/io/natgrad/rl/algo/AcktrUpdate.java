package io.natgrad.rl.algo;

import io.natgrad.core.linalg.BlockDiagonal;
import io.natgrad.core.linalg.Vectors;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.config.KfacSettings;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.metric.KfacMetric;
import io.natgrad.rl.metric.KroneckerStatistics;
import io.natgrad.rl.metric.PolicySample;
import io.natgrad.rl.nn.Mlp;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.value.MlpValueFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * ACKTR (Wu et al. 2017, "Scalable trust-region method for deep reinforcement learning using
 * Kronecker-factored approximation"): A2C's loss on short rollouts, its gradient preconditioned by
 * K-FAC, the step scaled to a KL clip and applied by SGD with momentum — the step of Kostrikov's
 * {@code pytorch-a2c-ppo-acktr-gail} ({@code algo/kfac.py}, {@code algo/a2c_acktr.py}), the
 * widely used implementation:
 *
 * <pre>
 * L      = −(1/n) Σ Âᵢ log π(aᵢ|sᵢ) − c_ent·H̄ + c_vf·(1/n) Σ (Rᵢ − V(sᵢ))²
 * v      = (F̂ + λI)⁻¹ ∇L      F̂ block-diagonal K-FAC of the actor's and the critic's layers,
 *                              λ = kfac_damping added in each block's Kronecker eigenbasis
 * ν      = min(1, √(kl_clip / (lr² vᵀ∇L)))
 * b      ← m·b + ν v           SGD momentum m (PyTorch's: the first b is ν v)
 * (θ, φ) ← (θ, φ) − lr·(1 − m)·b
 * </pre>
 *
 * The actor's factors use the scores of log π at the batch's own actions (Kostrikov's "sampled
 * Fisher", {@code pg_fisher_loss = −mean log π}); the critic's use Gaussian noise targets, an
 * upstream gradient 2εᵢ (εᵢ ~ N(0, 1)) at the value output, as his {@code vf_fisher_loss =
 * −mean (V − (V + ε))²} gives. Factors are running averages (decay 0.99, the first update's taken
 * as they are); eigendecompositions every 10 updates. Where natgrad differs, on purpose: biases
 * are folded into A instead of blocks of their own (keeps the weight–bias correlations); the
 * Gaussian's log σ block is its exact Fisher 2I instead of an estimated one; eigenvalues are
 * zeroed below n·10⁻¹⁵ of the largest (rounding) rather than below 10⁻⁶ (the damping dominates
 * both); and actor and critic are separate networks, as in Kostrikov's MLP policies.
 */
public final class AcktrUpdate implements PolicyUpdate<AcktrUpdate.State> {
  private final NeuralPolicy policy;
  private final MlpValueFunction critic;
  private final TrainConfig config;
  private final KfacSettings kfac;
  private final KfacMetric actorKfac;
  private final KroneckerStatistics criticKfac;
  private Rng noise;
  private double[] actorMomentum;
  private double[] criticMomentum;

  /**
   * What one ACKTR step did.
   *
   * @param policyGradientLoss −(1/n) Σ Â log π at θ
   * @param entropyLoss −H̄ at θ
   * @param valueLoss (1/n) Σ (R − V)² at φ before the step
   * @param nu the step scale ν (1: the KL clip did not bind)
   * @param quadraticKl lr²·ν²·vᵀ∇L, the K-FAC model's size of the scaled step that ν bounds
   * @param measuredKl mean KL(π_θ ‖ π_θ') over the batch
   */
  public record Stats(double policyGradientLoss, double entropyLoss, double valueLoss, double nu,
      double quadraticKl, double measuredKl) {}

  /**
   * One update.
   *
   * @param theta θ'
   * @param stats what the step did
   * @param seconds the whole update (the critic's step included)
   * @param learningRate lr at this update's progress
   * @param nUpdates updates so far
   */
  public record Result(double[] theta, Stats stats, double seconds, double learningRate,
      int nUpdates) implements UpdateResult {

    @Override
    public double valueLoss() {
      return stats.valueLoss();
    }

    @Override
    public double policySeconds() {
      return seconds;
    }

    @Override
    public double criticSeconds() {
      return 0;
    }

    @Override
    public void record(MetricsRow row) {
      row.put("train/policy_gradient_loss", stats.policyGradientLoss())
          .put("train/entropy_loss", stats.entropyLoss())
          .put("train/kl_divergence_loss", stats.measuredKl())
          .put("train/learning_rate", learningRate)
          .put("train/n_updates", nUpdates)
          .put("ngd/cg_status", NaturalPolicyUpdate.CLOSED_FORM)
          .put("ngd/beta", stats.nu())
          .put("ngd/predicted_kl", stats.quadraticKl())
          .put("ngd/measured_kl", stats.measuredKl())
          .put("ngd/rejection", "")
          .put("ngd/health", "");
    }
  }

  /**
   * What carries over between updates.
   *
   * @param noise the critic's noise-target stream
   * @param arrays the momentum buffers and both K-FAC statistics, as named arrays
   */
  public record State(long[] noise, Map<String, double[]> arrays) implements PolicyUpdate.State {
    public State {
      arrays = Map.copyOf(arrays);
    }
  }

  /**
   * @param policy π
   * @param critic V, stepped by the same K-FAC update
   * @param config the run's settings (learning_rate, ent_coef, vf_coef, kfac_*, momentum)
   * @param noise the critic's noise-target stream
   * @param resample the stream of the actor's resampled actions (kfac_resample)
   */
  public AcktrUpdate(NeuralPolicy policy, MlpValueFunction critic, TrainConfig config, Rng noise,
      Rng resample) {
    this.policy = policy;
    this.critic = critic;
    this.config = config;
    this.kfac = config.naturalGradient().kfac();
    this.actorKfac = new KfacMetric(new KfacMetric.Settings(kfac.decay(), kfac.refreshEvery(),
        kfac.resample()), resample);
    this.criticKfac = new KroneckerStatistics(kfac.decay(), kfac.refreshEvery());
    this.noise = noise;
  }

  @Override
  public Result apply(double[] theta, Rollout rollout) {
    long t0 = System.nanoTime();
    Batch b = rollout.batch();
    int n = b.size();
    double lr = config.optimization().learningRate().at(rollout.progressRemaining());
    double entCoef = config.ppo().entCoef();
    double vfCoef = config.ppo().vfCoef();
    double[] adv = config.sampling().normalizeAdvantage()
        ? io.natgrad.rl.sample.Gae.normalize(rollout.advantages()) : rollout.advantages();

    // the actor: ∇θ of −(1/n) Σ Â log π − c·H̄
    double[] logProbs = new double[n];
    policy.logProbs(theta, b.observations(), b.actions(), n, logProbs);
    double pgLoss = 0;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      pgLoss -= adv[i] * logProbs[i] / n;
      w[i] = -adv[i] / n;
    }
    double[] gActor = new double[theta.length];
    policy.weightedScoreSum(theta, b.observations(), b.actions(), n, w, gActor);
    double entropy = policy.meanEntropy(theta, b.observations(), n);
    if (entCoef > 0) {
      double[] gh = new double[theta.length];
      policy.meanEntropyGradient(theta, b.observations(), n, gh);
      for (int k = 0; k < gActor.length; k++) {
        gActor[k] -= entCoef * gh[k];
      }
    }
    BlockDiagonal fActor = (BlockDiagonal) actorKfac.on(PolicySample.perStep(policy, b))
        .withDamping(kfac.damping()).at(theta);
    double[] vActor = new double[theta.length];
    fActor.solve(gActor, vActor);

    // the critic: ∇φ of c_vf·(1/n) Σ (V − R)², its factors from noise targets
    double[] phi = critic.parametersInPlace();
    double[] gCritic = new double[phi.length];
    double valueLoss = critic.mseAndGradient(b.observations(), n, rollout.returns(), gCritic);
    for (int k = 0; k < gCritic.length; k++) {
      gCritic[k] *= vfCoef;
    }
    Mlp net = critic.network();
    BlockDiagonal fCritic = criticKfac.update(criticFactors(net, phi, b.observations(), n),
        f -> KfacMetric.layerBlocks(net, f, new double[0])).plusDamping(kfac.damping());
    double[] vCritic = new double[phi.length];
    fCritic.solve(gCritic, vCritic);

    // ν, then SGD with momentum on both
    double vg = lr * lr * (Vectors.dot(vActor, gActor) + Vectors.dot(vCritic, gCritic));
    double nu = vg > 0 ? Math.min(1.0, Math.sqrt(kfac.klClip() / vg)) : 1.0;
    double m = kfac.momentum();
    if (actorMomentum == null) {
      actorMomentum = new double[theta.length];
      criticMomentum = new double[phi.length];
    }
    double step = lr * (1 - m);
    double[] next = theta.clone();
    for (int k = 0; k < next.length; k++) {
      actorMomentum[k] = m * actorMomentum[k] + nu * vActor[k];
      next[k] -= step * actorMomentum[k];
    }
    for (int k = 0; k < phi.length; k++) {
      criticMomentum[k] = m * criticMomentum[k] + nu * vCritic[k];
      phi[k] -= step * criticMomentum[k];
    }
    double kl = policy.meanKl(theta, next, b.observations(), n);
    Stats stats = new Stats(pgLoss, -entropy, valueLoss, nu, nu * nu * vg, kl);
    return new Result(next, stats, (System.nanoTime() - t0) / 1e9, lr, rollout.iteration());
  }

  /** The critic's factors with the noise targets' upstream gradient 2ε at its output. */
  private DMatrixRMaj[][] criticFactors(Mlp net, double[] phi, double[] obs, int n) {
    Mlp.Workspace ws = net.workspace(n);
    net.forward(phi, obs, n, ws, null);
    double[] yBar = new double[n];
    for (int i = 0; i < n; i++) {
      yBar[i] = 2 * noise.nextGaussian();
    }
    net.backward(phi, yBar, ws, new double[phi.length], null);
    DMatrixRMaj[][] f = new DMatrixRMaj[net.layers()][];
    for (int l = 0; l < f.length; l++) {
      f[l] = net.kfacFactors(ws, l);
    }
    return f;
  }

  @Override
  public State state() {
    Map<String, double[]> a = new LinkedHashMap<>(actorKfac.state());
    a.putAll(criticKfac.state("kfac-critic"));
    if (actorMomentum != null) {
      a.put("acktr/momentum/actor", actorMomentum.clone());
      a.put("acktr/momentum/critic", criticMomentum.clone());
    }
    return new State(noise.state(), a);
  }

  @Override
  public void restore(State state) {
    noise = Rng.fromState(state.noise());
    Map<String, double[]> a = state.arrays();
    actorKfac.restore(a, policy);
    criticKfac.restore(a, "kfac-critic", critic.network());
    double[] am = a.get("acktr/momentum/actor");
    double[] cm = a.get("acktr/momentum/critic");
    if ((am == null) != (cm == null)) {
      throw new IllegalArgumentException("acktr/momentum needs both the actor's and the critic's"
          + " buffers");
    }
    if (am != null && (am.length != policy.parameterDimension()
        || cm.length != critic.parametersInPlace().length)) {
      throw new IllegalArgumentException("acktr/momentum buffers have " + am.length + " and "
          + cm.length + " values, the networks " + policy.parameterDimension() + " and "
          + critic.parametersInPlace().length + " parameters");
    }
    actorMomentum = am == null ? null : am.clone();
    criticMomentum = cm == null ? null : cm.clone();
  }
}
