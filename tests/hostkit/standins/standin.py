#!/usr/bin/env python3
"""Stand-ins for the Mesos master and agent, Marathon and classic Swarm's manager.

None of the real programs can be downloaded here, so the lab runs this one instead. It parses its
command line exactly like the program it stands for (see flagsets.py), refuses what that program
refuses with the same message and exit code, binds where that program binds and answers the health and
state endpoints the Mesos content checks. Which program it is comes from the name it was started as
(argv[0], a symlink) or, for images, from ORCHESTRATE_STANDIN_ROLE.

Every role also answers GET /standin: the role, argv, the flags as loaded (and where each came from),
the start time and the LIBPROCESS_IP it saw, so tests can read back exactly what a service runs with.
"""
import http.server
import json
import os
import signal
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))

import flagsets  # noqa: E402  (next to this file, also when started through a symlink)

MESOS_VERSION = "1.4.1"
MARATHON_VERSION = "1.4.9"
SWARM_VERSION = "1.2.9"


class UsageError(Exception):
    """A command line the real program refuses: message for stderr, exit code 1."""


# --- Mesos (stout flags) ------------------------------------------------------------------------

def stout_load(spec, argv, environ):
    """stout's FlagsBase::load(prefix "MESOS_", argc, argv): command line first, then known MESOS_* vars."""
    cmd = {}
    for raw in argv:
        arg = raw.strip()
        if arg == "--":
            break
        if not arg.startswith("--"):
            continue  # stout skips anything that does not look like a flag
        if "=" in arg:
            name, value = arg[2:arg.index("=")], arg[arg.index("=") + 1:]
        else:
            name, value = arg[2:], None
        name = name.lower()
        if name in cmd or (name.startswith("no-") and name[3:] in cmd):
            raise UsageError("Duplicate flag '%s' on command line" % name)
        cmd[name] = value
    env = {}
    for key, value in environ.items():
        if key.startswith("MESOS_"):
            name = key[len("MESOS_"):].lower()
            # Only known flags: an unknown MESOS_* variable is dropped without a word, as Mesos does.
            if spec.knows(name) or (name.startswith("no-") and spec.knows(name[3:])):
                env[name] = value
    values = dict(env)
    values.update(cmd)  # cmdValues.insert(envValues): the command line wins
    sources = {name: ("cmdline" if name in cmd else "env") for name in values}
    loaded, loaded_via, origin = {}, {}, {}
    for name in sorted(values):
        value = values[name]
        negated = name.startswith("no-")
        flag_name = name[3:] if negated else name
        canonical = spec.canonical(flag_name)
        if canonical is None:
            raise UsageError("Failed to load unknown flag '%s'%s" % (flag_name, " via '%s'" % name if negated else ""))
        if canonical in loaded_via:
            raise UsageError("Flag is already loaded via name '%s'" % loaded_via[canonical])
        if not spec.is_boolean(canonical):
            if negated:
                raise UsageError("Failed to load non-boolean flag '%s' via '%s'" % (flag_name, name))
            if value is None:
                raise UsageError("Failed to load non-boolean flag '%s': Missing value" % flag_name)
            final = value
        else:
            if value is None or value == "":
                final = "false" if negated else "true"
            elif negated:
                raise UsageError("Failed to load boolean flag '%s' via '%s' with value '%s'" % (flag_name, name, value))
            elif value in ("true", "1"):
                final = "true"
            elif value in ("false", "0"):
                final = "false"
            else:
                raise UsageError("Failed to load flag '%s': Failed to load value '%s': Expecting a boolean (e.g., true or false)"
                                 % (flag_name, value))
        if final.startswith("file://") and not spec.is_boolean(canonical):
            path = final[len("file://"):]
            try:
                with open(path, encoding="utf-8") as handle:
                    final = handle.read().strip()
            except OSError as error:
                raise UsageError("Failed to load flag '%s': Failed to load value '%s': Error reading file '%s': %s"
                                 % (flag_name, value, path, error.strerror))
        loaded[canonical] = final
        loaded_via[canonical] = flag_name
        origin[canonical] = sources[name]
    return loaded, origin


