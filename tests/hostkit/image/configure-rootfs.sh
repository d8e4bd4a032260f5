#!/bin/bash
# Runs inside the debootstrapped root (chroot) and turns it into a test host.
# $1: folder (inside the chroot) holding image/files/.
set -euo pipefail
files=${1:?files folder}
export DEBIAN_FRONTEND=noninteractive LC_ALL=C

# Users: root by key only; deploy sudoes without a password; deploy_pw needs one.
# '*' (not the '!' useradd leaves) so no sshd/PAM path treats the account as locked.
for user in deploy deploy_pw; do
  id "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$user"
  install -m 0644 -o "$user" -g "$user" "$files/bashrc" "/home/$user/.bashrc"
  install -d -m 0700 -o "$user" -g "$user" "/home/$user/.ssh"
done
install -m 0644 "$files/bashrc" /root/.bashrc
install -d -m 0700 /root/.ssh
usermod -p '*' deploy
echo 'deploy_pw:sudo-secret-pw' | chpasswd
passwd -l root >/dev/null
printf 'deploy ALL=(ALL:ALL) NOPASSWD: ALL\n' >/etc/sudoers.d/deploy
printf 'deploy_pw ALL=(ALL:ALL) ALL\n' >/etc/sudoers.d/deploy_pw
chmod 0440 /etc/sudoers.d/deploy /etc/sudoers.d/deploy_pw
visudo -c >/dev/null

# sshd: no host keys in the image; each container makes its own at first boot.
install -m 0644 "$files/sshd-orchestrate.conf" /etc/ssh/sshd_config.d/orchestrate.conf
rm -f /etc/ssh/ssh_host_*
install -m 0644 "$files/ssh-hostkeys.service" /etc/systemd/system/ssh-hostkeys.service
install -d /etc/systemd/system/ssh.service.d
install -m 0644 "$files/ssh-hostkeys.conf" /etc/systemd/system/ssh.service.d/hostkeys.conf
systemctl enable ssh-hostkeys.service ssh.service >/dev/null 2>&1
systemctl disable ssh.socket >/dev/null 2>&1 || true

# Docker inside a host: installed, configured off the lab's address ranges, not started.
install -d /etc/docker
install -m 0644 "$files/daemon.json" /etc/docker/daemon.json
systemctl disable docker.service docker.socket containerd.service >/dev/null 2>&1 || true

# Units that have nothing to do (or fail) in a container.
for unit in getty.target console-getty.service systemd-udevd.service systemd-udev-trigger.service \
  systemd-modules-load.service sys-kernel-debug.mount sys-kernel-tracing.mount sys-kernel-config.mount \
  dev-hugepages.mount systemd-remount-fs.service systemd-firstboot.service apt-daily.timer \
  apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer; do
  systemctl mask "$unit" >/dev/null 2>&1 || true
done

# Each container gets its own machine id at boot.
: >/etc/machine-id
rm -f /var/lib/dbus/machine-id

# Small: no package caches, lists, docs, man pages or translations.
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/cache/debconf/*-old /var/lib/dpkg/*-old
rm -rf /usr/share/doc/* /usr/share/man/* /usr/share/info/* /usr/share/lintian/*
find /usr/share/locale -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} +
find /var/log -type f -exec truncate -s 0 {} +
rm -rf /tmp/* /var/tmp/*
