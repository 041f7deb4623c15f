package io.natgrad.core.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batched row methods the network policies use agree with the families' one-sample methods
 * (log-density, score, KL, entropy, Fisher), and their gradients with central differences. Random
 * rows from seeded generators; tolerances are rounding-level (the operation orders differ).
 */
class BatchedRowsTest {

  static double[] normals(SplittableRandom r, int n, double scale) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = scale * (2 * r.nextDouble() - 1);
    }
    return x;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void gaussianRowsMatchTheFamily(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 7;
    int d = 1 + r.nextInt(3);
    int off = 2;
    double[] mu = normals(r, n * d, 2);
    double[] actions = normals(r, n * d, 3);
    double[] logStd = new double[off + d];
    double[] logStdNew = new double[off + d];
    for (int j = 0; j < d; j++) {
      logStd[off + j] = r.nextDouble() - 0.5;
      logStdNew[off + j] = r.nextDouble() - 0.5;
    }
    double[] muNew = normals(r, n * d, 2);
    DiagonalGaussian family = new DiagonalGaussian(d, Scale.LOG_SIGMA);
    double[] lp = new double[n];
    DiagonalGaussian.logProbs(mu, logStd, off, actions, n, d, lp);
    double[] w = normals(r, n, 1);
    double[] meanBar = new double[n * d];
    double[] lsGrad = new double[off + d];
    DiagonalGaussian.weightedScore(mu, logStd, off, actions, w, n, d, meanBar, lsGrad, off);
    double kl = 0;
    double[] score = new double[2 * d];
    for (int i = 0; i < n; i++) {
      double[] theta = row(mu, logStd, off, i, d);
      double[] a = java.util.Arrays.copyOfRange(actions, i * d, (i + 1) * d);
      assertThat(lp[i]).isCloseTo(family.logProb(theta, a), within(1e-12));
      family.score(theta, a, score);
      for (int j = 0; j < d; j++) {
        assertThat(meanBar[i * d + j]).isCloseTo(w[i] * score[j], within(1e-10));
      }
      kl += family.kl(theta, row(muNew, logStdNew, off, i, d)) / n;
    }
    for (int j = 0; j < d; j++) {
      double expected = 0;
      for (int i = 0; i < n; i++) {
        double[] theta = row(mu, logStd, off, i, d);
        family.score(theta, java.util.Arrays.copyOfRange(actions, i * d, (i + 1) * d), score);
        expected += w[i] * score[d + j];
      }
      assertThat(lsGrad[off + j]).isCloseTo(expected, within(1e-10));
    }
    assertThat(DiagonalGaussian.meanKl(mu, logStd, off, muNew, logStdNew, off, n, d))
        .isCloseTo(kl, within(1e-12));
    assertThat(DiagonalGaussian.entropyLogStd(logStd, off, d))
        .isCloseTo(family.entropy(row(mu, logStd, off, 0, d)), within(1e-12));
    // the KL's gradient in the new parameters against central differences
    double[] klMeanBar = new double[n * d];
    double[] klLsGrad = new double[off + d];
    DiagonalGaussian.meanKlGradient(mu, logStd, off, muNew, logStdNew, off, n, d, klMeanBar,
        klLsGrad, off);
    double h = 1e-6;
    for (int i = 0; i < n * d; i++) {
      double[] p = muNew.clone();
      double[] m = muNew.clone();
      p[i] += h;
      m[i] -= h;
      double fd = (DiagonalGaussian.meanKl(mu, logStd, off, p, logStdNew, off, n, d)
          - DiagonalGaussian.meanKl(mu, logStd, off, m, logStdNew, off, n, d)) / (2 * h);
      assertThat(klMeanBar[i]).isCloseTo(fd, within(1e-7));
    }
    for (int j = 0; j < d; j++) {
      double[] p = logStdNew.clone();
      double[] m = logStdNew.clone();
      p[off + j] += h;
      m[off + j] -= h;
      double fd = (DiagonalGaussian.meanKl(mu, logStd, off, muNew, p, off, n, d)
          - DiagonalGaussian.meanKl(mu, logStd, off, muNew, m, off, n, d)) / (2 * h);
      assertThat(klLsGrad[off + j]).isCloseTo(fd, within(1e-7));
    }
    // the μ block of the Fisher: 1/σ² (per row, averaged over n)
    double[] invVar = new double[d];
    for (int j = 0; j < d; j++) {
      invVar[j] = Math.exp(-2 * logStd[off + j]);
    }
    double[] u = normals(r, n * d, 1);
    double[] fu = new double[n * d];
    DiagonalGaussian.meanFisherRows(invVar, u, fu, 0, n, d, n);
    DMatrixRMaj f = family.fisher(row(mu, logStd, off, 0, d));
    for (int i = 0; i < n * d; i++) {
      assertThat(fu[i]).isCloseTo(u[i] * f.get(i % d, i % d) / n, within(1e-12));
    }
  }

  /** (μ_i, log σ) as a parameter vector of the family. */
  static double[] row(double[] mu, double[] logStd, int off, int i, int d) {
    double[] theta = new double[2 * d];
    System.arraycopy(mu, i * d, theta, 0, d);
    System.arraycopy(logStd, off, theta, d, d);
    return theta;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void categoricalRowsMatchTheFamily(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int k = 2 + r.nextInt(4);
    int n = 5;
    double[] lo = normals(r, n * k, 3);
    double[] ln = normals(r, n * k, 3);
    double[] po = new double[n * k];
    double[] pn = new double[n * k];
    Categorical family = new Categorical(k);
    double kl = 0;
    double klFamily = 0;
    double h = 0;
    for (int i = 0; i < n; i++) {
      double lseO = Categorical.softmax(lo, i * k, k, po);
      double lseN = Categorical.softmax(ln, i * k, k, pn);
      double[] rowO = java.util.Arrays.copyOfRange(lo, i * k, (i + 1) * k);
      double[] rowN = java.util.Arrays.copyOfRange(ln, i * k, (i + 1) * k);
      assertThat(lseO).isCloseTo(Categorical.logSumExp(rowO), within(1e-12));
      double[] p = family.probabilities(rowO);
      for (int j = 0; j < k; j++) {
        assertThat(po[i * k + j]).isCloseTo(p[j], within(1e-14));
      }
      kl += Categorical.rowKl(lo, lseO, po, ln, lseN, i * k, k);
      klFamily += family.kl(rowO, rowN);
      assertThat(Categorical.addEntropy(0, lo, i * k, lseO, po, k))
          .isCloseTo(family.entropy(rowO), within(1e-12));
      h = Categorical.addEntropy(h, lo, i * k, lseO, po, k);
      assertThat(Categorical.argMax(lo, i * k, k)).isEqualTo(argMax(rowO));
    }
    assertThat(kl).isCloseTo(klFamily, within(1e-12));
    double hFamily = 0;
    for (int i = 0; i < n; i++) {
      hFamily += family.entropy(java.util.Arrays.copyOfRange(lo, i * k, (i + 1) * k));
    }
    assertThat(h).isCloseTo(hFamily, within(1e-12));
    // the logits' Fisher diag(p) − p pᵀ, averaged over n rows
    double[] u = normals(r, n * k, 1);
    double[] fu = new double[n * k];
    Categorical.meanFisherRows(po, u, fu, 0, n, k, n);
    for (int i = 0; i < n; i++) {
      DMatrixRMaj f = family.fisher(java.util.Arrays.copyOfRange(lo, i * k, (i + 1) * k));
      for (int a = 0; a < k; a++) {
        double e = 0;
        for (int b = 0; b < k; b++) {
          e += f.get(a, b) * u[i * k + b];
        }
        assertThat(fu[i * k + a]).isCloseTo(e / n, within(1e-12));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8})
  void inverseCdfSamplingHasTheProbabilities(long seed) {
    // 200 000 draws: each frequency within 4 standard errors of p
    double[] p = {0.1, 0.25, 0.05, 0.6};
    SplittableRandom r = new SplittableRandom(seed);
    int draws = 200_000;
    int[] counts = new int[4];
    for (int t = 0; t < draws; t++) {
      counts[Categorical.sampleIndex(p, 0, 4, r.nextDouble())]++;
    }
    for (int j = 0; j < 4; j++) {
      double se = Math.sqrt(p[j] * (1 - p[j]) / draws);
      assertThat((double) counts[j] / draws).isCloseTo(p[j], within(4 * se));
    }
    // probabilities whose rounded sum falls short of u: the last category, never out of range
    assertThat(Categorical.sampleIndex(new double[] {0.3, 0.3, 0.3}, 0, 3, 0.95)).isEqualTo(2);
  }

  static int argMax(double[] x) {
    int best = 0;
    for (int j = 1; j < x.length; j++) {
      if (x[j] > x[best]) {
        best = j;
      }
    }
    return best;
  }
}
