"""The Go and TypeScript clients of examples/ (built by `make clients` from proto/ with the
generated stubs) against the real bridge, on its unix socket: the server, a container compared
with LXD's own REST answer, a NOT_FOUND with its ErrorInfo, an event stream, and an exec with
stdin, stdout, stderr and exit code."""

from __future__ import annotations

import asyncio
import base64
import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest

from bridge import codec
from bridge.server import BridgeServer
from bridge.transport import LxdClient
from lxd.api.v1 import container_pb2
from tests.conftest import LxdSandbox
from tests.integration.support import OP_TIMEOUT, per_family, running_container

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parent.parent.parent
CLIENTS = ROOT / "build" / "clients"


def _command(language: str) -> list[str]:
    if language == "go":
        binary = CLIENTS / "go-client"
        if not binary.exists():
            pytest.fail(f"{binary} is missing: `make clients` builds it (make test does)")
        return [str(binary)]
    script = CLIENTS / "ts" / "out" / "client.js"
    node = shutil.which("node")
    if node is None or not script.exists():
        pytest.fail(f"node and {script} are needed: `make clients` builds it (make test does)")
    return [node, str(script)]


@pytest.fixture(scope="module")
async def container(lxd: LxdClient) -> Any:
    async with running_container(lxd, "clients") as name:
        yield name


@pytest.mark.parametrize("language", ["go", "typescript"])
async def test_a_generated_client_does_what_the_readme_says(
    bridge: BridgeServer, lxd: LxdClient, container: str, language: str, daemon: LxdSandbox
) -> None:
    process = await asyncio.create_subprocess_exec(
        *_command(language),
        bridge.address,
        container,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), OP_TIMEOUT)
    assert process.returncode == 0, stderr.decode()
    steps = {line["step"]: line for line in map(orjson.loads, stdout.splitlines())}
    assert list(steps) == ["server", "container", "not_found", "event", "exec"]

    assert steps["server"]["server_version"] == lxd.server["environment"]["server_version"]
    assert steps["server"]["api_version"] == lxd.server["api_version"]
    assert steps["server"]["auth"] == "trusted"

    # The container as the client decoded it, re-encoded: in LXD's JSON it is LXD's own answer.
    rest = await lxd.get(f"/1.0/containers/{container}")
    got = container_pb2.Container.FromString(base64.b64decode(steps["container"]["proto"]))
    assert codec.to_json(got, dialect=lxd.dialect) == rest.metadata
    assert steps["container"]["name"] == container
    assert steps["container"]["status"] == "Running"
    assert steps["container"]["etag"] == rest.etag

    not_found = steps["not_found"]
    assert not_found["code"] in ("NotFound", 5)  # Go names the code, grpc-js numbers it
    missing = per_family(
        daemon,
        lxd="Instance not found",
        incus=f'Failed to fetch instance "{container}-missing" in project "default": '
        "Instance not found",
    )
    assert not_found["message"] == missing
    assert (not_found["reason"], not_found["domain"]) == ("NOT_FOUND", "lxd")
    assert not_found["metadata"] == {"error_code": "404", "error": missing}

    assert steps["event"]["type"] == "operation"
    assert steps["event"]["operation"]

    greeting = "hello from go\n" if language == "go" else "hello from typescript\n"
    assert steps["exec"] == {
        "step": "exec",
        "stdout": greeting,
        "stderr": "to-stderr\n",
        "exit_code": 3,
    }
