#!/bin/sh
# Managed by orchestrate: Mesos master 1.4.1 as container 'mesos-master'. Flags are arguments, not
# MESOS_* variables, so a misspelt one stops the master instead of being ignored.
set -eu
mkdir -p /var/lib/mesos /var/log/mesos
docker rm -f mesos-master >/dev/null 2>&1 || true
exec docker run -d --name mesos-master --restart=always --net=host \
  -v /var/lib/mesos:/var/lib/mesos \
  -v /var/log/mesos:/var/log/mesos \
  mesosphere/mesos-master:1.4.1 \
  --zk=zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/mesos \
  --quorum=2 \
  --registry=replicated_log \
  --work_dir=/var/lib/mesos \
  --log_dir=/var/log/mesos \
  --cluster=mesos \
  --ip=10.0.0.11 \
  --hostname=10.0.0.11 \
  --port=5050 >/dev/null
