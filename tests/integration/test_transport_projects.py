"""The transport's streams (exec, console, files) reach a container in a project other than the
default one: before, they built ``/1.0/containers/<name>`` with no project and could only act on
the default project's containers."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import pytest

from bridge.errors import NotFound
from bridge.transport import LxdClient
from tests.conftest import make_unique_name
from tests.integration.support import OP_TIMEOUT


@pytest.fixture
async def in_project(lxd: LxdClient) -> AsyncIterator[tuple[str, str]]:
    """A running busybox container in a project of its own (default profiles and images):
    ``(project, container)``; both deleted afterwards."""
    project, name = make_unique_name("tp"), make_unique_name("tpc")
    body = {"name": project, "config": {"features.profiles": "false", "features.images": "false"}}
    await lxd.request("POST", "/1.0/projects", json=body)
    query = {"project": project}
    path = f"/1.0/containers/{name}"
    try:
        post = {"name": name, "source": {"type": "image", "alias": "busybox"}}
        await lxd.operations.run("POST", "/1.0/containers", json=post, query=query)
        state = {"action": "start", "timeout": 30}
        await lxd.operations.run("PUT", f"{path}/state", json=state, query=query)
        yield project, name
    finally:
        with contextlib.suppress(NotFound):
            stop = {"action": "stop", "force": True}
            with contextlib.suppress(Exception):  # already stopped
                await lxd.operations.run("PUT", f"{path}/state", json=stop, query=query)
            await lxd.operations.run("DELETE", path, query=query, timeout=OP_TIMEOUT)
        await lxd.request("DELETE", f"/1.0/projects/{project}")


async def test_exec_console_and_files_in_a_project(
    lxd: LxdClient, in_project: tuple[str, str]
) -> None:
    project, name = in_project
    with pytest.raises(NotFound):  # not in the default project: the project is what finds it
        await lxd.exec_recorded(name, ["true"], timeout=OP_TIMEOUT)

    recorded = await lxd.exec_recorded(name, ["sh", "-c", "exit 3"], project=project)
    assert recorded.exit_code == 3

    async with await lxd.exec(name, ["cat"], stdin=b"in a project", project=project) as proc:
        output = b"".join([chunk async for _, chunk in proc.output()])
        assert (await proc.wait(timeout=OP_TIMEOUT)).exit_code == 0
    assert output == b"in a project"

    await lxd.files.push(name, "/tmp/f", b"pushed", mode=0o600, project=project)
    async with lxd.files.pull(name, "/tmp/f", project=project) as pulled:
        assert pulled.info.mode == 0o600
        assert b"".join([chunk async for chunk in pulled.aiter_bytes()]) == b"pushed"
    await lxd.files.delete(name, "/tmp/f", project=project)
    with pytest.raises(NotFound):
        async with lxd.files.pull(name, "/tmp/f", project=project):
            pass

    console = await lxd.console(name, width=80, height=24, project=project)
    assert console.interactive
    assert (await console.detach())["id"] == console.id
