#!/bin/sh
# zkServer.sh of the zookeeper:3.4.14 stand-in image: only 'start-foreground', which runs Debian's real ZooKeeper
# (QuorumPeerMain from /usr/share/java/zookeeper.jar) on $ZOOCFGDIR/zoo.cfg in the foreground. Every
# four-letter word is allowed, as 3.4.14 allows them (3.8 would allow only srvr).
set -e
[ "${1:-}" = start-foreground ] || { echo "Usage: $0 start-foreground" >&2; exit 1; }
conf=${ZOOCFGDIR:-/conf}
exec java -Dzookeeper.log.dir="${ZOO_LOG_DIR:-/logs}" -Dzookeeper.root.logger=INFO,CONSOLE \
  -Dzookeeper.4lw.commands.whitelist=* \
  -cp "$conf:/usr/share/java/zookeeper.jar" org.apache.zookeeper.server.quorum.QuorumPeerMain "$conf/zoo.cfg"
