#!/usr/bin/env bash
# Regenerates natgrad-mujoco's layout table from the installed MuJoCo headers (libmujoco-dev) and gcc:
#   scripts/mujoco/layout.sh            writes natgrad-mujoco/src/main/resources/io/natgrad/mujoco/layout-<version>.tsv
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d)"
gcc -O0 -o "$tmp/layout" "$root/scripts/mujoco/layout.c"
version="$("$tmp/layout" | awk -F'\t' '$1 == "version" { print $2 }')"
out="$root/natgrad-mujoco/src/main/resources/io/natgrad/mujoco/layout-$version.tsv"
mkdir -p "$(dirname "$out")"
"$tmp/layout" | sed 's/MJ_M(\([a-z_]*\))/\1/g; s/\t *\([^\t]*[^ \t]\) *\t/\t\1\t/g' > "$out"
rm -rf "$tmp"
echo "wrote $out"
