"""Copies of images between two servers of the bridge: pull, push and relay.

What LXD's Go client does in ``CopyImage`` (client/lxd_images.go at lxd-5.0.2), with the bridge
as the client both servers trust:

- **pull** (the default): the target is asked to download the image from the source
  (``POST /1.0/images`` with an ``image`` source in ``pull`` mode: the source's HTTPS URL, its
  certificate to pin, the fingerprint, the source project, and a one-time secret from
  ``POST /1.0/images/<fp>/secret`` when the image is not public). The target must reach the
  source's HTTPS address.
- **push**: the target is asked for a one-time secret (``POST /1.0/images`` with a ``push``
  source: a token operation), and the source is asked to export the image to it
  (``POST /1.0/images/<fp>/export`` with the target's URL, certificate, the secret, aliases,
  project and profiles: API extension ``images_push_relay``). The source must reach the
  target's HTTPS address. The token is cancelled once the export has ended.
- **relay**: the bridge streams the source's export (``GET /1.0/images/<fp>/export``, one
  tarball or a multipart body of metadata and rootfs) into an upload to the target as it comes,
  with the same Content-Type (the export's parts are the upload's), the fingerprint sent for the
  target to check, and the aliases created afterwards. Nothing is held in memory or on disk.

The bodies are messages of ``image.proto`` encoded with the dialect of the server they go to.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable
from dataclasses import dataclass, field

from google.protobuf.field_mask_pb2 import FieldMask

from bridge.errors import BridgeError, InvalidRequest, ProtocolError
from bridge.facade.bodies import decode, encode, patch_body
from bridge.facade.context import CallContext
from bridge.facade.streams import chunks
from bridge.migration import (
    MODES,
    CopyResult,
    check_mode,
    finish,
    reachable_urls,
    server_certificate,
    start_at_first,
)
from bridge.transport import JsonObject
from bridge.transport.operations import Operation
from bridge.transport.paths import segment
from lxd.api.v1 import image_pb2

__all__ = ["IMAGE_MODES", "ImageCopyArgs", "copy_image"]

#: The transfer modes of LXD's Go client (an instance's: bridge/migration.py).
IMAGE_MODES = MODES


@dataclass(frozen=True)
class ImageCopyArgs:
    """The Go client's ``ImageCopyArgs``: aliases to add (name, description), auto update,
    whether the source's aliases come along, public, the image type, the mode, the profiles."""

    aliases: tuple[tuple[str, str], ...] = ()
    auto_update: bool = False
    copy_aliases: bool = False
    public: bool = False
    type: str = ""
    mode: str = "pull"
    profiles: tuple[str, ...] = field(default=())


async def copy_image(
    source: CallContext, target: CallContext, name: str, args: ImageCopyArgs, *, wait: bool
) -> CopyResult:
    """Copy image ``name`` (a fingerprint or its unique prefix) of ``source`` to ``target``.

    With ``wait`` the copy is waited for within the RPC deadline (a relay that adds aliases
    always waits: they are created once the image is in). Raises InvalidRequest naming
    ``args.mode`` for an unknown mode, ``source_server`` when both are one server, and LXD's
    errors as they come (NotFound when the image is not on the source).
    """
    check_mode(args.mode)
    if source.upstream.name == target.upstream.name:
        raise InvalidRequest(
            "the source and target servers must be different (an image is on its server already)",
            field="source_server",
        )
    path = f"/1.0/images/{segment(name, 'name')}"
    got = await source.request("GET", path, query={"project": source.project or None})
    image: JsonObject = got.metadata if isinstance(got.metadata, dict) else {}
    aliases = [image_pb2.ImageAlias(name=n, description=d) for n, d in args.aliases]
    if args.copy_aliases:
        aliases = [decode(image_pb2.ImageAlias, a) for a in image.get("aliases") or ()] + aliases
    if args.mode == "relay":
        after = bool(aliases or args.profiles)
        return await _relay(source, target, image, aliases, args, wait=wait or after)
    if args.mode == "push":
        return await _push(source, target, image, aliases, args, wait=wait)
    return await _pull(source, target, image, aliases, args, wait=wait)


