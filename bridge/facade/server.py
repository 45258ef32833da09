"""ServerService: the daemon's configuration and its host's resources (proto: server_service)."""

from __future__ import annotations

from bridge.facade.common import Facade, Get, ListNames, Patch, Sync, service_descriptor
from lxd.api.v1 import server_service_pb2

__all__ = ["ServerFacade"]


class ServerFacade(Facade):
    """GET /, GET/PUT/PATCH /1.0 and GET /1.0/resources."""

    service = service_descriptor(server_service_pb2, "ServerService")

    GetAPIVersions = ListNames()
    GetServer = Get()
    UpdateServer = Sync()
    PatchServer = Patch()
    GetServerResources = Get()
