#!/usr/bin/env bash
# The test command: installs what a fresh Debian machine lacks, prepares the Docker test hosts,
# builds with warnings as errors and runs every test project (unit and integration).
# Integration tests fail (never skip) when Docker cannot be started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash .ci/install-deps.sh
bash tests/hostkit/hostkit.sh ensure-docker
bash tests/hostkit/hostkit.sh build-image >/dev/null

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Orchestrator.sln -c Release -warnaserror -nologo -v quiet

# The tests that run orchestrate as a program (CLI scenarios, vault verb, end-to-end on Docker hosts) run the
# shipped native executable, not the framework-dependent build beside them (tests/Shared/OrchestrateCommand.cs).
export ORCHESTRATE_PROGRAM="$PWD/src/Orchestrator.Cli/bin/Release/net10.0/orchestrate"
if [ ! -x "$ORCHESTRATE_PROGRAM" ]; then
  echo "$ORCHESTRATE_PROGRAM was not built" >&2
  exit 1
fi

log=$(mktemp)
status=0
dotnet test Orchestrator.sln -c Release --no-build --nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?

# One closing line any CI reads: "N passed, N failed".
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ total += $2 } END { print total + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "${passed:-0}" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
