"""ImageService.ExportImage (POST /1.0/images/<fingerprint>/export) through the real bridge and a
real daemon: the refusals one daemon can show. The push itself needs a second daemon holding a
receive secret; the cluster issue's server pairs test it.
"""

from __future__ import annotations

import grpc
import pytest

from lxd.api.v1 import image_pb2
from lxd.api.v1 import image_service_pb2 as pb
from lxd.api.v1.image_service_pb2_grpc import ImageServiceStub
from tests.conftest import LxdSandbox
from tests.integration.conftest import error_details

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(scope="module")
def images(channel: grpc.aio.Channel) -> ImageServiceStub:
    """ImageService client."""
    return ImageServiceStub(channel)


async def test_an_unreachable_target_is_refused_with_the_daemons_message(
    images: ImageServiceStub, lxd_sandbox: LxdSandbox
) -> None:
    push = image_pb2.ImageExportPost(target="https://127.0.0.1:1", secret="not-a-secret")
    request = pb.ExportImageRequest(name=lxd_sandbox.image_fingerprint, image=push, wait=True)
    with pytest.raises(grpc.aio.AioRpcError) as excinfo:
        await images.ExportImage(request)
    # LXD 5.0.2 connects to the target before it starts an operation, and answers 500.
    assert excinfo.value.code() == grpc.StatusCode.INTERNAL
    assert "127.0.0.1:1" in (excinfo.value.details() or "")
    assert error_details(excinfo.value).info.metadata["error_code"] == "500"


async def test_an_unknown_image_is_not_found(images: ImageServiceStub) -> None:
    push = image_pb2.ImageExportPost(target="https://127.0.0.1:1")
    with pytest.raises(grpc.aio.AioRpcError) as excinfo:
        await images.ExportImage(pb.ExportImageRequest(name="00" * 32, image=push))
    assert excinfo.value.code() == grpc.StatusCode.NOT_FOUND
