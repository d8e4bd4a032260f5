#!/usr/bin/env bash
# hostkit: real Debian hosts (systemd + sshd) in Docker for orchestrate's integration tests.
# Usage: hostkit.sh COMMAND [ARGS]; see usage() below or tests/hostkit/README.md.
set -euo pipefail

KIT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$KIT_DIR/../.." && pwd)
STATE=${HOSTKIT_STATE:-$REPO_ROOT/.lab}
CACHE=${HOSTKIT_CACHE:-/var/cache/orchestrate-hostkit}
IMAGE_REPO=orchestrate-testhost
SUITE=bookworm
DOCKERD_LOG=${HOSTKIT_DOCKERD_LOG:-/var/log/orchestrate-hostkit-dockerd.log}
SSH_WAIT_SECONDS=${HOSTKIT_SSH_WAIT_SECONDS:-120}
DOCKER_WAIT_SECONDS=${HOSTKIT_DOCKER_WAIT_SECONDS:-60}

usage() {
  cat <<'EOF'
hostkit.sh ensure-docker             install docker.io + debootstrap if missing; start dockerd; wait for it
hostkit.sh build-image               build (once) orchestrate-testhost:<recipe-hash>; prints the tag
hostkit.sh image-tag                 print the tag the current recipe builds
hostkit.sh debian-mirror             print the Debian mirror URL the kit uses (this machine's apt sources)
hostkit.sh up N [PREFIX]             start hosts h1..hN (containers PREFIX-h1.., network PREFIX-lab; PREFIX default orch)
hostkit.sh down                      remove the lab's containers, network and state files (keeps the image)
hostkit.sh exec HOST CMD...          run CMD in HOST's container (docker exec)
hostkit.sh stop-sshd HOST            stop sshd on HOST
hostkit.sh start-sshd HOST           start sshd on HOST and wait until it answers
hostkit.sh regen-hostkey HOST        give HOST new SSH host keys and restart sshd (known_hosts is left stale)
hostkit.sh rescan-hostkey HOST       replace HOST's entries in the lab's known_hosts with its current keys
Environment: HOSTKIT_STATE (state dir, default REPO/.lab), HOSTKIT_CACHE (default /var/cache/orchestrate-hostkit),
HOSTKIT_MIRROR (Debian mirror URL; default: read from this machine's apt sources).
EOF
}

die() { echo "hostkit: error: $*" >&2; exit 1; }
say() { echo "hostkit: $*" >&2; }
now() { date +%s; }

# --- docker ---------------------------------------------------------------------------------

docker_answers() { timeout 10 docker info >/dev/null 2>&1; }

ensure_docker() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker >/dev/null 2>&1 || missing+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  command -v ssh-keyscan >/dev/null 2>&1 || missing+=(openssh-client)
  command -v flock >/dev/null 2>&1 || missing+=(util-linux)
  if [ ${#missing[@]} -gt 0 ]; then
    mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 apt-get update -qq || die "apt-get update failed"
    timeout 900 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || die "apt-get install ${missing[*]} failed"
  fi
  docker_answers && { say "docker answers"; return 0; }
  mkdir -p "$CACHE"
  exec 8>"$CACHE/dockerd.lock"
  flock -w 120 8 || die "timed out waiting for another hostkit to start dockerd"
  if ! docker_answers; then
    command -v dockerd >/dev/null 2>&1 || die "dockerd is not installed and could not be installed"
    say "starting dockerd (log: $DOCKERD_LOG)"
    # Detached, with no inherited descriptors, so callers reading our output see EOF when we exit.
    setsid dockerd </dev/null >>"$DOCKERD_LOG" 2>&1 8>&- &
    local deadline=$(( $(now) + DOCKER_WAIT_SECONDS )) tries=0
    until docker_answers; do
      tries=$((tries + 1))
      if [ "$(now)" -ge "$deadline" ] || [ $tries -ge 600 ]; then
        tail -n 20 "$DOCKERD_LOG" >&2 || true
        die "dockerd did not answer within ${DOCKER_WAIT_SECONDS}s (see $DOCKERD_LOG)"
      fi
      sleep 1
    done
  fi
  exec 8>&-
  say "docker answers"
}

# --- image ----------------------------------------------------------------------------------

# How the root filesystem becomes an image; part of the recipe, so it is hashed with image/.
IMPORT_CHANGES=('CMD ["/sbin/init"]' 'ENV container=docker' 'EXPOSE 22')

recipe_hash() {
  { (cd "$KIT_DIR/image" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    printf '%s\n' "$SUITE" "${IMPORT_CHANGES[@]}"; } | sha256sum | cut -c1-12
}

packages_hash() { grep -v '^\s*#' "$KIT_DIR/image/packages.txt" | sort -u | sha256sum | cut -c1-12; }

image_tag() { echo "$IMAGE_REPO:$(recipe_hash)"; }

# The Debian mirror this machine's apt already uses (never a hard-coded host).
debian_mirror() {
  if [ -n "${HOSTKIT_MIRROR:-}" ]; then echo "$HOSTKIT_MIRROR"; return; fi
  local f url=""
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    url=$(awk -v s="$SUITE" '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
      if ($(i + 1) == s) { print $i; exit } }' "$f")
    [ -n "$url" ] && { echo "${url%/}"; return; }
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    url=$(awk -v s="$SUITE" 'BEGIN { RS = ""; FS = "\n" }
      { types = ""; uris = ""; suites = ""; on = 1
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^Types:/) types = $i; else if ($i ~ /^URIs:/) uris = $i
          else if ($i ~ /^Suites:/) suites = $i; else if ($i ~ /^Enabled: *no/) on = 0 }
        if (on && types ~ /[ \t]deb([ \t]|$)/ && (suites " ") ~ ("[ \t]" s "[ \t]")) {
          split(uris, u, /[ \t]+/); print u[2]; exit } }' "$f")
    [ -n "$url" ] && { echo "${url%/}"; return; }
  done
  die "no '$SUITE' Debian mirror found in /etc/apt/sources.list{,.d/*.list,.d/*.sources}; set HOSTKIT_MIRROR"
}

unmount_under() {
  local dir=$1 m
  for m in $(findmnt -rn -o TARGET | grep -F "$dir/" | sort -r); do umount -l "$m" 2>/dev/null || true; done
}

# Root filesystem straight out of debootstrap, cached as a tarball keyed by the package list.
build_rootfs_tarball() {
  local tarball=$1 work=$2 mirror packages
  mirror=$(debian_mirror)
  packages=$(grep -v '^\s*#' "$KIT_DIR/image/packages.txt" | sort -u | paste -sd, -)
  say "debootstrap $SUITE from $mirror (packages: $packages)"
  mkdir -p "$work/root"
  if ! timeout 1800 debootstrap --variant=minbase --include="$packages" "$SUITE" "$work/root" "$mirror" \
      >"$work/debootstrap.log" 2>&1; then
    tail -n 30 "$work/debootstrap.log" >&2 || true
    [ -f "$work/root/debootstrap/debootstrap.log" ] && tail -n 30 "$work/root/debootstrap/debootstrap.log" >&2
    die "debootstrap failed"
  fi
  unmount_under "$work/root"
  tar --numeric-owner -C "$work/root" -cf "$tarball.partial" . && mv "$tarball.partial" "$tarball"
  rm -rf --one-file-system "$work/root"
}

# Older recipes' images are dead weight; ones still used by some container stay.
prune_stale_images() {
  local current
  current=$(image_tag)
  docker image ls --format '{{.Repository}}:{{.Tag}}' "$IMAGE_REPO" | grep -vxF "$current" \
    | xargs -r docker rmi >/dev/null 2>&1 || true
}

build_image() {
  local tag started work tarball
  tag=$(image_tag)
  started=$(now)
  if docker image inspect "$tag" >/dev/null 2>&1; then say "image $tag is cached"; echo "$tag"; return 0; fi
  docker_answers || die "docker does not answer; run: $0 ensure-docker"
  command -v debootstrap >/dev/null 2>&1 || die "debootstrap is missing; run: $0 ensure-docker"
  mkdir -p "$CACHE"
  exec 9>"$CACHE/build.lock"
  flock -w 2400 9 || die "timed out waiting for another hostkit build"
  if docker image inspect "$tag" >/dev/null 2>&1; then say "image $tag is cached"; echo "$tag"; return 0; fi
  work=$(mktemp -d "$CACHE/build.XXXXXX")
  # shellcheck disable=SC2064
  trap "unmount_under '$work'; rm -rf --one-file-system '$work'" EXIT
  tarball="$CACHE/rootfs-$SUITE-$(packages_hash).tar"
  if [ -f "$tarball" ]; then say "reusing $tarball"; else build_rootfs_tarball "$tarball" "$work"; fi
  say "configuring image $tag"
  mkdir -p "$work/root"
  tar --numeric-owner -C "$work/root" -xf "$tarball"
  cp -r "$KIT_DIR/image/files" "$work/root/tmp/hostkit-files"
  cp "$KIT_DIR/image/configure-rootfs.sh" "$work/root/tmp/configure-rootfs.sh"
  timeout 600 chroot "$work/root" /bin/bash /tmp/configure-rootfs.sh /tmp/hostkit-files \
    || die "configuring the root filesystem failed"
  unmount_under "$work/root"
  say "importing $tag"
  local changes=() change
  for change in "${IMPORT_CHANGES[@]}" "LABEL orchestrate.hostkit.recipe=${tag#*:}"; do changes+=(--change "$change"); done
  tar --numeric-owner -C "$work/root" -cf - . | timeout 900 docker import "${changes[@]}" - "$tag" >/dev/null \
    || die "docker import failed"
  prune_stale_images
  say "built $tag in $(( $(now) - started ))s ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{ printf "%d MB", $1 / 1e6 }'))"
  echo "$tag"
}

# --- lab ------------------------------------------------------------------------------------

load_lab() {
  [ -f "$STATE/lab.env" ] || die "no lab in $STATE (run: $0 up N)"
  # shellcheck disable=SC1091
  . "$STATE/lab.env"
}

container_of() {
  load_lab
  local host=$1
  [[ "$host" =~ ^h[0-9]+$ ]] || die "unknown host '$host' (hosts are h1..h$LAB_COUNT)"
  [ "${host#h}" -ge 1 ] && [ "${host#h}" -le "$LAB_COUNT" ] || die "unknown host '$host' (hosts are h1..h$LAB_COUNT)"
  echo "$LAB_PREFIX-$host"
}

ssh_port_of() {
  local hp
  hp=$(docker port "$1" 22/tcp 2>/dev/null | grep -F '127.0.0.1:' | head -n1) || true
  [ -n "$hp" ] || die "container $1 publishes no ssh port"
  echo "${hp##*:}"
}

ssh_lab() { # PORT USER CMD...
  local port=$1 user=$2; shift 2
  timeout 20 ssh -F none -o BatchMode=yes -o IdentitiesOnly=yes -o ConnectTimeout=5 \
    -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$STATE/known_hosts" \
    -i "$STATE/id_ed25519" -p "$port" "$user@127.0.0.1" "$@"
}

scan_keys() { # PORT -> known_hosts lines on stdout
  timeout 15 ssh-keyscan -T 5 -t ed25519,ecdsa,rsa -p "$1" 127.0.0.1 2>/dev/null | grep -v '^#' || true
}

# Bounded: polls until HOST's sshd hands out keys, records them, then logs in for real.
wait_ssh() { # CONTAINER PORT
  local container=$1 port=$2 deadline keys tries=0
  deadline=$(( $(now) + SSH_WAIT_SECONDS ))
  while :; do
    tries=$((tries + 1))
    keys=$(scan_keys "$port")
    if [ -n "$keys" ]; then
      forget_port "$port"
      echo "$keys" >>"$STATE/known_hosts"
      ssh_lab "$port" root true 2>/dev/null && return 0
    fi
    if [ "$(now)" -ge "$deadline" ] || [ $tries -ge 300 ]; then
      docker exec "$container" systemctl --no-pager status ssh ssh-hostkeys 2>&1 | tail -n 20 >&2 || true
      die "sshd on $container (127.0.0.1:$port) did not answer within ${SSH_WAIT_SECONDS}s"
    fi
    sleep 0.5
  done
}

forget_port() {
  [ -f "$STATE/known_hosts" ] || return 0
  grep -vF "[127.0.0.1]:$1 " "$STATE/known_hosts" >"$STATE/known_hosts.tmp" || true
  mv "$STATE/known_hosts.tmp" "$STATE/known_hosts"
}

remove_lab_containers() { # PREFIX
  local ids
  ids=$(docker ps -aq --filter "label=orchestrate.hostkit.lab=$1")
  [ -z "$ids" ] || docker rm -fv $ids >/dev/null
  docker network rm "$1-lab" >/dev/null 2>&1 || true
}

inject_key() { # CONTAINER
  local pub user home
  pub=$(cat "$STATE/id_ed25519.pub")
  for user in root deploy deploy_pw; do
    home=/home/$user; [ "$user" = root ] && home=/root
    printf '%s\n' "$pub" | docker exec -i "$1" sh -c \
      "install -d -m 0700 -o $user -g $user $home/.ssh && cat >$home/.ssh/authorized_keys && chown $user:$user $home/.ssh/authorized_keys && chmod 0600 $home/.ssh/authorized_keys"
  done
}

up() {
  local count=${1:-} prefix=${2:-orch} tag started i name port ip network
  [[ "$count" =~ ^[0-9]+$ ]] && [ "$count" -ge 1 ] && [ "$count" -le 20 ] || die "up needs a host count 1..20"
  [[ "$prefix" =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "bad prefix '$prefix' (lowercase letters, digits, '-')"
  started=$(now)
  docker_answers || die "docker does not answer; run: $0 ensure-docker"
  [ -f "$STATE/lab.env" ] && down_lab
  remove_lab_containers "$prefix"
  tag=$(build_image)
  network="$prefix-lab"
  mkdir -p "$STATE"
  STATE=$(cd "$STATE" && pwd)
  printf 'LAB_PREFIX=%s\nLAB_COUNT=%s\nLAB_NETWORK=%s\nLAB_IMAGE=%s\n' "$prefix" "$count" "$network" "$tag" >"$STATE/lab.env"
  rm -f "$STATE/id_ed25519" "$STATE/id_ed25519.pub" "$STATE/known_hosts"
  ssh-keygen -q -t ed25519 -N '' -C "hostkit-$prefix" -f "$STATE/id_ed25519"
  : >"$STATE/known_hosts"
  docker network create --label "orchestrate.hostkit.lab=$prefix" "$network" >/dev/null
  for i in $(seq 1 "$count"); do
    name="$prefix-h$i"
    docker run -d --name "$name" --hostname "h$i" --network "$network" --network-alias "h$i" \
      --label "orchestrate.hostkit.lab=$prefix" --stop-signal SIGRTMIN+3 --stop-timeout 10 \
      --cap-add SYS_ADMIN --cap-add NET_ADMIN --cap-add SYS_PTRACE --security-opt seccomp=unconfined \
      --tmpfs /run --tmpfs /run/lock -v /sys/fs/cgroup:/sys/fs/cgroup:rw \
      -v /var/lib/docker -v /var/lib/containerd \
      -p 127.0.0.1::22 "$tag" >/dev/null || die "docker run $name failed"
    inject_key "$name"
  done
  local json_rows=()
  printf 'all:\n  hosts:\n' >"$STATE/inventory.yaml"
  for i in $(seq 1 "$count"); do
    name="$prefix-h$i"
    port=$(ssh_port_of "$name")
    ip=$(docker inspect -f "{{(index .NetworkSettings.Networks \"$network\").IPAddress}}" "$name")
    [ -n "$ip" ] || die "container $name has no address on $network"
    wait_ssh "$name" "$port"
    json_rows+=("$(printf '  {"name": "h%s", "container": "%s", "port": %s, "ip": "%s"}' "$i" "$name" "$port" "$ip")")
    cat >>"$STATE/inventory.yaml" <<EOF
    h$i:
      ansible_host: 127.0.0.1
      ansible_port: $port
      ansible_user: root
      ansible_ssh_private_key_file: "$STATE/id_ed25519"
      ansible_ssh_common_args: "-o UserKnownHostsFile=$STATE/known_hosts -o IdentitiesOnly=yes"
      cluster_address: $ip
EOF
    say "h$i: $name ssh 127.0.0.1:$port, address $ip"
  done
  { echo "["; printf '%s\n' "${json_rows[@]}" | sed '$!s/$/,/'; echo "]"; } >"$STATE/hosts.json"
  say "lab of $count hosts up in $(( $(now) - started ))s; state in $STATE"
}

down_lab() {
  load_lab
  remove_lab_containers "$LAB_PREFIX"
  # Only our own files: the state dir may hold other labs' folders.
  rm -f "$STATE"/{lab.env,id_ed25519,id_ed25519.pub,known_hosts,known_hosts.tmp,inventory.yaml,hosts.json}
  rmdir "$STATE" 2>/dev/null || true
  prune_stale_images
  say "lab $LAB_PREFIX removed"
}

host_port() { load_lab; ssh_port_of "$(container_of "$1")"; }

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  ensure-docker) ensure_docker ;;
  build-image) build_image ;;
  image-tag) image_tag ;;
  debian-mirror) debian_mirror ;;
  up) up "$@" ;;
  down) if [ -f "$STATE/lab.env" ]; then down_lab; else say "no lab in $STATE"; fi ;;
  exec)
    [ $# -ge 2 ] || die "usage: exec HOST CMD..."
    c=$(container_of "$1"); shift
    if [ -t 0 ]; then exec docker exec -it "$c" "$@"; else exec docker exec -i "$c" "$@"; fi ;;
  stop-sshd)
    [ $# -eq 1 ] || die "usage: stop-sshd HOST"
    timeout 60 docker exec "$(container_of "$1")" systemctl stop ssh.service || die "could not stop sshd on $1" ;;
  start-sshd)
    [ $# -eq 1 ] || die "usage: start-sshd HOST"
    c=$(container_of "$1")
    timeout 60 docker exec "$c" systemctl start ssh.service || die "could not start sshd on $1"
    port=$(ssh_port_of "$c"); deadline=$(( $(now) + 30 ))
    until ssh_lab "$port" root true 2>/dev/null; do
      [ "$(now)" -lt "$deadline" ] || die "sshd on $1 did not answer within 30s"
      sleep 0.3
    done ;;
  regen-hostkey)
    [ $# -eq 1 ] || die "usage: regen-hostkey HOST"
    timeout 60 docker exec "$(container_of "$1")" sh -c \
      'rm -f /etc/ssh/ssh_host_* && ssh-keygen -A >/dev/null && systemctl restart ssh.service' \
      || die "could not regenerate host keys on $1"
    port=$(host_port "$1"); deadline=$(( $(now) + 30 ))
    until [ -n "$(scan_keys "$port")" ]; do
      [ "$(now)" -lt "$deadline" ] || die "sshd on $1 did not answer within 30s after new host keys"
      sleep 0.3
    done ;;
  rescan-hostkey)
    [ $# -eq 1 ] || die "usage: rescan-hostkey HOST"
    port=$(host_port "$1"); c=$(container_of "$1")
    wait_ssh "$c" "$port" ;;
  ""|-h|--help|help) usage ;;
  *) usage >&2; die "unknown command '$cmd'" ;;
esac
