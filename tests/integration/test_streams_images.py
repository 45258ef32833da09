"""UploadImage and GetImageFile through the real gRPC channel (sandbox LXD).

The sandbox's busybox image is never deleted: the tests export it, or publish containers, and
upload copies under new fingerprints, which they delete.
"""

from __future__ import annotations

import hashlib
import io
import tarfile
import time

import grpc
import pytest

from bridge.transport import LxdClient
from lxd.api.v1 import image_pb2
from lxd.api.v1.image_service_pb2 import (
    CreateImageRequest,
    DeleteImageRequest,
    GetImageFileRequest,
    GetImageRequest,
    UploadImageRequest,
)
from lxd.api.v1.image_service_pb2_grpc import ImageServiceStub
from tests.conftest import LxdSandbox, make_unique_name
from tests.integration.support import create_container, delete_container

pytestmark = pytest.mark.timeout(180)

CHUNK = 256 * 1024


@pytest.fixture(scope="module")
def images(channel: grpc.aio.Channel) -> ImageServiceStub:
    """ImageService client."""
    return ImageServiceStub(channel)


async def export(images: ImageServiceStub, fingerprint: str) -> dict[str, tuple[str, bytes]]:
    """GetImageFile: part -> (filename, bytes), parts in the order they came."""
    parts: dict[str, tuple[str, bytes]] = {}
    async for reply in images.GetImageFile(GetImageFileRequest(name=fingerprint)):
        filename, data = parts.get(reply.part, (reply.filename, b""))
        assert reply.filename in ("", filename), "the filename comes on a part's first chunk"
        assert len(reply.data) <= CHUNK
        parts[reply.part] = (filename, data + reply.data)
    return parts


def chunked(first: UploadImageRequest, **parts: bytes) -> list[UploadImageRequest]:
    """The options, then each part (``data``, or ``metadata`` and ``rootfs``) in chunks."""
    requests = [first]
    for field, content in parts.items():
        for i in range(0, len(content), CHUNK):
            requests.append(UploadImageRequest(**{field: content[i : i + CHUNK]}))
    return requests


async def delete_image(images: ImageServiceStub, fingerprint: str) -> None:
    try:
        await images.DeleteImage(DeleteImageRequest(name=fingerprint, wait=True))
    except grpc.aio.AioRpcError as e:
        assert e.code() == grpc.StatusCode.NOT_FOUND


async def test_published_image_exported_deleted_and_reimported_keeps_its_fingerprint(
    images: ImageServiceStub, lxd: LxdClient
) -> None:
    container = make_unique_name("si")
    fingerprint = ""
    try:
        await create_container(lxd, container, start=False)
        source = image_pb2.ImagesPostSource(type="container", name=container)
        created = await images.CreateImage(
            CreateImageRequest(image=image_pb2.ImagesPost(source=source), wait=True)
        )
        fingerprint = created.operation.metadata.fields["fingerprint"].string_value
        assert len(fingerprint) == 64
        parts = await export(images, fingerprint)
        assert list(parts) == ["unified"]
        filename, tarball = parts["unified"]
        assert hashlib.sha256(tarball).hexdigest() == fingerprint
        assert filename

        await delete_image(images, fingerprint)
        first = UploadImageRequest(
            fingerprint=fingerprint,
            filename=filename,
            properties={"description": "re-imported"},
            wait=True,
        )
        uploaded = await images.UploadImage(chunked(first, data=tarball))
        assert uploaded.operation.metadata.fields["fingerprint"].string_value == fingerprint
        image = (await images.GetImage(GetImageRequest(name=fingerprint))).image
        assert image.fingerprint == fingerprint
        assert image.properties["description"] == "re-imported"
    finally:
        if fingerprint:
            await delete_image(images, fingerprint)
        await delete_container(lxd, container)


def split(unified: bytes) -> tuple[bytes, bytes]:
    """A unified image tarball as a split image: (metadata tarball, rootfs tarball)."""
    metadata, rootfs = io.BytesIO(), io.BytesIO()
    with (
        tarfile.open(fileobj=io.BytesIO(unified)) as source,
        tarfile.open(fileobj=metadata, mode="w:gz") as meta,
        tarfile.open(fileobj=rootfs, mode="w:gz") as root,
    ):
        for member in source.getmembers():
            content = source.extractfile(member) if member.isfile() else None
            if member.name.startswith("rootfs/") or member.name == "rootfs":
                member.name = member.name[len("rootfs/") :] or "."
                root.addfile(member, content)
            else:
                meta.addfile(member, content)
    return metadata.getvalue(), rootfs.getvalue()


async def test_split_image_upload_and_export(images: ImageServiceStub, daemon: LxdSandbox) -> None:
    parts = await export(images, daemon.image_fingerprint)  # read only: never deleted
    metadata, rootfs = split(parts["unified"][1])
    # A fresh creation date makes the metadata (so the fingerprint) differ from other runs'.
    metadata_tar = io.BytesIO()
    with (
        tarfile.open(fileobj=io.BytesIO(metadata)) as source,
        tarfile.open(fileobj=metadata_tar, mode="w:gz") as target,
    ):
        for member in source.getmembers():
            content = source.extractfile(member) if member.isfile() else None
            if member.name == "metadata.yaml" and content is not None:
                text = content.read() + f"\n# {make_unique_name('split')} {time.time()}\n".encode()
                member.size = len(text)
                content = io.BytesIO(text)
            target.addfile(member, content)
    metadata = metadata_tar.getvalue()
    fingerprint = hashlib.sha256(metadata + rootfs).hexdigest()
    try:
        first = UploadImageRequest(fingerprint=fingerprint, wait=True)
        uploaded = await images.UploadImage(chunked(first, metadata=metadata, rootfs=rootfs))
        assert uploaded.operation.metadata.fields["fingerprint"].string_value == fingerprint
        exported = await export(images, fingerprint)
        assert list(exported) == ["metadata", "rootfs"]
        assert exported["metadata"][1] == metadata
        assert exported["rootfs"][1] == rootfs
        assert all(filename for filename, _ in exported.values())
    finally:
        await delete_image(images, fingerprint)


async def test_upload_errors(images: ImageServiceStub, daemon: LxdSandbox) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await images.UploadImage([UploadImageRequest(rootfs=b"x")])
    assert e.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await images.UploadImage([UploadImageRequest(wait=True)])
    assert e.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await images.UploadImage([UploadImageRequest(data=b"not a tarball", wait=True)])
    if daemon.family == "incus":  # Incus checks the compression before any operation: 500
        assert (e.value.code(), e.value.details()) == (
            grpc.StatusCode.INTERNAL,
            "Unsupported compression",
        )
    else:
        assert e.value.code() in (grpc.StatusCode.UNKNOWN, grpc.StatusCode.INVALID_ARGUMENT)
    with pytest.raises(grpc.aio.AioRpcError) as e:
        async for _ in images.GetImageFile(GetImageFileRequest(name="0" * 64)):
            pass
    assert e.value.code() == grpc.StatusCode.NOT_FOUND
