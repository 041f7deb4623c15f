#!/usr/bin/env bash
# The Spark GLM engine's overhead per IRLS iteration (natgrad-spark's SparkGlmBenchmark).
#   scripts/bench-spark-glm.sh [master] [n1,n2,...] [partitions]   e.g. scripts/bench-spark-glm.sh "local[2]" 100000,1000000 8
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -pl natgrad-cli,natgrad-spark -am package) >&2
opts="$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$root/natgrad-spark/pom.xml")"
jar="$(ls "$root"/natgrad-spark/target/natgrad-spark-*.jar | grep -v -e sources -e javadoc -e cluster | head -1)"
# shellcheck disable=SC2086
exec java --add-modules jdk.incubator.vector $opts -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
  -cp "$jar:$(cat "$root/natgrad-spark/target/classpath.txt")" io.natgrad.spark.SparkGlmBenchmark "$@"
