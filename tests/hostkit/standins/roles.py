"""The endpoints each stand-in answers, shaped like the real program's (only what the content reads)."""
import socket

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
        state["leader"] = state["pid"]
        state["elected_time"] = started
        metrics = {"master/elected": 1.0, "registrar/log/recovered": 1.0}
        health_paths = ("/master/health", "/health")
        state_paths = ("/master/state", "/state", "/master/state.json", "/state.json")
    else:
        state["attributes"] = parse_attributes(flags.get("attributes"))
        state["resources"] = parse_resources(flags.get("resources"))
        state["master_hostname"] = flags.get("master", "")
        metrics = {"slave/registered": 1.0}
        health_paths = ("/health", "/slave(1)/health")
        state_paths = ("/state", "/slave(1)/state", "/state.json")
    routes = {
        "/flags": lambda: (200, {"flags": dict(flags)}),
        "/metrics/snapshot": lambda: (200, metrics),
        "/version": lambda: (200, {"version": version}),
    }
    for path in health_paths:
        routes[path] = lambda: (200, "")
    for path in state_paths:
        routes[path] = lambda: (200, state)
    return routes, state


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
