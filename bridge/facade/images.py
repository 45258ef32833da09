"""ImageService: images and image aliases, /1.0/images (proto: image_service).

The JSON form of POST /1.0/images is CreateImage; the raw upload (UploadImage) and the export
(GetImageFile) are streaming RPCs, served by image_streams.py. CreateImageSecret returns the secret
next to the token operation, which it never waits for (it runs until the secret is used).
"""

from __future__ import annotations

from bridge import codec
from bridge.facade.common import (
    Async,
    CallContext,
    Get,
    ListNames,
    ListObjects,
    Patch,
    Sync,
    decode,
    scope_query,
    service_descriptor,
)
from bridge.facade.image_streams import ImageStreams
from bridge.image_copy import ImageCopyArgs, copy_image
from bridge.migration import source_context
from lxd.api.v1 import image_service_pb2, operation_pb2
from lxd.api.v1.image_service_pb2 import CreateImageSecretRequest, CreateImageSecretResponse

__all__ = ["ImageFacade"]

_SERVICE = service_descriptor(image_service_pb2, "ImageService")


class ImageFacade(ImageStreams):  # UploadImage, GetImageFile: image_streams.py
    """/1.0/images and /1.0/images/aliases, except the file transfers (streams)."""

    service = _SERVICE

    GetImageFingerprints = ListNames()
    GetImages = ListObjects()
    GetImage = Get("secret")
    CreateImage = Async()
    UpdateImage = Sync()
    PatchImage = Patch()
    DeleteImage = Async()
    RefreshImage = Async()
    ExportImage = Async()

    GetImageAliasNames = ListNames()
    GetImageAliases = ListObjects()
    GetImageAlias = Get()
    CreateImageAlias = Sync()
    UpdateImageAlias = Sync()
    PatchImageAlias = Patch()
    RenameImageAlias = Sync()
    DeleteImageAlias = Sync()

    async def CreateImageSecret(
        self, request: CreateImageSecretRequest, call: CallContext
    ) -> CreateImageSecretResponse:
        """Start the token operation and return it with its secret, without waiting."""
        route = self.route("CreateImageSecret")
        operation = await call.operation(
            route.method, route.path(request), wait=False, query=scope_query(request)
        )
        metadata = operation.get("metadata")
        secret = metadata.get("secret") if isinstance(metadata, dict) else None
        if not isinstance(secret, str):
            raise codec.ConversionError("metadata.secret", "expected the secret from LXD")
        return CreateImageSecretResponse(
            operation=decode(operation_pb2.Operation, operation), secret=secret
        )

    async def CopyImage(
        self, request: image_service_pb2.CopyImageRequest, call: CallContext
    ) -> image_service_pb2.CopyImageResponse:
        """An image copied from another server of the bridge (bridge/image_copy.py)."""
        source = source_context(
            self.upstreams,
            call,
            request.source_server,
            request.source_project,
            field="source_server",
        )
        args = request.args
        result = await copy_image(
            source,
            call,
            request.name,
            ImageCopyArgs(
                aliases=tuple((a.name, a.description) for a in args.aliases),
                auto_update=args.auto_update,
                copy_aliases=args.copy_aliases,
                public=args.public,
                type=args.type,
                mode=args.mode or "pull",
                profiles=tuple(args.profiles),
            ),
            wait=request.wait,
        )
        return image_service_pb2.CopyImageResponse(
            operation=decode(operation_pb2.Operation, result.operation),
            operation_server=result.server.upstream.name,
        )
