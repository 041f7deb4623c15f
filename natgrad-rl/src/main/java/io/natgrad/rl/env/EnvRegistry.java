package io.natgrad.rl.env;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Environment ids → factories, like {@code gymnasium.make}. {@link #make(String, Map)} passes
 * options — {@code horizon} for the toy task, {@code seeding} (natgrad | gymnasium, see
 * {@link Seeding}) for the classic-control tasks — and refuses an option the environment does not
 * know, by name; every registered environment comes wrapped in its {@link TimeLimit}.
 */
public final class EnvRegistry {
  private static final Map<String, Function<Map<String, Object>, Env>> FACTORIES =
      new LinkedHashMap<>();
  private static final Map<String, Set<String>> OPTIONS = new LinkedHashMap<>();
  private static final Set<String> SEEDING = Set.of("seeding");

  static {
    register(LinearGaussianWalk.ID, Set.of("horizon"), options -> {
      int horizon = intOption(options, "horizon", LinearGaussianWalk.DEFAULT_HORIZON);
      if (horizon < 1) {
        throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
      }
      return new TimeLimit(new LinearGaussianWalk(), horizon);
    });
    register(CartPole.ID, SEEDING, o -> new TimeLimit(new CartPole(seeding(o)), 500));
    register(Pendulum.ID, SEEDING, o -> new TimeLimit(new Pendulum(seeding(o)), 200));
    register(MountainCar.ID, SEEDING, o -> new TimeLimit(new MountainCar(seeding(o)), 200));
    register(MountainCarContinuous.ID, SEEDING,
        o -> new TimeLimit(new MountainCarContinuous(seeding(o)), 999));
    register(Acrobot.ID, SEEDING, o -> new TimeLimit(new Acrobot(seeding(o)), 500));
    for (EnvPlugin plugin : java.util.ServiceLoader.load(EnvPlugin.class)) {
      plugin.register();
    }
  }

  private EnvRegistry() {}

  /** Registers (or replaces) a factory that takes no options. */
  public static synchronized void register(String id, Function<Map<String, Object>, Env> factory) {
    register(id, Set.of(), factory);
  }

  /** Registers (or replaces) a factory that takes the named options. */
  public static synchronized void register(String id, Set<String> options,
      Function<Map<String, Object>, Env> factory) {
    FACTORIES.put(id, factory);
    OPTIONS.put(id, Set.copyOf(options));
  }

  /** The options an environment takes (empty for an unknown id). */
  public static synchronized Set<String> options(String id) {
    return OPTIONS.getOrDefault(id, Set.of());
  }

  /** The seeding option's value (natgrad when absent). */
  public static Seeding seeding(Map<String, Object> options) {
    Object v = options.get("seeding");
    return v == null ? Seeding.NATGRAD : Seeding.parse(v);
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
          "unknown environment id '" + id + "'; known ids: " + String.join(", ", FACTORIES.keySet())
              + (FACTORIES.containsKey("Hopper-v4") ? "" : " (the MuJoCo tasks, Hopper-v4 and "
                  + "others, come with the optional natgrad-mujoco module; ./natgrad loads it for "
                  + "them)"));
    }
    for (String key : options.keySet()) {
      if (!OPTIONS.get(id).contains(key)) {
        throw new IllegalArgumentException(id + " has no option '" + key + "'"
            + (OPTIONS.get(id).isEmpty() ? " (it takes none)"
                : "; its options: " + String.join(", ", new java.util.TreeSet<>(OPTIONS.get(id)))));
      }
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