def mesos_validate(role, flags):
    if flags.get("help") == "true" or flags.get("version") == "true":
        return
    if role == "master":
        registry = flags.get("registry", "replicated_log")
        if registry not in ("replicated_log", "in_memory"):
            raise UsageError("Failed to initialize: '%s' is not a supported option for registry persistence" % registry)
        if registry == "replicated_log" and "work_dir" not in flags:
            raise UsageError("--work_dir needed for replicated log based registry")
        zk = flags.get("zk")
        if zk is not None:
            if not zk.startswith("zk://"):
                raise UsageError("Failed to create a master contender: Expecting a (chroot) path for ZooKeeper ('/' is not supported)"
                                 if zk == "zk://" else "Failed to parse '%s': expecting zk://" % zk)
            if registry == "replicated_log" and "quorum" not in flags:
                raise UsageError("Need to specify --quorum for replicated log based registry when using ZooKeeper")
        if "quorum" in flags and not flags["quorum"].isdigit():
            raise UsageError("Failed to load flag 'quorum': Failed to load value '%s': Failed to convert into required type"
                             % flags["quorum"])
    else:
        if "master" not in flags and "master_detector" not in flags:
            raise UsageError("Missing required option `--master` or `--master_detector`")
        if "work_dir" not in flags:
            raise UsageError("Flag 'work_dir' is required, but it was not provided")


def parse_attributes(text):
    """Mesos --attributes 'k:v;k2:v2': numbers become scalars, everything else stays text."""
    result = {}
    for item in filter(None, (text or "").split(";")):
        key, _, value = item.partition(":")
        try:
            number = float(value)
            result[key] = int(number) if number.is_integer() else number
        except ValueError:
            result[key] = value
    return result


def parse_resources(text):
    resources = {"cpus": float(os.cpu_count() or 1), "mem": 1024.0, "disk": 10240.0, "ports": "[31000-32000]"}
    for item in filter(None, (text or "").split(";")):
        name, _, value = item.partition(":")
        name = name.split("(")[0].strip()
        try:
            resources[name] = float(value)
        except ValueError:
            resources[name] = value.strip()
    return resources


# --- Marathon (scallop: --flag value) -----------------------------------------------------------

