"""Several servers behind one bridge (issue 14, item 3), on two real LXD servers: the
`lxd-server` metadata key routes a call, the first server is the default, an unknown name is
INVALID_ARGUMENT naming the key and the servers, health covers each server, and the command
line serves a `--servers` file.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from bridge.transport import LxdClient
from lxd.api.v1 import container_service_pb2 as cs
from lxd.api.v1 import container_service_pb2_grpc, server_service_pb2, server_service_pb2_grpc
from lxd.api.v1.container_pb2 import ContainerSource, ContainersPost
from tests.conftest import REPO, LxdGroup
from tests.integration.conftest import error_details
from tests.integration.servers.conftest import on, servers_file
from tests.integration.support import delete_container

pytestmark = pytest.mark.timeout(120)


async def test_a_call_goes_to_the_server_its_metadata_names_and_the_first_by_default(
    servers_channel: grpc.aio.Channel, lxd_servers: LxdGroup
) -> None:
    stub = server_service_pb2_grpc.ServerServiceStub(servers_channel)
    request = server_service_pb2.GetServerRequest()
    default = await stub.GetServer(request)
    first = await stub.GetServer(request, metadata=on("s1"))
    second = await stub.GetServer(request, metadata=on("s2"))
    s1_address, s2_address = (m.https_address for m in lxd_servers.members)
    assert default.server.config["core.https_address"] == s1_address
    assert first.server.config["core.https_address"] == s1_address
    assert second.server.config["core.https_address"] == s2_address


async def test_a_container_created_on_s2_through_metadata_is_on_s2_only(
    servers_channel: grpc.aio.Channel,
    s1: LxdClient,
    s2: LxdClient,
    unique_name: Callable[[str], str],
) -> None:
    containers = container_service_pb2_grpc.ContainerServiceStub(servers_channel)
    name = unique_name("on-s2")
    request = cs.CreateContainerRequest(
        container=ContainersPost(name=name, source=ContainerSource(type="image", alias="busybox")),
        wait=True,
    )
    try:
        await containers.CreateContainer(request, metadata=on("s2"), timeout=60)
        on_s2 = await containers.GetContainerNames(cs.GetContainerNamesRequest(), metadata=on("s2"))
        on_s1 = await containers.GetContainerNames(cs.GetContainerNamesRequest())
        assert name in on_s2.names
        assert name not in on_s1.names, "the default server is s1"
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await containers.GetContainer(cs.GetContainerRequest(name=name), metadata=on("s1"))
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        # Behind the bridge's back: LXD itself agrees.
        assert (await s2.get(f"/1.0/containers/{name}")).metadata["name"] == name
        assert f"/1.0/containers/{name}" not in (await s1.get("/1.0/containers")).metadata
    finally:
        await delete_container(s2, name)


async def test_an_unknown_server_is_invalid_argument_naming_the_key_and_the_servers(
    servers_channel: grpc.aio.Channel,
) -> None:
    stub = server_service_pb2_grpc.ServerServiceStub(servers_channel)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.GetServer(server_service_pb2.GetServerRequest(), metadata=on("s3"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    message = caught.value.details() or ""
    assert "'s3'" in message and "lxd-server" in message and "s1, s2" in message
    details = error_details(caught.value)
    assert any(v.field == "lxd-server" for d in details.others for v in d.field_violations)


async def test_health_has_an_entry_per_server(servers_channel: grpc.aio.Channel) -> None:
    health = health_pb2_grpc.HealthStub(servers_channel)
    for service in ("", "lxd-server/s1", "lxd-server/s2"):
        reply = await health.Check(health_pb2.HealthCheckRequest(service=service))
        assert reply.status == health_pb2.HealthCheckResponse.SERVING, service


async def test_serve_with_a_servers_file_routes_calls_and_refuses_an_unknown_server(
    lxd_servers: LxdGroup, tmp_path: Path
) -> None:
    path = servers_file(lxd_servers, tmp_path / "servers.toml")
    listen = f"unix:{tmp_path / 'bridge.sock'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LXD_GRPC_BRIDGE_")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bridge", "serve", "--servers", str(path), "--listen", listen,
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        async with grpc.aio.insecure_channel(listen) as channel:
            await asyncio.wait_for(channel.channel_ready(), 20)
            stub = server_service_pb2_grpc.ServerServiceStub(channel)
            request = server_service_pb2.GetServerRequest()
            reply = await stub.GetServer(request, metadata=on("s2"), timeout=30)
            s2_address = lxd_servers.members[1].https_address
            assert reply.server.config["core.https_address"] == s2_address
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await stub.GetServer(request, metadata=on("nope"), timeout=30)
            assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 20) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.stderr is not None
    log = (await process.stderr.read()).decode()
    for member in lxd_servers.members:
        assert f"LXD {member.lxd_version} at {member.https_url} ({member.name})" in log, log
