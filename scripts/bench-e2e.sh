#!/usr/bin/env bash
# End-to-end benchmark (BENCHMARKS.md figure 5): the three RL Zoo runs as a user runs them —
# `./natgrad train ... --preset zoo` from the shell, JVM start and launcher checks included —
# over 3 seeds, then the median wall-clock and each run's deterministic evaluation.
# Usage: scripts/bench-e2e.sh [OUTDIR]   (default /tmp/natgrad-e2e). Run it on an idle machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-/tmp/natgrad-e2e}"
mkdir -p "$out"
"$root/natgrad" --version > /dev/null 2>&1   # build once, outside the timings
run() {
  local label=$1; shift
  local times=()
  for seed in 0 1 2; do
    local dir="$out/$label-s$seed"
    local t0 t1
    t0=$(date +%s.%N)
    "$root/natgrad" train "$@" --preset zoo --seed "$seed" --out "$dir" --force > "$dir.log" 2>&1
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc)")
    local ev
    ev=$(java -jar "$root/natgrad-cli/target/natgrad.jar" eval --policy "$dir/policy.json" \
      --episodes 100 --seed 1 2>/dev/null)
    echo "$label seed $seed: $(printf '%.2f' "${times[-1]}") s, eval $ev"
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  echo "$label median: $(printf '%.2f' "$median") s"
}
run trpo-cartpole --env CartPole-v1 --algo trpo
run ppo-cartpole --env CartPole-v1 --algo ppo
run trpo-pendulum --env Pendulum-v1 --algo trpo
