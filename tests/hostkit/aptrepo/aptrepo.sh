#!/usr/bin/env bash
# aptrepo: a signed apt repository of tiny test packages, built locally and served on the hostkit lab's
# network, so apt tests never touch the internet. See tests/hostkit/aptrepo/README.md.
set -euo pipefail

KIT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$KIT_DIR/../../.." && pwd)
STATE=${HOSTKIT_STATE:-$REPO_ROOT/.lab}
OUT=${APTREPO_DIR:-$STATE/aptrepo}
SUITE=${APTREPO_SUITE:-bookworm}
COMPONENT=main
PORT=8080
ALIAS=aptrepo
# Asked for on the keyserver, answered with the impostor's key: the MITM case of apt_key tests.
LYING_FINGERPRINT=0123456789ABCDEF0123456789ABCDEF01234567
SERVE_WAIT_SECONDS=${APTREPO_SERVE_WAIT_SECONDS:-30}

usage() {
  cat <<'USAGE'
aptrepo.sh build             build the .debs of recipes/*.sh, index and sign them (cached by recipe hash)
aptrepo.sh serve             (re)start the HTTP server container on the lab's network (needs hostkit.sh up)
aptrepo.sh stop              remove the server container
aptrepo.sh isolate HOST...   set the lab hosts' distribution apt sources aside (apt then only sees added sources)
aptrepo.sh env               print the outputs (aptrepo.env): URL, suite, key fingerprint, key files
Environment: HOSTKIT_STATE (the lab's state dir, default REPO/.lab), APTREPO_DIR (default $HOSTKIT_STATE/aptrepo),
APTREPO_SUITE (default bookworm).
USAGE
}

die() { echo "aptrepo: error: $*" >&2; exit 1; }
say() { echo "aptrepo: $*" >&2; }
now() { date +%s; }

# --- build ----------------------------------------------------------------------------------

ensure_tools() {
  command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb is missing (a Debian controller is needed)"
  command -v gpg >/dev/null 2>&1 || die "gpg is missing (apt-get install gnupg)"
  if ! command -v apt-ftparchive >/dev/null 2>&1; then
    say "installing apt-utils (apt-ftparchive)"
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends apt-utils >/dev/null \
      || die "apt-get install apt-utils failed"
  fi
}

recipe_hash() {
  # ../standins holds the stand-in programs the Mesos recipe packages.
  { (cd "$KIT_DIR/.." && find aptrepo standins -type f ! -name README.md ! -name '*.pyc' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    echo "$SUITE"; } | sha256sum | cut -c1-12
}

# Helpers for recipes/*.sh.
new_tree() { # NAME VERSION DESCRIPTION -> prints the package tree's path (DEBIAN/control written)
  local tree="$WORK/$1_$2"
  install -d "$tree/DEBIAN"
  cat >"$tree/DEBIAN/control" <<CONTROL
Package: $1
Version: $2
Architecture: all
Maintainer: orchestrate tests <aptrepo@lab.invalid>
Section: misc
Priority: optional
Description: $3
CONTROL
  echo "$tree"
}

build_deb() { # TREE
  dpkg-deb --root-owner-group -Zgzip --build "$1" "$POOL/" >/dev/null || die "dpkg-deb --build $1 failed"
}

new_key() { # GNUPGHOME NAME -> prints the fingerprint
  install -d -m 0700 "$1"
  GNUPGHOME=$1 gpg --batch --quiet --passphrase '' --quick-gen-key "$2 <aptrepo@lab.invalid>" ed25519 sign never 2>/dev/null \
    || die "gpg could not generate the key '$2'"
  GNUPGHOME=$1 gpg --batch --with-colons --list-keys 2>/dev/null | awk -F: '$1 == "fpr" { print $10; exit }'
}

build() {
  ensure_tools
  local hash tmp arches arch dist fingerprint impostor
  hash=$(recipe_hash)
  if [ -f "$OUT/build.hash" ] && [ "$(cat "$OUT/build.hash")" = "$hash" ] && [ -f "$OUT/aptrepo.env" ]; then
    say "repository $hash is built in $OUT"; return 0
  fi
  tmp="$OUT.partial"
  rm -rf "$tmp"
  install -d "$tmp/work" "$tmp/repo/debian/pool/$COMPONENT" "$tmp/repo/keys"
  WORK="$tmp/work" POOL="$tmp/repo/debian/pool/$COMPONENT"
  # shellcheck disable=SC1090
  for recipe in "$KIT_DIR"/recipes/*.sh; do . "$recipe"; done

  arches=$(printf '%s\n' amd64 arm64 "$(dpkg --print-architecture)" | sort -u | paste -sd' ' -)
  dist="$tmp/repo/debian/dists/$SUITE"
  for arch in $arches; do
    install -d "$dist/$COMPONENT/binary-$arch"
    (cd "$tmp/repo/debian" && apt-ftparchive --arch "$arch" packages "pool/$COMPONENT") >"$dist/$COMPONENT/binary-$arch/Packages"
    gzip -9nk "$dist/$COMPONENT/binary-$arch/Packages"
  done
  apt-ftparchive -o APT::FTPArchive::Release::Origin=orchestrate-lab -o APT::FTPArchive::Release::Label=orchestrate-lab \
    -o "APT::FTPArchive::Release::Suite=$SUITE" -o "APT::FTPArchive::Release::Codename=$SUITE" \
    -o "APT::FTPArchive::Release::Architectures=$arches" -o "APT::FTPArchive::Release::Components=$COMPONENT" \
    release "$dist" >"$tmp/Release" && mv "$tmp/Release" "$dist/Release"

  fingerprint=$(new_key "$tmp/gnupg" "orchestrate lab repository")
  impostor=$(new_key "$tmp/impostor-gnupg" "orchestrate lab impostor")
  [ ${#fingerprint} -eq 40 ] && [ ${#impostor} -eq 40 ] || die "no key fingerprint after key generation"
  GNUPGHOME="$tmp/gnupg" gpg --batch --yes --quiet --default-key "$fingerprint" --clearsign -o "$dist/InRelease" "$dist/Release"
  GNUPGHOME="$tmp/gnupg" gpg --batch --yes --quiet --default-key "$fingerprint" -abs -o "$dist/Release.gpg" "$dist/Release"
  GNUPGHOME="$tmp/gnupg" gpg --batch --armor --export "$fingerprint" >"$tmp/repo/key.asc"
  GNUPGHOME="$tmp/gnupg" gpg --batch --export "$fingerprint" >"$tmp/repo/key.gpg"
  GNUPGHOME="$tmp/impostor-gnupg" gpg --batch --armor --export "$impostor" >"$tmp/repo/impostor.asc"
  cp "$tmp/repo/key.asc" "$tmp/repo/keys/$fingerprint.asc"
  cp "$tmp/repo/impostor.asc" "$tmp/repo/keys/$LYING_FINGERPRINT.asc"
  gpgconf --homedir "$tmp/gnupg" --kill all >/dev/null 2>&1 || true
  gpgconf --homedir "$tmp/impostor-gnupg" --kill all >/dev/null 2>&1 || true
  rm -rf "$tmp/work"

  cat >"$tmp/aptrepo.env" <<ENV
APTREPO_SUITE=$SUITE
APTREPO_COMPONENT=$COMPONENT
APTREPO_FINGERPRINT=$fingerprint
APTREPO_IMPOSTOR_FINGERPRINT=$impostor
APTREPO_LYING_FINGERPRINT=$LYING_FINGERPRINT
APTREPO_KEY_ASC=$OUT/repo/key.asc
APTREPO_KEY_GPG=$OUT/repo/key.gpg
APTREPO_IMPOSTOR_ASC=$OUT/repo/impostor.asc
APTREPO_ROOT=$OUT/repo
ENV
  echo "$hash" >"$tmp/build.hash"
  rm -rf "$OUT"
  mv "$tmp" "$OUT"
  say "built repository $hash: $(find "$OUT/repo/debian/pool" -name '*.deb' | wc -l) packages, key $fingerprint"
}

# --- serve ----------------------------------------------------------------------------------

load_lab() {
  [ -f "$STATE/lab.env" ] || die "no lab in $STATE (run: hostkit.sh up N)"
  # shellcheck disable=SC1091
  . "$STATE/lab.env"
}

server_name() { echo "$LAB_PREFIX-$ALIAS"; }

serve() {
  load_lab
  [ -f "$OUT/aptrepo.env" ] || die "no repository in $OUT (run: $0 build)"
  local name ip deadline tries=0
  name=$(server_name)
  docker rm -f "$name" >/dev/null 2>&1 || true
  # Labelled like the lab's hosts, so hostkit.sh down removes it with them.
  docker run -d --name "$name" --hostname "$ALIAS" --network "$LAB_NETWORK" --network-alias "$ALIAS" \
    --label "orchestrate.hostkit.lab=$LAB_PREFIX" \
    -v "$OUT/repo:/srv/aptrepo:ro" -v "$KIT_DIR/server.py:/srv/server.py:ro" \
    "$LAB_IMAGE" python3 /srv/server.py /srv/aptrepo "$PORT" >/dev/null || die "docker run $name failed"
  deadline=$(( $(now) + SERVE_WAIT_SECONDS ))
  until docker exec "$name" python3 -c \
      "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/debian/dists/$SUITE/InRelease', timeout=3)" \
      >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$(now)" -ge "$deadline" ] || [ $tries -ge 100 ]; then
      docker logs --tail 20 "$name" >&2 || true
      die "the repository server $name did not answer within ${SERVE_WAIT_SECONDS}s"
    fi
    sleep 0.3
  done
  ip=$(docker inspect -f "{{(index .NetworkSettings.Networks \"$LAB_NETWORK\").IPAddress}}" "$name")
  grep -v '^APTREPO_\(URL\|KEY_URL\|KEYSERVER\|CONTAINER\|ADDRESS\|HOST\)=' "$OUT/aptrepo.env" >"$OUT/aptrepo.env.tmp" || true
  cat >>"$OUT/aptrepo.env.tmp" <<ENV
APTREPO_HOST=$ALIAS:$PORT
APTREPO_URL=http://$ALIAS:$PORT/debian
APTREPO_KEY_URL=http://$ALIAS:$PORT/key.asc
APTREPO_KEYSERVER=hkp://$ALIAS:$PORT
APTREPO_CONTAINER=$name
APTREPO_ADDRESS=$ip
ENV
  mv "$OUT/aptrepo.env.tmp" "$OUT/aptrepo.env"
  say "serving $OUT/repo as http://$ALIAS:$PORT ($ip) on $LAB_NETWORK"
}

stop() {
  load_lab
  docker rm -f "$(server_name)" >/dev/null 2>&1 || true
  say "stopped $(server_name)"
}

# The distribution's sources point at a mirror on the internet; tests must not use it.
isolate() {
  load_lab
  [ $# -ge 1 ] || die "usage: isolate HOST..."
  local host
  for host in "$@"; do
    [[ "$host" =~ ^h[0-9]+$ ]] || die "unknown host '$host'"
    timeout 60 docker exec "$LAB_PREFIX-$host" sh -c '
      for f in /etc/apt/sources.list /etc/apt/sources.list.d/debian.sources; do
        [ -f "$f" ] && mv "$f" "$f.hostkit-off"
      done; rm -rf /var/lib/apt/lists/*_dists_* ; true' || die "could not isolate $host"
  done
  say "apt sources of the distribution set aside on $*"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  build) build ;;
  serve) serve ;;
  stop) stop ;;
  isolate) isolate "$@" ;;
  env) [ -f "$OUT/aptrepo.env" ] || die "no repository in $OUT (run: $0 build)"; cat "$OUT/aptrepo.env" ;;
  ""|-h|--help|help) usage ;;
  *) usage >&2; die "unknown command '$cmd'" ;;
esac
