package io.natgrad.rl.config.zoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads hyperparameter files, YAML or JSON: either a flat mapping of keys, or an RL Zoo file whose
 * top-level keys are environment ids (the entry for the requested environment is used). Files are
 * data: YAML is parsed as plain data (no tags constructing objects), with limits on size, nesting
 * and aliases.
 */
public final class ConfigFiles {
  static final long MAX_BYTES = 4L << 20;

  private ConfigFiles() {}

  static ObjectMapper mapper(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    ObjectMapper m;
    if (name.endsWith(".json")) {
      m = new ObjectMapper();
    } else {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(20);
      options.setNestingDepthLimit(32);
      options.setCodePointLimit((int) MAX_BYTES);
      m = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
    }
    m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(32).maxNumberLength(64).maxStringLength(1 << 20).build());
    return m;
  }

  /** The file's top-level mapping as it is (no Zoo entry selection). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readMapping(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("file " + file + " does not exist");
    }
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException(
          "file " + file + " is " + size + " bytes, over the limit of " + MAX_BYTES);
    }
    Object root;
    try {
      root = mapper(file).readValue(file.toFile(), Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " cannot be parsed: " + e.getOriginalMessage());
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(file + " must hold a mapping of keys");
    }
    return new LinkedHashMap<>((Map<String, Object>) map);
  }

  /** The configuration for {@code envId} from {@code file} (a flat mapping or a Zoo file). */
  public static Map<String, Object> read(Path file, String envId) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("config file " + file + " does not exist");
    }
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException(
          "config file " + file + " is " + size + " bytes, over the limit of " + MAX_BYTES);
    }
    return read(file.toString(), Files.readAllBytes(file), envId);
  }

  /**
   * As {@link #read(Path, String)} for a file's content ({@code name} tells YAML from JSON by its
   * ending and names the file in errors), e.g. a preset shipped in the jar.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> read(String name, byte[] content, String envId) throws IOException {
    if (content.length > MAX_BYTES) {
      throw new IllegalArgumentException("config file " + name + " is " + content.length
          + " bytes, over the limit of " + MAX_BYTES);
    }
    Object root;
    try {
      root = mapper(Path.of(name)).readValue(content, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("config file " + name + " cannot be parsed: "
          + e.getOriginalMessage());
    }
    if (root == null) {
      throw new IllegalArgumentException("config file " + name + " is empty");
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("config file " + name + " must hold a mapping of keys");
    }
    boolean zoo = !map.isEmpty() && map.values().stream().allMatch(v -> v instanceof Map<?, ?>)
        && !map.containsKey("policy_kwargs");
    if (!zoo) {
      return new LinkedHashMap<>((Map<String, Object>) map);
    }
    Object entry = map.get(envId);
    if (entry == null) {
      entry = map.get("default");
    }
    if (entry == null) {
      throw new IllegalArgumentException("config file " + name + " has no entry for " + envId
          + " (entries: " + map.keySet() + ")");
    }
    Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) entry);
    out.putIfAbsent("env", envId);
    return out;
  }
}
