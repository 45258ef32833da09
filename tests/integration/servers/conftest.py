"""Fixtures for the tests of a bridge in front of two real LXD servers (s1, s2 of lxd_servers).

`servers_bridge` is one in-process bridge fronting both over HTTPS (the group's client
certificate, each server's certificate pinned), as `serve --servers FILE` would; `s1` and `s2`
are the bridge's own clients of each (for setting up and checking behind the bridge's back).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import grpc
import pytest

from bridge.server import BridgeServer, start
from bridge.servers import SERVER_KEY, ServerSelector, ServerSpec
from bridge.transport import LxdClient
from tests.conftest import LxdGroup


def specs_of(group: LxdGroup) -> list[ServerSpec]:
    """The servers of the group as a servers file would list them (HTTPS, certificate pinned)."""
    return [
        ServerSpec(
            member.name,
            member.https_url,
            Path(member.client_cert),
            Path(member.client_key),
            Path(member.server_cert),
        )
        for member in group.members
    ]


def servers_file(group: LxdGroup, path: Path) -> Path:
    """The group written as a `--servers` TOML file at ``path``."""
    tables = [
        f'[[servers]]\nname = "{s.name}"\nurl = "{s.url}"\nclient_cert = "{s.client_cert}"\n'
        f'client_key = "{s.client_key}"\nserver_cert = "{s.server_cert}"\n'
        for s in specs_of(group)
    ]
    path.write_text("\n".join(tables))
    return path


def on(server: str) -> Sequence[tuple[str, str]]:
    """The call metadata that sends a call to ``server``."""
    return ((SERVER_KEY, server),)


@pytest.fixture(scope="module")
async def selector(lxd_servers: LxdGroup) -> AsyncIterator[ServerSelector]:
    """The bridge's resolver over s1 and s2 (s1 the default)."""
    chosen = await ServerSelector.open(specs_of(lxd_servers))
    try:
        yield chosen
    finally:
        await chosen.aclose()


@pytest.fixture(scope="module")
async def servers_bridge(
    selector: ServerSelector, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[BridgeServer]:
    """A bridge in front of s1 and s2, on a unix socket of its own."""
    listen = f"unix:{tmp_path_factory.mktemp('servers-bridge') / 'bridge.sock'}"
    server = await start(
        selector.default.client, listen, resolver=selector, servers=selector.clients()
    )
    try:
        yield server
    finally:
        await server.stop(grace=1)


@pytest.fixture(scope="module")
async def servers_channel(servers_bridge: BridgeServer) -> AsyncIterator[grpc.aio.Channel]:
    """A gRPC channel to the bridge in front of s1 and s2."""
    async with grpc.aio.insecure_channel(servers_bridge.address) as channel:
        yield channel


@pytest.fixture(scope="module")
def s1(selector: ServerSelector) -> LxdClient:
    """The bridge's client of s1."""
    return selector.upstreams["s1"].client


@pytest.fixture(scope="module")
def s2(selector: ServerSelector) -> LxdClient:
    """The bridge's client of s2."""
    return selector.upstreams["s2"].client
