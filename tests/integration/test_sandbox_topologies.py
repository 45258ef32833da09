"""The other sandboxes: a private Incus beside the LXD one, 3-member clusters, two servers.

Like test_sandbox.py these speak to the daemons directly (httpx over their unix sockets and
HTTPS), not through the bridge: a failure here means the sandbox tool is broken. Each sandbox
starts only when a test here asks for it (incus_sandbox, lxd_cluster, incus_cluster,
lxd_servers).
"""

from __future__ import annotations

import ipaddress
import json
import os
import ssl
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import SANDBOX_TOOL, LxdGroup, LxdSandbox, sandbox_dir
from tests.integration.test_sandbox import metadata, wait

TOOL_TIMEOUT = 300  # seconds for a cluster's ensure or stop


@contextmanager
def unix_client(sandbox: LxdSandbox) -> Iterator[httpx.Client]:
    """A client for a daemon's unix socket (trusted as root)."""
    transport = httpx.HTTPTransport(uds=sandbox.socket)
    with httpx.Client(transport=transport, base_url="http://lxd", timeout=30) as client:
        yield client


@contextmanager
def https_client(sandbox: LxdSandbox) -> Iterator[httpx.Client]:
    """A client over HTTPS with the sandbox's client certificate, pinned to the daemon's cert.

    Cluster members all present the cluster's certificate, whose names are not the members'
    addresses: the pin is the check, not the host name.
    """
    context = ssl.create_default_context(cafile=sandbox.server_cert)
    context.check_hostname = False
    context.load_cert_chain(sandbox.client_cert, sandbox.client_key)
    with httpx.Client(base_url=sandbox.https_url, verify=context, timeout=30) as client:
        yield client


@contextmanager
def busybox_container(
    client: httpx.Client, sandbox: LxdSandbox, name: str, target: str | None = None
) -> Iterator[dict[str, Any]]:
    """A started busybox container (through /1.0/instances: Incus has no /1.0/containers),
    placed on `target` when given; force-deleted afterwards. Yields the instance."""
    params = {"target": target} if target else {}
    source = {"type": "image", "alias": sandbox.image_alias}
    body = {"name": name, "type": "container", "source": source}
    created = client.post("/1.0/instances", params=params, json=body)
    try:
        wait(client, created)
        wait(client, client.put(f"/1.0/instances/{name}/state", json={"action": "start"}))
        yield metadata(client.get(f"/1.0/instances/{name}"))
    finally:
        stop = {"action": "stop", "force": True, "timeout": -1}
        stopping = client.put(f"/1.0/instances/{name}/state", json=stop)
        if stopping.status_code == 202:
            wait(client, stopping)
        deleting = client.delete(f"/1.0/instances/{name}")
        if deleting.status_code == 202:
            wait(client, deleting)


def exec_output(client: httpx.Client, name: str, command: list[str]) -> tuple[int, bytes]:
    """Runs a command in an instance through the REST API: (exit code, recorded stdout)."""
    body = {
        "command": command,
        "wait-for-websocket": False,
        "record-output": True,
        "interactive": False,
    }
    op = wait(client, client.post(f"/1.0/instances/{name}/exec", json=body))
    stdout = client.get(op["metadata"]["output"]["1"])
    assert stdout.status_code == 200, stdout.text
    return int(op["metadata"]["return"]), stdout.content


def loopback_host(address: str) -> ipaddress.IPv4Address:
    host, _, port = address.rpartition(":")
    assert port == "8443", address
    ip = ipaddress.IPv4Address(host)
    assert ip in ipaddress.IPv4Network("127.0.0.0/8"), f"{address} is not on loopback"
    return ip


# --- Incus beside LXD ------------------------------------------------------------------------


def test_incus_is_incus_6_0_on_its_own_socket_address_and_bridge(
    incus_sandbox: LxdSandbox, lxd_sandbox: LxdSandbox
) -> None:
    with unix_client(incus_sandbox) as incus, unix_client(lxd_sandbox) as lxd:
        incus_server = metadata(incus.get("/1.0"))
        lxd_server = metadata(lxd.get("/1.0"))
    assert incus_server["environment"]["server"] == "incus"
    assert incus_server["environment"]["server_version"].startswith("6.0")
    assert incus_server["auth"] == "trusted"
    assert lxd_server["environment"]["server"] == "lxd"
    # Both run at once, sharing nothing a client or the kernel sees.
    assert incus_sandbox.socket != lxd_sandbox.socket
    assert incus_sandbox.network != lxd_sandbox.network
    assert incus_sandbox.https_address != lxd_sandbox.https_address
    assert str(loopback_host(incus_sandbox.https_address)) != "127.0.0.1"


