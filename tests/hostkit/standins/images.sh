#!/usr/bin/env bash
# Images named like the real ones, built locally (nothing can be pulled) and loaded into a lab host's own dockerd:
#   mesosphere/mesos-master:1.4.1   entrypoint mesos-master (arguments are flags)
#   mesosphere/mesos-slave:1.4.1    entrypoint mesos-slave
#   mesosphere/marathon:v1.4.9      entrypoint ./bin/start in /marathon (arguments are Marathon flags)
#   zookeeper:3.4.14                Debian's real ZooKeeper behind the official 3.4.14 image's entrypoint semantics
#   swarm:1.2.9                     entrypoint /swarm
# One shared base layer (debootstrap minbase + python3 + Debian's zookeeper on the headless JRE + the docker
# CLI + the stand-ins); each image adds only metadata. See tests/hostkit/standins/README.md.
set -euo pipefail

DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HOSTKIT="$DIR/../hostkit.sh"
REPO_ROOT=$(cd "$DIR/../../.." && pwd)
STATE=${HOSTKIT_STATE:-$REPO_ROOT/.lab}
CACHE=${HOSTKIT_CACHE:-/var/cache/orchestrate-hostkit}
SUITE=bookworm
BASE_PACKAGES=python3,ca-certificates
IMAGES=(mesosphere/mesos-master:1.4.1 mesosphere/mesos-slave:1.4.1 mesosphere/marathon:v1.4.9 zookeeper:3.4.14 swarm:1.2.9)

die() { echo "standin-images: error: $*" >&2; exit 1; }
say() { echo "standin-images: $*" >&2; }
now() { date +%s; }

