package io.natgrad.cli.train;

import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.TimeLimit;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A user's environment class ({@code --env-class com.example.MyEnv}, optionally from
 * {@code --classpath my.jar:classes/}): instantiated through its public no-argument constructor and
 * registered under its {@link Env#id()}, wrapped in a {@link TimeLimit} when
 * {@code --max-episode-steps} is given.
 */
public final class UserEnvironments {
  private UserEnvironments() {}

  /** Loads, registers and returns the id of the class. */
  public static String register(String className, String classpath, Integer maxEpisodeSteps) {
    Supplier<Env> factory = factory(className, classpath);
    Env probe = factory.get();
    String id = probe.id();
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(className + ".id() must return an id, got " + id);
    }
    if (maxEpisodeSteps != null && maxEpisodeSteps < 1) {
      throw new IllegalArgumentException(
          "--max-episode-steps must be >= 1, got " + maxEpisodeSteps);
    }
    EnvRegistry.register(id, options -> maxEpisodeSteps == null ? factory.get()
        : new TimeLimit(factory.get(), maxEpisodeSteps));
    return id;
  }

  static Supplier<Env> factory(String className, String classpath) {
    ClassLoader loader = UserEnvironments.class.getClassLoader();
    if (classpath != null && !classpath.isBlank()) {
      List<URL> urls = new ArrayList<>();
      for (String part : classpath.split(java.io.File.pathSeparator)) {
        Path p = Path.of(part);
        if (!Files.exists(p)) {
          throw new IllegalArgumentException("--classpath entry " + part + " does not exist");
        }
        try {
          urls.add(p.toUri().toURL());
        } catch (MalformedURLException e) {
          throw new IllegalArgumentException("--classpath entry " + part + " is not usable");
        }
      }
      loader = new URLClassLoader(urls.toArray(URL[]::new), loader);
    }
    Class<?> c;
    try {
      c = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("--env-class " + className + " was not found"
          + (classpath == null ? " (add its jar or directory with --classpath)" : " on " + classpath));
    }
    if (!Env.class.isAssignableFrom(c)) {
      throw new IllegalArgumentException("--env-class " + className + " does not implement "
          + Env.class.getName());
    }
    return () -> {
      try {
        return (Env) c.getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("--env-class " + className
            + " needs a public no-argument constructor: " + e);
      }
    };
  }
}
