"""ImageService through the real bridge and a real LXD: every unary RPC, as a client sees it.

The sandbox's `busybox` image is only read. The images written to are published here from a
container made for the module (CreateImage from its snapshot, and from the container itself),
and deleted afterwards through the transport, like the container and every alias made here.
The file transfers (UploadImage, GetImageFile) are streams, not tested here.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask

from bridge.errors import LxdError, NotFound
from bridge.objects import writable
from bridge.transport import LxdClient
from lxd.api.v1 import image_pb2
from lxd.api.v1 import image_service_pb2 as pb
from lxd.api.v1.image_service_pb2_grpc import ImageServiceStub
from lxd.api.v1.status_code_pb2 import STATUS_CODE_RUNNING, STATUS_CODE_SUCCESS
from tests.conftest import LxdSandbox, make_unique_name
from tests.integration.conftest import error_details
from tests.integration.support import per_family

pytestmark = pytest.mark.timeout(90)

SUCCESS = STATUS_CODE_SUCCESS


@pytest.fixture(scope="module")
def images(channel: grpc.aio.Channel) -> ImageServiceStub:
    """ImageService client."""
    return ImageServiceStub(channel)


async def quiet(lxd: LxdClient, method: str, path: str, *, operation: bool = False) -> None:
    """A cleanup call through the transport; quiet if the object is already gone."""
    try:
        if operation:
            await lxd.operations.run(method, path, timeout=60)
        else:
            await lxd.request(method, path)
    except NotFound:
        pass


@pytest.fixture(scope="module")
async def container(lxd: LxdClient) -> AsyncIterator[str]:
    """A stopped busybox container to publish images from."""
    name = make_unique_name("img-src")
    try:
        body = {"name": name, "source": {"type": "image", "alias": "busybox"}}
        await lxd.operations.run("POST", "/1.0/containers", json=body, timeout=60)
        yield name
    finally:
        await quiet(lxd, "DELETE", f"/1.0/containers/{name}", operation=True)


@pytest.fixture
async def publish(
    lxd: LxdClient, images: ImageServiceStub, container: str
) -> AsyncIterator[Callable[..., Awaitable[str]]]:
    """`await publish(source_type, **ImagesPost fields)`: a new image's fingerprint.

    Published through the bridge (CreateImage) from the module's container or its snapshot;
    deleted afterwards through the transport, even when the test failed.
    """
    made: list[str] = []

    async def make(source_type: str = "snapshot", **fields: object) -> str:
        # LXD refuses to publish the same content twice ("The image already exists"): a file
        # of its own makes each image new; a snapshot is taken of it when that is the source.
        tag = secrets.token_hex(8)
        await lxd.files.push(container, "/image-tag", tag.encode())
        name = container
        if source_type == "snapshot":
            body = {"name": tag}
            await lxd.operations.run("POST", f"/1.0/containers/{container}/snapshots", json=body)
            name = f"{container}/{tag}"
        source = image_pb2.ImagesPostSource(type=source_type, name=name)
        post = image_pb2.ImagesPost(source=source, **fields)  # type: ignore[arg-type]
        reply = await images.CreateImage(pb.CreateImageRequest(image=post, wait=True))
        assert reply.operation.status_code == SUCCESS
        fingerprint = str(reply.operation.metadata["fingerprint"])
        made.append(fingerprint)
        return fingerprint

    try:
        yield make
    finally:
        for fingerprint in made:
            await quiet(lxd, "DELETE", f"/1.0/images/{fingerprint}", operation=True)


@pytest.fixture
async def image(publish: Callable[..., Awaitable[str]]) -> str:
    """An image published from the module's container snapshot, with a property."""
    return await publish(properties={"os": "busybox", "user.keep": "1"})


@pytest.fixture
async def alias(
    lxd: LxdClient, images: ImageServiceStub, image: str, unique_name: Callable[[str], str]
) -> AsyncIterator[str]:
    """An alias of `image`, created through the bridge."""
    name = unique_name("alias")
    post = image_pb2.ImageAliasesPost(name=name, target=image, description="made by a test")
    try:
        await images.CreateImageAlias(pb.CreateImageAliasRequest(alias=post))
        yield name
    finally:
        await quiet(lxd, "DELETE", f"/1.0/images/aliases/{name}")


