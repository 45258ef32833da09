"""tools/lxd-sandbox works with the checkout under a directory other users cannot traverse.

A `mktemp -d` directory (mode 0700), like /root, keeps a container's root user (an unprivileged,
mapped uid) out of the daemon's storage: LXD refuses to start any container ("Could not access
... Please grant it x access"). `ensure` must place the storage where LXD can use it, and `stop`
must tear that down again. This test runs a second, throwaway sandbox of its own (its own daemon,
bridge interface and storage) beside the session's.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import SANDBOX_TOOL, make_unique_name

TOOL_TIMEOUT = 300  # seconds for ensure or stop (a cold start builds and imports the image)
OP_TIMEOUT = 60


def _tool(command: str, sandbox_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SANDBOX_TOOL), command],
        env={**os.environ, "SANDBOX_DIR": str(sandbox_dir)},
        capture_output=True,
        text=True,
        timeout=TOOL_TIMEOUT,
        check=False,
    )


def _run(client: httpx.Client, method: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """An async LXD call, waited for; the final operation (its `err` says why it failed)."""
    response = client.request(method, path, json=body)
    assert response.status_code == 202, response.text
    operation = response.json()["operation"]
    done = client.get(f"{operation}/wait", params={"timeout": OP_TIMEOUT})
    metadata: dict[str, Any] = done.json()["metadata"]
    return metadata


@pytest.fixture
def private_checkout() -> Iterator[Path]:
    """A directory as `mktemp -d` makes it (0700), removed at the end."""
    if os.geteuid() != 0 or not shutil.which("lxd"):
        reason = "the sandbox tool needs root and the lxd binary"
        if os.environ.get("LXD_BRIDGE_REQUIRE_LXD"):
            pytest.fail(f"{reason} (LXD_BRIDGE_REQUIRE_LXD is set)")
        pytest.skip(reason)
    directory = Path(tempfile.mkdtemp(prefix="lxd-bridge-private-"))
    try:
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def test_a_sandbox_under_a_private_directory_starts_a_container(private_checkout: Path) -> None:
    assert stat.S_IMODE(private_checkout.stat().st_mode) == 0o700  # the case of the issue
    sandbox_dir = private_checkout / "repo" / "build" / "sandbox"
    ensured = _tool("ensure", sandbox_dir)
    try:
        assert ensured.returncode == 0, ensured.stderr
        sandbox = json.loads(ensured.stdout)
        name = make_unique_name("private-dir")
        transport = httpx.HTTPTransport(uds=sandbox["socket"])
        with httpx.Client(transport=transport, base_url="http://lxd", timeout=OP_TIMEOUT) as client:
            source = {"type": "image", "alias": sandbox["image_alias"]}
            created = _run(client, "POST", "/1.0/instances", {"name": name, "source": source})
            assert created["status"] == "Success", created["err"]
            started = _run(client, "PUT", f"/1.0/instances/{name}/state", {"action": "start"})
            assert started["status"] == "Success", started["err"]
            state = client.get(f"/1.0/instances/{name}/state").json()["metadata"]
            assert state["status"] == "Running"
    finally:
        stopped = _tool("stop", sandbox_dir)
    assert stopped.returncode == 0, stopped.stderr
    # Nothing of the sandbox outlives `stop` outside the checkout: storage, mapping, interface.
    assert not Path(sandbox["lxd_dir"]).exists() or sandbox_dir in Path(sandbox["lxd_dir"]).parents
    assert not Path(f"/sys/class/net/{sandbox['network']}").exists()
