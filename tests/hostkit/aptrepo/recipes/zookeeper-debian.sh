# Recipe: Debian's real zookeeperd and zookeeper with their complete Depends closure, so hosts isolated from
# the Debian mirror can install ZooKeeper from the lab repository. Downloaded with apt-get download from the
# controller's own mirror (its apt lists), only at build time, cached in $HOSTKIT_CACHE/debian-debs.
# The closure is what apt resolves for `apt-get install --no-install-recommends zookeeperd` on an empty
# system (every Depends and Pre-Depends, one alternative each, nothing assumed installed).

zookeeper_closure() {
  local cache=${HOSTKIT_CACHE:-/var/cache/orchestrate-hostkit}/debian-debs status list
  install -d "$cache"
  status=$(mktemp)
  list=$(mktemp)
  apt-get -s -o Dir::State::status="$status" install --no-install-recommends zookeeperd 2>/dev/null \
    | awk '$1 == "Inst" { v = $3; gsub(/[()]/, "", v); print $2 "=" v }' >"$list"
  if [ ! -s "$list" ]; then
    say "apt has no zookeeperd candidate; running apt-get update once"
    timeout 600 apt-get update -qq >/dev/null 2>&1 || die "apt-get update failed"
    apt-get -s -o Dir::State::status="$status" install --no-install-recommends zookeeperd 2>/dev/null \
      | awk '$1 == "Inst" { v = $3; gsub(/[()]/, "", v); print $2 "=" v }' >"$list"
  fi
  grep -q '^zookeeperd=' "$list" || die "apt cannot resolve zookeeperd on this controller"
  local missing=() entry name version file
  while IFS= read -r entry; do
    name=${entry%%=*} version=${entry#*=}
    file=$(ls "$cache/${name}_${version//:/%3a}_"*.deb 2>/dev/null | head -n1 || true)
    [ -n "$file" ] || missing+=("$entry")
  done <"$list"
  if [ ${#missing[@]} -gt 0 ]; then
    say "downloading ${#missing[@]} Debian packages for zookeeperd into $cache"
    (cd "$cache" && timeout 1200 apt-get download -q "${missing[@]}" >/dev/null 2>&1) \
      || die "apt-get download of the zookeeperd closure failed"
  fi
  while IFS= read -r entry; do
    name=${entry%%=*} version=${entry#*=}
    file=$(ls "$cache/${name}_${version//:/%3a}_"*.deb 2>/dev/null | head -n1 || true)
    [ -n "$file" ] || die "no .deb for $entry after the download"
    ln -f "$file" "$POOL/" 2>/dev/null || cp "$file" "$POOL/"
  done <"$list"
  say "zookeeperd closure: $(wc -l <"$list") Debian packages"
  rm -f "$status" "$list"
}

zookeeper_closure