# --- images -------------------------------------------------------------------------------------


async def test_the_sandbox_image_is_listed_and_read_with_its_etag(
    images: ImageServiceStub, daemon: LxdSandbox
) -> None:
    fingerprints = await images.GetImageFingerprints(pb.GetImageFingerprintsRequest())
    assert daemon.image_fingerprint in fingerprints.names

    listed = await images.GetImages(pb.GetImagesRequest())
    (busybox,) = [i for i in listed.images if i.fingerprint == daemon.image_fingerprint]
    assert [a.name for a in busybox.aliases] == [daemon.image_alias]

    got = await images.GetImage(pb.GetImageRequest(name=daemon.image_fingerprint))
    assert got.image.fingerprint == daemon.image_fingerprint
    assert got.image.size > 0 and got.image.architecture
    assert got.etag

    prefix = await images.GetImage(pb.GetImageRequest(name=daemon.image_fingerprint[:12]))
    assert prefix.image.fingerprint == daemon.image_fingerprint, "a unique prefix will do"


async def test_a_missing_image_is_not_found_with_lxds_message(images: ImageServiceStub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await images.GetImage(pb.GetImageRequest(name="00" * 32))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    details = error_details(caught.value)
    assert details.info.reason == "NOT_FOUND"
    assert details.info.metadata["error_code"] == "404"
    assert details.info.metadata["error"] == caught.value.details()


async def test_create_image_from_a_snapshot_and_from_a_container(
    images: ImageServiceStub, publish: Callable[..., Awaitable[str]], container: str
) -> None:
    from_snapshot = await publish("snapshot", properties={"user.from": "snapshot"})
    from_container = await publish("container", public=True)
    fingerprints = (await images.GetImageFingerprints(pb.GetImageFingerprintsRequest())).names
    assert {from_snapshot, from_container} <= set(fingerprints)

    snap = (await images.GetImage(pb.GetImageRequest(name=from_snapshot))).image
    assert snap.properties["user.from"] == "snapshot"
    assert not snap.public
    assert (await images.GetImage(pb.GetImageRequest(name=from_container))).image.public


async def test_create_image_without_wait_returns_the_operation_as_lxd_started_it(
    lxd: LxdClient, images: ImageServiceStub, container: str
) -> None:
    source = image_pb2.ImagesPostSource(type="container", name=container)
    reply = await images.CreateImage(
        pb.CreateImageRequest(image=image_pb2.ImagesPost(source=source))
    )
    assert reply.operation.id and getattr(reply.operation, "class") == "task"
    done = await lxd.operations.wait(reply.operation.id, 60)
    fingerprint = done["metadata"]["fingerprint"]
    try:
        assert done["status_code"] == SUCCESS
    finally:
        await quiet(lxd, "DELETE", f"/1.0/images/{fingerprint}", operation=True)


async def test_create_image_from_a_missing_container_is_not_found(
    images: ImageServiceStub, unique_name: Callable[[str], str], daemon: LxdSandbox
) -> None:
    name = unique_name("nothing")
    source = image_pb2.ImagesPostSource(type="container", name=name)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await images.CreateImage(
            pb.CreateImageRequest(image=image_pb2.ImagesPost(source=source), wait=True)
        )
    # LXD checks the source before it starts an operation: its 404, with its message.
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    details = error_details(caught.value)
    message = per_family(
        daemon,
        lxd="Instance not found",
        incus=f'Failed to fetch instance "{name}" in project "default": Instance not found',
    )
    assert dict(details.info.metadata) == {"error_code": "404", "error": message}
    assert details.operation is None


async def test_update_image_replaces_it_and_a_stale_etag_is_aborted(
    images: ImageServiceStub, image: str
) -> None:
    got = await images.GetImage(pb.GetImageRequest(name=image))
    put = writable(got.image)
    assert isinstance(put, image_pb2.ImagePut)
    put.properties.clear()
    put.properties["user.color"] = "blue"
    await images.UpdateImage(pb.UpdateImageRequest(name=image, image=put, etag=got.etag))

    after = await images.GetImage(pb.GetImageRequest(name=image))
    assert dict(after.image.properties) == {"user.color": "blue"}, "PUT replaces the properties"
    assert after.etag != got.etag

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await images.UpdateImage(pb.UpdateImageRequest(name=image, image=put, etag=got.etag))
    assert caught.value.code() == grpc.StatusCode.ABORTED
    assert error_details(caught.value).info.metadata["error_code"] == "412"


async def test_patch_image_sends_only_the_masked_fields(
    images: ImageServiceStub, image: str
) -> None:
    patch = image_pb2.ImagePut(public=True, properties={"user.keep": "x"})
    await images.PatchImage(
        pb.PatchImageRequest(name=image, image=patch, update_mask=FieldMask(paths=["public"]))
    )
    after = (await images.GetImage(pb.GetImageRequest(name=image))).image
    assert after.public
    assert after.properties["user.keep"] == "1", "a field left out is left alone"

    got = await images.GetImage(pb.GetImageRequest(name=image))
    patch = image_pb2.ImagePut(properties={"user.added": "2"})  # public false: not in the mask
    await images.PatchImage(
        pb.PatchImageRequest(
            name=image, image=patch, update_mask=FieldMask(paths=["properties"]), etag=got.etag
        )
    )
    merged = (await images.GetImage(pb.GetImageRequest(name=image))).image
    # LXD 5.0 merges properties key by key on PATCH (LXD 3.4 replaced them), so an empty map
    # would change nothing here; CertificateService tests an empty list that clears.
    assert merged.properties["user.keep"] == "1" and merged.properties["user.added"] == "2"
    assert merged.public, "a field left out is left alone"

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await images.PatchImage(
            pb.PatchImageRequest(
                name=image,
                image=patch,
                update_mask=FieldMask(paths=["properties"]),
                etag=got.etag,  # stale: the patch above changed the image
            )
        )
    assert caught.value.code() == grpc.StatusCode.ABORTED


async def test_refresh_of_an_image_without_a_source_is_a_failed_operation(
    images: ImageServiceStub, image: str, daemon: LxdSandbox
) -> None:
    # A published image has no update source: LXD starts the refresh, which fails; Incus
    # refuses at once (404), before any operation.
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await images.RefreshImage(pb.RefreshImageRequest(name=image, wait=True))
    if daemon.family == "incus":
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert caught.value.details().startswith(f'Failed to update image "{image}"')
        assert caught.value.details().endswith(": Image source not found")
        assert error_details(caught.value).operation is None
        return
    assert caught.value.code() == grpc.StatusCode.UNKNOWN
    assert "Image source not found" in caught.value.details()
    details = error_details(caught.value)
    assert details.info.reason == "OPERATION_FAILURE"
    assert details.operation is not None and details.operation.status == "Failure"
    assert details.operation.err == caught.value.details()


async def test_image_secret_lets_the_image_be_read_with_it(
    lxd: LxdClient, images: ImageServiceStub, image: str
) -> None:
    reply = await images.CreateImageSecret(pb.CreateImageSecretRequest(name=image))
    try:
        assert reply.secret
        assert reply.operation.metadata["secret"] == reply.secret
        assert reply.operation.status_code == STATUS_CODE_RUNNING
        assert getattr(reply.operation, "class") == "token"

        got = await images.GetImage(pb.GetImageRequest(name=image, secret=reply.secret))
        assert got.image.fingerprint == image
    finally:
        with contextlib.suppress(LxdError):  # already used up or gone
            await lxd.operations.cancel(reply.operation.id)


async def test_delete_image_then_not_found(
    images: ImageServiceStub, publish: Callable[..., Awaitable[str]]
) -> None:
    fingerprint = await publish("container")
    reply = await images.DeleteImage(pb.DeleteImageRequest(name=fingerprint, wait=True))
    assert reply.operation.status_code == SUCCESS
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await images.DeleteImage(pb.DeleteImageRequest(name=fingerprint, wait=True))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


# --- aliases ------------------------------------------------------------------------------------


async def test_aliases_are_listed_and_read_with_their_etag(
    images: ImageServiceStub, alias: str, image: str, daemon: LxdSandbox
) -> None:
    names = await images.GetImageAliasNames(pb.GetImageAliasNamesRequest())
    assert {daemon.image_alias, alias} <= set(names.names)

    listed = await images.GetImageAliases(pb.GetImageAliasesRequest())
    (mine,) = [a for a in listed.aliases if a.name == alias]
    assert mine.target == image

    got = await images.GetImageAlias(pb.GetImageAliasRequest(name=alias))
    assert got.alias.name == alias and got.alias.target == image
    assert got.alias.description == "made by a test"
    assert got.etag


async def test_alias_errors_are_lxds(
    images: ImageServiceStub, alias: str, image: str, unique_name: Callable[[str], str]
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await images.GetImageAlias(pb.GetImageAliasRequest(name=unique_name("alias")))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND

    post = image_pb2.ImageAliasesPost(name=alias, target=image)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await images.CreateImageAlias(pb.CreateImageAliasRequest(alias=post))
    assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert error_details(caught.value).info.metadata["error_code"] == "409"


async def test_update_alias_replaces_it_and_a_stale_etag_is_aborted(
    images: ImageServiceStub, alias: str, image: str, daemon: LxdSandbox
) -> None:
    got = await images.GetImageAlias(pb.GetImageAliasRequest(name=alias))
    put = image_pb2.ImageAliasesEntryPut(target=daemon.image_fingerprint)  # no description
    await images.UpdateImageAlias(pb.UpdateImageAliasRequest(name=alias, alias=put, etag=got.etag))
    after = await images.GetImageAlias(pb.GetImageAliasRequest(name=alias))
    assert after.alias.target == daemon.image_fingerprint
    assert after.alias.description == "", "PUT replaces the description too"

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await images.UpdateImageAlias(
            pb.UpdateImageAliasRequest(name=alias, alias=put, etag=got.etag)
        )
    assert caught.value.code() == grpc.StatusCode.ABORTED
    assert error_details(caught.value).info.metadata["error_code"] == "412"


async def test_patch_alias_checks_the_etag_and_the_mask(
    images: ImageServiceStub, alias: str
) -> None:
    # Not tested: a PATCH that LXD 5.0.2 accepts. Its handler looks the target image up in a
    # second database transaction inside the first one and hangs until its own 30 s timeout
    # ("context deadline exceeded", 500). What LXD checks before that is tested: the ETag.
    patch = image_pb2.ImageAliasesEntryPut(description="")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await images.PatchImageAlias(
            pb.PatchImageAliasRequest(
                name=alias,
                alias=patch,
                update_mask=FieldMask(paths=["description"]),
                etag='"not-the-etag"',
            )
        )
    assert caught.value.code() == grpc.StatusCode.ABORTED
    assert error_details(caught.value).info.metadata["error_code"] == "412"

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await images.PatchImageAlias(
            pb.PatchImageAliasRequest(name=alias, alias=patch, update_mask=FieldMask())
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).info.metadata["field"] == "update_mask"


async def test_rename_then_delete_alias(
    lxd: LxdClient,
    images: ImageServiceStub,
    alias: str,
    daemon: LxdSandbox,
    unique_name: Callable[[str], str],
) -> None:
    renamed = unique_name("alias")  # (LXD 5.0.2 takes about 10 s to rename an alias)
    try:
        taken = image_pb2.ImageAliasesEntryPost(name=daemon.image_alias)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await images.RenameImageAlias(pb.RenameImageAliasRequest(name=alias, alias=taken))
        assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS

        post = image_pb2.ImageAliasesEntryPost(name=renamed)
        await images.RenameImageAlias(pb.RenameImageAliasRequest(name=alias, alias=post))
        names = (await images.GetImageAliasNames(pb.GetImageAliasNamesRequest())).names
        assert renamed in names and alias not in names

        await images.DeleteImageAlias(pb.DeleteImageAliasRequest(name=renamed))
        names = (await images.GetImageAliasNames(pb.GetImageAliasNamesRequest())).names
        assert renamed not in names
        assert daemon.image_alias in names

        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await images.DeleteImageAlias(pb.DeleteImageAliasRequest(name=renamed))
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    finally:
        await quiet(lxd, "DELETE", f"/1.0/images/aliases/{renamed}")
