"""The README's client examples work against the real bridge: Python with gen/, Node with proto/."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

import pytest

from bridge.server import BridgeServer
from tests.conftest import LxdSandbox
from tests.integration.support import per_family

ROOT = Path(__file__).resolve().parent.parent.parent


async def run(command: list[str]) -> str:
    """Run a client in its own process; the bridge serves it from this test's event loop."""
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, stderr.decode()
    return stdout.decode()


def heading(daemon: LxdSandbox) -> str:
    """The examples' first words: the server's family and version."""
    return f"{per_family(daemon, lxd='LXD', incus='Incus')} {daemon.lxd_version}, API 1.0"


async def test_the_python_example_lists_the_server_and_its_containers(
    bridge: BridgeServer, daemon: LxdSandbox
) -> None:
    out = await run(
        [sys.executable, str(ROOT / "examples/python/list_containers.py"), bridge.address]
    )
    assert out.startswith(heading(daemon))


async def test_the_node_example_loads_the_protos_and_calls_the_bridge(
    bridge: BridgeServer, daemon: LxdSandbox
) -> None:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules/@grpc/grpc-js").is_dir():
        pytest.fail("node and `npm ci` (make setup) are needed for the Node client example")
    out = await run([node, str(ROOT / "examples/node/list-containers.js"), bridge.address])
    assert out.startswith(heading(daemon)) and "containers:" in out
