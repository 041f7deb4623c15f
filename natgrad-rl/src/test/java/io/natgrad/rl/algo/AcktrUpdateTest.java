package io.natgrad.rl.algo;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.nn.Mlp;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.value.MlpValueFunction;
import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ACKTR's step against an independent construction of Kostrikov's {@code kfac.py} arithmetic:
 * the A2C loss gradients (actor: −(1/n) Σ Â ∇log π from per-sample scores, minus c_ent ∇H̄;
 * critic: c_vf ∇ mean (V − R)²), the K-FAC matrices formed densely with EJML's kron (the critic's
 * from the noise targets 2ε of the same stream) and solved by LU with λI, ν = min(1,
 * √(kl_clip / (lr² vᵀg))), and SGD momentum over two updates: the second with the running factors
 * at decay 0.99 when the blocks refresh every update, with the first update's blocks when they
 * refresh every 10 (Kostrikov's Tf): θ and φ to 1e-9 relative. With a small kl_clip the clip binds
 * and lr²ν²vᵀg equals it.
 */
class AcktrUpdateTest {

  private static TrainConfig config(String env, double klClip, int refresh) {
    Map<String, Object> m = new HashMap<>();
    m.put("env", env);
    m.put("algo", "acktr");
    m.put("n_envs", 4);
    m.put("n_steps", 8);
    m.put("seed", 5);
    m.put("kfac_clip", klClip);
    m.put("kfac_refresh", refresh);
    m.put("policy_kwargs", "dict(net_arch=[6])");
    return TrainConfig.fromMap(m);
  }

  @ParameterizedTest
  @CsvSource({"CartPole-v1, 0.001, 1", "CartPole-v1, 1e-7, 1", "Pendulum-v1, 0.001, 1",
      "CartPole-v1, 0.001, 10", "Pendulum-v1, 0.001, 10"})
  void twoStepsEqualTheDenseConstruction(String env, double klClip, int refresh) {
    TrainConfig c = config(env, klClip, refresh);
    TrainerParts parts = TrainerParts.of(c, null, null, 1, "local", Map.of());
    NeuralPolicy policy = (NeuralPolicy) parts.policy();
    MlpValueFunction critic = (MlpValueFunction) parts.critic();
    AcktrUpdate update = (AcktrUpdate) parts.update();
    double[] theta = parts.theta0();
    // the expected side: its own noise stream at the same seed, factors averaged by hand
    Rng noise = Rng.of(Rng.derive(c.seed(), "critic"));
    double[] momActor = new double[theta.length];
    double[] phi = critic.parameters();
    double[] momCritic = new double[phi.length];
    DMatrixRMaj[][] runActor = null;
    DMatrixRMaj[][] runCritic = null;
    DMatrixRMaj[][] usedActor = null;
    DMatrixRMaj[][] usedCritic = null;
    double lr = 0.25;
    double m = 0.9;
    double lambda = 0.01;
    for (int it = 1; it <= 2; it++) {
      Batch b = parts.sampler().collect(theta, parts.batchUnits());
      AdvantageEstimator.Estimate e = parts.estimator().estimate(b);
      int n = b.size();
      // actor gradient from per-sample scores
      double[] gA = new double[theta.length];
      double[] s = new double[theta.length];
      for (int i = 0; i < n; i++) {
        policy.score(theta, b.observation(i), b.action(i), s);
        for (int k = 0; k < s.length; k++) {
          gA[k] -= e.advantages()[i] * s[k] / n;
        }
      }
      double[] gh = new double[theta.length];
      policy.meanEntropyGradient(theta, b.observations(), n, gh);
      for (int k = 0; k < gA.length; k++) {
        gA[k] -= 0.01 * gh[k];
      }
      DMatrixRMaj[][] fA = policy.kfacFactors(theta, b.observations(), b.actions(), n);
      runActor = average(runActor, fA);
      // critic gradient and noise-target factors
      double[] gC = new double[phi.length];
      critic.mseAndGradient(b.observations(), n, e.returns(), gC); // φ before the step
      for (int k = 0; k < gC.length; k++) {
        gC[k] *= 0.5;
      }
      Mlp net = critic.network();
      Mlp.Workspace ws = net.workspace(n);
      net.forward(phi, b.observations(), n, ws, null);
      double[] yBar = new double[n];
      for (int i = 0; i < n; i++) {
        yBar[i] = 2 * noise.nextGaussian();
      }
      net.backward(phi, yBar, ws, new double[phi.length], null);
      DMatrixRMaj[][] fC = new DMatrixRMaj[net.layers()][];
      for (int l = 0; l < fC.length; l++) {
        fC[l] = net.kfacFactors(ws, l);
      }
      runCritic = average(runCritic, fC);
      // the blocks are rebuilt from the running factors on updates 1, 1 + k, …; kept in between
      if (usedActor == null || refresh == 1) {
        usedActor = copy(runActor);
        usedCritic = copy(runCritic);
      }
      double[] vC = denseSolve(usedCritic, phi.length, lambda, gC);
      double[] vAg = denseSolve(usedActor, theta.length, lambda, gA);
      double vg = lr * lr * (dot(vAg, gA) + dot(vC, gC));
      double nu = Math.min(1, Math.sqrt(klClip / vg));
      double[] expectedTheta = theta.clone();
      for (int k = 0; k < theta.length; k++) {
        momActor[k] = m * momActor[k] + nu * vAg[k];
        expectedTheta[k] -= lr * (1 - m) * momActor[k];
      }
      double[] expectedPhi = phi.clone();
      for (int k = 0; k < phi.length; k++) {
        momCritic[k] = m * momCritic[k] + nu * vC[k];
        expectedPhi[k] -= lr * (1 - m) * momCritic[k];
      }
      AcktrUpdate.Result r = update.apply(theta, new Rollout(b, e.values(), e.advantages(),
          e.returns(), 1.0, it));
      assertThat(relative(r.theta(), expectedTheta)).as("theta, update %d", it).isLessThan(1e-9);
      assertThat(relative(critic.parameters(), expectedPhi)).as("phi, update %d", it)
          .isLessThan(1e-9);
      assertThat(r.stats().nu()).isCloseTo(nu, org.assertj.core.data.Offset.offset(1e-12));
      if (nu < 1) {
        assertThat(r.stats().quadraticKl()).isCloseTo(klClip,
            org.assertj.core.data.Offset.offset(1e-12 * klClip));
      }
      theta = r.theta();
      phi = critic.parameters();
    }
    parts.sampler().close();
  }

  private static DMatrixRMaj[][] copy(DMatrixRMaj[][] f) {
    DMatrixRMaj[][] c = new DMatrixRMaj[f.length][2];
    for (int l = 0; l < f.length; l++) {
      c[l][0] = f[l][0].copy();
      c[l][1] = f[l][1].copy();
    }
    return c;
  }

  /** Kostrikov's running statistic: the first factors as they are, then 0.99 old + 0.01 new. */
  private static DMatrixRMaj[][] average(DMatrixRMaj[][] run, DMatrixRMaj[][] f) {
    if (run == null) {
      return f;
    }
    for (int l = 0; l < f.length; l++) {
      for (int k = 0; k < 2; k++) {
        DMatrixRMaj x = run[l][k].copy();
        CommonOps_DDRM.scale(0.99, x);
        CommonOps_DDRM.addEquals(x, 0.01, f[l][k]);
        run[l][k] = x;
      }
    }
    return run;
  }

  /** (diag(A_l ⊗ S_l, 2I for a log σ tail) + λI)⁻¹ g by dense LU. */
  private static double[] denseSolve(DMatrixRMaj[][] f, int d, double lambda, double[] g) {
    DMatrixRMaj a = new DMatrixRMaj(d, d);
    int off = 0;
    for (DMatrixRMaj[] layer : f) {
      DMatrixRMaj k = CommonOps_DDRM.kron(layer[0], layer[1], null);
      CommonOps_DDRM.insert(k, a, off, off);
      off += k.numRows;
    }
    for (; off < d; off++) {
      a.set(off, off, 2.0);
    }
    for (int i = 0; i < d; i++) {
      a.add(i, i, lambda);
    }
    DMatrixRMaj x = new DMatrixRMaj(d, 1);
    CommonOps_DDRM.solve(a, DMatrixRMaj.wrap(d, 1, g.clone()), x);
    return x.data;
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  private static double relative(double[] x, double[] y) {
    double d = 0;
    double n = 0;
    for (int i = 0; i < x.length; i++) {
      d += (x[i] - y[i]) * (x[i] - y[i]);
      n += y[i] * y[i];
    }
    return Math.sqrt(d / n);
  }
}