@pytest.mark.parametrize("family", ["lxd_sandbox", "incus_sandbox"])
def test_each_family_has_a_dir_pool_an_addressless_bridge_and_the_busybox_image(
    family: str, request: pytest.FixtureRequest
) -> None:
    sandbox: LxdSandbox = request.getfixturevalue(family)
    with unix_client(sandbox) as client:
        pool = metadata(client.get(f"/1.0/storage-pools/{sandbox.storage_pool}"))
        network = metadata(client.get(f"/1.0/networks/{sandbox.network}"))
        alias = metadata(client.get(f"/1.0/images/aliases/{sandbox.image_alias}"))
        profile = metadata(client.get("/1.0/profiles/default"))
    assert pool["driver"] == "dir"
    assert (network["type"], network["managed"]) == ("bridge", True)
    assert network["config"]["ipv4.address"] == "none"
    assert network["config"]["ipv6.address"] == "none"
    assert alias["target"] == sandbox.image_fingerprint
    assert profile["devices"]["eth0"]["network"] == sandbox.network


def test_incus_trusts_the_client_certificate_over_https(incus_sandbox: LxdSandbox) -> None:
    with https_client(incus_sandbox) as client:
        assert metadata(client.get("/1.0"))["auth"] == "trusted"
        assert isinstance(metadata(client.get("/1.0/instances")), list)


def test_incus_busybox_container_starts_and_execs(
    incus_sandbox: LxdSandbox, unique_name: Callable[[str], str]
) -> None:
    with (
        unix_client(incus_sandbox) as client,
        busybox_container(client, incus_sandbox, unique_name("incus")) as instance,
    ):
        assert instance["status"] == "Running"
        assert exec_output(client, instance["name"], ["echo", "hi"]) == (0, b"hi\n")


# --- the clusters: LXD, and Incus -------------------------------------------------------------


@pytest.fixture(params=["lxd_cluster", "incus_cluster"])
def cluster(request: pytest.FixtureRequest) -> LxdGroup:
    """Each 3-member cluster in turn: the same sandbox shape for both families."""
    group: LxdGroup = request.getfixturevalue(request.param)
    return group


def test_cluster_has_three_members_online_with_roles(cluster: LxdGroup) -> None:
    with unix_client(cluster.members[0]) as client:
        members = metadata(client.get("/1.0/cluster/members", params={"recursion": 1}))
    by_name = {m["server_name"]: m for m in members}
    assert sorted(by_name) == ["m1", "m2", "m3"]
    for sandbox in cluster.members:
        member = by_name[sandbox.name]
        assert member["status"] == "Online", member
        assert member["url"] == sandbox.https_url
        assert "database" in member["roles"], member  # three members: all vote
    leaders = [m["server_name"] for m in members if "database-leader" in m["roles"]]
    assert len(leaders) == 1, members
    hosts = {loopback_host(s.https_address) for s in cluster.members}
    assert len(hosts) == 3, "each member listens on a loopback address of its own"


def test_every_member_trusts_the_one_client_certificate(cluster: LxdGroup) -> None:
    fingerprints = {s.client_cert_fingerprint for s in cluster.members}
    assert len(fingerprints) == 1
    for sandbox in cluster.members:
        with https_client(sandbox) as client:
            server = metadata(client.get("/1.0"))
        assert server["auth"] == "trusted", sandbox.name
        assert server["environment"]["server_name"] == sandbox.name
        assert server["environment"]["server_clustered"] is True
        assert server["environment"]["server"] == cluster.family


