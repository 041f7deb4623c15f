package io.natgrad.rl.algo;

import io.natgrad.core.linalg.CgResult;
import io.natgrad.core.linalg.ConjugateGradient;
import io.natgrad.core.metric.Metric;
import io.natgrad.core.optim.ConstrainedBacktracking;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.optim.DivergenceAware;
import io.natgrad.core.optim.Objective;
import io.natgrad.core.optim.StepRule;
import io.natgrad.core.optim.TrustRegion;
import io.natgrad.core.optim.Update;
import io.natgrad.core.optim.UpdateRule;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.config.Algorithm;
import io.natgrad.rl.config.NaturalGradientSettings;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.metric.KfacMetric;
import io.natgrad.rl.metric.PolicyMetric;
import io.natgrad.rl.metric.PolicySample;
import io.natgrad.rl.nn.Parallelism;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.sample.Gae;
import io.natgrad.rl.value.ValueFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The natural policy gradient (Kakade 2002) and TRPO (Schulman et al. 2015) — the paper's natural
 * gradient with a trust region — on a rollout with advantages Â, through the core's
 * {@link UpdateRule}:
 *
 * <pre>
 * L(θ')  = (1/n) Σᵢ Âᵢ π_θ'(aᵢ|sᵢ) / π_θ(aᵢ|sᵢ)            Surrogate; f = −L is minimized
 * G      = metric on the batch + λI                      PolicyMetric (fisher: F v = Jᵀ M J v)
 * g      = G⁻¹ ∇L   by conjugate gradient                never formed
 * β      = √(2δ / gᵀGg)                                 the paper's trust region, δ = target_kl
 * NPG:   θ' = θ + βg
 * TRPO:  θ' = θ + ρᵏβg for the first k with KL(π_θ ‖ π_θ') ≤ δ and L(θ') &gt; L(θ); else θ' = θ
 * V      ← fit to R (n_critic_updates epochs of Adam), beside the policy step
 * </pre>
 *
 * With sb3-contrib's {@code sub_sampling_factor} k the policy step sees every k-th step (its
 * advantages normalized over that sample), the critic all of them. The result holds what a user
 * needs to judge the step: CG iterations and residual, β, predicted vs measured KL, predicted vs
 * actual surrogate improvement, backtracks, the reason for a rejection, and a health warning
 * when line searches keep failing or the measured KL is far from the predicted one.
 */
public final class NaturalPolicyUpdate implements PolicyUpdate<NaturalPolicyUpdate.State> {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(NaturalPolicyUpdate.class);
  private final NeuralPolicy policy;
  private final ValueFunction critic;
  private final PolicyMetric metric;
  private final double damping;
  private final int subSampling;
  private final boolean normalizeAdvantage;
  private final double learningRate;
  private final UpdateRule rule;
  /** The metrics compared on every update, or null. */
  private final MetricComparison comparison;
  private Rng criticRng;
  /** ngd/cg_status of a metric solved in closed form (K-FAC): no CG ran. */
  static final String CLOSED_FORM = "CLOSED_FORM";
  /** Consecutive rejected updates (health warnings); checkpointed. */
  private int failStreak;
  /** Updates so far whose measured KL was far from the predicted (logged sparingly). */
  private int modelWarnings;

  /**
   * What the policy step did.
   *
   * @param policyObjective L(θ) (the surrogate at the old parameters)
   * @param measuredKl mean KL(π_θ ‖ π_θ') over the batch
   * @param lineSearchSuccess false when the step was rejected
   * @param cgIterations CG iterations
   * @param cgRelativeResidual CG's relative residual
   * @param cgStatus why CG stopped
   * @param beta the trust-region step size of the accepted step (0 if rejected)
   * @param predictedKl ½ β² gᵀ(F + λI)g of the accepted step (δ when no backtracking)
   * @param predictedImprovement β ∇Lᵀg, the first-order surrogate gain
   * @param actualImprovement L(θ') − L(θ)
   * @param backtracks line-search shrinks
   * @param rejection why the step was rejected, or null
   * @param measuredDivergence the metric's own divergence at θ' when its trust region bounds one
   *     other than the KL (wasserstein: the mean W₂²), else NaN; predictedKl is then its model.
   *     metrics.csv has a fixed column set (old runs resume into it), so this one is not a column:
   *     the health check compares it with the prediction and names it when they disagree
   */
  public record Stats(double policyObjective, double measuredKl, boolean lineSearchSuccess,
      int cgIterations, double cgRelativeResidual, String cgStatus, double beta,
      double predictedKl, double predictedImprovement, double actualImprovement, int backtracks,
      String rejection, double measuredDivergence) {

    /** What the trust region bounds, measured: the KL, or the metric's own divergence. */
    double checked() {
      return Double.isNaN(measuredDivergence) ? measuredKl : measuredDivergence;
    }
  }

