# Recipe: orch-hello 1.0-1 and 1.1-1 (a trivial daemon with a systemd unit, an LSB init script and a
# conffile) and orch-extra 1.0-1 (a plain file). Sourced by aptrepo.sh, which provides new_tree and build_deb.

orch_hello() { # VERSION
  local version=$1 tree
  tree=$(new_tree orch-hello "$version" "A trivial daemon for orchestrate's apt and service tests")
  install -d "$tree/usr/bin" "$tree/lib/systemd/system" "$tree/etc/init.d"
  cat >"$tree/usr/bin/orch-hello" <<SCRIPT
#!/bin/sh
# Logs its version at start and every SIGHUP (reload), then idles.
log=/run/orch-hello.log
echo "start $version \$\$" >>"\$log"
trap 'echo "reload $version \$\$" >>"\$log"' HUP
trap 'echo "stop $version \$\$" >>"\$log"; exit 0' TERM
while :; do sleep 1 & wait \$!; done
SCRIPT
  chmod 0755 "$tree/usr/bin/orch-hello"
  cat >"$tree/lib/systemd/system/orch-hello.service" <<'UNIT'
[Unit]
Description=orch-hello test daemon

[Service]
ExecStart=/usr/bin/orch-hello
ExecReload=/bin/kill -HUP $MAINPID

[Install]
WantedBy=multi-user.target
UNIT
  cat >"$tree/etc/init.d/orch-hello" <<'INIT'
#!/bin/sh
### BEGIN INIT INFO
# Provides:          orch-hello
# Required-Start:    $remote_fs
# Required-Stop:     $remote_fs
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: orch-hello test daemon
### END INIT INFO
pidfile=/run/orch-hello.pid
case "$1" in
  start) start-stop-daemon --start --quiet --background --make-pidfile --pidfile $pidfile --exec /usr/bin/orch-hello ;;
  stop) start-stop-daemon --stop --quiet --oknodo --pidfile $pidfile --retry 5; rm -f $pidfile ;;
  restart) "$0" stop; "$0" start ;;
  reload|force-reload) start-stop-daemon --stop --signal HUP --quiet --pidfile $pidfile ;;
  status) start-stop-daemon --status --pidfile $pidfile ;;
  *) echo "Usage: $0 {start|stop|restart|reload|status}" >&2; exit 3 ;;
esac
INIT
  chmod 0755 "$tree/etc/init.d/orch-hello"
  printf '# orch-hello %s settings\ngreeting=hello\n' "$version" >"$tree/etc/orch-hello.conf"
  printf '/etc/init.d/orch-hello\n/etc/orch-hello.conf\n' >"$tree/DEBIAN/conffiles"
  # Like debhelper's scripts, cut down: restart a running daemon after an upgrade, stop it on removal.
  cat >"$tree/DEBIAN/postinst" <<'SH'
#!/bin/sh
set -e
if [ "$1" = configure ] && [ -n "$2" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload >/dev/null 2>&1 || true
  systemctl try-restart orch-hello.service >/dev/null 2>&1 || true
fi
SH
  cat >"$tree/DEBIAN/prerm" <<'SH'
#!/bin/sh
set -e
if [ "$1" = remove ] && [ -d /run/systemd/system ]; then systemctl stop orch-hello.service >/dev/null 2>&1 || true; fi
SH
  cat >"$tree/DEBIAN/postrm" <<'SH'
#!/bin/sh
set -e
if [ "$1" = remove ] || [ "$1" = purge ]; then
  rm -f /etc/systemd/system/multi-user.target.wants/orch-hello.service
  [ ! -d /run/systemd/system ] || systemctl daemon-reload >/dev/null 2>&1 || true
fi
if [ "$1" = purge ]; then update-rc.d orch-hello remove >/dev/null 2>&1 || true; fi
SH
  chmod 0755 "$tree/DEBIAN/postinst" "$tree/DEBIAN/prerm" "$tree/DEBIAN/postrm"
  build_deb "$tree"
}

orch_extra() { # VERSION
  local tree
  tree=$(new_tree orch-extra "$1" "A plain file, for tests that install several packages")
  install -d "$tree/usr/share/orch-extra"
  printf 'orch-extra %s\n' "$1" >"$tree/usr/share/orch-extra/VERSION"
  build_deb "$tree"
}

orch_hello 1.0-1
orch_hello 1.1-1
orch_extra 1.0-1
