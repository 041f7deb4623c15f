#!/usr/bin/env sh
# Installs the system MuJoCo the natgrad-mujoco tests need (Debian's libmujoco2.2.2 and the
# testspeed sample), when it is missing; run by the tests themselves (CI machines run them as root).
set -e
if [ -e /usr/lib/x86_64-linux-gnu/libmujoco.so.2.2.2 ] && command -v mujoco-testspeed >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "libmujoco2.2.2 is missing and this is not root: sudo apt-get install libmujoco2.2.2 libmujoco-samples" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libmujoco2.2.2 libmujoco-samples
