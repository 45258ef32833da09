"""The LXD sandbox is a usable, private, real LXD: checked through LXD's own REST API.

These tests speak to the daemon directly (httpx over the unix socket and over HTTPS), not through
the bridge, so a failure here means the sandbox is broken, not the bridge.
"""

from __future__ import annotations

import ssl
import urllib.parse
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import LxdSandbox

OPERATION_TIMEOUT = 60  # seconds an operation may take before the test fails


@pytest.fixture(scope="module")
def lxd(lxd_sandbox: LxdSandbox) -> Iterator[httpx.Client]:
    """A client for the sandbox daemon's unix socket (trusted as root)."""
    transport = httpx.HTTPTransport(uds=lxd_sandbox.socket)
    with httpx.Client(transport=transport, base_url="http://lxd", timeout=30) as client:
        yield client


def metadata(response: httpx.Response) -> Any:
    """The metadata of a sync envelope; fails with LXD's own error message otherwise."""
    body = response.json()
    assert response.status_code < 400, f"{response.request.url}: {body.get('error')}"
    assert body["type"] == "sync", body
    return body["metadata"]


def wait(client: httpx.Client, response: httpx.Response) -> dict[str, Any]:
    """Waits for the operation of an async (202) response and returns it once it succeeded."""
    body = response.json()
    assert response.status_code == 202, f"{response.request.url}: {body.get('error')}"
    assert body["type"] == "async", body
    # A cluster member that forwarded the request answers `/1.0/operations/<id>?project=default`.
    path, _, query = body["operation"].partition("?")
    done = client.get(
        f"{path}/wait",
        params=[*urllib.parse.parse_qsl(query), ("timeout", OPERATION_TIMEOUT)],
        timeout=OPERATION_TIMEOUT + 10,
    )
    op: dict[str, Any] = metadata(done)
    assert op["status"] == "Success", op["err"]
    return op


def https_context(sandbox: LxdSandbox, *, with_client_cert: bool) -> ssl.SSLContext:
    """TLS that verifies the daemon against its own certificate (LXD certs are self-signed)."""
    context = ssl.create_default_context(cafile=sandbox.server_cert)
    if with_client_cert:
        context.load_cert_chain(sandbox.client_cert, sandbox.client_key)
    return context


def test_unix_socket_is_trusted_and_lists_api_extensions(
    lxd: httpx.Client, lxd_sandbox: LxdSandbox
) -> None:
    server = metadata(lxd.get("/1.0"))
    assert server["auth"] == "trusted"
    assert server["api_version"] == "1.0"
    assert "instances" in server["api_extensions"]
    assert len(server["api_extensions"]) == lxd_sandbox.api_extensions
    assert server["environment"]["server_version"] == lxd_sandbox.lxd_version


def test_storage_pool_is_a_dir_pool(lxd: httpx.Client, lxd_sandbox: LxdSandbox) -> None:
    pool = metadata(lxd.get(f"/1.0/storage-pools/{lxd_sandbox.storage_pool}"))
    assert pool["driver"] == "dir"
    assert pool["status"] == "Created"


def test_network_is_a_bridge_without_addresses(lxd: httpx.Client, lxd_sandbox: LxdSandbox) -> None:
    network = metadata(lxd.get(f"/1.0/networks/{lxd_sandbox.network}"))
    assert network["managed"] is True
    assert network["type"] == "bridge"
    assert network["config"]["ipv4.address"] == "none"
    assert network["config"]["ipv6.address"] == "none"
    assert len(lxd_sandbox.network) <= 15  # a kernel interface name


def test_default_profile_has_root_disk_and_nic(lxd: httpx.Client, lxd_sandbox: LxdSandbox) -> None:
    devices = metadata(lxd.get("/1.0/profiles/default"))["devices"]
    assert devices["root"] == {"type": "disk", "path": "/", "pool": lxd_sandbox.storage_pool}
    assert devices["eth0"] == {"type": "nic", "name": "eth0", "network": lxd_sandbox.network}


def test_image_alias_points_at_the_busybox_image(
    lxd: httpx.Client, lxd_sandbox: LxdSandbox
) -> None:
    alias = metadata(lxd.get(f"/1.0/images/aliases/{lxd_sandbox.image_alias}"))
    assert alias["target"] == lxd_sandbox.image_fingerprint
    image = metadata(lxd.get(f"/1.0/images/{lxd_sandbox.image_fingerprint}"))
    assert image["type"] == "container"
    assert image["properties"]["os"] == "busybox"


def test_https_with_client_certificate_is_trusted(lxd_sandbox: LxdSandbox) -> None:
    context = https_context(lxd_sandbox, with_client_cert=True)
    with httpx.Client(base_url=lxd_sandbox.https_url, verify=context, timeout=10) as client:
        assert metadata(client.get("/1.0"))["auth"] == "trusted"
        assert isinstance(metadata(client.get("/1.0/instances")), list)


def test_https_without_client_certificate_is_untrusted(lxd_sandbox: LxdSandbox) -> None:
    context = https_context(lxd_sandbox, with_client_cert=False)
    with httpx.Client(base_url=lxd_sandbox.https_url, verify=context, timeout=10) as client:
        assert metadata(client.get("/1.0"))["auth"] == "untrusted"
        refused = client.get("/1.0/instances")
        assert refused.status_code == 403
        assert refused.json()["type"] == "error"


@pytest.fixture
def container(
    lxd: httpx.Client, lxd_sandbox: LxdSandbox, unique_name: Callable[[str], str]
) -> Iterator[str]:
    """A stopped container from the sandbox's busybox image; force-deleted afterwards."""
    name = unique_name("sandbox")
    source = {"type": "image", "alias": lxd_sandbox.image_alias}
    response = lxd.post("/1.0/containers", json={"name": name, "source": source})
    try:
        wait(lxd, response)
        yield name
    finally:
        stop = {"action": "stop", "force": True, "timeout": -1}
        stopping = lxd.put(f"/1.0/containers/{name}/state", json=stop)
        if stopping.status_code == 202:
            lxd.get(f"{stopping.json()['operation']}/wait", params={"timeout": 30}, timeout=40)
        deleting = lxd.delete(f"/1.0/containers/{name}")
        if deleting.status_code == 202:
            wait(lxd, deleting)


def test_busybox_container_starts_and_runs_a_command(lxd: httpx.Client, container: str) -> None:
    wait(lxd, lxd.put(f"/1.0/containers/{container}/state", json={"action": "start"}))
    assert metadata(lxd.get(f"/1.0/containers/{container}/state"))["status"] == "Running"

    execute = {
        "command": ["echo", "hi"],
        "wait-for-websocket": False,
        "record-output": True,
        "interactive": False,
    }
    op = wait(lxd, lxd.post(f"/1.0/containers/{container}/exec", json=execute))

    assert op["metadata"]["return"] == 0
    stdout = lxd.get(op["metadata"]["output"]["1"])
    assert stdout.status_code == 200
    assert stdout.content == b"hi\n"
