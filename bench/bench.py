#!/usr/bin/python3
"""orchestrate vs ansible-playbook vs Ansible+Mitogen on N local sshd hosts (run through bench/bench.sh).

Each host is a plain sshd on 127.0.0.1:PORT with its own host key, config, authorized key and folder; all
tools log in as one bench user whose login shell is /bin/sh. Every tool runs the same playbook and the same
inventory (same ssh options, same known_hosts); rounds alternate the order of the tools.
"""
import argparse
import atexit
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
PLAYBOOK_DIR = os.path.join(BENCH_DIR, "playbook")
DEFAULT_ORCHESTRATE = os.path.join(REPO_DIR, "src/Orchestrator.Cli/bin/Release/net10.0/orchestrate")
MITOGEN_STRATEGY_DIR = "/usr/lib/python3/dist-packages/ansible_mitogen/plugins/strategy"
BENCH_USER = "orchbench"
BASE_PORT = 24000  # --base-port; hosts listen on BASE_PORT + index
ALL_TOOLS = ("orchestrate", "ansible", "mitogen")
TOOL_TITLES = {
    "orchestrate": "orchestrate",
    "ansible": "ansible-playbook (pipelining, ControlPersist)",
    "mitogen": "Ansible + Mitogen (mitogen_linear)",
}
RECAP_LINE = re.compile(r"^(\S+)\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)")

sshd_processes = []


def log(message):
    print(message, flush=True)


# ---------------------------------------------------------------- arguments

def parse_args():
    parser = argparse.ArgumentParser(
        description="Benchmark orchestrate against ansible-playbook and Ansible+Mitogen on local sshd hosts.",
        epilog="Scenarios are HOSTSxTASKS with TASKS 30 or 10 (playbook/site-TASKS.yaml). "
               "Run as root (starts sshd processes, creates the bench user). Prints a summary and, with "
               "--results, writes it as Markdown.")
    parser.add_argument("--scenarios", default="3x30,20x10,200x10",
                        help="comma-separated HOSTSxTASKS list (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per scenario (default: %(default)s)")
    parser.add_argument("--tools", default=",".join(ALL_TOOLS), help="subset of orchestrate,ansible,mitogen")
    parser.add_argument("--quick", action="store_true",
                        help="1 round of 3x30 and 20x10 only")
    parser.add_argument("--big-ansible", choices=("auto", "run", "skip"), default="auto",
                        help="Ansible/Mitogen at 100+ hosts: auto = run once if the 20-host figure predicts "
                             "under --big-limit seconds (default: %(default)s)")
    parser.add_argument("--big-limit", type=float, default=180.0, help="seconds (default: %(default)s)")
    parser.add_argument("--workdir", default="/var/tmp/orchestrate-bench", help="hosts, keys, logs (default: %(default)s)")
    parser.add_argument("--base-port", type=int, default=BASE_PORT,
                        help="host i listens on 127.0.0.1:BASE_PORT+i (default: %(default)s)")
    parser.add_argument("--orchestrate", default=DEFAULT_ORCHESTRATE, help="the orchestrate binary")
    parser.add_argument("--nice", type=int, default=0,
                        help="niceness of the whole benchmark, sshd hosts included, and of its session's "
                             "autogroup (e.g. -5 on a busy shared machine; the same for every tool)")
    parser.add_argument("--results", help="write the Markdown summary to this file")
    parser.add_argument("--floor-commands", type=int, default=0,
                        help="commands per host for the raw floor (default: tasks + 1 for the facts)")
    parser.add_argument("--kex", default=None,
                        help="a KexAlgorithms value every tool, the floor and the handshakes use (e.g. "
                             "curve25519-sha256; default: ssh's own)")
    parser.add_argument("--command-line", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.rounds = 1
        args.scenarios = "3x30,20x10"
        args.big_ansible = "skip"
    globals()["BASE_PORT"] = args.base_port
    globals()["KEX"] = args.kex
    args.tools = [t for t in args.tools.split(",") if t]
    for tool in args.tools:
        if tool not in ALL_TOOLS:
            parser.error(f"unknown tool {tool}")
    scenarios = []
    for item in args.scenarios.split(","):
        match = re.fullmatch(r"(\d+)x(\d+)", item.strip())
        if not match or match.group(2) not in ("10", "30"):
            parser.error(f"bad scenario {item!r} (HOSTSx30 or HOSTSx10)")
        scenarios.append((int(match.group(1)), int(match.group(2))))
    args.scenario_list = scenarios
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    return args


# ---------------------------------------------------------------- hosts

def run(argv, **kwargs):
    return subprocess.run(argv, check=True, **kwargs)


def ensure_user(workdir):
    home = os.path.join(workdir, "home")
    try:
        subprocess.run(["id", BENCH_USER], check=True, capture_output=True)
    except subprocess.CalledProcessError:
        run(["useradd", "--system", "--home-dir", home, "--no-create-home", "--shell", "/bin/sh", BENCH_USER])
    # A home of our own (Ansible's remote tmp, mitogen's files), login shell /bin/sh (no bashrc, no pyenv),
    # and '*' instead of '!' so that sshd without PAM does not see a locked account.
    run(["usermod", "--home", home, "--shell", "/bin/sh", "--password", "*", BENCH_USER])
    os.makedirs(home, exist_ok=True)
    shutil.chown(home, BENCH_USER, BENCH_USER)
    os.chmod(home, 0o755)


def client_key(workdir):
    key = os.path.join(workdir, "client", "id_ed25519")
    if not os.path.exists(key):
        os.makedirs(os.path.dirname(key), exist_ok=True)
        run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "orchestrate-bench", "-f", key])
    return key


