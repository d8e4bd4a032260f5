#!/bin/sh
# Managed by orchestrate: Mesos agent 1.4.1 as container 'mesos-agent'. Executors run as sibling
# containers of the host's dockerd (--docker_mesos_image), so the work_dir is mounted at the same path.
set -eu
mkdir -p /var/lib/mesos /var/log/mesos
docker rm -f mesos-agent >/dev/null 2>&1 || true
exec docker run -d --name mesos-agent --restart=always --net=host --pid=host --privileged \
  -v /var/run/docker.sock:/var/run/docker.sock \
  -v /sys/fs/cgroup:/sys/fs/cgroup \
  -v /var/lib/mesos:/var/lib/mesos \
  -v /var/log/mesos:/var/log/mesos \
  mesosphere/mesos-slave:1.4.1 \
  --master=zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/mesos \
  --work_dir=/var/lib/mesos \
  --log_dir=/var/log/mesos \
  --ip=10.0.0.21 \
  --hostname=10.0.0.21 \
  --port=5051 \
  --containerizers=docker,mesos \
  --executor_registration_timeout=10mins \
  --isolation=cgroups/cpu,cgroups/mem \
  --docker_mesos_image=mesosphere/mesos-slave:1.4.1 \
  --attributes=rack:r1 \
  --no-systemd_enable_support >/dev/null
