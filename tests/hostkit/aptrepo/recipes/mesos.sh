# Recipe: stand-ins for Mesosphere's mesos 1.4.1-2.0.1 and marathon 1.4.9-1.0.668 packages (debian12 builds),
# laid out like the real ones (mesosphere/mesos-deb-packaging build_mesos; marathon's pre-1.5 launcher), with
# the daemons replaced by tests/hostkit/standins/standin.py. Sourced by aptrepo.sh (new_tree, build_deb, KIT_DIR).

STANDINS_DIR="$KIT_DIR/../standins"

standin_program() { # TREE: the stand-in program under /usr/lib/mesos-standin
  install -d "$1/usr/lib/mesos-standin"
  install -m 0755 "$STANDINS_DIR/standin.py" "$1/usr/lib/mesos-standin/standin.py"
  install -m 0644 "$STANDINS_DIR/flagsets.py" "$STANDINS_DIR/roles.py" "$1/usr/lib/mesos-standin/"
}

mesos_unit() { # ROLE DESCRIPTION
  cat <<UNIT
[Unit]
Description=$2
After=network.target
Wants=network.target

[Service]
ExecStart=/usr/bin/mesos-init-wrapper $1
Restart=always
RestartSec=20
LimitNOFILE=16384

[Install]
WantedBy=multi-user.target
UNIT
}

mesos_init_script() { # ROLE
  cat <<INIT
#!/bin/sh
### BEGIN INIT INFO
# Provides:          mesos-$1
# Required-Start:    \$local_fs \$remote_fs \$network \$syslog
# Required-Stop:     \$local_fs \$remote_fs \$network \$syslog
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: Mesos $1
### END INIT INFO
pidfile=/var/run/mesos-$1.pid
case "\$1" in
  start) start-stop-daemon --start --background --quiet --pidfile \$pidfile --make-pidfile \\
           --startas /usr/bin/mesos-init-wrapper -- $1 ;;
  stop) start-stop-daemon --stop --quiet --oknodo --pidfile \$pidfile --retry 5; rm -f \$pidfile ;;
  restart) "\$0" stop; sleep 1; "\$0" start ;;
  status) start-stop-daemon --status --pidfile \$pidfile ;;
  *) echo "Usage: \$0 {start|stop|restart|status}" >&2; exit 1 ;;
esac
INIT
}

mesos_package() {
  local tree
  tree=$(new_tree mesos 1.4.1-2.0.1.debian12 "Cluster resource manager (orchestrate lab stand-in for Mesosphere's build)")
  printf 'Depends: python3\nRecommends: zookeeperd\n' >>"$tree/DEBIAN/control"
  standin_program "$tree"
  install -d "$tree/usr/sbin" "$tree/usr/bin" "$tree/etc/default" "$tree/etc/mesos" "$tree/etc/mesos-master" \
    "$tree/etc/mesos-slave" "$tree/etc/init.d" "$tree/lib/systemd/system" "$tree/var/lib/mesos" "$tree/var/log/mesos"
  local daemon
  for daemon in mesos-master mesos-slave mesos-agent; do
    ln -s ../lib/mesos-standin/standin.py "$tree/usr/sbin/$daemon"
  done
  install -m 0755 "$STANDINS_DIR/files/mesos-init-wrapper" "$tree/usr/bin/mesos-init-wrapper"
  printf 'LOGS=/var/log/mesos\nULIMIT="-n 8192"\n' >"$tree/etc/default/mesos"
  printf 'PORT=5050\nZK=`cat /etc/mesos/zk`\n' >"$tree/etc/default/mesos-master"
  printf 'MASTER=`cat /etc/mesos/zk`\n' >"$tree/etc/default/mesos-slave"
  echo zk://localhost:2181/mesos >"$tree/etc/mesos/zk"
  echo /var/lib/mesos >"$tree/etc/mesos-master/work_dir"
  echo 1 >"$tree/etc/mesos-master/quorum"
  echo /var/lib/mesos >"$tree/etc/mesos-slave/work_dir"
  mesos_unit master "Mesos Master" >"$tree/lib/systemd/system/mesos-master.service"
  mesos_unit slave "Mesos Slave" >"$tree/lib/systemd/system/mesos-slave.service"
  mesos_init_script master >"$tree/etc/init.d/mesos-master"
  mesos_init_script slave >"$tree/etc/init.d/mesos-slave"
  chmod 0755 "$tree/etc/init.d/mesos-master" "$tree/etc/init.d/mesos-slave"
  # fpm --config-files etc/: everything under /etc is a conffile.
  (cd "$tree" && find etc -type f | sort | sed 's|^|/|') >"$tree/DEBIAN/conffiles"
  # Like the real postinst: ldconfig only; nothing is enabled or started.
  printf '#!/bin/sh\nset -e\nldconfig || true\n' >"$tree/DEBIAN/postinst"
  chmod 0755 "$tree/DEBIAN/postinst"
  build_deb "$tree"
}

marathon_package() {
  local tree
  tree=$(new_tree marathon 1.4.9-1.0.668.debian12 "Cluster-wide init and control system for services (orchestrate lab stand-in)")
  printf 'Depends: python3, mesos\n' >>"$tree/DEBIAN/control"
  install -d "$tree/usr/bin" "$tree/usr/share/marathon/bin" "$tree/lib/systemd/system" "$tree/etc/init.d"
  install -m 0755 "$STANDINS_DIR/files/marathon" "$tree/usr/bin/marathon"
  ln -s ../../../lib/mesos-standin/standin.py "$tree/usr/share/marathon/bin/marathon"
  cat >"$tree/lib/systemd/system/marathon.service" <<'UNIT'
[Unit]
Description=Marathon
After=network.target
Wants=network.target

[Service]
EnvironmentFile=-/etc/default/marathon
ExecStart=/usr/bin/marathon
Restart=always
RestartSec=20

[Install]
WantedBy=multi-user.target
UNIT
  cat >"$tree/etc/init.d/marathon" <<'INIT'
#!/bin/sh
### BEGIN INIT INFO
# Provides:          marathon
# Required-Start:    $local_fs $remote_fs $network $syslog
# Required-Stop:     $local_fs $remote_fs $network $syslog
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: Marathon
### END INIT INFO
pidfile=/var/run/marathon.pid
case "$1" in
  start) start-stop-daemon --start --background --quiet --pidfile $pidfile --make-pidfile --startas /usr/bin/marathon ;;
  stop) start-stop-daemon --stop --quiet --oknodo --pidfile $pidfile --retry 5; rm -f $pidfile ;;
  restart) "$0" stop; sleep 1; "$0" start ;;
  status) start-stop-daemon --status --pidfile $pidfile ;;
  *) echo "Usage: $0 {start|stop|restart|status}" >&2; exit 1 ;;
esac
INIT
  chmod 0755 "$tree/etc/init.d/marathon"
  echo /etc/init.d/marathon >"$tree/DEBIAN/conffiles"
  build_deb "$tree"
}

mesos_package
marathon_package
