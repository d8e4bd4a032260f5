#!/bin/bash
# The benchmark (issue #6): orchestrate vs ansible-playbook vs Ansible+Mitogen on local sshd hosts.
# On a fresh Debian machine, as root:   bash bench/bench.sh [--quick] [--rounds N] [--scenarios 3x30,20x10,200x10]
# Installs Debian's ansible-core, python3-mitogen, ansible-mitogen, openssh, GNU time and gcc, builds orchestrate
# (Release) from this tree, then runs bench/bench.py (all options: bash bench/bench.sh --help).
# Never run by CI: it measures time on a shared machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"

case " $* " in *" --help "*|*" -h "*) exec /usr/bin/python3 "$here/bench.py" --help ;; esac

# gcc and libc6-dev link orchestrate's native executable.
bash "$repo/.ci/install-deps.sh" ansible-core python3-mitogen ansible-mitogen openssh-server openssh-client time python3 gcc libc6-dev

# The commit the measured binary is built from (recorded in the results).
BENCH_COMMIT="$(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" status --porcelain src | grep -q . && echo ' plus uncommitted changes under src/' || true)"
export BENCH_COMMIT
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  (cd "$repo" && dotnet build -c Release -warnaserror src/Orchestrator.Cli -nologo -v q)
fi

# Debian's python (not a pyenv one on PATH): ansible-playbook uses it too.
exec /usr/bin/python3 "$here/bench.py" --command-line "bash bench/bench.sh $*" "$@"