async def _push(
    source: CallContext,
    target: CallContext,
    image: JsonObject,
    aliases: list[image_pb2.ImageAlias],
    args: ImageCopyArgs,
    *,
    wait: bool,
) -> CopyResult:
    urls = reachable_urls(target, side="target", mode="push", instead="pull or relay")
    fingerprint = str(image.get("fingerprint", ""))
    # The aliases and the rest go with the target's token: LXD 5.0 applies what the token's
    # operation holds when the pushed image arrives (the export's own aliases are not read);
    # the profiles go with the export.
    request = image_pb2.ImagesPost(
        source=image_pb2.ImagesPostSource(fingerprint=fingerprint, mode="push"),
        public=args.public,
        aliases=aliases,
    )
    request.properties.update(image.get("properties") or {})
    if image.get("expires_at"):
        request.expires_at.FromJsonString(str(image["expires_at"]))
    token = await target.lxd.operations.start(
        "POST",
        "/1.0/images",
        json=encode(request, target.dialect, field="args"),
        query={"project": target.project or None},
        timeout=target.remaining(),
        watch=False,
    )
    try:
        secret = token.metadata.get("secret") if isinstance(token.metadata, dict) else None
        if not isinstance(secret, str):
            raise ProtocolError(f"the target server gave no image secret: {token.metadata!r}")
        export = image_pb2.ImageExportPost(
            target=urls[0],
            secret=secret,
            certificate=server_certificate(target.lxd),
            project=target.project or "default",
            profiles=args.profiles,
        )
        started = await source.lxd.operations.start(
            "POST",
            f"/1.0/images/{segment(fingerprint, 'name')}/export",
            json=encode(export, source.dialect, field="args"),
            query={"project": source.project or None},
            timeout=source.remaining(),
            watch=wait,
        )
        result = await finish(started, source, wait)
    except BaseException:
        await _cancel(token)
        raise
    if wait:  # done: the token is no longer needed (the Go client cancels it too)
        await _cancel(token)
    return result


async def _cancel(token: Operation) -> None:
    with contextlib.suppress(BridgeError, TimeoutError):
        await token.cancel()


async def _pull(
    source: CallContext,
    target: CallContext,
    image: JsonObject,
    aliases: list[image_pb2.ImageAlias],
    args: ImageCopyArgs,
    *,
    wait: bool,
) -> CopyResult:
    urls = reachable_urls(source, side="source", mode="pull", instead="relay")
    fingerprint = str(image.get("fingerprint", ""))
    post = image_pb2.ImagesPost(
        source=image_pb2.ImagesPostSource(
            certificate=server_certificate(source.lxd),
            protocol="lxd",
            fingerprint=fingerprint,
            mode="pull",
            type="image",
            project=source.project or "default",
            image_type=args.type,
        ),
        aliases=aliases,
        auto_update=args.auto_update,
        public=args.public,
        profiles=args.profiles,
    )
    token: Operation | None = None
    if not image.get("public"):
        token = await source.lxd.operations.start(
            "POST",
            f"/1.0/images/{segment(fingerprint, 'name')}/secret",
            query={"project": source.project or None},
            timeout=source.remaining(),
            watch=False,
        )
        secret = token.metadata.get("secret") if isinstance(token.metadata, dict) else None
        if not isinstance(secret, str):
            raise ProtocolError(f"the source server gave no image secret: {token.metadata!r}")
        post.source.secret = secret

    def start(url: str) -> Awaitable[Operation]:
        post.source.server = url
        return target.lxd.operations.start(
            "POST",
            "/1.0/images",
            json=encode(post, target.dialect, field="args"),
            query={"project": target.project or None},
            timeout=target.remaining(),
            watch=wait,
        )

    try:
        return await finish(await start_at_first(urls, start), target, wait)
    except BaseException:
        if token is not None:
            await _cancel(token)
        raise


async def _relay(
    source: CallContext,
    target: CallContext,
    image: JsonObject,
    aliases: list[image_pb2.ImageAlias],
    args: ImageCopyArgs,
    *,
    wait: bool,
) -> CopyResult:
    fingerprint = str(image.get("fingerprint", ""))
    export = f"/1.0/images/{segment(fingerprint, 'name')}/export"
    query = {"project": source.project or None}
    async with source.lxd.stream("GET", export, query=query, timeout=source.remaining()) as raw:
        dialect = target.dialect
        headers = {
            "Content-Type": raw.headers.get("content-type", "application/octet-stream"),
            dialect.header("fingerprint"): fingerprint,
        }
        if image.get("filename"):
            headers[dialect.header("filename")] = str(image["filename"])
        if args.public:
            headers[dialect.header("public")] = "true"

        started = await target.lxd.operations.start(
            "POST",
            "/1.0/images",
            headers=headers,
            content=chunks(raw),
            query={"project": target.project or None},
            timeout=target.remaining(),
            watch=wait,
        )
    result = await finish(started, target, wait)
    if args.profiles:  # LXD 5.0 reads no profiles with an upload: set them once it is in
        put = image_pb2.ImagePut(profiles=args.profiles)
        await target.request(
            "PATCH",
            f"/1.0/images/{segment(fingerprint, 'name')}",
            json=patch_body(put, FieldMask(paths=["profiles"]), target.dialect, field="args"),
            query={"project": target.project or None},
        )
    for alias in aliases:  # after the import, as the Go client does for a relay
        entry = image_pb2.ImageAliasesPost(
            name=alias.name, description=alias.description, target=fingerprint
        )
        await target.request(
            "POST",
            "/1.0/images/aliases",
            json=encode(entry, target.dialect, field="args.aliases"),
            query={"project": target.project or None},
        )
    return result