  /**
   * One update: θ' (θ itself when rejected), the step's statistics, the critic's loss, the health
   * warning ("" when none), the update's number and learning rate for the metrics row.
   */
  public record Result(double[] theta, Stats stats, double valueLoss, double policySeconds,
      double criticSeconds, String health, int iteration, double learningRate,
      Map<String, double[]> comparison) implements UpdateResult {

    /**
     * @param comparison per compared metric {cos, true_kl} ({@code compare_metrics}; the run's own
     *     first), empty when none are compared
     */
    public Result {
      comparison = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
          comparison));
    }

    @Override
    public void record(MetricsRow row) {
      Stats s = stats;
      row.put("train/policy_objective", s.policyObjective())
          .put("train/kl_divergence_loss", s.measuredKl())
          .put("train/is_line_search_success", s.lineSearchSuccess() ? 1 : 0)
          .put("train/n_updates", iteration)
          .put("train/learning_rate", learningRate)
          .put("ngd/cg_iterations", s.cgIterations())
          .put("ngd/cg_relative_residual", s.cgRelativeResidual())
          .put("ngd/cg_status", s.cgStatus())
          .put("ngd/beta", s.beta())
          .put("ngd/predicted_kl", s.predictedKl())
          .put("ngd/measured_kl", s.measuredKl())
          .put("ngd/predicted_improvement", s.predictedImprovement())
          .put("ngd/actual_improvement", s.actualImprovement())
          .put("ngd/backtracks", s.backtracks())
          .put("ngd/rejection", s.rejection() == null ? "" : s.rejection())
          .put("ngd/health", health);
    }
  }

  /**
   * What carries over between updates.
   *
   * @param criticRng the critic's minibatch stream
   * @param failStreak consecutive rejected updates
   * @param metric the metric's own state as named arrays (K-FAC's running factors), empty when it
   *     has none
   */
  public record State(long[] criticRng, int failStreak, java.util.Map<String, double[]> metric)
      implements PolicyUpdate.State {
    public State {
      metric = java.util.Map.copyOf(metric);
    }
  }

  /**
   * @param policy π
   * @param critic V, fitted on every rollout beside the policy step
   * @param config the run's settings (algo npg: no line search; trpo: KL-checked backtracking)
   * @param metric G
   * @param criticRng the critic's minibatch stream
   */
  public NaturalPolicyUpdate(NeuralPolicy policy, ValueFunction critic, TrainConfig config,
      PolicyMetric metric, Rng criticRng) {
    this.policy = policy;
    this.critic = critic;
    this.metric = metric;
    this.criticRng = criticRng;
    NaturalGradientSettings ng = config.naturalGradient();
    this.damping = ng.cgDamping();
    this.subSampling = ng.subSamplingFactor();
    this.normalizeAdvantage = config.sampling().normalizeAdvantage();
    this.learningRate = config.optimization().learningRate().initial();
    double targetKl = config.targetKl();
    StepRule step = config.algo() == Algorithm.TRPO
        ? new ConstrainedBacktracking(new TrustRegion(targetKl), targetKl,
            ng.lineSearchShrinkingFactor(), ng.lineSearchMaxIter())
        : new TrustRegion(targetKl);
    DirectionSolver solver = DirectionSolver.conjugateGradient(
        new ConjugateGradient(1e-10, ng.cgMaxSteps()), false);
    this.rule = new UpdateRule(solver, step);
    List<PolicyMetric> compared = compared(ng.compareMetrics(), policy);
    this.comparison = compared.isEmpty() ? null
        : new MetricComparison(metric, compared, damping, targetKl, solver);
  }

  /**
   * The metrics {@code compare_metrics} names ({@code all}: every one the policy can have); a
   * named one the policy cannot have is refused, saying why.
   */
  static List<PolicyMetric> compared(List<String> names, NeuralPolicy policy) {
    List<PolicyMetric> out = new ArrayList<>();
    boolean all = names.equals(List.of("all"));
    for (String n : all ? PolicyMetric.names() : names) {
      PolicyMetric m = PolicyMetric.named(n);
      try {
        m.check(policy);
      } catch (IllegalArgumentException e) {
        if (all) {
          continue;
        }
        throw new IllegalArgumentException("compare_metrics: " + e.getMessage(), e);
      }
      out.add(m);
    }
    return out;
  }

  /** The metrics each update reports in its comparison, in column order (empty: none). */
  public List<String> comparedMetrics() {
    return comparison == null ? List.of() : comparison.names();
  }

  /**
   * The policy step and the critic's fit, at the same time, one per core: they are independent
   * given the advantages, and each pass inside splits its rows exactly as it would alone, so the
   * results are the same bits as one after the other.
   */
  @Override
  public Result apply(double[] theta, Rollout rollout) {
    Batch batch = rollout.batch();
    int k = subSampling;
    Batch policyBatch = k == 1 ? batch : batch.everyKth(k);
    double[] sampled = rollout.advantages();
    if (k > 1) {
      sampled = new double[policyBatch.size()];
      for (int j = 0; j < sampled.length; j++) {
        sampled[j] = rollout.advantages()[j * k];
      }
    }
    double[] advantages = normalizeAdvantage ? Gae.normalize(sampled) : sampled;
    PolicyStep policyStep = new PolicyStep(theta, policyBatch, advantages);
    CriticFit criticFit = new CriticFit(batch, rollout.returns());
    Parallelism.both(policyStep, criticFit);
    // the comparisons after both, when the threads are free: one metric per thread at a time
    long t0 = System.nanoTime();
    Step step = withComparison(policyStep.pending);
    double seconds = policyStep.seconds + (System.nanoTime() - t0) / 1e9;
    String health = health(step.stats(), rollout.iteration());
    return new Result(step.theta(), step.stats(), criticFit.loss, seconds,
        criticFit.seconds, health, rollout.iteration(), learningRate, step.comparison());
  }

  /**
   * The policy step's outcome: θ' (θ itself when rejected), what the step did, and the compared
   * metrics' {cos, true_kl} (empty when none are compared).
   */
  public record Step(double[] theta, Stats stats, Map<String, double[]> comparison) {
    Step(double[] theta, Stats stats) {
      this(theta, stats, Map.of());
    }
  }

  /** One natural-gradient step from θ on the (sub-sampled) batch, timed. */
  private final class PolicyStep implements Runnable {
    private final double[] theta;
    private final Batch batch;
    private final double[] advantages;
    Pending pending;
    double seconds;

    PolicyStep(double[] theta, Batch batch, double[] advantages) {
      this.theta = theta;
      this.batch = batch;
      this.advantages = advantages;
    }

    @Override
    public void run() {
      long t0 = System.nanoTime();
      pending = step(theta, batch, advantages);
      seconds = (System.nanoTime() - t0) / 1e9;
    }
  }

  /** The critic's fit to the returns, timed. */
  private final class CriticFit implements Runnable {
    private final Batch batch;
    private final double[] returns;
    double loss;
    double seconds;

    CriticFit(Batch batch, double[] returns) {
      this.batch = batch;
      this.returns = returns;
    }

    @Override
    public void run() {
      long t0 = System.nanoTime();
      loss = critic.fit(batch.observations(), batch.timesteps(), batch.size(), returns,
          criticRng);
      seconds = (System.nanoTime() - t0) / 1e9;
    }
  }

  /**
   * The policy step alone: one natural-gradient step from θ on the batch with (normalized)
   * advantages, without the critic.
   */
  public Step policyStep(double[] theta, Batch batch, double[] advantages) {
    return withComparison(step(theta, batch, advantages));
  }

  /**
   * A policy step whose metric comparison is still to be made: the step and what the comparison
   * needs (the sample, θ, the gradient, the direction taken and its d(G + λI)d).
   */
  private record Pending(Step step, PolicySample sample, double[] theta, double[] grad,
      double[] direction, double directionNorm2) {}

  /** The step with its comparison ({@code compare_metrics}; none when not asked for). */
  private Step withComparison(Pending p) {
    if (comparison == null || p.direction() == null) {
      return p.step();
    }
    return new Step(p.step().theta(), p.step().stats(), comparison.compare(p.sample(), p.theta(),
        p.grad(), p.direction(), p.directionNorm2()));
  }

  private Pending step(double[] theta, Batch batch, double[] advantages) {
    Surrogate f = new Surrogate(PolicySample.perStep(policy, batch), theta, advantages);
    double[] grad = new double[policy.parameterDimension()];
    double value = f.valueAndGradient(theta, grad);
    Metric g = metric.on(f.sample()).withDamping(damping);
    ToDoubleFunction<double[]> own = metric.divergence(f.sample(), theta);
    Update u = rule.step(own == null ? f : new CheckedBy(f, own), g, theta, value, grad);
    Step step = stepOf(f, theta, grad, value, u, own);
    return new Pending(step, f.sample(), theta, grad, u.direction(), u.directionMetricNorm2());
  }

  private Step stepOf(Surrogate f, double[] theta, double[] grad, double value, Update u,
      ToDoubleFunction<double[]> own) {
    CgResult cg = u.cg();
    if (!u.accepted()) {
      return new Step(theta.clone(), new Stats(-value, 0.0, false,
          cg == null ? 0 : cg.iterations(), cg == null ? Double.NaN : cg.relativeResidual(),
          cg != null ? cg.status().name() : u.direction() != null ? CLOSED_FORM : "none", 0.0,
          0.0, 0.0, 0.0, u.backtracks(),
          u.rejection(), own == null ? Double.NaN : 0.0));
    }
    double[] next = u.thetaNext();
    double kl = own == null && !Double.isNaN(u.divergence()) ? u.divergence()
        : f.divergence(next);
    double measured = own == null ? Double.NaN
        : Double.isNaN(u.divergence()) ? own.applyAsDouble(next) : u.divergence();
    double after = Double.isNaN(u.valueAtStep()) ? f.value(next) : u.valueAtStep();
    double beta = u.beta();
    double predictedKl = 0.5 * beta * beta * u.directionMetricNorm2();
    double gradDotDir = 0;
    for (int i = 0; i < grad.length; i++) {
      gradDotDir += grad[i] * u.direction()[i];
    }
    return new Step(next, new Stats(-value, kl, true, cg == null ? 0 : cg.iterations(),
        cg == null ? Double.NaN : cg.relativeResidual(), cg == null ? CLOSED_FORM
            : cg.status().name(), beta, predictedKl, beta * gradDotDir, value - after, u.backtracks(),
        null, measured));
  }

  /** The surrogate with the divergence its metric's trust region bounds instead of the KL. */
  private record CheckedBy(Surrogate f, ToDoubleFunction<double[]> divergence)
      implements Objective, DivergenceAware {
    @Override
    public int dimension() {
      return f.dimension();
    }

    @Override
    public double value(double[] theta) {
      return f.value(theta);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
      return f.valueAndGradient(theta, gradient);
    }

    @Override
    public double divergence(double[] trial) {
      return divergence.applyAsDouble(trial);
    }
  }

  @Override
  public State state() {
    return new State(criticRng.state(), failStreak,
        metric instanceof KfacMetric k ? k.state() : java.util.Map.of());
  }

  @Override
  public void restore(State state) {
    criticRng = Rng.fromState(state.criticRng());
    failStreak = state.failStreak();
    if (metric instanceof KfacMetric k) {
      k.restore(state.metric(), policy);
    }
  }

  /**
   * Health warnings with a concrete suggestion: line searches failing several updates in a row, or
   * a measured KL far from the one the quadratic (Fisher) model predicted. Logged: a failure streak
   * every time (updates are being lost); a model mismatch on an accepted step — a hint, and common
   * with small cg_damping — at its 1st, 10th, 100th... occurrence (every one is in metrics.csv).
   */
  private String health(Stats s, int iteration) {
    failStreak = s.lineSearchSuccess() ? 0 : failStreak + 1;
    String health = "";
    if (failStreak >= 3) {
      health = "the update was rejected " + failStreak + " times in a row (" + s.rejection()
          + "): raise cg_damping or lower target_kl";
    } else if (s.lineSearchSuccess() && s.predictedKl() > 0
        && (s.checked() > 2 * s.predictedKl() || s.checked() < 0.25 * s.predictedKl())) {
      boolean kl = Double.isNaN(s.measuredDivergence());
      health = String.format(Locale.ROOT, "measured %s %.3g is %.2fx the predicted %.3g: "
          + "the %s model is poor here; raise cg_damping or lower target_kl",
          kl ? "KL" : "W2^2", s.checked(), s.checked() / s.predictedKl(), s.predictedKl(),
          metric.name() + " metric's quadratic");
    }
    if (!health.isEmpty()) {
      if (failStreak >= 3) {
        LOG.warn("update {}: {}", iteration, health);
      } else if (logModelWarning(++modelWarnings)) {
        LOG.warn("update {}: {} ({})", iteration, health, modelWarnings == 1
            ? "every such update is marked in metrics.csv, column ngd/health; the log "
                + "repeats this at the 10th, 100th, ... one"
            : "the " + modelWarnings + "th update with this warning");
      }
    }
    return health;
  }

  /** Whether the n-th model-mismatch warning is logged: the 1st, 10th, 100th, ... */
  static boolean logModelWarning(int n) {
    if (n < 1) {
      return false;
    }
    while (n % 10 == 0) {
      n /= 10;
    }
    return n == 1;
  }
}
