"""ProfileService through the real bridge and a real LXD: every RPC, as a client sees it.

Each test works on its own `t-pf-<hex>` profiles and deletes them afterwards through the
transport, so that cleanup does not depend on the code under test. The `default` profile is only
read (and refused a rename and a delete).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask

from bridge.errors import NotFound
from bridge.objects import writable
from bridge.transport import LxdClient
from lxd.api.v1 import profile_pb2
from lxd.api.v1 import profile_service_pb2 as pb
from lxd.api.v1.options_pb2 import Device
from lxd.api.v1.profile_service_pb2_grpc import ProfileServiceStub
from tests.conftest import LxdSandbox
from tests.integration.conftest import error_details
from tests.integration.support import per_family

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(scope="module")
def profiles(channel: grpc.aio.Channel) -> ProfileServiceStub:
    """ProfileService client."""
    return ProfileServiceStub(channel)


async def quiet_delete(lxd: LxdClient, name: str) -> None:
    """Delete a profile through the transport; quiet if it is already gone."""
    with contextlib.suppress(NotFound):
        await lxd.request("DELETE", f"/1.0/profiles/{name}")


@pytest.fixture
async def profile(
    lxd: LxdClient, profiles: ProfileServiceStub, unique_name: Callable[[str], str]
) -> AsyncIterator[str]:
    """A new profile with a config key, a device and a description, created through the bridge."""
    name = unique_name("pf")
    post = profile_pb2.ProfilesPost(
        name=name,
        description="made by a test",
        config={"user.keep": "1"},
        devices={"data": Device(values={"type": "disk", "path": "/mnt", "source": "/tmp"})},
    )
    try:
        await profiles.CreateProfile(pb.CreateProfileRequest(profile=post))
        yield name
    finally:
        await quiet_delete(lxd, name)


async def test_created_profile_is_listed_and_read_with_its_etag(
    profiles: ProfileServiceStub, profile: str
) -> None:
    names = await profiles.GetProfileNames(pb.GetProfileNamesRequest())
    assert {"default", profile} <= set(names.names)

    listed = await profiles.GetProfiles(pb.GetProfilesRequest())
    (mine,) = [p for p in listed.profiles if p.name == profile]
    assert mine.config == {"user.keep": "1"}

    got = await profiles.GetProfile(pb.GetProfileRequest(name=profile))
    assert got.profile.name == profile
    assert got.profile.description == "made by a test"
    assert got.profile.devices["data"].values["path"] == "/mnt"
    assert got.etag


async def test_a_missing_profile_is_not_found_with_lxds_message(
    profiles: ProfileServiceStub, unique_name: Callable[[str], str]
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await profiles.GetProfile(pb.GetProfileRequest(name=unique_name("pf")))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    details = error_details(caught.value)
    assert details.info.reason == "NOT_FOUND"
    assert details.info.metadata["error_code"] == "404"
    assert details.info.metadata["error"] == caught.value.details()


async def test_creating_a_taken_name_is_lxds_500_internal(
    profiles: ProfileServiceStub, profile: str
) -> None:
    # LXD 5.0 answers a taken profile name with 500, not 409: the table maps what LXD says.
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await profiles.CreateProfile(
            pb.CreateProfileRequest(profile=profile_pb2.ProfilesPost(name=profile))
        )
    assert caught.value.code() == grpc.StatusCode.INTERNAL
    assert "already exists" in caught.value.details()
    assert error_details(caught.value).info.metadata["error_code"] == "500"


async def test_update_replaces_the_profile_and_a_stale_etag_is_aborted(
    profiles: ProfileServiceStub, profile: str
) -> None:
    got = await profiles.GetProfile(pb.GetProfileRequest(name=profile))
    put = writable(got.profile)
    assert isinstance(put, profile_pb2.ProfilePut)
    put.config.clear()
    put.config["user.color"] = "blue"
    await profiles.UpdateProfile(pb.UpdateProfileRequest(name=profile, profile=put, etag=got.etag))

    after = await profiles.GetProfile(pb.GetProfileRequest(name=profile))
    assert after.profile.config == {"user.color": "blue"}, "PUT replaces: user.keep is gone"
    assert "data" in after.profile.devices
    assert after.etag != got.etag

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await profiles.UpdateProfile(
            pb.UpdateProfileRequest(name=profile, profile=put, etag=got.etag)
        )
    assert caught.value.code() == grpc.StatusCode.ABORTED
    assert error_details(caught.value).info.metadata["error_code"] == "412"


async def test_patch_sends_only_the_masked_fields(
    profiles: ProfileServiceStub, profile: str
) -> None:
    patch = profile_pb2.ProfilePut(
        config={"user.added": "2"},
        description="",  # not in the mask: LXD keeps the description when the key is absent
    )
    await profiles.PatchProfile(
        pb.PatchProfileRequest(name=profile, profile=patch, update_mask=FieldMask(paths=["config"]))
    )
    after = (await profiles.GetProfile(pb.GetProfileRequest(name=profile))).profile
    assert after.config == {"user.keep": "1", "user.added": "2"}, "LXD merges config keys"
    assert after.description == "made by a test", "a field left out is left alone"
    assert "data" in after.devices


async def test_patch_with_an_empty_description_in_the_mask_clears_it(
    profiles: ProfileServiceStub, profile: str
) -> None:
    got = await profiles.GetProfile(pb.GetProfileRequest(name=profile))
    await profiles.PatchProfile(
        pb.PatchProfileRequest(
            name=profile,
            profile=profile_pb2.ProfilePut(),
            update_mask=FieldMask(paths=["description"]),
            etag=got.etag,
        )
    )
    after = (await profiles.GetProfile(pb.GetProfileRequest(name=profile))).profile
    assert after.description == ""
    assert after.config == {"user.keep": "1"}


async def test_patch_with_a_stale_etag_is_aborted_and_a_bad_mask_is_invalid(
    profiles: ProfileServiceStub, profile: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await profiles.PatchProfile(
            pb.PatchProfileRequest(
                name=profile,
                profile=profile_pb2.ProfilePut(config={"user.x": "1"}),
                update_mask=FieldMask(paths=["config"]),
                etag='"not-the-etag"',
            )
        )
    assert caught.value.code() == grpc.StatusCode.ABORTED

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await profiles.PatchProfile(
            pb.PatchProfileRequest(
                name=profile, profile=profile_pb2.ProfilePut(), update_mask=FieldMask(paths=["x"])
            )
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).info.metadata["field"] == "update_mask"


async def test_rename_then_delete(
    lxd: LxdClient,
    profiles: ProfileServiceStub,
    profile: str,
    unique_name: Callable[[str], str],
    daemon: LxdSandbox,
) -> None:
    renamed = unique_name("pf")
    try:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await profiles.RenameProfile(
                pb.RenameProfileRequest(
                    name=profile, profile=profile_pb2.ProfilePost(name="default")
                )
            )
        code, message = per_family(  # a 500, not 409, in both
            daemon,
            lxd=(grpc.StatusCode.INTERNAL, 'Name "default" already in use'),
            incus=(grpc.StatusCode.INTERNAL, 'Profile "default" already exists'),
        )
        assert (caught.value.code(), caught.value.details()) == (code, message)

        await profiles.RenameProfile(
            pb.RenameProfileRequest(name=profile, profile=profile_pb2.ProfilePost(name=renamed))
        )
        names = (await profiles.GetProfileNames(pb.GetProfileNamesRequest())).names
        assert renamed in names and profile not in names

        await profiles.DeleteProfile(pb.DeleteProfileRequest(name=renamed))
        names = (await profiles.GetProfileNames(pb.GetProfileNamesRequest())).names
        assert renamed not in names

        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await profiles.DeleteProfile(pb.DeleteProfileRequest(name=renamed))
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    finally:
        await quiet_delete(lxd, renamed)


async def test_the_default_profile_cannot_be_renamed_or_deleted(
    profiles: ProfileServiceStub, unique_name: Callable[[str], str]
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await profiles.RenameProfile(
            pb.RenameProfileRequest(
                name="default", profile=profile_pb2.ProfilePost(name=unique_name("pf"))
            )
        )
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert error_details(caught.value).info.metadata["error_code"] == "403"

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await profiles.DeleteProfile(pb.DeleteProfileRequest(name="default"))
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
