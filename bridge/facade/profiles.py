"""ProfileService: /1.0/profiles (proto: profile_service)."""

from __future__ import annotations

from bridge.facade.common import (
    Facade,
    Get,
    ListNames,
    ListObjects,
    Patch,
    Sync,
    service_descriptor,
)
from lxd.api.v1 import profile_service_pb2

__all__ = ["ProfileFacade"]


class ProfileFacade(Facade):
    """/1.0/profiles and /1.0/profiles/<name>."""

    service = service_descriptor(profile_service_pb2, "ProfileService")

    GetProfileNames = ListNames()
    GetProfiles = ListObjects()
    GetProfile = Get()
    CreateProfile = Sync()
    UpdateProfile = Sync()
    PatchProfile = Patch()
    RenameProfile = Sync()
    DeleteProfile = Sync()
