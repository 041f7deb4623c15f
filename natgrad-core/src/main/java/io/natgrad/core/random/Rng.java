package io.natgrad.core.random;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * natgrad's seeded random stream: xoshiro256++ (Blackman and Vigna 2019) seeded through SplitMix64.
 *
 * <p>Why not {@code java.util.Random} or the JDK's {@code L64X128MixRandom}: natgrad must save and
 * restore every random stream bit for bit (checkpoints, distributed sampling), and the JDK
 * generators do not expose their state. This one does ({@link #state()}, {@link #fromState}), and
 * child streams are derived deterministically from a parent seed and a name or index
 * ({@link #derive}), so every source of randomness in a run flows from the one seed the user gave.
 *
 * <p>Gaussian and other derived draws come from {@link RandomGenerator}'s default methods (the
 * JDK's ziggurat for {@code nextGaussian}), which are pure functions of {@link #nextLong()}.
 * Not thread-safe: give each thread its own derived stream.
 */
public final class Rng implements RandomGenerator {
  private long s0;
  private long s1;
  private long s2;
  private long s3;

  private Rng(long s0, long s1, long s2, long s3) {
    if ((s0 | s1 | s2 | s3) == 0L) {
      throw new IllegalArgumentException("xoshiro256++ state must not be all zero");
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** A stream seeded from {@code seed} by SplitMix64. */
  public static Rng of(long seed) {
    long x = seed;
    long a = mix(x += GOLDEN);
    long b = mix(x += GOLDEN);
    long c = mix(x += GOLDEN);
    long d = mix(x + GOLDEN);
    return new Rng(a, b, c, d);
  }

  /** Restores a stream from a state returned by {@link #state()}. */
  public static Rng fromState(long[] state) {
    if (state == null || state.length != 4) {
      throw new IllegalArgumentException("Rng state must hold 4 longs");
    }
    return new Rng(state[0], state[1], state[2], state[3]);
  }

  /** The child seed for stream {@code index} of parent {@code seed}; distinct indices give unrelated streams. */
  public static long derive(long seed, long index) {
    return mix(mix(seed ^ 0x6A09E667F3BCC909L) + GOLDEN * (index + 1));
  }

  /** The child seed for the stream called {@code name} of parent {@code seed}. */
  public static long derive(long seed, String name) {
    long h = 0xCBF29CE484222325L; // FNV-1a over the UTF-8 bytes, then mixed
    for (byte c : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= c & 0xFF;
      h *= 0x100000001B3L;
    }
    return derive(seed, mix(h));
  }

  /** A copy of the current state (4 longs). */
  public long[] state() {
    return new long[] {s0, s1, s2, s3};
  }

  /** An independent copy at the same position. */
  public Rng copy() {
    return new Rng(s0, s1, s2, s3);
  }

  @Override
  public long nextLong() {
    long result = Long.rotateLeft(s0 + s3, 23) + s0;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
