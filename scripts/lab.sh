#!/usr/bin/env bash
# The local Mesos lab: three Debian hosts (systemd + sshd in Docker), the lab's signed apt repository with the
# Mesos/Marathon stand-ins and Debian's ZooKeeper, the stand-in images in each host's own dockerd, an inventory,
# and one run of playbooks/site.yaml against it.
#   scripts/lab.sh up [--method packages|containers]   bring the lab up (or reuse it) and converge it
#   scripts/lab.sh down                                remove it (containers, network, state)
# State in .lab/demo (LAB_STATE overrides); containers mesos-lab-h1..h3 on network mesos-lab-lab.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export HOSTKIT_STATE=${LAB_STATE:-$ROOT/.lab/demo}
PREFIX=mesos-lab
HOSTKIT="$ROOT/tests/hostkit/hostkit.sh"
APTREPO="$ROOT/tests/hostkit/aptrepo/aptrepo.sh"
IMAGES="$ROOT/tests/hostkit/standins/images.sh"
INVENTORY="$HOSTKIT_STATE/mesos-inventory.yaml"
REPORT="$HOSTKIT_STATE/site-report.json"
# The Release build: self-contained, precompiled (see the Cli project file).
CLI="$ROOT/src/Orchestrator.Cli/bin/Release/net10.0/orchestrate"

die() { echo "lab: error: $*" >&2; exit 1; }
say() { echo "lab: $*" >&2; }

usage() { sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

lab_running() {
  [ -f "$HOSTKIT_STATE/lab.env" ] && [ -f "$HOSTKIT_STATE/hosts.json" ] || return 1
  local n
  n=$(docker ps -q --filter "label=orchestrate.hostkit.lab=$PREFIX" --filter status=running 2>/dev/null | wc -l)
  [ "$n" -ge 4 ] # three hosts and the repository server
}

host_field() { # HOST FIELD -> from hosts.json
  python3 -c 'import json,sys; print(next(h[sys.argv[2]] for h in json.load(open(sys.argv[3])) if h["name"] == sys.argv[1]))' \
    "$1" "$2" "$HOSTKIT_STATE/hosts.json"
}

write_inventory() { # METHOD
  # shellcheck disable=SC1091
  . "$HOSTKIT_STATE/aptrepo/aptrepo.env"
  local h
  {
    echo "# Written by scripts/lab.sh: the 3-host local lab (cluster_address defaults to facts.default_ipv4)."
    echo "all:"
    echo "  vars:"
    echo "    install_method: $1"
    echo "    mesos_repo_url: $APTREPO_URL"
    echo "    mesos_repo_codename: $APTREPO_SUITE"
    echo "    mesos_repo_key_fingerprint: $APTREPO_FINGERPRINT"
    echo "    mesos_repo_keyserver: $APTREPO_HOST"
    echo "  hosts:"
    for h in h1 h2 h3; do
      echo "    $h:"
      echo "      ansible_host: 127.0.0.1"
      echo "      ansible_port: $(host_field "$h" port)"
      echo "      ansible_user: root"
      echo "      ansible_ssh_private_key_file: \"$HOSTKIT_STATE/id_ed25519\""
      echo "      ansible_ssh_common_args: \"-o UserKnownHostsFile=$HOSTKIT_STATE/known_hosts -o IdentitiesOnly=yes\""
    done
    echo "  children:"
    echo "    zookeeper: { hosts: { h1: {}, h2: {}, h3: {} } }"
    echo "    mesos_masters: { hosts: { h1: {}, h2: {}, h3: {} } }"
    echo "    marathon: { hosts: { h1: {}, h2: {}, h3: {} } }"
    echo "    mesos_agents: { hosts: { h2: { mesos_agent_attributes: { rack: r2 } }, h3: { mesos_agent_attributes: { rack: r3 } } } }"
  } >"$INVENTORY"
}

orchestrate() {
  if [ ! -x "$CLI" ] || [ -n "$(find "$ROOT/src" -name '*.cs' -newer "$CLI" -print -quit)" ]; then
    say "building orchestrate (Release)"
    bash "$ROOT/.ci/install-deps.sh" gcc libc6-dev # they link the native executable
    dotnet build "$ROOT/src/Orchestrator.Cli" -c Release -nologo -v quiet >/dev/null || die "dotnet build failed"
  fi
  "$CLI" "$@"
}

up() {
  local method=packages
  while [ $# -gt 0 ]; do
    case "$1" in
      --method) method=${2:-}; shift 2 || die "--method needs packages or containers" ;;
      --method=*) method=${1#--method=}; shift ;;
      *) die "unknown option '$1' (up [--method packages|containers])" ;;
    esac
  done
  [ "$method" = packages ] || [ "$method" = containers ] || die "--method is packages or containers, not '$method'"
  command -v dotnet >/dev/null 2>&1 || die "dotnet is missing (see README: the build command)"
  bash "$HOSTKIT" ensure-docker
  if lab_running; then
    say "reusing the running lab in $HOSTKIT_STATE"
  else
    bash "$HOSTKIT" build-image >/dev/null
    bash "$HOSTKIT" up 3 "$PREFIX"
    bash "$APTREPO" build
    bash "$APTREPO" serve
    bash "$APTREPO" isolate h1 h2 h3
  fi
  if [ "$method" = containers ] && [ ! -f "$HOSTKIT_STATE/images.loaded" ]; then
    bash "$IMAGES" load h1 h2 h3
    : >"$HOSTKIT_STATE/images.loaded"
  fi
  write_inventory "$method"
  say "running playbooks/site.yaml ($method) against the lab"
  local rc=0
  (cd "$ROOT" && orchestrate run playbooks/site.yaml -i "$INVENTORY" --json-report "$REPORT") || rc=$?
  local ip port
  ip=$(host_field h1 ip)
  port=$(host_field h1 port)
  cat <<EOF

Lab: 3 hosts (h1..h3: ZooKeeper, Mesos master, Marathon; agents on h2, h3), install_method $method.
  inventory    $INVENTORY
  JSON report  $REPORT   (exit code $rc)
Mesos health through an ssh tunnel to h1 (leave it running in one terminal):
  ssh -F none -N -L 5050:$ip:5050 -i $HOSTKIT_STATE/id_ed25519 -o UserKnownHostsFile=$HOSTKIT_STATE/known_hosts -o IdentitiesOnly=yes -p $port root@127.0.0.1
  curl -i http://127.0.0.1:5050/master/health
Marathon the same way: -L 8080:$ip:8080, then curl http://127.0.0.1:8080/v2/info
Tear down: scripts/lab.sh down
EOF
  return $rc
}

down() {
  if [ -f "$HOSTKIT_STATE/lab.env" ]; then bash "$HOSTKIT" down; else say "no lab in $HOSTKIT_STATE"; fi
  rm -rf "$HOSTKIT_STATE/aptrepo" "$INVENTORY" "$REPORT" "$HOSTKIT_STATE/images.loaded"
  rmdir "$HOSTKIT_STATE" 2>/dev/null || true
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  up) up "$@" ;;
  down) down ;;
  ""|-h|--help|help) usage ;;
  *) usage >&2; die "unknown command '$cmd'" ;;
esac
