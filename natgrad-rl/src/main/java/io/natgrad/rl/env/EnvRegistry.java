package io.natgrad.rl.env;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Environment ids → factories, like {@code gymnasium.make}. {@link #make(String, Map)} passes
 * options (e.g. {@code horizon} for the toy task); every registered environment comes wrapped in
 * its {@link TimeLimit}.
 */
public final class EnvRegistry {
  private static final Map<String, Function<Map<String, Object>, Env>> FACTORIES =
      new LinkedHashMap<>();

  static {
    register(LinearGaussianWalk.ID, options -> {
      int horizon = intOption(options, "horizon", LinearGaussianWalk.DEFAULT_HORIZON);
      if (horizon < 1) {
        throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
      }
      return new TimeLimit(new LinearGaussianWalk(), horizon);
    });
    register(CartPole.ID, options -> new TimeLimit(new CartPole(), 500));
    register(Pendulum.ID, options -> new TimeLimit(new Pendulum(), 200));
    register(MountainCar.ID, options -> new TimeLimit(new MountainCar(), 200));
    register(MountainCarContinuous.ID, options -> new TimeLimit(new MountainCarContinuous(), 999));
    register(Acrobot.ID, options -> new TimeLimit(new Acrobot(), 500));
  }

  private EnvRegistry() {}

  /** Registers (or replaces) a factory. */
  public static synchronized void register(String id, Function<Map<String, Object>, Env> factory) {
    FACTORIES.put(id, factory);
  }

  /** The registered ids, in registration order. */
  public static synchronized Set<String> ids() {
    return Set.copyOf(FACTORIES.keySet());
  }

  /** A new environment with default options. */
  public static Env make(String id) {
    return make(id, Map.of());
  }

  /** A new environment with options. */
  public static synchronized Env make(String id, Map<String, Object> options) {
    Function<Map<String, Object>, Env> f = FACTORIES.get(id);
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown environment id '" + id + "'; known ids: " + String.join(", ", FACTORIES.keySet()));
    }
    return f.apply(options);
  }

  static int intOption(Map<String, Object> options, String key, int fallback) {
    Object v = options.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw new IllegalArgumentException(key + " must be an integer, got " + v);
  }
}