def marathon_load(argv, environ):
    spec = flagsets.MARATHON
    flags, origin = {}, {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if not arg.startswith("--"):
            raise UsageError("[scallop] Error: Excess arguments provided: '%s'" % " ".join(argv[i:]))
        name, value = arg[2:], None
        if "=" in name:
            name, value = name.split("=", 1)
        if spec.is_boolean(name):
            if value is not None:
                raise UsageError("[scallop] Error: Option '%s' does not take a value" % name)
            value = "true"
        elif spec.knows(name):
            if value is None:
                if i + 1 >= len(argv) or argv[i + 1].startswith("--"):
                    raise UsageError("[scallop] Error: Option '%s' needs an argument" % name)
                i += 1
                value = argv[i]
        else:
            raise UsageError("[scallop] Error: Unknown option '%s'" % name)
        if name in flags:
            raise UsageError("[scallop] Error: Option '%s' was given more than once" % name)
        flags[name], origin[name] = value, "cmdline"
        i += 1
    # MARATHON_<FLAG> for flags not on the command line ("command line options precede environment variables").
    for key, value in environ.items():
        if key.startswith("MARATHON_") and not key.startswith("MARATHON_APP"):
            name = key[len("MARATHON_"):].lower()
            if spec.knows(name) and not spec.is_boolean(name) and name not in flags:
                flags[name], origin[name] = value, "env"
    if "master" not in flags:
        raise UsageError("[scallop] Error: Required option 'master' not found")
    for number in ("http_port", "task_launch_timeout", "zk_timeout", "failover_timeout"):
        if number in flags and not flags[number].isdigit():
            raise UsageError("[scallop] Error: Bad arguments for option '%s': '%s'" % (number, flags[number]))
    return flags, origin


# --- Swarm (urfave/cli: swarm manage [OPTIONS] <discovery>) -------------------------------------

SWARM_CLUSTER_OPTS = {
    "swarm.overcommit", "swarm.createretry", "mesos.address", "mesos.checkpointfailover", "mesos.port",
    "mesos.offertimeout", "mesos.offerrefusetimeout", "mesos.tasktimeout", "mesos.user",
}


def swarm_load(argv, environ):
    if not argv or argv[0] not in ("manage", "m"):
        raise UsageError("Incorrect Usage. (this stand-in serves only 'swarm manage')")
    spec = flagsets.SWARM_MANAGE
    flags, cluster_opts, rest = {}, {}, []
    args = argv[1:]
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i + 1:])
            break
        if not arg.startswith("-") or arg == "-":
            rest.extend(args[i:])  # Go's flag package stops at the first non-flag argument
            break
        name = arg.lstrip("-")
        value = None
        if "=" in name:
            name, value = name.split("=", 1)
        canonical = spec.canonical(name)
        if canonical is None:
            raise UsageError("Incorrect Usage.\n\nflag provided but not defined: -%s" % name)
        if spec.is_boolean(canonical):
            value = "true" if value is None else value
        elif value is None:
            if i + 1 >= len(args):
                raise UsageError("Incorrect Usage.\n\nflag needs an argument: -%s" % name)
            i += 1
            value = args[i]
        if canonical == "cluster-opt":
            key, sep, opt = value.partition("=")
            if not sep:
                raise UsageError("missing '=' in cluster-opt '%s'" % value)
            if key not in SWARM_CLUSTER_OPTS:
                raise UsageError("unsupported cluster-opt '%s'" % key)
            cluster_opts[key] = opt
        elif canonical == "host":
            flags.setdefault("host", []).append(value)
        else:
            flags[canonical] = value
        i += 1
    # Like the driver's options.String(key, env): an option not given falls back to its SWARM_MESOS_* variable.
    for key, env in (("mesos.address", "SWARM_MESOS_ADDRESS"), ("mesos.port", "SWARM_MESOS_PORT"),
                     ("mesos.user", "SWARM_MESOS_USER"), ("mesos.checkpointfailover", "SWARM_MESOS_CHECKPOINT_FAILOVER"),
                     ("mesos.offertimeout", "SWARM_MESOS_OFFER_TIMEOUT"),
                     ("mesos.offerrefusetimeout", "SWARM_MESOS_OFFER_REFUSE_TIMEOUT"),
                     ("mesos.tasktimeout", "SWARM_MESOS_TASK_TIMEOUT")):
        if key not in cluster_opts and environ.get(env):
            cluster_opts[key] = environ[env]
    discovery = rest[0] if len(rest) == 1 else environ.get("SWARM_DISCOVERY", "")
    if len(rest) > 1:
        raise UsageError("Incorrect Usage.\n\nunexpected arguments: %s" % " ".join(rest[1:]))
    if not discovery:
        raise UsageError("discovery required to manage a cluster. See 'swarm manage --help'.")
    driver = flags.get("cluster-driver", "swarm")
    if driver not in ("swarm", "mesos-experimental"):
        raise UsageError("unsupported cluster \"%s\"" % driver)
    if driver == "mesos-experimental":
        address = cluster_opts.get("mesos.address", environ.get("SWARM_MESOS_ADDRESS", ""))
        try:
            socket.inet_aton(address)
            if address.count(".") != 3:
                raise OSError
        except OSError:
            raise UsageError("invalid IP address for cluster-opt mesos.address: %s" % address)
        port = cluster_opts.get("mesos.port", environ.get("SWARM_MESOS_PORT", ""))
        if port and not port.isdigit():
            raise UsageError("invalid port for cluster-opt mesos.port: %s" % port)
    tls = flags.get("tlsverify") == "true" or flags.get("tls") == "true"
    if tls:
        for key in ("tlscacert", "tlscert", "tlskey"):
            if key not in flags:
                raise UsageError("--%s is required with --tlsverify" % key)
            if not os.path.isfile(flags[key]):
                raise UsageError("open %s: no such file or directory" % flags[key])
    hosts = flags.pop("host", ["tcp://127.0.0.1:2375"])
    return {"flags": flags, "hosts": hosts, "cluster_opts": cluster_opts, "discovery": discovery, "tls": tls}


# --- HTTP ------------------------------------------------------------------------------------------