def host_dir(workdir, index):
    return os.path.join(workdir, "hosts", f"h{index:03d}")


SSHD_CONFIG = """\
Port {port}
ListenAddress 127.0.0.1
HostKey {dir}/ssh_host_ed25519_key
PidFile {dir}/sshd.pid
AuthorizedKeysFile {dir}/authorized_keys
AllowUsers {user}
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
UseDNS no
PrintMotd no
PrintLastLog no
MaxStartups 1000:30:2000
MaxSessions 200
Subsystem sftp /usr/lib/openssh/sftp-server
LogLevel ERROR
"""


def prepare_host(workdir, index, public_key):
    directory = host_dir(workdir, index)
    os.makedirs(directory, exist_ok=True)
    key = os.path.join(directory, "ssh_host_ed25519_key")
    if not os.path.exists(key):
        run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"bench-h{index:03d}", "-f", key])
    with open(os.path.join(directory, "sshd_config"), "w") as f:
        f.write(SSHD_CONFIG.format(port=BASE_PORT + index, dir=directory, user=BENCH_USER))
    with open(os.path.join(directory, "authorized_keys"), "w") as f:
        f.write(public_key)
    with open(key + ".pub") as f:
        host_key = f.read().split()
    return f"[127.0.0.1]:{BASE_PORT + index} {host_key[0]} {host_key[1]}\n"


def stop_sshds():
    for process in sshd_processes:
        if process.poll() is None:
            process.terminate()
    for process in sshd_processes:
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
    sshd_processes.clear()


def stop_stale_sshds(workdir):
    """An interrupted earlier run may have left its sshd processes (ours: their config is in workdir)."""
    for pid_file in sorted(glob_hosts(workdir, "sshd.pid")):
        try:
            pid = int(open(pid_file).read().strip())
            cmdline = open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace")
        except (OSError, ValueError):
            continue
        if os.path.dirname(pid_file) + "/sshd_config" in cmdline:
            os.kill(pid, signal.SIGTERM)


def glob_hosts(workdir, name):
    hosts = os.path.join(workdir, "hosts")
    if not os.path.isdir(hosts):
        return []
    return [os.path.join(hosts, d, name) for d in os.listdir(hosts) if os.path.exists(os.path.join(hosts, d, name))]


def start_hosts(workdir, count):
    stop_sshds()
    os.makedirs("/run/sshd", mode=0o755, exist_ok=True)
    for i in range(count):
        probe = socket.socket()
        try:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(("127.0.0.1", BASE_PORT + i))
        except OSError:
            raise SystemExit(f"port {BASE_PORT + i} is taken: choose another --base-port")
        finally:
            probe.close()
    public_key = open(client_key(workdir) + ".pub").read()
    known = [prepare_host(workdir, i, public_key) for i in range(count)]
    with open(os.path.join(workdir, "known_hosts"), "w") as f:
        f.writelines(known)
    for i in range(count):
        directory = host_dir(workdir, i)
        errors = open(os.path.join(directory, "sshd.log"), "ab")
        sshd_processes.append(subprocess.Popen(
            ["/usr/sbin/sshd", "-D", "-e", "-f", os.path.join(directory, "sshd_config")],
            stdin=subprocess.DEVNULL, stdout=errors, stderr=errors))
        errors.close()
    deadline = time.monotonic() + 30
    for i in range(count):
        while True:
            if sshd_processes[i].poll() is not None:
                raise SystemExit(f"sshd for h{i:03d} exited; see {host_dir(workdir, i)}/sshd.log")
            try:
                socket.create_connection(("127.0.0.1", BASE_PORT + i), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"sshd for h{i:03d} does not listen on {BASE_PORT + i}")
                time.sleep(0.05)


def reset_host_roots(workdir, count):
    """Every tool's first run starts from empty host folders."""
    for i in range(count):
        root = os.path.join(host_dir(workdir, i), "root")
        tmp = os.path.join(host_dir(workdir, i), "tmp")
        for path in (root, tmp):
            shutil.rmtree(path, ignore_errors=True)
            os.makedirs(path)
            shutil.chown(path, BENCH_USER, BENCH_USER)


def ssh_options(workdir):
    """What every tool's inventory, the floor and the handshakes give ssh; --kex adds its key exchange."""
    return (["-o", "UserKnownHostsFile=" + os.path.join(workdir, "known_hosts"),
             "-o", "StrictHostKeyChecking=yes", "-o", "IdentitiesOnly=yes", "-o", "PasswordAuthentication=no"]
            + (["-o", f"KexAlgorithms={KEX}"] if KEX else []))


def run_kex():
    """How this run's key exchange reads in the report: ssh's default, or the one --kex set for everything."""
    return f"the run's key exchange (`-o KexAlgorithms={KEX}`)" if KEX else "ssh's default key exchange"


def host_ssh(workdir, index, options):
    """An ssh command line to bench host `index` with no controller in between (the floor, the handshakes);
    `options`: the multiplexing options, then anything else before the host."""
    return (["ssh", "-T", "-o", "BatchMode=yes"] + options
            + ["-o", f"Port={BASE_PORT + index}", "-o", f"User={BENCH_USER}", "-i", client_key(workdir)]
            + ssh_options(workdir))


