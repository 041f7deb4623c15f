#!/usr/bin/env bash
# The Spark GLM engine's overhead per IRLS iteration (natgrad-spark's SparkGlmBenchmark).
#   scripts/bench-spark-glm.sh [master] [n1,n2,...] [partitions]   e.g. scripts/bench-spark-glm.sh "local[2]" 100000,1000000 8
set -euo pipefail
SPARK_BENCH_MAIN=io.natgrad.spark.SparkGlmBenchmark exec "$(dirname "${BASH_SOURCE[0]}")/bench-spark.sh" "$@"
