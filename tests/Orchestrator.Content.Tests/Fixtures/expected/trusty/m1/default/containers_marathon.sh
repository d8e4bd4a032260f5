#!/bin/sh
# Managed by orchestrate: Marathon 1.4.9 as container 'marathon'. Host networking: the master
# calls back into the scheduler driver, which binds LIBPROCESS_IP.
set -eu
docker rm -f marathon >/dev/null 2>&1 || true
exec docker run -d --name marathon --restart=always --net=host \
  -e LIBPROCESS_IP=10.0.0.11 \
  mesosphere/marathon:v1.4.9 \
  --master zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/mesos \
  --zk zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/marathon \
  --hostname 10.0.0.11 \
  --http_port 8080 \
  --task_launch_timeout 600000 >/dev/null
