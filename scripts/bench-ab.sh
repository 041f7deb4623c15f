#!/usr/bin/env bash
# Interleaved A/B of two builds (BENCHMARKS.md section 7): JMH medians and end-to-end medians over
# ROUNDS rounds, old then new in each round, so that machine drift hits both sides alike.
# Usage: scripts/bench-ab.sh OLD_DIR NEW_DIR [ROUNDS] [OUTDIR]
#   each DIR holds benchmarks.jar (natgrad-bench/target) and natgrad.jar (natgrad-cli/target)
# Run it on an idle machine; it takes about 30 minutes at 5 rounds.
set -euo pipefail
old="$1"; new="$2"; rounds="${3:-5}"; out="${4:-/tmp/natgrad-ab}"
mkdir -p "$out/e2e"
benches='FisherVectorProductBenchmark|TrpoUpdateBenchmark|SamplerBenchmark|PolicyActBenchmark|GaussianMleBenchmark'
for round in $(seq 1 "$rounds"); do
  for side in old new; do
    dir=$old; [[ $side == new ]] && dir=$new
    java --add-modules jdk.incubator.vector -jar "$dir/benchmarks.jar" "$benches" \
      -p env=CartPole-v1,Pendulum-v1 -wi 3 -w 1 -i 5 -r 1 -rf json -rff "$out/$side-$round.json" \
      > "$out/$side-$round.log" 2>&1
    for spec in "trpo-cartpole|--env CartPole-v1 --algo trpo" "ppo-cartpole|--env CartPole-v1 --algo ppo" \
        "trpo-pendulum|--env Pendulum-v1 --algo trpo"; do
      name=${spec%%|*}; args=${spec#*|}
      t0=$(date +%s.%N)
      # shellcheck disable=SC2086
      java --add-modules jdk.incubator.vector -XX:+UseSerialGC -Djava.awt.headless=true \
        -jar "$dir/natgrad.jar" train $args --preset zoo --seed 0 --out "$out/e2e/$side-$name" \
        --force > "$out/e2e/$side-$name.log" 2>&1
      t1=$(date +%s.%N)
      echo "$side $name $(echo "$t1 - $t0" | bc)" >> "$out/e2e-times.txt"
    done
  done
done
python3 - "$out" <<'PY'
import collections, glob, json, statistics, sys
out = sys.argv[1]
res = collections.defaultdict(lambda: {"old": [], "new": []})
for f in sorted(glob.glob(out + "/*-[0-9]*.json")):
    side = f.split("/")[-1].split("-")[0]
    for b in json.load(open(f)):
        p = b.get("params") or {}
        key = b["benchmark"].rsplit(".", 2)[-2] + "." + b["benchmark"].rsplit(".", 1)[-1] \
            + "".join(" %s=%s" % kv for kv in p.items())
        res[key][side].append(b["primaryMetric"]["score"])
for k, v in res.items():
    o, n = statistics.median(v["old"]), statistics.median(v["new"])
    print("%-60s old %10.4g new %10.4g %+6.1f%%" % (k, o, n, 100 * (n / o - 1)))
t = collections.defaultdict(list)
for line in open(out + "/e2e-times.txt"):
    side, name, sec = line.split()
    t[(name, side)].append(float(sec))
for name in sorted({k[0] for k in t}):
    o, n = statistics.median(t[(name, "old")]), statistics.median(t[(name, "new")])
    print("%-60s old %9.2fs new %9.2fs %+6.1f%%" % ("end to end " + name, o, n, 100 * (n / o - 1)))
PY
