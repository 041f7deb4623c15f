package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** A policy file's parameters for comparisons, present and non-empty or the test fails. */
final class PolicyJson {
  private PolicyJson() {}

  static JsonNode parameters(Path policyFile) throws IOException {
    JsonNode p = new ObjectMapper().readTree(policyFile.toFile()).at("/policy/parameters");
    assertThat(p.isArray() && p.size() > 0).as("parameters in " + policyFile).isTrue();
    return p;
  }
}
