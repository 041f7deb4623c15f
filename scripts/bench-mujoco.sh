#!/usr/bin/env bash
# MuJoCo tasks' speed against MuJoCo's own testspeed (natgrad-mujoco's MujocoSpeedBenchmark).
#   scripts/bench-mujoco.sh [physics_steps] [task ...]      e.g. scripts/bench-mujoco.sh 200000 Hopper-v4
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sh "$root/scripts/install-mujoco.sh"
(cd "$root" && ./mvnw -q -B -DskipTests -pl natgrad-cli,natgrad-mujoco -am package) >&2
jar="$(ls "$root"/natgrad-mujoco/target/natgrad-mujoco-*.jar | grep -v -e sources -e javadoc -e tests | head -1)"
exec java -XX:+UseSerialGC -cp "$root/natgrad-cli/target/natgrad.jar:$jar:$(cat "$root/natgrad-mujoco/target/classpath.txt")" \
  io.natgrad.mujoco.MujocoSpeedBenchmark "$@"
