package io.natgrad.rl.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.linalg.KroneckerBlock;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.policy.NeuralPolicy;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The policies' K-FAC factors use the score of log π at the batch's actions: for one sample every
 * layer's Kronecker block A ⊗ S is exactly the outer product s sᵀ of that layer's part of the score
 * s = ∇θ log π(a|s) (the policy's own one-row score), for the Gaussian and the categorical policy;
 * for a batch the factors are the means of the one-sample factors (1e-12).
 */
class KfacPolicyFactorsTest {

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void oneSamplesBlocksAreItsScoresOuterProduct(boolean gaussian) {
    Rng r = Rng.of(gaussian ? 41 : 42);
    NeuralPolicy p = PolicyMetricsTest.policy(gaussian);
    double[] theta = p.initialParameters(r);
    for (int i = 0; i < theta.length; i++) {
      theta[i] += 0.3 * r.nextGaussian();
    }
    Batch b = PolicyMetricsTest.batch(p, theta, 5, r);
    double[] s = new double[p.parameterDimension()];
    DMatrixRMaj[][] meanOfOnes = null;
    for (int i = 0; i < b.size(); i++) {
      p.score(theta, b.observation(i), b.action(i), s);
      DMatrixRMaj[][] f = p.kfacFactors(theta, b.observation(i), b.action(i), 1);
      int off = 0;
      for (DMatrixRMaj[] layer : f) {
        DMatrixRMaj block = new KroneckerBlock(layer[0], layer[1]).toDense();
        for (int x = 0; x < block.numRows; x++) {
          for (int y = 0; y < block.numCols; y++) {
            assertThat(block.get(x, y)).isCloseTo(s[off + x] * s[off + y],
                org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(s[off + x] * s[off + y]))));
          }
        }
        off += block.numRows;
      }
      assertThat(off).isEqualTo(p.network().parameterCount());
      if (meanOfOnes == null) {
        meanOfOnes = new DMatrixRMaj[f.length][2];
        for (int l = 0; l < f.length; l++) {
          meanOfOnes[l][0] = new DMatrixRMaj(f[l][0].numRows, f[l][0].numCols);
          meanOfOnes[l][1] = new DMatrixRMaj(f[l][1].numRows, f[l][1].numCols);
        }
      }
      for (int l = 0; l < f.length; l++) {
        for (int k = 0; k < 2; k++) {
          org.ejml.dense.row.CommonOps_DDRM.addEquals(meanOfOnes[l][k], 1.0 / b.size(), f[l][k]);
        }
      }
    }
    DMatrixRMaj[][] all = p.kfacFactors(theta, b.observations(), b.actions(), b.size());
    for (int l = 0; l < all.length; l++) {
      for (int k = 0; k < 2; k++) {
        for (int x = 0; x < all[l][k].data.length; x++) {
          assertThat(all[l][k].data[x]).isCloseTo(meanOfOnes[l][k].data[x],
              org.assertj.core.data.Offset.offset(1e-12));
        }
      }
    }
  }
}