def test_cluster_network_is_a_macvlan_over_an_addressless_host_bridge_per_member(
    cluster: LxdGroup,
) -> None:
    parents = []
    with unix_client(cluster.members[0]) as client:
        for sandbox in cluster.members:
            path = f"/1.0/networks/{sandbox.network}"
            network = metadata(client.get(path, params={"target": sandbox.name}))
            assert network["type"] == "macvlan"
            parents.append(network["config"]["parent"])
    assert len(set(parents)) == 3, parents
    for parent in parents:
        assert len(parent) <= 15
        shown = subprocess.run(
            ["ip", "-j", "addr", "show", "dev", parent],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        assert json.loads(shown.stdout)[0]["addr_info"] == [], f"{parent} has addresses"


# (target member, the member whose socket runs the exec): created through m1, placed on m3,
# exec'd through m2, so the placement and the exec both cross members.
PLACEMENTS = {"on m3, created through m1, exec through m2": ("m3", 1)}


@pytest.mark.parametrize(("target", "via"), PLACEMENTS.values(), ids=PLACEMENTS.keys())
def test_an_instance_is_placed_on_the_member_chosen_with_target(
    cluster: LxdGroup, unique_name: Callable[[str], str], target: str, via: int
) -> None:
    first, other = cluster.members[0], cluster.members[via]
    with (
        unix_client(first) as client,
        busybox_container(client, first, unique_name("placed"), target) as instance,
        unix_client(other) as through,
    ):
        assert instance["location"] == target
        listed = metadata(through.get("/1.0/instances", params={"recursion": 1}))
        assert {i["name"]: i["location"] for i in listed}[instance["name"]] == target
        assert exec_output(through, instance["name"], ["hostname"]) == (
            0,
            f"{instance['name']}\n".encode(),
        )


# --- two independent servers -----------------------------------------------------------------


def test_two_servers_are_independent(
    lxd_servers: LxdGroup, unique_name: Callable[[str], str]
) -> None:
    first, second = lxd_servers.members
    assert (first.name, second.name) == ("s1", "s2")
    assert loopback_host(first.https_address) != loopback_host(second.https_address)
    assert first.network != second.network
    assert first.client_cert_fingerprint == second.client_cert_fingerprint
    servers = []
    for sandbox in lxd_servers.members:
        with https_client(sandbox) as client:
            server = metadata(client.get("/1.0"))
        assert server["auth"] == "trusted"
        assert server["environment"]["server_clustered"] is False
        servers.append(server)
    fingerprints = {s["environment"]["certificate_fingerprint"] for s in servers}
    assert len(fingerprints) == 2, "each server has its own identity"

    profile = unique_name("only-on-s1")
    with unix_client(first) as one, unix_client(second) as two:
        metadata(one.post("/1.0/profiles", json={"name": profile}))
        try:
            assert one.get(f"/1.0/profiles/{profile}").status_code == 200
            assert two.get(f"/1.0/profiles/{profile}").status_code == 404
        finally:
            one.delete(f"/1.0/profiles/{profile}")


# --- tear-down -------------------------------------------------------------------------------


def _tool(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SANDBOX_TOOL), *args],
        env={**os.environ, "SANDBOX_DIR": str(directory)},
        capture_output=True,
        text=True,
        timeout=TOOL_TIMEOUT,
        check=False,
    )


def _mounts_under(directory: Path) -> list[str]:
    with open("/proc/self/mountinfo") as f:
        points = [line.split()[4] for line in f]
    return [p for p in points if p.startswith(f"{directory}/")]


def _running(pid: int) -> bool:
    """True if pid is a live process (a zombie waiting for init to reap it is not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


def test_cluster_stop_removes_daemons_interfaces_and_mounts(
    unique_name: Callable[[str], str],
) -> None:
    """A 2-member cluster of its own, with a running container: stop leaves nothing behind."""
    if os.geteuid() != 0:
        if os.environ.get("LXD_BRIDGE_REQUIRE_LXD"):
            pytest.fail("the sandbox tool needs root (LXD_BRIDGE_REQUIRE_LXD is set)")
        pytest.skip("the sandbox tool needs root")
    base = sandbox_dir().parent / unique_name("teardown")
    directory = base.parent / f"{base.name}-cluster"
    try:
        started = _tool(base, "cluster", "2")
        assert started.returncode == 0, started.stderr
        cluster = LxdGroup.from_json(json.loads(started.stdout))
        assert [m.name for m in cluster.members] == ["m1", "m2"]
        bridges = json.loads((directory / "sandbox.json").read_text())["host_bridges"]
        with unix_client(cluster.members[0]) as client:
            body = {"name": "c1", "source": {"type": "image", "alias": "busybox"}}
            wait(client, client.post("/1.0/instances", params={"target": "m2"}, json=body))
            wait(client, client.put("/1.0/instances/c1/state", json={"action": "start"}))
        assert _mounts_under(directory), "a running container mounts below its member"
        assert all(Path(f"/sys/class/net/{b}").exists() for b in bridges)

        stopped = _tool(base, "cluster", "stop")

        assert stopped.returncode == 0, stopped.stderr
        assert _mounts_under(directory) == []
        assert [b for b in bridges if Path(f"/sys/class/net/{b}").exists()] == []
        assert [m.pid for m in cluster.members if _running(m.pid)] == []
        assert not (directory / "sandbox.json").exists()
        assert not (directory / "m1" / "lxd").exists(), "a cluster's data is not kept"
    finally:
        _tool(base, "cluster", "stop")
        subprocess.run(["rm", "-rf", str(directory), str(base)], timeout=60, check=False)
