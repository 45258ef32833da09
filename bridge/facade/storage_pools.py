"""StoragePoolService: storage pools and their volumes, /1.0/storage-pools (proto:
storage_pool_service).

LXD 3.4 lists container and image volumes under the plural type (``.../volumes/containers/c1``)
but its volume routes accept only the singular (reference/quirks.md §11): every RPC naming a
volume maps the request's ``type`` to the singular before the path is built, and
GetStoragePoolVolumeNames returns singular types. Creating a volume (create vs copy) and
renaming one (rename vs move to another pool) are :class:`~bridge.facade.common.MaybeAsync`.
A volume's state, snapshots and backups are kinds wrapped in :class:`OnVolume`; the backup
export and import streams are in volume_streams.py.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from google.protobuf.message import Message

from bridge import codec
from bridge.facade.common import (
    Async,
    CallContext,
    Get,
    ListNames,
    ListObjects,
    MaybeAsync,
    Patch,
    Rpc,
    Sync,
    scope_query,
    service_descriptor,
)
from bridge.facade.volume_streams import VolumeStreams
from lxd.api.v1 import storage_pool_service_pb2
from lxd.api.v1.storage_pool_service_pb2 import (
    GetStoragePoolVolumeNamesRequest,
    GetStoragePoolVolumeNamesResponse,
)

__all__ = ["OnVolume", "StoragePoolFacade", "singular_volume_type", "volume_name_from_url"]

_SERVICE = service_descriptor(storage_pool_service_pb2, "StoragePoolService")

#: LXD 3.4's plural volume types in list URLs -> the singular its volume routes accept.
_SINGULAR = {"containers": "container", "images": "image", "virtual-machines": "virtual-machine"}


def singular_volume_type(volume_type: str) -> str:
    """``containers`` -> ``container``, ``images`` -> ``image``; anything else unchanged."""
    return _SINGULAR.get(volume_type, volume_type)


def volume_name_from_url(url: str) -> str:
    """``/1.0/storage-pools/p/volumes/containers/c%201?project=x`` -> ``container/c 1``.

    The part after ``/volumes/`` (as LXD's Go client returns it), each segment unescaped, the
    type made singular. A volume snapshot (LXD 5.0) keeps its ``/snapshots/<name>`` tail.
    """
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    _, found, tail = path.partition("/volumes/")
    if not found or "/" not in tail:
        raise codec.ConversionError(url, "expected a storage volume URL from LXD")
    volume_type, *rest = tail.split("/")
    return "/".join([singular_volume_type(unquote(volume_type)), *(unquote(s) for s in rest)])


def _singular(request: Any) -> Any:
    """The request, with ``type`` made singular (a copy; the caller's message is left alone)."""
    singular = singular_volume_type(request.type)
    if singular == request.type:
        return request
    copy = type(request)()
    copy.CopyFrom(request)
    copy.type = singular
    return copy


class OnVolume(Rpc):
    """A kind of call on a volume or something of it (its state, a snapshot, a backup): the
    request's ``type`` made singular first, then ``kind`` serves it."""

    def __init__(self, kind: Rpc) -> None:
        self.kind = kind

    def bind(self, method: Any) -> None:
        """Bind the wrapped kind (it checks the messages) and take its route."""
        self.kind.bind(method)
        self.method = method
        self.route = self.kind.route
        self.response_cls = self.kind.response_cls

    async def serve(self, request: Any, call: CallContext) -> Message:
        """See the wrapped kind."""
        return await self.kind.serve(_singular(request), call)


class StoragePoolFacade(VolumeStreams):  # the backup streams: volume_streams.py
    """/1.0/storage-pools[/<pool>[/resources|/volumes[/<type>/<name>]]]."""

    service = _SERVICE

    GetStoragePoolNames = ListNames()
    GetStoragePools = ListObjects()
    GetStoragePool = Get()
    GetStoragePoolResources = Get()
    CreateStoragePool = Sync()
    UpdateStoragePool = Sync()
    PatchStoragePool = Patch()
    DeleteStoragePool = Sync()

    GetStoragePoolVolumes = ListObjects()
    GetStoragePoolVolume = OnVolume(Get())
    CreateStoragePoolVolume = MaybeAsync()
    UpdateStoragePoolVolume = OnVolume(Sync())
    PatchStoragePoolVolume = OnVolume(Patch())
    RenameStoragePoolVolume = OnVolume(MaybeAsync())
    DeleteStoragePoolVolume = OnVolume(Sync())
    GetStoragePoolVolumeState = OnVolume(Get())

    GetStoragePoolVolumeSnapshotNames = OnVolume(ListNames())
    GetStoragePoolVolumeSnapshots = OnVolume(ListObjects())
    GetStoragePoolVolumeSnapshot = OnVolume(Get())
    CreateStoragePoolVolumeSnapshot = OnVolume(Async())
    UpdateStoragePoolVolumeSnapshot = OnVolume(Sync())
    PatchStoragePoolVolumeSnapshot = OnVolume(Patch())
    RenameStoragePoolVolumeSnapshot = OnVolume(Async())
    DeleteStoragePoolVolumeSnapshot = OnVolume(Async())

    GetStoragePoolVolumeBackupNames = OnVolume(ListNames())
    GetStoragePoolVolumeBackups = OnVolume(ListObjects())
    GetStoragePoolVolumeBackup = OnVolume(Get())
    CreateStoragePoolVolumeBackup = OnVolume(Async())
    RenameStoragePoolVolumeBackup = OnVolume(Async())
    DeleteStoragePoolVolumeBackup = OnVolume(Async())

    async def GetStoragePoolVolumeNames(
        self, request: GetStoragePoolVolumeNamesRequest, call: CallContext
    ) -> GetStoragePoolVolumeNamesResponse:
        """GET the volume URLs; each gives ``<type>/<name>`` (see volume_name_from_url)."""
        route = self.route("GetStoragePoolVolumeNames")
        answer = await call.request(route.method, route.path(request), query=scope_query(request))
        urls = answer.metadata if answer.metadata is not None else []
        if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
            raise codec.ConversionError("[]string", "expected a list of strings from LXD")
        return GetStoragePoolVolumeNamesResponse(names=[volume_name_from_url(u) for u in urls])
