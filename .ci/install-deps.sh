#!/usr/bin/env bash
# Everything a fresh Debian 12 machine needs beyond the .NET SDK. Idempotent.
# With package names as arguments it installs just those that are missing (bench/bench.sh, scripts/lab.sh).
set -euo pipefail
# gcc and libc6-dev: the NativeAOT compiler links the shipped executable with them (src/Orchestrator.Cli).
packages=(openssh-client openssh-server sudo python3 rsync ansible-core gnupg apt-utils gcc libc6-dev)
if [ $# -gt 0 ]; then
  packages=("$@")
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
