"""The endpoints each stand-in answers, shaped like the real program's (only what the content reads)."""
import json
import socket
import urllib.request

from standin import parse_attributes, parse_resources


def mesos_routes(kind, flags, ip, port, started, version):
    hostname = flags.get("hostname") or socket.gethostname()
    advertised = ip if ip != "0.0.0.0" else hostname
    process = "master" if kind == "master" else "slave(1)"
    state = {
        "version": version,
        "start_time": started,
        "pid": "%s@%s:%s" % (process, advertised, port),
        "hostname": hostname,
        "flags": dict(flags),
    }
    if kind == "master":
        state["cluster"] = flags.get("cluster", "")
        leader = lambda: elected_master(flags, advertised, port, started)
        metrics = lambda: {"master/elected": 1.0 if leader() == advertised else 0.0, "registrar/log/recovered": 1.0}
        state_of = lambda: dict(state, leader="master@%s:%s" % (leader(), port))
        health_paths = ("/master/health", "/health")
        state_paths = ("/master/state", "/state", "/master/state.json", "/state.json")
    else:
        state["attributes"] = parse_attributes(flags.get("attributes"))
        state["resources"] = parse_resources(flags.get("resources"))
        state["master_hostname"] = flags.get("master", "")
        metrics = lambda: {"slave/registered": 1.0}
        state_of = lambda: state
        health_paths = ("/health", "/slave(1)/health")
        state_paths = ("/state", "/slave(1)/state", "/state.json")
    routes = {
        "/flags": lambda: (200, {"flags": dict(flags)}),
        "/metrics/snapshot": lambda: (200, metrics()),
        "/version": lambda: (200, {"version": version}),
    }
    for path in health_paths:
        routes[path] = lambda: (200, "")
    for path in state_paths:
        routes[path] = lambda: (200, state_of())
    return routes, state


def elected_master(flags, own_address, port, started):
    """Which master leads, as a ZooKeeper election would settle it, without a ZooKeeper client.

    The candidates are the masters on the hosts of the --zk URL (at this master's port) that run with the same
    --zk; the one that has been running longest leads, so leadership stays put until the leader stops, and a
    restarted master comes back as a follower. Without --zk (standalone) this master leads.
    """
    zk = flags.get("zk")
    if not zk or not zk.startswith("zk://"):
        return own_address
    best = (started, own_address)
    for entry in zk[len("zk://"):].split("/", 1)[0].split(","):
        host = entry.rsplit("@", 1)[-1].rsplit(":", 1)[0]
        if host == own_address:
            continue
        try:
            with urllib.request.urlopen("http://%s:%s/standin" % (host, port), timeout=1) as response:
                peer = json.load(response)
        except (OSError, ValueError):
            continue
        if peer.get("role") == "mesos-master" and peer.get("flags", {}).get("zk") == zk:
            best = min(best, (peer.get("start_time", 0.0), host))
    return best[1]


def marathon_routes(flags, port, started, version, libprocess_ip):
    hostname = flags.get("hostname") or socket.gethostname()
    leader = "%s:%s" % (hostname, port)
    zk = flags.get("zk", "zk://localhost:2181/marathon")
    info = {
        "name": "marathon",
        "version": version,
        "elected": True,
        "leader": leader,
        "frameworkId": None,
        "marathon_config": dict(flags),
        "zookeeper_config": {
            "zk": zk,
            "zk_timeout": int(flags.get("zk_timeout", "10000")),
            "zk_session_timeout": int(flags.get("zk_session_timeout", "1800000")),
        },
        "http_config": {"http_port": int(port)},
        "start_time": started,
        "libprocess_ip": libprocess_ip,
    }
    routes = {
        "/ping": lambda: (200, "pong"),
        "/v2/info": lambda: (200, info),
        "/v2/leader": lambda: (200, {"leader": leader}),
    }
    return routes, info


def swarm_routes(parsed, started, version):
    offers = 0
    info = {
        "ID": "",
        "Containers": 0,
        "Driver": "",
        "DriverStatus": [
            ["Role", "primary"],
            ["Strategy", parsed["flags"].get("strategy", "spread")],
            ["Filters", "health, port, containerslots, dependency, affinity, constraint, whitelist"],
            ["Offers", str(offers)],
        ],
        "ServerVersion": "swarm/%s" % version,
        "SwarmStandin": {
            "cluster_driver": parsed["flags"].get("cluster-driver", "swarm"),
            "cluster_opts": parsed["cluster_opts"],
            "discovery": parsed["discovery"],
            "hosts": parsed["hosts"],
            "tls": parsed["tls"],
            "start_time": started,
        },
    }
    routes = {"/_ping": lambda: (200, "OK"), "/info": lambda: (200, info), "/version": lambda: (
        200, {"Version": "swarm/%s" % version, "ApiVersion": "1.22"})}
    for api in ("1.22", "1.23", "1.24"):
        routes["/v%s/info" % api] = routes["/info"]
        routes["/v%s/_ping" % api] = routes["/_ping"]
    return routes, info
