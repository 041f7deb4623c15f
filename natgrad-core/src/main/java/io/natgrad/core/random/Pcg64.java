package io.natgrad.core.random;

import java.math.BigInteger;

/**
 * NumPy's default bit generator {@code PCG64} (O'Neill's PCG XSL-RR 128/64), bit-identical to
 * NumPy 2.x: a 128-bit linear congruential state s ← s·M + inc (M = 0x2360ED051FC65DA4_
 * 4385DF649FCCF645), each 64-bit output the xor of the state's halves rotated by its top six bits;
 * 32-bit outputs use the low half of a 64-bit output first and buffer the high half, as NumPy does.
 * Seeded through {@link SeedSequence} exactly as {@code np.random.PCG64(seed)}. Mutable, not
 * thread-safe; {@link #state} and {@link #restore} save and restore it exactly.
 */
public final class Pcg64 {
  private static final long MULT_HI = 0x2360ED051FC65DA4L;
  private static final long MULT_LO = 0x4385DF649FCCF645L;
  private long stateHi;
  private long stateLo;
  private long incHi;
  private long incLo;
  private boolean hasUint32;
  private int uinteger;

  /**
   * The generator's complete state, as NumPy's {@code bit_generator.state} holds it.
   *
   * @param stateHi the state's high 64 bits
   * @param stateLo the state's low 64 bits
   * @param incHi the increment's high 64 bits
   * @param incLo the increment's low 64 bits (odd)
   * @param hasUint32 whether a buffered 32-bit half is waiting
   * @param uinteger the buffered half
   */
  public record State(long stateHi, long stateLo, long incHi, long incLo, boolean hasUint32,
      int uinteger) {}

  private Pcg64() {}

  /** {@code np.random.PCG64(seed)} for a seed read as an unsigned 64-bit integer. */
  public static Pcg64 seeded(long seed) {
    return seeded(SeedSequence.ofUnsigned(seed));
  }

  /** {@code np.random.PCG64(seed_sequence)}. */
  public static Pcg64 seeded(SeedSequence seq) {
    long[] v = seq.generateState64(4);
    Pcg64 g = new Pcg64();
    // pcg64_set_seed: initstate = v[0]·2⁶⁴ + v[1], initseq = v[2]·2⁶⁴ + v[3]
    g.incHi = (v[2] << 1) | (v[3] >>> 63);
    g.incLo = (v[3] << 1) | 1L;
    g.stateHi = 0;
    g.stateLo = 0;
    g.step();
    long lo = g.stateLo + v[1];
    g.stateHi = g.stateHi + v[0] + (Long.compareUnsigned(lo, g.stateLo) < 0 ? 1 : 0);
    g.stateLo = lo;
    g.step();
    return g;
  }

  /** A generator in a saved state. */
  public static Pcg64 of(State s) {
    Pcg64 g = new Pcg64();
    g.restore(s);
    return g;
  }

  /** The high 64 bits of the unsigned 128-bit product of x and y. */
  static long unsignedMultiplyHigh(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }

  private void step() {
    long lo = stateLo * MULT_LO;
    long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateLo * MULT_HI + stateHi * MULT_LO;
    long sumLo = lo + incLo;
    stateHi = hi + incHi + (Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0);
    stateLo = sumLo;
  }

  /** The next 64-bit output. */
  public long nextLong() {
    step();
    return Long.rotateRight(stateHi ^ stateLo, (int) (stateHi >>> 58));
  }

  /** The next 32-bit output: the low half of a 64-bit output, then its buffered high half. */
  public int nextInt() {
    if (hasUint32) {
      hasUint32 = false;
      return uinteger;
    }
    long next = nextLong();
    hasUint32 = true;
    uinteger = (int) (next >>> 32);
    return (int) next;
  }

  /** A double in [0, 1): the top 53 bits of a 64-bit output times 2⁻⁵³. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * Advances the state by {@code delta} steps (mod 2¹²⁸) in O(log delta), as
   * {@code PCG64.advance(delta)}; the buffered 32-bit half is dropped, as NumPy does.
   */
  public void advance(BigInteger delta) {
    BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    BigInteger d = delta.and(mask);
    BigInteger curMult = u128(MULT_HI, MULT_LO);
    BigInteger curPlus = u128(incHi, incLo);
    BigInteger accMult = BigInteger.ONE;
    BigInteger accPlus = BigInteger.ZERO;
    while (d.signum() > 0) {
      if (d.testBit(0)) {
        accMult = accMult.multiply(curMult).and(mask);
        accPlus = accPlus.multiply(curMult).add(curPlus).and(mask);
      }
      curPlus = curMult.add(BigInteger.ONE).multiply(curPlus).and(mask);
      curMult = curMult.multiply(curMult).and(mask);
      d = d.shiftRight(1);
    }
    BigInteger s = accMult.multiply(u128(stateHi, stateLo)).add(accPlus).and(mask);
    stateHi = s.shiftRight(64).longValue();
    stateLo = s.longValue();
    hasUint32 = false;
    uinteger = 0;
  }

  private static BigInteger u128(long hi, long lo) {
    return new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64)
        .or(new BigInteger(Long.toUnsignedString(lo)));
  }

  /** The state as a 128-bit integer (as NumPy prints it). */
  public BigInteger stateValue() {
    return u128(stateHi, stateLo);
  }

  /** The increment as a 128-bit integer. */
  public BigInteger incrementValue() {
    return u128(incHi, incLo);
  }

  /** The complete state. */
  public State state() {
    return new State(stateHi, stateLo, incHi, incLo, hasUint32, uinteger);
  }

  /** Restores a saved state (the increment must be odd). */
  public void restore(State s) {
    if ((s.incLo() & 1L) == 0) {
      throw new IllegalArgumentException("a PCG64 increment must be odd, got low word "
          + Long.toUnsignedString(s.incLo()));
    }
    stateHi = s.stateHi();
    stateLo = s.stateLo();
    incHi = s.incHi();
    incLo = s.incLo();
    hasUint32 = s.hasUint32();
    uinteger = s.uinteger();
  }
}
