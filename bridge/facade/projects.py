"""ProjectService: /1.0/projects (proto: project_service)."""

from __future__ import annotations

from bridge.facade.common import (
    Async,
    Facade,
    Get,
    ListNames,
    ListObjects,
    Patch,
    Sync,
    service_descriptor,
)
from lxd.api.v1 import project_service_pb2

__all__ = ["ProjectFacade"]


class ProjectFacade(Facade):
    """/1.0/projects, /1.0/projects/<name> and /1.0/projects/<name>/state."""

    service = service_descriptor(project_service_pb2, "ProjectService")

    GetProjectNames = ListNames()
    GetProjects = ListObjects()
    GetProject = Get()
    GetProjectState = Get()
    CreateProject = Sync()
    UpdateProject = Sync()
    PatchProject = Patch()
    RenameProject = Async()
    DeleteProject = Sync()
