package io.natgrad.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SeedSequence, PCG64 and the Generator methods against NumPy's own numbers, recorded by
 * {@code scripts/reference/numpy_random.py} (NumPy 2.4.6) into {@code numpy-reference.json}: seeds
 * 0, 1, 3, 42, 12345, 2³²−1, 2³², 2⁶³−1, 2⁶⁴−1 and two multi-word seeds. Every value must be equal
 * to the bit.
 */
class NumPyRandomTest {
  static JsonNode ref;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = NumPyRandomTest.class.getResourceAsStream("numpy-reference.json")) {
      ref = new ObjectMapper().readTree(in);
    }
    assertThat(ref.get("numpy_version").asText()).startsWith("2.");
  }

  static Stream<JsonNode> seeds() throws Exception {
    load();
    return java.util.stream.StreamSupport.stream(ref.get("seeds").spliterator(), false);
  }

  static double d(JsonNode n) {
    return Double.parseDouble(n.asText());
  }

  static long u64(JsonNode n) {
    return Long.parseUnsignedLong(n.asText());
  }

  static NumPyGenerator gen(BigInteger seed) {
    return new NumPyGenerator(Pcg64.seeded(new SeedSequence(seed)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameNumbersAsNumPy(JsonNode s) {
    BigInteger seed = new BigInteger(s.get("seed").asText());
    SeedSequence seq = new SeedSequence(seed);
    int[] pool = seq.pool();
    for (int i = 0; i < 4; i++) {
      assertThat(pool[i] & 0xFFFFFFFFL).as("pool[%d]", i).isEqualTo(s.get("pool").get(i).asLong());
    }
    int[] u32 = seq.generateState(8);
    for (int i = 0; i < 8; i++) {
      assertThat(u32[i] & 0xFFFFFFFFL).isEqualTo(s.get("generate_state_u32_8").get(i).asLong());
    }
    long[] u64 = seq.generateState64(4);
    for (int i = 0; i < 4; i++) {
      assertThat(u64[i]).isEqualTo(u64(s.get("generate_state_u64_4").get(i)));
    }
    Pcg64 bits = Pcg64.seeded(seq);
    assertThat(bits.stateValue()).isEqualTo(new BigInteger(s.get("pcg_state").asText()));
    assertThat(bits.incrementValue()).isEqualTo(new BigInteger(s.get("pcg_inc").asText()));
    for (JsonNode raw : s.get("raw")) {
      assertThat(bits.nextLong()).isEqualTo(u64(raw));
    }
    NumPyGenerator g = gen(seed);
    for (JsonNode x : s.get("random")) {
      assertThat(g.random()).isEqualTo(d(x));
    }
    g = gen(seed);
    for (JsonNode x : s.get("uniform_m06_m04")) {
      assertThat(g.uniform(-0.6, -0.4)).isEqualTo(d(x));
    }
    double[] v = gen(seed).uniform(new double[] {-0.05, -1.0, -0.1}, new double[] {0.05, 1.0, 0.1});
    for (int i = 0; i < 3; i++) {
      assertThat(v[i]).isEqualTo(d(s.get("uniform_vec").get(i)));
    }
    s.get("integers").fields().forEachRemaining(e -> {
      NumPyGenerator gi = gen(seed);
      for (JsonNode x : e.getValue()) {
        long drawn = e.getKey().equals("-5..5") ? gi.integers(-5, 5)
            : gi.integers(Long.parseLong(e.getKey()));
        assertThat(drawn).as("integers(%s)", e.getKey()).isEqualTo(Long.parseLong(x.asText()));
      }
    });
    g = gen(seed);
    List<JsonNode> seq2 = new java.util.ArrayList<>();
    s.get("interleaved").forEach(seq2::add);
    for (int k = 0; k < seq2.size(); k += 2) {
      assertThat(g.integers(3)).isEqualTo(Long.parseLong(seq2.get(k).asText()));
      assertThat(g.random()).isEqualTo(d(seq2.get(k + 1)));
    }
    g = gen(seed);
    int i = 0;
    for (JsonNode x : s.get("normal")) {
      assertThat(g.standardNormal()).as("normal %d", i++).isEqualTo(d(x));
    }
    g = gen(seed);
    i = 0;
    for (JsonNode x : s.get("exponential")) {
      assertThat(g.standardExponential()).as("exponential %d", i++).isEqualTo(d(x));
    }
    Pcg64 adv = Pcg64.seeded(new SeedSequence(seed));
    adv.advance(BigInteger.TWO.pow(70).add(BigInteger.valueOf(3)));
    assertThat(adv.stateValue())
        .isEqualTo(new BigInteger(s.get("advance_2_70_plus_3_state").asText()));
  }

  static String sha256(double[] xs) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(8 * xs.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double x : xs) {
      b.putDouble(x);
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
  }

  @Test
  void aMillionNormalAndExponentialDrawsAreNumPysToTheBit() throws Exception {
    for (int seed : new int[] {7, 8}) {
      NumPyGenerator g = NumPyGenerator.seeded(seed);
      double[] xs = new double[1_000_000];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = g.standardNormal();
      }
      assertThat(sha256(xs)).as("normal, seed %d", seed)
          .isEqualTo(ref.get("normal_1e6_sha256_seed" + seed).asText());
      g = NumPyGenerator.seeded(seed);
      for (int i = 0; i < xs.length; i++) {
        xs[i] = g.standardExponential();
      }
      assertThat(sha256(xs)).as("exponential, seed %d", seed)
          .isEqualTo(ref.get("exponential_1e6_sha256_seed" + seed).asText());
    }
  }

  @Test
  void stateRoundTripsAndUnsignedSeeds() {
    Pcg64 a = Pcg64.seeded(5);
    a.nextInt(); // leaves a buffered half
    Pcg64 b = Pcg64.of(a.state());
    for (int k = 0; k < 10; k++) {
      assertThat(b.nextInt()).isEqualTo(a.nextInt());
    }
    assertThat(Pcg64.seeded(-1L).stateValue())
        .isEqualTo(Pcg64.seeded(new SeedSequence(BigInteger.TWO.pow(64).subtract(BigInteger.ONE)))
            .stateValue());
  }
}
