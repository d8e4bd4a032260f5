#!/bin/sh
# Managed by orchestrate: ZooKeeper zookeeper:3.4.14 as container 'zookeeper'. orchestrate runs this script
# only when it changed or the container is not running; --restart=always keeps it up across reboots.
set -eu
mkdir -p /var/lib/zookeeper/data /var/lib/zookeeper/datalog
# The image writes myid only when missing; it is configuration, so it is rewritten to match server.N every time.
printf '%s\n' 1 > /var/lib/zookeeper/data/myid
docker rm -f zookeeper >/dev/null 2>&1 || true
exec docker run -d --name zookeeper --restart=always --net=host \
  -e ZOO_MY_ID=1 \
  -e ZOO_SERVERS='server.1=10.0.0.11:2888:3888 server.2=10.0.0.12:2888:3888 server.3=10.0.0.13:2888:3888' \
  -e ZOO_4LW_COMMANDS_WHITELIST=srvr,ruok,mntr \
  -e ZOO_ADMINSERVER_ENABLED=false \
  -v /var/lib/zookeeper/data:/data \
  -v /var/lib/zookeeper/datalog:/datalog \
  zookeeper:3.4.14 >/dev/null
