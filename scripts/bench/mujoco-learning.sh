#!/usr/bin/env bash
# Issue 15's learning goals: TRPO (and PPO) with --preset zoo on the MuJoCo tasks, 3 seeds each, the
# final policy evaluated deterministically over 10 episodes. One run at a time (2 threads each).
#   scripts/bench/mujoco-learning.sh OUT_DIR [TASK:ALGO:STEPS ...]
# Prints one line per run: task algo steps seed eval_mean eval_std wall_s; the table in BENCHMARKS.md
# is the mean over seeds. With EVAL_EVERY=N the runs also evaluate every N steps and keep
# best-policy.json, and the line adds the best policy's evaluation (10 episodes, seed 1000).
# SEEDS="3 4 5" runs other seeds (default: 0 1 2, the issue's three).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?usage: mujoco-learning.sh OUT_DIR [TASK:ALGO:STEPS ...]}"
shift
runs=("$@")
if [[ ${#runs[@]} -eq 0 ]]; then
  runs=(Hopper-v4:trpo:1000000 Walker2d-v4:trpo:1000000 HalfCheetah-v4:trpo:1000000
        Swimmer-v4:trpo:1000000 InvertedPendulum-v4:trpo:200000
        InvertedDoublePendulum-v4:trpo:1000000 Hopper-v4:ppo:1000000 HalfCheetah-v4:ppo:1000000)
fi
mkdir -p "$out"
for r in "${runs[@]}"; do
  IFS=: read -r task algo steps <<< "$r"
  for seed in ${SEEDS:-0 1 2}; do
    dir="$out/$task-$algo-$seed"
    if [[ -f "$dir/policy.json" && -f "$dir/eval.txt" ]]; then
      echo "$task $algo $steps $seed $(cat "$dir/eval.txt") (done before)"
      continue
    fi
    extra=()
    if [[ -n "${EVAL_EVERY:-}" ]]; then
      extra=(--eval-every "$EVAL_EVERY")
    fi
    start=$(date +%s.%N)
    # --force: a run interrupted earlier (no eval.txt) starts again
    "$root/natgrad" train --env "$task" --algo "$algo" --preset zoo --steps "$steps" --seed "$seed" \
      --out "$dir" --force ${extra[@]+"${extra[@]}"} > "$dir.log" 2>&1
    end=$(date +%s.%N)
    ev="$("$root/natgrad" eval --policy "$dir" --episodes 10 --seed 1000 2>/dev/null | tail -1)"
    wall=$(python3 -c "print(f'{$end - $start:.1f}')")
    best=""
    if [[ -n "${EVAL_EVERY:-}" && -f "$dir/best-policy.json" ]]; then
      best=" best $("$root/natgrad" eval --policy "$dir" --best --episodes 10 --seed 1000 2>/dev/null \
        | tail -1 | awk '{print $2, $4}')"
    fi
    echo "$(echo "$ev" | awk '{print $2, $4}') $wall$best" > "$dir/eval.txt"
    echo "$task $algo $steps $seed $(cat "$dir/eval.txt")"
  done
done
