#!/bin/sh
# Managed by orchestrate: the classic Swarm manager (swarm:1.2.9) with the mesos-experimental driver, as
# container 'swarm-manager'. mesos.address is the IP the masters call back on, so host networking.
set -eu
docker rm -f swarm-manager >/dev/null 2>&1 || true
exec docker run -d --name swarm-manager --restart=always --net=host \
  -e SWARM_MESOS_USER=root \
  swarm:1.2.9 manage -c mesos-experimental \
  -H tcp://10.0.0.11:2375 \
  --cluster-opt mesos.address=10.0.0.11 \
  --cluster-opt mesos.port=3375 \
  zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/mesos >/dev/null