def write_inventory(workdir, count, path, keep_dir=None):
    """keep_dir: orchestrate keeps its masters there between runs (ControlPersist, as Ansible's ssh_args do)."""
    common = " ".join(ssh_options(workdir))
    if keep_dir:
        common += f" -o ControlPersist=60s -o ControlPath={keep_dir}/%C"
    lines = ["all:", "  vars:",
             f"    ansible_user: {BENCH_USER}",
             f"    ansible_ssh_private_key_file: {client_key(workdir)}",
             f"    ansible_ssh_common_args: {json.dumps(common)}",
             "    ansible_python_interpreter: /usr/bin/python3",
             "  hosts:"]
    for i in range(count):
        directory = host_dir(workdir, i)
        lines.append(f"    h{i:03d}: {{ ansible_host: 127.0.0.1, ansible_port: {BASE_PORT + i}, "
                     f"bench_root: {directory}/root, ansible_remote_tmp: {directory}/tmp }}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------- tool runs

def tool_command(tool, args, playbook, inventory, forks):
    if tool == "orchestrate":
        return [args.orchestrate, "run", playbook, "-i", inventory, "-f", str(forks)]
    return ["ansible-playbook", "-i", inventory, "-f", str(forks), playbook]


def tool_environment(tool, workdir, control_dir):
    env = dict(os.environ, NO_COLOR="1")
    if tool == "orchestrate":
        return env
    config = os.path.join(workdir, "ansible.cfg")
    if not os.path.exists(config):
        open(config, "w").close()
    env.update({
        "ANSIBLE_CONFIG": config,  # nothing from a cwd/home ansible.cfg
        "ANSIBLE_PIPELINING": "True",
        "ANSIBLE_SSH_ARGS": "-o ControlMaster=auto -o ControlPersist=60s",
        "ANSIBLE_SSH_CONTROL_PATH_DIR": control_dir,
        "ANSIBLE_HOST_KEY_CHECKING": "True",
        "ANSIBLE_RETRY_FILES_ENABLED": "False",
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_LOCAL_TEMP": os.path.join(workdir, "ansible-local"),
        "ANSIBLE_TIMEOUT": "60",
        "ANSIBLE_DEPRECATION_WARNINGS": "False",
    })
    if tool == "mitogen":
        env.update({"ANSIBLE_STRATEGY_PLUGINS": MITOGEN_STRATEGY_DIR, "ANSIBLE_STRATEGY": "mitogen_linear"})
    return env


def exit_masters(control_dir):
    """Ansible leaves its ControlPersist masters behind: close them so the next run starts cold, as ours does."""
    if not os.path.isdir(control_dir):
        return
    exits = [subprocess.Popen(["ssh", "-o", "ControlPath=" + os.path.join(control_dir, name), "-O", "exit", "bench"],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for name in os.listdir(control_dir)]
    for process in exits:
        process.wait()
    shutil.rmtree(control_dir, ignore_errors=True)


def parse_recap(output):
    hosts, changed, bad = 0, 0, 0
    in_recap = False
    for line in output.splitlines():
        if line.startswith("PLAY RECAP"):
            in_recap = True
            continue
        match = RECAP_LINE.match(line.strip()) if in_recap else None
        if match:
            hosts += 1
            changed += int(match.group(3))
            bad += int(match.group(4)) + int(match.group(5))
    return hosts, changed, bad


class Measurement:
    def __init__(self, seconds, changed, max_rss_kb, cpu_seconds, log_path):
        self.seconds, self.changed, self.max_rss_kb, self.log_path = seconds, changed, max_rss_kb, log_path
        self.cpu_seconds = cpu_seconds  # user + system of the controller and its ssh clients (not of the hosts)


def timed_run(tool, args, workdir, hosts, tasks, label, path_prefix=None, extra_env=None, keep=None):
    """keep: a name under cp/ whose ssh masters are kept after the run (ControlPersist), for the next run to use."""
    playbook = os.path.join(PLAYBOOK_DIR, f"site-{tasks}.yaml")
    inventory = os.path.join(workdir, f"inventory-{hosts}{'-keep' if keep and tool == 'orchestrate' else ''}.yaml")
    control_dir = os.path.join(workdir, "cp", keep or label)
    if keep and tool == "orchestrate":
        os.makedirs(os.path.join(workdir, "cp", "orchestrate-kept"), mode=0o700, exist_ok=True)
    os.makedirs(control_dir, exist_ok=True)
    logs = os.path.join(workdir, "logs")
    os.makedirs(logs, exist_ok=True)
    log_path = os.path.join(logs, f"{label}.log")
    rss_path = log_path + ".rss"
    env = tool_environment(tool, workdir, control_dir)
    if path_prefix:
        env["PATH"] = path_prefix + ":" + env["PATH"]
    env.update(extra_env or {})
    command = ["/usr/bin/time", "-f", "%M %U %S", "-o", rss_path] + tool_command(tool, args, playbook, inventory, hosts)
    with open(log_path, "w") as out:
        started = time.monotonic()
        code = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                              cwd=PLAYBOOK_DIR, env=env).returncode
        seconds = time.monotonic() - started
    if tool != "orchestrate" and not keep:
        exit_masters(control_dir)
    output = open(log_path, errors="replace").read()
    seen, changed, bad = parse_recap(output)
    if code != 0 or seen != hosts or bad != 0:
        raise SystemExit(f"{label}: exit {code}, {seen}/{hosts} hosts in the recap, {bad} failed/unreachable; "
                         f"see {log_path}")
    try:
        rss, user, system = open(rss_path).read().strip().splitlines()[-1].split()
        max_rss, cpu = int(rss), float(user) + float(system)
    except (OSError, ValueError, IndexError):
        max_rss, cpu = 0, 0.0
    return Measurement(seconds, changed, max_rss, cpu, log_path)


# ---------------------------------------------------------------- the raw floor

# The classic key exchange the handshake figures are compared with (OpenSSH 9.2's default is the post-quantum
# sntrup761x25519-sha512, whose key generation costs the client tens of milliseconds of CPU).
CLASSIC_KEX = "curve25519-sha256"

# --kex: the key exchange every tool, the floor and the handshakes use (None: ssh's default).
KEX = None

class Floor:
    def __init__(self, seconds, connect, round_trip):
        self.seconds, self.connect, self.round_trip = seconds, connect, round_trip


def floor_run(workdir, hosts, commands):
    """All hosts at once: one multiplexed ssh connection and one persistent `sh` per host, `commands` trivial
    round trips each, then the master is closed. The same transport as orchestrate's, with no controller work."""
    control_dir = os.path.join(workdir, "cp", "floor")
    os.makedirs(control_dir, exist_ok=True)
    round_trips, connects, errors = [], [], []
    lock = threading.Lock()

    def one_host(index):
        base = host_ssh(workdir, index, ["-o", "ControlMaster=auto", "-o", "ControlPersist=60",
                                         "-o", f"ControlPath={control_dir}/h{index:03d}"])
        try:
            started = time.monotonic()
            shell = subprocess.Popen(base + ["--", "127.0.0.1", "sh"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
            own = []
            for k in range(commands):
                sent = time.monotonic()
                shell.stdin.write(f"echo {k}\n".encode())
                line = shell.stdout.readline()
                if line.strip() != str(k).encode():
                    raise RuntimeError(f"h{index:03d}: unexpected answer {line!r}")
                own.append(time.monotonic() - (started if k == 0 else sent))
            shell.stdin.close()
            shell.wait()
            subprocess.run(base + ["-O", "exit", "--", "127.0.0.1"], stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with lock:
                connects.append(own[0])  # connection, login, sh start and the first answer
                round_trips.extend(own[1:])
        except Exception as error:  # noqa: BLE001 (reported below)
            with lock:
                errors.append(str(error))

    threads = [threading.Thread(target=one_host, args=(i,)) for i in range(hosts)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started
    shutil.rmtree(control_dir, ignore_errors=True)
    if errors:
        raise SystemExit("floor: " + "; ".join(errors[:3]))
    return Floor(seconds, statistics.median(connects), statistics.median(round_trips) if round_trips else 0.0)


def machine_busy_seconds():
    """CPU seconds all cores spent busy since boot (/proc/stat: user, nice, system, irq, softirq, steal)."""
    fields = open("/proc/stat").readline().split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


class Handshakes:
    def __init__(self, kex, seconds, cpu_seconds, hosts):
        self.kex, self.seconds, self.cpu_seconds, self.hosts = kex, seconds, cpu_seconds, hosts

    @property
    def cpu_ms_each(self):
        return self.cpu_seconds / self.hosts * 1000


def handshake_run(workdir, hosts, kex=None):
    """All hosts at once: one fresh connection each (`ssh HOST true`, no multiplexing), as every tool's first
    contact makes. Wall time and the whole machine's busy CPU (client and server side): what a cold run pays
    before its first task, whatever the tool. kex: a KexAlgorithms value to compare with ssh's default."""
    options = ["-o", "ControlMaster=no", "-o", "ControlPath=none"] + (["-o", f"KexAlgorithms={kex}"] if kex else [])
    busy, started = machine_busy_seconds(), time.monotonic()
    processes = [subprocess.Popen(host_ssh(workdir, i, options) + ["--", "127.0.0.1", "true"],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                 for i in range(hosts)]
    failures = [p.communicate()[1].decode(errors="replace").strip() for p in processes]
    seconds, cpu = time.monotonic() - started, machine_busy_seconds() - busy
    failed = [f for p, f in zip(processes, failures) if p.returncode != 0]
    if failed:
        raise SystemExit(f"handshakes ({kex or 'default'}): {len(failed)} failed, e.g. {failed[0]}")
    return Handshakes(kex, seconds, cpu, hosts)


# ---------------------------------------------------------------- start-up

STARTUP_LINE = re.compile(r"^startup: (.+) after (\d+) ms$", re.MULTILINE)


def startup_run(args, workdir, hosts, tasks):
    """One extra orchestrate run (first run on empty folders) that reports its start-up: the milestones of
    ORCHESTRATE_TRACE_STARTUP=1 (on stderr, measured by orchestrate from its process start), and, from outside,
    the time from our spawning it to its first `ssh` process (an `ssh` shim first in PATH notes the time)."""
    shim_dir = os.path.join(workdir, "shim")
    os.makedirs(shim_dir, exist_ok=True)
    stamps = os.path.join(shim_dir, "stamps")
    with open(os.path.join(shim_dir, "ssh"), "w") as f:
        f.write(f'#!/bin/sh\ndate +%s%N >> {stamps}\nexec /usr/bin/ssh "$@"\n')
    os.chmod(os.path.join(shim_dir, "ssh"), 0o755)
    if os.path.exists(stamps):
        os.remove(stamps)
    reset_host_roots(workdir, hosts)
    started_ns = time.time_ns()
    measurement = timed_run("orchestrate", args, workdir, hosts, tasks, f"{hosts}x{tasks}-startup",
                            path_prefix=shim_dir, extra_env={"ORCHESTRATE_TRACE_STARTUP": "1"})
    first_ssh = (min(int(line) for line in open(stamps) if line.strip()) - started_ns) / 1e9
    milestones = {name: int(ms) / 1000 for name, ms in STARTUP_LINE.findall(open(measurement.log_path).read())}
    return Startup(first_ssh, milestones)


class Startup:
    def __init__(self, first_ssh, milestones):
        self.first_ssh, self.milestones = first_ssh, milestones

    @property
    def first_command(self):
        return self.milestones.get("first command sent")

    def describe(self):
        traced = ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in self.milestones.items())
        return (f"{traced} (orchestrate's own trace, ORCHESTRATE_TRACE_STARTUP=1); " if traced
                else "no ORCHESTRATE_TRACE_STARTUP milestones in this build; ") + \
            f"first `ssh` process started {self.first_ssh * 1000:.0f} ms after the bench spawned it"


# ---------------------------------------------------------------- report

def fmt_s(values):
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def median(values):
    return statistics.median(values) if values else None


def command_output(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "not found"


def package_version(name):
    return command_output(["dpkg-query", "-W", "-f=${Version}", name]) or "not installed"


def machine_description(args):
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return [
        f"- CPU: {os.cpu_count()} cores ({cpu}); RAM {mem_kb / 1048576:.1f} GiB; kernel {platform.release()}",
        f"- Debian {open('/etc/debian_version').read().strip()}; OpenSSH {package_version('openssh-client')}",
        f"- ansible-core {package_version('ansible-core')}; python3-mitogen {package_version('python3-mitogen')}; "
        f"ansible-mitogen {package_version('ansible-mitogen')}; Python {command_output(['/usr/bin/python3', '-V'])}",
        f"- .NET SDK {command_output(['dotnet', '--version'])}; orchestrate at commit "
        f"{os.environ.get('BENCH_COMMIT') or command_output(['git', '-C', REPO_DIR, 'rev-parse', '--short', 'HEAD'])}"
        f" (Release build{'' if os.environ.get('BENCH_SKIP_BUILD') == '1' else ', built by bench.sh just before'})",
        f"- ssh key exchange for every tool, the floor and the handshakes: "
        f"{f'`-o KexAlgorithms={KEX}` (--kex)' if KEX else 'ssh default'}",
        f"- load average at the start: {' '.join(open('/proc/loadavg').read().split()[:3])} "
        "(the machine is shared; figures are noisy)",
    ]


def autogroup():
    try:
        return "session autogroup: " + open("/proc/self/autogroup").read().strip()
    except OSError:
        return "no autogroup"


class ScenarioResult:
    def __init__(self, hosts, tasks):
        self.hosts, self.tasks = hosts, tasks
        self.runs = {}      # tool -> {"first": [Measurement], "rerun": [Measurement]}
        self.floors = []    # [Floor]
        # kex (None: the run's) -> [Handshakes]; the classic one only where the run's is another
        self.handshakes = {None: []} if KEX == CLASSIC_KEX else {None: [], CLASSIC_KEX: []}
        self.skipped = {}   # tool -> reason
        self.startup = None

    @property
    def name(self):
        return f"{self.hosts}x{self.tasks}"

    def seconds(self, tool, kind):
        return [m.seconds for m in self.runs.get(tool, {}).get(kind, [])]

    def ratio(self, tool, kind):
        ours, theirs = median(self.seconds("orchestrate", kind)), median(self.seconds(tool, kind))
        return theirs / ours if ours and theirs else None

    def overhead_ms(self, kind):
        ours, floor = median(self.seconds("orchestrate", kind)), median([f.seconds for f in self.floors])
        if ours is None or floor is None:
            return None
        return (ours - floor) / (self.hosts * self.tasks) * 1000

    def peak_rss_mb(self):
        values = [m.max_rss_kb for kind in ("first", "rerun") for m in self.runs.get("orchestrate", {}).get(kind, [])]
        return max(values) / 1024 if values else None


def scenario_markdown(result, tools):
    lines = [f"### {result.hosts} hosts × {result.tasks} tasks (+ facts), forks {result.hosts}", "",
             "| tool | first run: median (min–max) | rerun: median (min–max) | rerun, connections kept | "
             "controller CPU: first / rerun | changed: first / rerun | rounds |",
             "|---|---|---|---|---|---|---|"]
    for tool in tools:
        if tool in result.skipped:
            lines.append(f"| {TOOL_TITLES[tool]} | skipped: {result.skipped[tool]} | | | | | 0 |")
            continue
        runs = result.runs.get(tool)
        if not runs:
            continue
        changed_first = "/".join(sorted({str(m.changed) for m in runs["first"]}))
        changed_rerun = "/".join(sorted({str(m.changed) for m in runs["rerun"]}))
        lines.append(f"| {TOOL_TITLES[tool]} | {fmt_s(result.seconds(tool, 'first'))} | "
                     f"{fmt_s(result.seconds(tool, 'rerun'))} | {fmt_s(result.seconds(tool, 'warm'))} | "
                     f"{median([m.cpu_seconds for m in runs['first']]):.2f} s / "
                     f"{median([m.cpu_seconds for m in runs['rerun']]):.2f} s | {changed_first} / {changed_rerun} | "
                     f"{len(runs['first'])} |")
    lines.append("")
    for tool in tools:
        if tool != "orchestrate" and result.ratio(tool, "first"):
            lines.append(f"- orchestrate is **{result.ratio(tool, 'first'):.1f}×** faster than {TOOL_TITLES[tool]} "
                         f"on the first run, **{result.ratio(tool, 'rerun'):.1f}×** on the rerun, "
                         f"**{result.ratio(tool, 'warm'):.1f}×** on the rerun with connections kept (medians).")
    if result.floors:
        floor = result.floors
        lines.append(f"- Raw floor ({result.hosts} hosts at once, one multiplexed ssh connection + one `sh` per host, "
                     f"{result.tasks + 1} trivial commands each): {fmt_s([f.seconds for f in floor])}; "
                     f"connect + login + first answer {median([f.connect for f in floor]) * 1000:.0f} ms, then "
                     f"{median([f.round_trip for f in floor]) * 1000:.2f} ms per command (medians).")
        if result.overhead_ms("first") is not None:
            lines.append(f"- orchestrate above the floor: {result.overhead_ms('first'):.2f} ms per host-task on the "
                         f"first run, {result.overhead_ms('rerun'):.2f} ms on the rerun.")
            kept = median(result.seconds("orchestrate", "warm"))
            if kept is not None:
                lines.append(f"- Rerun with connections kept: {kept:.2f} s for {result.hosts * result.tasks} host-tasks "
                             f"({kept / (result.hosts * result.tasks) * 1000:.2f} ms each, start-up included); no "
                             f"handshake is made, so the floor's connect + login is not paid.")
    default, classic = result.handshakes[None], result.handshakes.get(CLASSIC_KEX)
    if default:
        also = (f"; with `-o KexAlgorithms={CLASSIC_KEX}`: {fmt_s([h.seconds for h in classic])}, "
                f"{median([h.cpu_ms_each for h in classic]):.0f} ms of CPU each") if classic else ""
        lines.append(f"- Fresh connections alone ({result.hosts} at once, `ssh HOST true`, no multiplexing; what any "
                     f"tool's first contact costs): {fmt_s([h.seconds for h in default])} with {run_kex()}, "
                     f"{median([h.cpu_ms_each for h in default]):.0f} ms of CPU each (client and server){also} "
                     f"(medians).")
    if result.peak_rss_mb() is not None:
        lines.append(f"- orchestrate peak memory (max RSS, /usr/bin/time): {result.peak_rss_mb():.0f} MB.")
    if result.startup is not None:
        lines.append(f"- orchestrate start-up (one extra first run): {result.startup.describe()}.")
    lines.append("")
    return lines


def targets_markdown(results):
    by_name = {r.name: r for r in results}
    lines = ["## Targets", ""]

    def verdict(ok):
        return "holds" if ok else "**does not hold**"

    for name in ("3x30", "20x10"):
        result = by_name.get(name)
        if not result:
            lines.append(f"- {name}: not measured in this run.")
            continue
        for tool, target in (("ansible", 40), ("mitogen", 15)):
            first, rerun = result.ratio(tool, "first"), result.ratio(tool, "rerun")
            if first is None:
                lines.append(f"- {name} ≥ {target}× vs {TOOL_TITLES[tool]}: not measured.")
                continue
            warm = result.ratio(tool, "warm")
            lines.append(f"- {name} ≥ {target}× vs {TOOL_TITLES[tool]}: first {first:.1f}×, rerun {rerun:.1f}×: "
                         f"{verdict(first >= target and rerun >= target)}"
                         + (f" (rerun with connections kept: {warm:.1f}×)." if warm else "."))
            handshakes = median([h.seconds for h in result.handshakes[None]])
            allowed = min(median(result.seconds(tool, "first")), median(result.seconds(tool, "rerun"))) / target
            if handshakes is not None and handshakes >= allowed * 0.5:
                lines.append(f"  - Bound: {target}× means {allowed:.2f} s or less for a run that starts without a "
                             f"connection; the {result.hosts} fresh connections alone take {handshakes:.2f} s "
                             f"({handshakes / allowed * 100:.0f}% of that) before any tool can run a task.")
    result = by_name.get("20x10")
    if result and result.overhead_ms("first") is not None:
        first, rerun = result.overhead_ms("first"), result.overhead_ms("rerun")
        lines.append(f"- Overhead ≤ 2 ms per host-task above the floor at 20 hosts: first {first:.2f} ms, rerun "
                     f"{rerun:.2f} ms: {verdict(first <= 2 and rerun <= 2)}.")
    big = next((r for r in results if r.hosts >= 200), None)
    if big and big.runs.get("orchestrate"):
        rss, startup = big.peak_rss_mb(), big.startup
        lines.append(f"- {big.name} with forks {big.hosts} completes: holds "
                     f"(first {fmt_s(big.seconds('orchestrate', 'first'))}, rerun {fmt_s(big.seconds('orchestrate', 'rerun'))}).")
        lines.append(f"- Peak memory < 400 MB at {big.name}: {rss:.0f} MB: {verdict(rss < 400)}.")
        if startup is not None and startup.first_command is not None:
            lines.append(f"- Start-up < 300 ms at {big.name} (process start to first command sent, orchestrate's "
                         f"trace): {startup.first_command * 1000:.0f} ms: {verdict(startup.first_command < 0.3)}.")
        elif startup is not None:
            lines.append(f"- Start-up < 300 ms at {big.name}: approximated by the first `ssh` process started "
                         f"(this build has no start-up trace): {startup.first_ssh * 1000:.0f} ms: "
                         f"{verdict(startup.first_ssh < 0.3)}.")
    lines.append("")
    return lines


def method_markdown(args, workdir):
    ansible_env = tool_environment("mitogen", workdir, workdir + "/cp/RUN")
    shown = [f"{k}={shlex.quote(v)}" for k, v in sorted(ansible_env.items())
             if k.startswith("ANSIBLE_") and k not in ("ANSIBLE_STRATEGY", "ANSIBLE_STRATEGY_PLUGINS")]
    inventory = f"{workdir}/inventory-HOSTS.yaml"
    playbook = "bench/playbook/site-TASKS.yaml"
    return [
        "## How each tool is run", "",
        "Run from `bench/playbook` with absolute paths and `NO_COLOR=1`, each under `/usr/bin/time -f '%M %U %S'` (peak RSS, controller CPU); forks = hosts.",
        "", "```sh",
        f"{os.path.relpath(args.orchestrate, REPO_DIR)} run {playbook} -i {inventory} -f HOSTS",
        " ".join(shown) + " \\",
        f"  ansible-playbook -i {inventory} -f HOSTS {playbook}",
        f"# Mitogen: the same plus ANSIBLE_STRATEGY_PLUGINS={MITOGEN_STRATEGY_DIR} ANSIBLE_STRATEGY=mitogen_linear",
        "```", "",
        "- Hosts: one `sshd -D -f CONFIG` per host on 127.0.0.1 (own ed25519 host key, config, authorized key, "
        "folder), user `orchbench` with login shell `/bin/sh`. The inventory gives every tool the same "
        "`ansible_ssh_common_args` (the bench's known_hosts, `StrictHostKeyChecking=yes`, `IdentitiesOnly=yes`) "
        "and key; each host writes under its own `bench_root`.",
        "- Ansible's `ssh_args` are set to `-o ControlMaster=auto -o ControlPersist=60s` (its default without "
        "`-C`: orchestrate does not compress either). Its ControlPersist masters are closed after the first "
        "run (not timed), so the first run and the rerun of every tool start without a "
        "connection, as orchestrate's do by default. The rerun keeps its masters (Ansible's ControlPersist; "
        "orchestrate's inventory then adds `-o ControlPersist=60s -o ControlPath=.../%C` to "
        "`ansible_ssh_common_args`, its opt-in for the same), and a third run, 'rerun, connections kept', "
        "goes through them; Mitogen keeps no connection between runs, so its third run connects again.",
        "- Controller CPU: user + system seconds of the tool's process and the children it waited for (its "
        "ssh clients, Ansible's forks), median; the hosts' side (sshd, remote shells, Python) is not in it, nor "
        "are ssh's ControlPersist masters (they detach; Mitogen's ssh processes do not, so they count). "
        "On a busy shared machine it is steadier than wall time.",
        "- First run on emptied host folders, then the rerun; the 'changed' column is the sum of `changed=` "
        "in the PLAY RECAP over all hosts (the rerun must be 0).",
        "- Raw floor: per host one `ssh -T -o ControlMaster=auto ... 127.0.0.1 sh` (orchestrate's transport: "
        "multiplexed connection, one persistent shell), TASKS + 1 trivial `echo` round trips, then "
        "`ssh -O exit`; all hosts at once; wall time of the whole. Overhead per host-task = (orchestrate's "
        "median − floor's median) / (hosts × tasks). The floor sends one command per task; orchestrate "
        "sends one to inspect and one more to change, so part of the first run's overhead is the transport's.",
        "- Fresh connections: per host one `ssh -T -o ControlMaster=no ... 127.0.0.1 true`, all hosts at once, "
        "with " + run_kex() + ("" if KEX == CLASSIC_KEX else " and again with `-o KexAlgorithms=" + CLASSIC_KEX + "`")
        + "; wall time, "
        "and the busy CPU of the whole machine (/proc/stat: client and server side) divided by the hosts. Every "
        "tool's cold run pays this before its first task; the bound under Targets compares it with the time a "
        "ratio allows.",
        "",
    ]


# ---------------------------------------------------------------- main

def big_tool_plan(args, tool, hosts, tasks, results):
    """Ansible and Mitogen at 100+ hosts: once, and only when the 20-host figures predict a bearable run."""
    if hosts < 100 or tool == "orchestrate":
        return None
    if args.big_ansible == "skip":
        return "skipped by --big-ansible skip"
    if args.big_ansible == "run":
        return None
    known = [r for r in results if r.hosts < hosts and r.seconds(tool, "first")]
    if not known:
        return "no smaller scenario to estimate from (--big-ansible run forces it)"
    basis = max(known, key=lambda r: r.hosts)
    estimate = (median(basis.seconds(tool, "first")) + median(basis.seconds(tool, "rerun"))) \
        * hosts / basis.hosts * tasks / basis.tasks
    if estimate > args.big_limit:
        return (f"first run + rerun estimated at {estimate:.0f} s from {basis.name} "
                f"(over --big-limit {args.big_limit:.0f} s)")
    return None


def run_scenario(args, workdir, hosts, tasks, results):
    result = ScenarioResult(hosts, tasks)
    write_inventory(workdir, hosts, os.path.join(workdir, f"inventory-{hosts}.yaml"))
    write_inventory(workdir, hosts, os.path.join(workdir, f"inventory-{hosts}-keep.yaml"),
                    keep_dir=os.path.join(workdir, "cp", "orchestrate-kept"))
    rounds = {}
    for tool in args.tools:
        reason = big_tool_plan(args, tool, hosts, tasks, results)
        if reason:
            result.skipped[tool] = reason
            log(f"[{result.name}] {tool}: {reason}")
        else:
            rounds[tool] = 1 if hosts >= 100 and tool != "orchestrate" else args.rounds
    order = list(args.tools) + ["floor", "handshakes"]
    for r in range(args.rounds):
        for tool in order[r % len(order):] + order[:r % len(order)]:
            if tool == "floor":
                floor = floor_run(workdir, hosts, args.floor_commands or tasks + 1)
                result.floors.append(floor)
                log(f"[{result.name}] round {r + 1} floor: {floor.seconds:.2f} s (connect {floor.connect * 1000:.0f} ms, "
                    f"{floor.round_trip * 1000:.2f} ms per command)")
                continue
            if tool == "handshakes":
                for kex in result.handshakes:
                    handshakes = handshake_run(workdir, hosts, kex)
                    result.handshakes[kex].append(handshakes)
                    log(f"[{result.name}] round {r + 1} {hosts} fresh connections ({kex or KEX or 'default kex'}): "
                        f"{handshakes.seconds:.2f} s, {handshakes.cpu_ms_each:.0f} ms of CPU each")
                continue
            if rounds.get(tool, 0) <= r:
                continue
            reset_host_roots(workdir, hosts)
            runs = result.runs.setdefault(tool, {"first": [], "rerun": [], "warm": []})
            keep = f"keep-{result.name}-r{r + 1}-{tool}"
            first = timed_run(tool, args, workdir, hosts, tasks, f"{result.name}-r{r + 1}-{tool}-first")
            rerun = timed_run(tool, args, workdir, hosts, tasks, f"{result.name}-r{r + 1}-{tool}-rerun", keep=keep)
            warm = timed_run(tool, args, workdir, hosts, tasks, f"{result.name}-r{r + 1}-{tool}-warm", keep=keep)
            exit_masters(os.path.join(workdir, "cp", keep))
            exit_masters(os.path.join(workdir, "cp", "orchestrate-kept"))
            runs["first"].append(first)
            runs["rerun"].append(rerun)
            runs["warm"].append(warm)
            log(f"[{result.name}] round {r + 1} {tool}: first {first.seconds:.2f} s (changed {first.changed}), "
                f"rerun {rerun.seconds:.2f} s (changed {rerun.changed}), warm rerun {warm.seconds:.2f} s"
                + ("" if rerun.changed == 0 and warm.changed == 0 else "  <-- rerun NOT idempotent"))
    if "orchestrate" in args.tools:
        result.startup = startup_run(args, workdir, hosts, tasks)
        log(f"[{result.name}] orchestrate start-up: {result.startup.describe()}")
    return result


def main():
    args = parse_args()
    if os.geteuid() != 0:
        raise SystemExit("run as root: the benchmark starts sshd processes and creates the bench user")
    if "orchestrate" in args.tools and not os.access(args.orchestrate, os.X_OK):
        raise SystemExit(f"{args.orchestrate} is missing: dotnet build -c Release src/Orchestrator.Cli")
    if args.nice:
        os.nice(args.nice)
        # With sched_autogroup (the default), CPU is shared between sessions first: a process's own nice
        # only matters inside its session's group, so the group's nice is what competes with other work.
        try:
            with open("/proc/self/autogroup", "w") as f:
                f.write(str(args.nice))
        except OSError:
            pass
    workdir = os.path.abspath(args.workdir)
    os.makedirs(workdir, exist_ok=True)
    os.chmod(workdir, 0o755)
    stop_stale_sshds(workdir)
    atexit.register(stop_sshds)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda *_: sys.exit(130))
    ensure_user(workdir)
    started_at = datetime.datetime.now(datetime.timezone.utc)
    machine = machine_description(args)
    start_hosts(workdir, max(h for h, _ in args.scenario_list))
    results = []
    for hosts, tasks in args.scenario_list:
        results.append(run_scenario(args, workdir, hosts, tasks, results))
    stop_sshds()

    command = args.command_line or " ".join(shlex.quote(a) for a in sys.argv)
    lines = ["# Benchmark results", "",
             f"Measured {started_at:%Y-%m-%d %H:%M} UTC by `{command}` "
             f"({args.rounds} round(s), tools alternating their order per round; niceness {os.nice(0)} for "
             f"every tool and host, {autogroup()}).", "", "## Machine", ""]
    finished_at = datetime.datetime.now(datetime.timezone.utc)
    lines += machine + [f"- load average at the end: {' '.join(open('/proc/loadavg').read().split()[:3])}; "
                        f"the whole run took {(finished_at - started_at).total_seconds() / 60:.0f} min", ""]
    lines += ["## Scenarios", "",
              "Times are wall-clock seconds of the whole command (process start to exit), first run on empty "
              "host folders, then the rerun (which must report 0 changed). Ratios are the other tool's median "
              "over orchestrate's median.", ""]
    for result in results:
        lines += scenario_markdown(result, args.tools)
    lines += method_markdown(args, workdir)
    lines += targets_markdown(results)
    text = "\n".join(lines)
    print("\n" + text, flush=True)
    if args.results:
        with open(args.results, "w") as f:
            f.write(text)
        log(f"wrote {args.results}")


if __name__ == "__main__":
    main()
