"""Helpers of the InstanceService tests: instances and projects set up and torn down through the
transport on /1.0/instances (which LXD 5.0 and Incus 6.0 both serve), so that cleanup does not
depend on the code under test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from bridge.errors import NotFound
from bridge.transport import LxdClient
from tests.conftest import make_unique_name

OP_TIMEOUT = 60  # seconds any single operation may take before a test fails


def _query(project: str) -> dict[str, Any]:
    return {"project": project or None}


async def create_instance(
    lxd: LxdClient, name: str, *, start: bool = False, project: str = ""
) -> None:
    """A busybox container from the sandbox image, started if ``start``."""
    body = {"name": name, "type": "container", "source": {"type": "image", "alias": "busybox"}}
    await lxd.operations.run(
        "POST", "/1.0/instances", json=body, query=_query(project), timeout=OP_TIMEOUT
    )
    if start:
        await set_instance_state(lxd, name, "start", project=project)


async def set_instance_state(
    lxd: LxdClient, name: str, action: str, *, project: str = ""
) -> dict[str, Any]:
    """Change an instance's state (a stop is forced); the final operation."""
    body = {"action": action, "timeout": 30, "force": action == "stop"}
    return await lxd.operations.run(
        "PUT", f"/1.0/instances/{name}/state", json=body, query=_query(project), timeout=OP_TIMEOUT
    )


async def instance_status(lxd: LxdClient, name: str, *, project: str = "") -> str:
    """The instance's status as LXD says it ("Running", "Stopped")."""
    state = (await lxd.get(f"/1.0/instances/{name}/state", query=_query(project))).metadata
    return str(state["status"])


async def delete_instance(lxd: LxdClient, name: str, *, project: str = "") -> None:
    """Force-stop and delete; quiet if it is already gone."""
    try:
        if await instance_status(lxd, name, project=project) != "Stopped":
            await set_instance_state(lxd, name, "stop", project=project)
        await lxd.operations.run(
            "DELETE", f"/1.0/instances/{name}", query=_query(project), timeout=OP_TIMEOUT
        )
    except NotFound:
        pass


@asynccontextmanager
async def instance(
    lxd: LxdClient, prefix: str, *, start: bool = False, project: str = ""
) -> AsyncIterator[str]:
    """A busybox container with a unique name (running if ``start``), deleted afterwards."""
    name = make_unique_name(prefix)
    try:
        await create_instance(lxd, name, start=start, project=project)
        yield name
    finally:
        await delete_instance(lxd, name, project=project)


@asynccontextmanager
async def project(lxd: LxdClient, prefix: str) -> AsyncIterator[str]:
    """A project with a unique name that shares the default project's images and profiles;
    deleted afterwards with every instance left in it."""
    name = make_unique_name(prefix)
    config = {"features.images": "false", "features.profiles": "false"}
    await lxd.request("POST", "/1.0/projects", json={"name": name, "config": config})
    try:
        yield name
    finally:
        await delete_project(lxd, name)


async def delete_project(lxd: LxdClient, name: str) -> None:
    """Delete a project with every instance left in it; quiet if it is already gone."""
    try:
        listed = (await lxd.get("/1.0/instances", query=_query(name))).metadata or []
        for url in listed:
            await delete_instance(lxd, str(url).split("?")[0].rsplit("/", 1)[-1], project=name)
        await lxd.request("DELETE", f"/1.0/projects/{name}")
    except NotFound:
        pass