def serve(bind_ip, port, routes, describe, tls=None):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            if path == "/standin":
                return self.reply(200, describe())
            route = routes.get(path)
            if route is None:
                return self.reply(404, "")
            status, body = route()
            return self.reply(status, body)

        def reply(self, status, body):
            if isinstance(body, (dict, list)):
                data, kind = json.dumps(body, sort_keys=True).encode(), "application/json"
            else:
                data, kind = body.encode(), "text/plain; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, fmt, *args):
            pass

    try:
        server = http.server.ThreadingHTTPServer((bind_ip, int(port)), Handler)
    except OSError as error:
        raise UsageError("Failed to initialize: Failed to bind on %s:%s: %s" % (bind_ip, port, error.strerror))
    if tls:
        # Swarm with --tlsverify: serve TLS with its certificate and require a client certificate signed by the CA.
        import ssl
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(tls["tlscert"], tls["tlskey"])
        if tls.get("tlsverify") == "true":
            context.load_verify_locations(tls["tlscacert"])
            context.verify_mode = ssl.CERT_REQUIRED
        server.socket = context.wrap_socket(server.socket, server_side=True)
    return server


def fail(program, message, usage=True):
    text = message
    if usage:
        text += "\n\nUsage: %s [options]\n" % program
    sys.stderr.write(text + "\n")
    sys.stderr.flush()
    return 1


def main(argv, environ):
    role = environ.get("ORCHESTRATE_STANDIN_ROLE") or os.path.basename(argv[0])
    if role.endswith(".py"):
        role, argv = argv[1], argv[1:]
    args = argv[1:]
    started = time.time()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    try:
        if role in ("mesos-master", "mesos-slave", "mesos-agent"):
            kind = "master" if role == "mesos-master" else "agent"
            spec = flagsets.MESOS_MASTER if kind == "master" else flagsets.MESOS_AGENT
            flags, origin = stout_load(spec, args, environ)
            if flags.get("help") == "true":
                sys.stdout.write("Usage: %s [options]\n" % role)
                return 0
            if flags.get("version") == "true":
                sys.stdout.write("mesos %s\n" % MESOS_VERSION)
                return 0
            mesos_validate(kind, flags)
            from roles import mesos_routes
            ip = flags.get("ip") or environ.get("LIBPROCESS_IP") or "0.0.0.0"
            port = flags.get("port") or ("5050" if kind == "master" else "5051")
            for directory in (flags.get("work_dir"), flags.get("log_dir")):
                if directory:
                    os.makedirs(directory, exist_ok=True)
            routes, state = mesos_routes(kind, flags, ip, port, started, MESOS_VERSION)
            program = role
        elif role == "marathon":
            flags, origin = marathon_load(args, environ)
            from roles import marathon_routes
            ip = flags.get("http_address", "0.0.0.0")
            port = flags.get("http_port", "8080")
            routes, state = marathon_routes(flags, port, started, MARATHON_VERSION, environ.get("LIBPROCESS_IP"))
            program = "marathon"
        elif role in ("swarm", "swarm-manage"):
            parsed = swarm_load(args, environ)
            flags, origin = parsed, {}
            host = parsed["hosts"][0]
            if not host.startswith("tcp://"):
                raise UsageError("only tcp:// listen addresses are served by this stand-in: %s" % host)
            ip, _, port = host[len("tcp://"):].rpartition(":")
            from roles import swarm_routes
            routes, state = swarm_routes(parsed, started, SWARM_VERSION)
            program = "swarm manage"
        else:
            return fail(role, "unknown stand-in role '%s'" % role, usage=False)
        tls = flags["flags"] if role in ("swarm", "swarm-manage") and flags.get("tls") else None
        server = serve(ip, port, routes, lambda: {
            "role": role, "argv": argv, "flags": flags, "origin": origin, "start_time": started,
            "pid": os.getpid(), "libprocess_ip": environ.get("LIBPROCESS_IP"), "bind": "%s:%s" % (ip, port),
        }, tls)
    except UsageError as error:
        return fail(role, str(error), usage=role.startswith("mesos-"))
    sys.stderr.write("I %s standin] %s listening on %s:%s with %s\n" % (
        time.strftime("%H:%M:%S"), role, ip, port, " ".join(args)))
    sys.stderr.flush()
    log_dir = flags.get("log_dir") if isinstance(flags, dict) else None
    if log_dir:
        with open(os.path.join(log_dir, "%s.INFO" % role), "a", encoding="utf-8") as log:
            log.write("Flags at startup: %s\n" % " ".join("--%s=\"%s\"" % kv for kv in sorted(flags.items())))
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv, dict(os.environ)))
