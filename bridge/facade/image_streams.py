"""The streaming RPCs of ImageService: UploadImage and GetImageFile (docs/streams.md).

:class:`ImageStreams` is a mixin of :class:`~bridge.facade.images.ImageFacade`. A split image
travels as multipart/form-data both ways (parts "metadata" and "rootfs", as LXD's Go client
writes them); both directions are streamed: the upload body is written part by part as the
client's chunks come, and the export is cut into parts by a streaming multipart reader that
holds at most one chunk plus a boundary's length.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from email.message import Message as EmailMessage
from typing import Any
from urllib.parse import urlencode

from bridge.errors import InvalidRequest, ProtocolError
from bridge.facade.common import (
    CallContext,
    Facade,
    decode,
    header_value,
    scope_query,
)
from bridge.facade.streams import CHUNK_SIZE, chunks, first_request
from lxd.api.v1 import operation_pb2
from lxd.api.v1.image_service_pb2 import (
    GetImageFileRequest,
    GetImageFileResponse,
    UploadImageRequest,
    UploadImageResponse,
)

__all__ = ["ImageStreams", "multipart_parts"]


class ImageStreams(Facade):
    """Image upload and export (mixed into ImageFacade)."""

    async def UploadImage(
        self, requests: AsyncIterator[UploadImageRequest], call: CallContext
    ) -> UploadImageResponse:
        """POST /1.0/images with the image as the body: unified as is, split as multipart."""
        first, rest = await first_request(requests)
        call = call.scoped(first)
        headers = {}
        if first.fingerprint:
            headers[call.dialect.header("fingerprint")] = header_value(
                first.fingerprint, "fingerprint"
            )
        if first.filename:
            headers[call.dialect.header("filename")] = header_value(first.filename, "filename")
        if first.public:
            headers[call.dialect.header("public")] = "true"
        if first.properties:
            headers[call.dialect.header("properties")] = urlencode(sorted(first.properties.items()))
        pending = [first]
        # The kind of the first chunk says unified or split (the Content-Type depends on it).
        while pending[-1].WhichOneof("chunk") is None:
            try:
                pending.append(await anext(rest))
            except StopAsyncIteration:
                raise InvalidRequest("no image data was sent", field="data") from None
        kind = pending[-1].WhichOneof("chunk")
        if kind == "rootfs":
            raise InvalidRequest("a split image's metadata comes before its rootfs", field="rootfs")
        boundary = secrets.token_hex(16) if kind == "metadata" else None
        if boundary is None:
            headers["Content-Type"] = "application/octet-stream"
        else:
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        operation = await call.operation(
            "POST",
            self.route("UploadImage").path(first),
            wait=first.wait,
            query=scope_query(first),
            headers=headers,
            content=_upload_body(pending, rest, boundary),
        )
        return UploadImageResponse(operation=decode(operation_pb2.Operation, operation))

    async def GetImageFile(
        self, request: GetImageFileRequest, call: CallContext
    ) -> AsyncIterator[GetImageFileResponse]:
        """GET /1.0/images/<fp>/export: one part, or a multipart body read part by part."""
        query: dict[str, Any] = {**scope_query(request), "secret": request.secret or None}
        path = self.route("GetImageFile").path(request)
        async with call.lxd.stream("GET", path, query=query, timeout=call.remaining()) as raw:
            content_type = _params(raw.headers.get("content-type", ""), "content-type")
            if content_type.get_content_type() == "multipart/form-data":
                boundary = content_type.get_param("boundary", header="content-type")
                if not isinstance(boundary, str) or not boundary:
                    raise ProtocolError("multipart image export without a boundary")
                async for name, filename, data in multipart_parts(chunks(raw), boundary.encode()):
                    yield GetImageFileResponse(part=name, filename=filename or "", data=data)
                return
            filename = _filename(raw.headers.get("content-disposition", ""))
            sent = False
            async for data in chunks(raw):
                yield GetImageFileResponse(
                    part="unified", filename="" if sent else filename, data=data
                )
                sent = True
            if not sent:
                yield GetImageFileResponse(part="unified", filename=filename)


async def _upload_body(
    pending: list[UploadImageRequest], rest: AsyncIterator[UploadImageRequest], boundary: str | None
) -> AsyncIterator[bytes]:
    """The body LXD reads: the unified tarball, or the multipart form of a split image."""

    async def messages() -> AsyncIterator[UploadImageRequest]:
        for message in pending:
            yield message
        async for message in rest:
            yield message

    part: str | None = None
    async for message in messages():
        kind = message.WhichOneof("chunk")
        if kind is None:
            continue
        data: bytes = getattr(message, kind)
        if boundary is None:
            if kind != "data":
                raise InvalidRequest(f"a unified image is sent as data, not {kind}", field=kind)
            yield data
            continue
        if kind == "data":
            raise InvalidRequest("a split image is sent as metadata then rootfs", field="data")
        if kind != part:
            if part == "rootfs":
                raise InvalidRequest("metadata after rootfs", field="metadata")
            yield _part_header(boundary, kind, first=part is None)
            part = kind
        yield data
    if boundary is not None:
        if part != "rootfs":
            raise InvalidRequest("a split image needs rootfs after its metadata", field="rootfs")
        yield f"\r\n--{boundary}--\r\n".encode()


def _part_header(boundary: str, name: str, *, first: bool) -> bytes:
    """The delimiter and headers of a form part, as Go's multipart.Writer.CreateFormFile."""
    lead = "" if first else "\r\n"
    return (
        f"{lead}--{boundary}\r\n"
        f'Content-Disposition: form-data; name="{name}"; filename="{name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()


def _params(value: str, header: str) -> EmailMessage:
    message = EmailMessage()
    message[header] = value
    return message


def _filename(disposition: str) -> str:
    """The filename parameter of a Content-Disposition header ("" when none)."""
    if not disposition:
        return ""
    value = _params(disposition, "content-disposition").get_param(
        "filename", header="content-disposition"
    )
    return value if isinstance(value, str) else ""


async def multipart_parts(
    body: AsyncIterator[bytes], boundary: bytes, size: int = CHUNK_SIZE
) -> AsyncIterator[tuple[str, str | None, bytes]]:
    """Stream a multipart body: ``(part name, filename on a part's first chunk, data)``.

    Holds at most about ``size`` bytes plus a delimiter. Every part yields at least one item
    (its first, possibly with empty data), so that a client learns its name and file name.
    """
    delimiter = b"--" + boundary
    separator = b"\r\n" + delimiter
    buffer = b""
    stream = aiter(body)

    async def more() -> bool:
        nonlocal buffer
        try:
            buffer += await anext(stream)
        except StopAsyncIteration:
            return False
        return True

    # The preamble, up to the first delimiter line.
    while (at := buffer.find(delimiter)) < 0:
        buffer = buffer[-len(delimiter) :]  # only what may be the start of the delimiter
        if not await more():
            raise ProtocolError("multipart body without its first boundary")
    buffer = buffer[at + len(delimiter) :]
    while True:
        while len(buffer) < 2 and await more():
            pass
        if buffer.startswith(b"--"):
            return  # the closing delimiter
        while (end := buffer.find(b"\r\n\r\n")) < 0:
            if len(buffer) > 16 * 1024 or not await more():
                raise ProtocolError("multipart part headers missing or too long")
        headers = buffer[:end].decode("latin-1")
        buffer = buffer[end + 4 :]
        name, filename = _part_names(headers)
        announced = False
        while True:
            at = buffer.find(separator)
            ready = at if at >= 0 else max(len(buffer) - (len(separator) - 1), 0)
            start = 0
            while ready - start >= size or (not announced and (ready > start or at >= 0)):
                cut = min(start + size, ready)
                yield name, None if announced else filename, buffer[start:cut]
                announced, start = True, cut
            if at >= 0:
                if ready > start:
                    yield name, None, buffer[start:ready]
                buffer = buffer[at + len(separator) :]
                break
            buffer = buffer[start:]
            if not await more():
                raise ProtocolError(f"multipart part {name!r} is cut short")


def _part_names(headers: str) -> tuple[str, str | None]:
    """The form name and file name of a part, from its headers."""
    for line in headers.split("\r\n"):
        key, _, value = line.partition(":")
        if key.strip().lower() == "content-disposition":
            message = _params(value.strip(), "content-disposition")
            name = message.get_param("name", header="content-disposition")
            filename = message.get_param("filename", header="content-disposition")
            return (
                name if isinstance(name, str) else "",
                filename if isinstance(filename, str) else None,
            )
    return "", None
