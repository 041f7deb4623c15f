#!/usr/bin/env bash
# The Spark sampler's overhead and break-even benchmark (natgrad-spark's SparkSamplerBenchmark).
#   scripts/bench-spark.sh [master] [k1,k2,...]      e.g. scripts/bench-spark.sh 'local[2]' 0,100,1000
# SPARK_BENCH_MAIN names another benchmark class of natgrad-spark (bench-spark-glm.sh does).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -pl natgrad-cli,natgrad-spark -am package) >&2
opts="$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$root/natgrad-spark/pom.xml")"
jar="$(ls "$root"/natgrad-spark/target/natgrad-spark-*.jar | grep -v -e sources -e javadoc -e cluster | head -1)"
# shellcheck disable=SC2086
exec java --add-modules jdk.incubator.vector $opts -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
  -cp "$jar:$(cat "$root/natgrad-spark/target/classpath.txt")" "${SPARK_BENCH_MAIN:-io.natgrad.spark.SparkSamplerBenchmark}" "$@"
