package io.natgrad.core.random;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * NumPy's {@code SeedSequence} (the entropy pool every NumPy and Gymnasium generator is seeded
 * through), bit-identical to NumPy 2.x for a non-negative integer seed and no spawn key: the seed
 * is split into 32-bit words (least significant first), mixed into a pool of four words by
 * hashmix/mix, and {@link #generateState} hashes the pool out into as many words as asked.
 *
 * <p>Used by {@link Pcg64#seeded} as {@code np.random.PCG64(seed)} uses it. Not a generator of its
 * own, and not a replacement for {@link Rng}.
 */
public final class SeedSequence {
  private static final int INIT_A = 0x43b0d7e5;
  private static final int MULT_A = 0x931e8875;
  private static final int INIT_B = 0x8b51f9dd;
  private static final int MULT_B = 0x58f38ded;
  private static final int MIX_MULT_L = 0xca01f9dd;
  private static final int MIX_MULT_R = 0x4973f715;
  private static final int XSHIFT = 16;
  private static final int POOL_SIZE = 4;
  private final int[] pool = new int[POOL_SIZE];

  /** The sequence of a non-negative integer seed of any size. */
  public SeedSequence(BigInteger entropy) {
    if (entropy.signum() < 0) {
      throw new IllegalArgumentException("seed must be non-negative, got " + entropy);
    }
    mixEntropy(words(entropy));
  }

  /** The sequence of a seed read as an unsigned 64-bit integer ({@code -1} is 2⁶⁴ − 1). */
  public static SeedSequence ofUnsigned(long seed) {
    return new SeedSequence(new BigInteger(Long.toUnsignedString(seed)));
  }

  /** The entropy as 32-bit words, least significant first ({@code [0]} for zero). */
  static int[] words(BigInteger entropy) {
    if (entropy.signum() == 0) {
      return new int[] {0};
    }
    int n = (entropy.bitLength() + 31) / 32;
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = entropy.shiftRight(32 * i).intValue();
    }
    return w;
  }

  private static int hashmix(int value, int[] hashConst) {
    value ^= hashConst[0];
    hashConst[0] *= MULT_A;
    value *= hashConst[0];
    value ^= value >>> XSHIFT;
    return value;
  }

  private static int mix(int x, int y) {
    int result = MIX_MULT_L * x - MIX_MULT_R * y;
    result ^= result >>> XSHIFT;
    return result;
  }

  private void mixEntropy(int[] entropy) {
    int[] hashConst = {INIT_A};
    for (int i = 0; i < POOL_SIZE; i++) {
      pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hashConst);
    }
    for (int src = 0; src < POOL_SIZE; src++) {
      for (int dst = 0; dst < POOL_SIZE; dst++) {
        if (src != dst) {
          pool[dst] = mix(pool[dst], hashmix(pool[src], hashConst));
        }
      }
    }
    for (int src = POOL_SIZE; src < entropy.length; src++) {
      for (int dst = 0; dst < POOL_SIZE; dst++) {
        pool[dst] = mix(pool[dst], hashmix(entropy[src], hashConst));
      }
    }
  }

  /** The mixed pool (a copy). */
  public int[] pool() {
    return pool.clone();
  }

  /** {@code generate_state(n, np.uint32)}: n words hashed out of the pool. */
  public int[] generateState(int words) {
    int hashConst = INIT_B;
    int[] state = new int[words];
    for (int i = 0; i < words; i++) {
      int value = pool[i % POOL_SIZE];
      value ^= hashConst;
      hashConst *= MULT_B;
      value *= hashConst;
      value ^= value >>> XSHIFT;
      state[i] = value;
    }
    return state;
  }

  /** {@code generate_state(n, np.uint64)}: 2n words, paired little-endian. */
  public long[] generateState64(int words) {
    int[] w = generateState(2 * words);
    long[] out = new long[words];
    for (int i = 0; i < words; i++) {
      out[i] = (w[2 * i] & 0xFFFFFFFFL) | ((long) w[2 * i + 1] << 32);
    }
    return out;
  }

  @Override
  public String toString() {
    return "SeedSequence" + Arrays.toString(pool);
  }
}