usage() {
  cat <<'USAGE'
images.sh build            build the images (cached by recipe hash) and their docker-save archive; prints its path
images.sh load HOST...     load the archive into each lab host's own dockerd (started for the load, then stopped again)
images.sh check HOST       docker run the agent's privileged run line (design §7.2) inside HOST and report what fails
images.sh names            the image names
Environment: HOSTKIT_STATE (the lab's state dir), HOSTKIT_CACHE (default /var/cache/orchestrate-hostkit).
USAGE
}

recipe_hash() {
  { (cd "$DIR" && find . -type f ! -name '*.pyc' ! -name README.md -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    echo "$SUITE $BASE_PACKAGES ${IMAGES[*]}"; } | sha256sum | cut -c1-12
}

archive_path() { echo "$CACHE/standin-images-$(recipe_hash).tar"; }

unmount_under() {
  local dir=$1 m
  for m in $(findmnt -rn -o TARGET | grep -F "$dir/" | sort -r); do umount -l "$m" 2>/dev/null || true; done
}

mirror() { bash "$HOSTKIT" debian-mirror 2>/dev/null || die "no Debian mirror known (set HOSTKIT_MIRROR)"; }

base_rootfs() { # WORK -> rootfs tarball path (cached)
  local tarball="$CACHE/standin-rootfs-$SUITE-$(echo "$BASE_PACKAGES" | sha256sum | cut -c1-12).tar" root="$1/debootstrap"
  if [ ! -f "$tarball" ]; then
    say "debootstrap $SUITE (minbase + $BASE_PACKAGES)"
    mkdir -p "$root"
    timeout 1800 debootstrap --variant=minbase --include="$BASE_PACKAGES" "$SUITE" "$root" "$(mirror)" \
      >"$1/debootstrap.log" 2>&1 || { tail -n 20 "$1/debootstrap.log" >&2; die "debootstrap failed"; }
    unmount_under "$root"
    tar --numeric-owner -C "$root" -cf "$tarball.partial" . && mv "$tarball.partial" "$tarball"
    rm -rf --one-file-system "$root"
  fi
  echo "$tarball"
}

# Debian's zookeeper depends on default-jre (GTK, Mesa: +450 MB). Inside the image a local stand-in for
# default-jre that depends on default-jre-headless keeps the real ZooKeeper and JRE but not the desktop.
stub_default_jre() { # ROOT
  local tree="$1/tmp/default-jre"
  install -d "$tree/DEBIAN"
  printf 'Package: default-jre\nVersion: 2:1.17-74+standin1\nArchitecture: all\nMaintainer: orchestrate tests <aptrepo@lab.invalid>\nDepends: default-jre-headless\nDescription: headless-only default-jre for the zookeeper stand-in image\n' \
    >"$tree/DEBIAN/control"
  dpkg-deb --root-owner-group --build "$tree" "$1/tmp/default-jre.deb" >/dev/null
}

configure_root() { # ROOT
  local root=$1
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc"
  stub_default_jre "$root"
  cat >"$root/tmp/configure.sh" <<'SH'
set -eu
export DEBIAN_FRONTEND=noninteractive LC_ALL=C
apt-get update -qq
apt-get install -y -qq --no-install-recommends /tmp/default-jre.deb zookeeper docker.io >/dev/null
# Keep only the docker CLI: the daemon, containerd and runc are not needed in these images.
cp /usr/bin/docker /usr/local/bin/docker
apt-get purge -y -qq docker.io containerd runc >/dev/null 2>&1 || true
apt-get autoremove -y -qq >/dev/null 2>&1 || true
mv /usr/local/bin/docker /usr/bin/docker
apt-get clean
rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/* /usr/share/info/* /tmp/* /var/tmp/*
find /usr/share/locale -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
SH
  chroot "$root" /bin/sh /tmp/configure.sh || die "installing zookeeper in the image root failed"
  umount -l "$root/proc"
  : >"$root/etc/resolv.conf"
  # The stand-ins and the images' entrypoints.
  install -d "$root/usr/lib/mesos-standin" "$root/marathon/bin" "$root/zookeeper-3.4.14/bin"
  install -m 0755 "$DIR/standin.py" "$root/usr/lib/mesos-standin/standin.py"
  install -m 0644 "$DIR/flagsets.py" "$DIR/roles.py" "$root/usr/lib/mesos-standin/"
  local name
  for name in mesos-master mesos-slave mesos-agent; do ln -sf ../lib/mesos-standin/standin.py "$root/usr/sbin/$name"; done
  ln -sf usr/lib/mesos-standin/standin.py "$root/swarm"
  install -m 0755 "$DIR/files/marathon-start" "$root/marathon/bin/start"
  install -m 0755 "$DIR/files/zookeeper-entrypoint.sh" "$root/docker-entrypoint.sh"
  install -m 0755 "$DIR/files/zkServer.sh" "$root/zookeeper-3.4.14/bin/zkServer.sh"
  chroot "$root" /bin/sh -c 'mkdir -p /conf /data /datalog /logs
    cp /etc/zookeeper/conf_example/log4j.properties /etc/zookeeper/conf_example/configuration.xsl /conf/ 2>/dev/null || true
    chown zookeeper:zookeeper /conf /data /datalog /logs' || die "preparing the zookeeper folders failed"
}

metadata_image() { # NAME DOCKERFILE-LINES...
  local name=$1; shift
  printf '%s\n' "FROM $BASE_TAG" "LABEL orchestrate.standin=$(recipe_hash)" "$@" \
    | DOCKER_BUILDKIT=0 timeout 300 docker build -q -t "$name" - >/dev/null 2>"$WORK/build.err" \
    || { cat "$WORK/build.err" >&2; die "docker build $name failed"; }
}

build() {
  local archive started
  archive=$(archive_path)
  if [ -f "$archive" ]; then say "images are built ($archive)"; echo "$archive"; return 0; fi
  started=$(now)
  timeout 10 docker info >/dev/null 2>&1 || die "docker does not answer; run: tests/hostkit/hostkit.sh ensure-docker"
  command -v debootstrap >/dev/null 2>&1 || die "debootstrap is missing; run: tests/hostkit/hostkit.sh ensure-docker"
  mkdir -p "$CACHE"
  exec 9>"$CACHE/standin-images.lock"
  flock -w 2400 9 || die "timed out waiting for another image build"
  if [ -f "$archive" ]; then echo "$archive"; return 0; fi
  WORK=$(mktemp -d "$CACHE/standin-build.XXXXXX")
  # shellcheck disable=SC2064
  trap "unmount_under '$WORK'; rm -rf --one-file-system '$WORK'" EXIT
  local tarball
  tarball=$(base_rootfs "$WORK")
  mkdir -p "$WORK/root"
  tar --numeric-owner -C "$WORK/root" -xf "$tarball"
  say "installing zookeeper and the stand-ins into the image root"
  configure_root "$WORK/root"
  BASE_TAG="orchestrate-standin-base:$(recipe_hash)"
  say "importing $BASE_TAG"
  tar --numeric-owner -C "$WORK/root" -cf - . | timeout 900 docker import - "$BASE_TAG" >/dev/null || die "docker import failed"
  metadata_image mesosphere/mesos-master:1.4.1 'ENV ORCHESTRATE_STANDIN_ROLE=mesos-master' 'ENTRYPOINT ["mesos-master"]'
  metadata_image mesosphere/mesos-slave:1.4.1 'ENV ORCHESTRATE_STANDIN_ROLE=mesos-slave' 'ENTRYPOINT ["mesos-slave"]'
  metadata_image mesosphere/marathon:v1.4.9 'ENV ORCHESTRATE_STANDIN_ROLE=marathon' 'WORKDIR /marathon' \
    'ENTRYPOINT ["./bin/start"]'
  metadata_image zookeeper:3.4.14 'ENV ZOO_USER=zookeeper ZOO_CONF_DIR=/conf ZOO_DATA_DIR=/data ZOO_DATA_LOG_DIR=/datalog ZOO_LOG_DIR=/logs ZOO_PORT=2181 ZOO_TICK_TIME=2000 ZOO_INIT_LIMIT=5 ZOO_SYNC_LIMIT=2 ZOO_AUTOPURGE_PURGEINTERVAL=0 ZOO_AUTOPURGE_SNAPRETAINCOUNT=3 ZOO_MAX_CLIENT_CNXNS=60' \
    'WORKDIR /zookeeper-3.4.14' 'VOLUME ["/data", "/datalog", "/logs"]' 'EXPOSE 2181 2888 3888' \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/zookeeper-3.4.14/bin ZOOCFGDIR=/conf' \
    'ENTRYPOINT ["/docker-entrypoint.sh"]' 'CMD ["zkServer.sh", "start-foreground"]'
  metadata_image swarm:1.2.9 'ENV ORCHESTRATE_STANDIN_ROLE=swarm' 'EXPOSE 2375' 'ENTRYPOINT ["/swarm"]' 'CMD ["--help"]'
  say "saving ${IMAGES[*]}"
  timeout 900 docker save "${IMAGES[@]}" >"$archive.partial" && mv "$archive.partial" "$archive" || die "docker save failed"
  find "$CACHE" -maxdepth 1 -name 'standin-images-*.tar' ! -name "$(basename "$archive")" -delete
  say "built the images in $(( $(now) - started ))s ($(du -m "$archive" | cut -f1) MB archive)"
  echo "$archive"
}

load_lab() {
  [ -f "$STATE/lab.env" ] || die "no lab in $STATE (run: tests/hostkit/hostkit.sh up N)"
  # shellcheck disable=SC1091
  . "$STATE/lab.env"
}

# --privileged cannot work here as is: this machine's containers have a reduced capability bounding set
# (CAP_SYS_RESOURCE is missing even on the controller), so runc fails with "unable to apply caps: operation not
# permitted". The hosts' dockerd gets files/lab-runc as its default runtime: it drops the capabilities the
# machine cannot grant and runs the real runc. Said loudly on every load; see README.md.
lab_runtime() { # CONTAINER
  docker cp "$DIR/files/lab-runc" "$1:/usr/local/libexec/orchestrate-lab-runc" >/dev/null || die "could not install lab-runc in $1"
  docker exec -i "$1" sh -c 'chmod 0755 /usr/local/libexec/orchestrate-lab-runc && cat >/etc/docker/daemon.json' <<'JSON' || die "could not configure dockerd in $1"
{
  "bip": "10.250.0.1/24",
  "default-runtime": "lab-runc",
  "runtimes": { "lab-runc": { "path": "/usr/local/libexec/orchestrate-lab-runc" } }
}
JSON
}

load_one() { # HOST ARCHIVE
  local container="$LAB_PREFIX-$1" started driver
  started=$(now)
  docker exec "$container" install -d /usr/local/libexec
  lab_runtime "$container"
  # The hosts' docker.service is disabled and stopped; start it for the load and leave it as it was.
  timeout 120 docker exec "$container" sh -c "systemctl reset-failed docker.service 2>/dev/null; systemctl start docker.service" || die "could not start dockerd on $1"
  driver=$(timeout 30 docker exec "$container" docker info -f '{{.Driver}}' 2>/dev/null || echo unknown)
  timeout 600 docker exec -i "$container" docker load -q <"$2" >/dev/null || die "docker load on $1 failed"
  timeout 120 docker exec "$container" systemctl stop docker.service docker.socket containerd.service >/dev/null 2>&1 || true
  say "$1: images loaded in $(( $(now) - started ))s (storage driver $driver; runtime lab-runc drops capabilities this machine cannot grant, so --privileged starts)"
}

load() {
  [ $# -ge 1 ] || die "usage: load HOST..."
  load_lab
  local archive host pids=() failed=0
  archive=$(build)
  for host in "$@"; do
    [[ "$host" =~ ^h[0-9]+$ ]] || die "unknown host '$host'"
    load_one "$host" "$archive" & pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  [ $failed -eq 0 ] || die "loading the images failed on some host"
}

check() {
  [ $# -eq 1 ] || die "usage: check HOST"
  load_lab
  local container="$LAB_PREFIX-$1" out rc=0
  timeout 120 docker exec "$container" sh -c "systemctl reset-failed docker.service 2>/dev/null; systemctl start docker.service" || die "could not start dockerd on $1"
  out=$(timeout 120 docker exec "$container" docker run --rm --net=host --pid=host --privileged \
    -v /sys/fs/cgroup:/sys/fs/cgroup -v /var/run/docker.sock:/var/run/docker.sock \
    --entrypoint /bin/sh mesosphere/mesos-slave:1.4.1 -c 'echo privileged-run-ok; docker version -f "{{.Server.Version}}"' 2>&1) || rc=$?
  echo "$out"
  timeout 120 docker exec "$container" systemctl stop docker.service docker.socket containerd.service >/dev/null 2>&1 || true
  return $rc
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  build) build ;;
  load) load "$@" ;;
  check) check "$@" ;;
  names) printf '%s\n' "${IMAGES[@]}" ;;
  ""|-h|--help|help) usage ;;
  *) usage >&2; die "unknown command '$cmd'" ;;
esac
