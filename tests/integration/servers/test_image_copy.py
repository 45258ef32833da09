"""CopyImage between two real LXD servers (issue 14, item 3): a private image made on s1 (a small
unified tarball) is copied to s2 by pull (s2 downloads it from s1 with a one-time secret), push
(s1 exports it to s2 with a secret s2 gave) and relay (the bridge streams s1's export into an
upload to s2, which checks the fingerprint). It
arrives with the same fingerprint, size and properties, and the aliases asked for. Errors are
clean and leave nothing behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import secrets
import tarfile
import time
from collections.abc import AsyncIterator

import grpc
import pytest

from bridge.errors import NotFound
from bridge.transport import LxdClient
from lxd.api.v1 import image_pb2
from lxd.api.v1 import image_service_pb2 as ims
from lxd.api.v1.image_service_pb2_grpc import ImageServiceStub
from lxd.api.v1.status_code_pb2 import STATUS_CODE_SUCCESS
from tests.integration.servers.conftest import on
from tests.integration.support import OP_TIMEOUT

pytestmark = pytest.mark.timeout(180)


def tiny_image() -> bytes:
    """A unified image tarball: metadata.yaml and a rootfs with one file of random content."""
    stamp = int(time.time())
    metadata = (
        f"architecture: x86_64\ncreation_date: {stamp}\n"
        f"properties:\n  description: copied between servers\n  os: tiny\n"
    ).encode()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in (("metadata.yaml", metadata), ("rootfs/marker", secrets.token_bytes(64))):
            info = tarfile.TarInfo(name)
            info.size, info.mtime = len(data), stamp
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


async def delete_image(lxd: LxdClient, fingerprint: str) -> None:
    with contextlib.suppress(NotFound):
        await lxd.operations.run("DELETE", f"/1.0/images/{fingerprint}", timeout=OP_TIMEOUT)


@pytest.fixture(scope="module")
async def image(s1: LxdClient) -> AsyncIterator[str]:
    """A private image on s1 only; its fingerprint."""
    tarball = tiny_image()
    fingerprint = hashlib.sha256(tarball).hexdigest()
    headers = {"Content-Type": "application/octet-stream", "X-LXD-filename": "tiny.tar.gz"}
    upload = await s1.operations.start(
        "POST", "/1.0/images", headers=headers, content=tarball, timeout=OP_TIMEOUT
    )
    async with upload:
        await upload.wait(OP_TIMEOUT)
    try:
        yield fingerprint
    finally:
        await delete_image(s1, fingerprint)


async def running_operations(lxd: LxdClient) -> list[str]:
    return list(((await lxd.get("/1.0/operations")).metadata or {}).get("running") or [])


@pytest.mark.parametrize("mode", ["pull", "push", "relay"])
async def test_a_private_image_is_copied_to_the_other_server(
    servers_channel: grpc.aio.Channel, s1: LxdClient, s2: LxdClient, image: str, mode: str
) -> None:
    images = ImageServiceStub(servers_channel)
    alias = f"t-tiny-{mode}-{secrets.token_hex(4)}"
    request = ims.CopyImageRequest(
        name=image[:12],  # a unique prefix, as LXD accepts
        source_server="s1",
        args=ims.ImageCopyArgs(
            mode=mode, aliases=[image_pb2.ImageAlias(name=alias, description="copied")]
        ),
        wait=True,
    )
    try:
        reply = await images.CopyImage(request, metadata=on("s2"), timeout=120)
        assert reply.operation.status_code == STATUS_CODE_SUCCESS
        assert reply.operation_server == ("s1" if mode == "push" else "s2")
        original = (await s1.get(f"/1.0/images/{image}")).metadata
        copied = (await s2.get(f"/1.0/images/{image}")).metadata
        for key in ("fingerprint", "size", "properties", "architecture", "type", "public"):
            assert copied[key] == original[key], key
        assert copied["public"] is False
        target = (await s2.get(f"/1.0/images/aliases/{alias}")).metadata
        assert (target["target"], target["description"]) == (image, "copied")
        assert not await running_operations(s1), "no image secret left open on s1"
        assert not await running_operations(s2), "no push token left open on s2"
    finally:
        await delete_image(s2, image)


async def test_image_copy_errors_are_clean_and_leave_nothing_behind(
    servers_channel: grpc.aio.Channel, s1: LxdClient, s2: LxdClient, image: str
) -> None:
    images = ImageServiceStub(servers_channel)
    before = (await s2.get("/1.0/images")).metadata

    async def refused(request: ims.CopyImageRequest) -> grpc.aio.AioRpcError:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await images.CopyImage(request, metadata=on("s2"), timeout=60)
        return caught.value

    unknown = await refused(ims.CopyImageRequest(name=image, source_server="s9", wait=True))
    assert unknown.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "source_server" in (unknown.details() or "")
    missing = await refused(ims.CopyImageRequest(name="0" * 64, source_server="s1", wait=True))
    assert missing.code() == grpc.StatusCode.NOT_FOUND
    bad_mode = await refused(
        ims.CopyImageRequest(
            name=image, source_server="s1", args=ims.ImageCopyArgs(mode="teleport"), wait=True
        )
    )
    assert bad_mode.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "args.mode" in (bad_mode.details() or "")
    itself = await refused(ims.CopyImageRequest(name=image, source_server="s2", wait=True))
    assert itself.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert (await s2.get("/1.0/images")).metadata == before
    assert not await running_operations(s1)
    assert not await running_operations(s2)
