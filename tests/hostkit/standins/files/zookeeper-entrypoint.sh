#!/bin/bash
# docker-entrypoint.sh of the zookeeper:3.4.14 stand-in image, with the official 3.4.14 image's semantics
# (31z4/zookeeper-docker 3.4.14): as root, chown the data, datalog, log and conf folders to $ZOO_USER and re-exec
# as that user; write $ZOO_CONF_DIR/zoo.cfg (clientPort, dataDir, dataLogDir, tickTime, initLimit, syncLimit,
# autopurge, maxClientCnxns, then each word of $ZOO_SERVERS on its own line) only if it does not exist; write
# $ZOO_DATA_DIR/myid from $ZOO_MY_ID (default 1) only if it does not exist; then exec the command.
set -e

if [[ "$1" = 'zkServer.sh' && "$(id -u)" = '0' ]]; then
    chown -R "$ZOO_USER" "$ZOO_DATA_DIR" "$ZOO_DATA_LOG_DIR" "$ZOO_LOG_DIR" "$ZOO_CONF_DIR"
    exec setpriv --reuid="$ZOO_USER" --regid="$ZOO_USER" --init-groups "$0" "$@"
fi

if [[ ! -f "$ZOO_CONF_DIR/zoo.cfg" ]]; then
    config="$ZOO_CONF_DIR/zoo.cfg"
    {
        echo "clientPort=$ZOO_PORT"
        echo "dataDir=$ZOO_DATA_DIR"
        echo "dataLogDir=$ZOO_DATA_LOG_DIR"
        echo "tickTime=$ZOO_TICK_TIME"
        echo "initLimit=$ZOO_INIT_LIMIT"
        echo "syncLimit=$ZOO_SYNC_LIMIT"
        echo "autopurge.snapRetainCount=$ZOO_AUTOPURGE_SNAPRETAINCOUNT"
        echo "autopurge.purgeInterval=$ZOO_AUTOPURGE_PURGEINTERVAL"
        echo "maxClientCnxns=$ZOO_MAX_CLIENT_CNXNS"
    } >>"$config"
    for server in $ZOO_SERVERS; do
        echo "$server" >>"$config"
    done
fi

if [[ ! -f "$ZOO_DATA_DIR/myid" ]]; then
    echo "${ZOO_MY_ID:-1}" >"$ZOO_DATA_DIR/myid"
fi

exec "$@"
