"""WarningService through the real bridge and a real daemon.

The warnings are the daemon's own: a sandbox raises a few at start (no AppArmor, missing cgroup
controllers, no vhost_vsock), none is made up. A test that changes a warning's status puts the
old status back. No test deletes a real warning (it would not come back before a restart); the
delete is shown on an unknown UUID, with the daemon's message.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask

from bridge import codec
from bridge.transport import LxdClient
from lxd.api.v1 import warning_pb2
from lxd.api.v1 import warning_service_pb2 as pb
from lxd.api.v1.warning_service_pb2_grpc import WarningServiceStub
from tests.integration.conftest import error_details

pytestmark = pytest.mark.timeout(60)

UNKNOWN = "00000000-0000-0000-0000-000000000000"


@pytest.fixture(scope="module")
def warnings(channel: grpc.aio.Channel) -> WarningServiceStub:
    """WarningService client."""
    return WarningServiceStub(channel)


async def test_the_lists_are_the_daemons_warnings(
    lxd: LxdClient, warnings: WarningServiceStub
) -> None:
    # The daemon may raise or bump a warning at any time (its own background work, another
    # client): the bridge's lists are compared with a direct read that did not change around them.
    for _ in range(5):
        direct = (await lxd.get("/1.0/warnings", query={"recursion": 1})).metadata or []
        uuids = (await warnings.GetWarningUUIDs(pb.GetWarningUUIDsRequest())).uuids
        listed = (await warnings.GetWarnings(pb.GetWarningsRequest())).warnings
        again = (await lxd.get("/1.0/warnings", query={"recursion": 1})).metadata or []
        if again == direct:
            break
    # Whatever the daemon has (a sandbox has a few), or the empty list when it has none.
    assert sorted(uuids) == sorted(w["uuid"] for w in direct)
    assert [codec.to_json(w) for w in listed] == [
        codec.to_json(codec.from_json(warning_pb2.Warning, w)) for w in direct
    ]
    in_default = (await warnings.GetWarnings(pb.GetWarningsRequest(project="default"))).warnings
    assert {w.uuid for w in in_default} <= set(uuids)
    assert all(w.project == "default" for w in in_default)


@pytest.fixture
async def warning(lxd: LxdClient) -> AsyncIterator[dict[str, str]]:
    """One of the daemon's warnings (its status is put back afterwards)."""
    listed = (await lxd.get("/1.0/warnings", query={"recursion": 1})).metadata or []
    if not listed:
        pytest.fail("the sandbox daemon raised no warning at start; this test needs one")
    chosen = listed[0]
    try:
        yield chosen
    finally:
        await lxd.request(
            "PUT", f"/1.0/warnings/{chosen['uuid']}", json={"status": chosen["status"]}
        )


async def test_a_warning_is_read_with_its_etag(
    lxd: LxdClient, warnings: WarningServiceStub, warning: dict[str, str]
) -> None:
    reply = await warnings.GetWarning(pb.GetWarningRequest(uuid=warning["uuid"]))
    direct = await lxd.get(f"/1.0/warnings/{warning['uuid']}")
    assert codec.to_json(reply.warning) == codec.to_json(
        codec.from_json(warning_pb2.Warning, direct.metadata)
    )
    assert reply.warning.type and reply.warning.severity and reply.warning.count >= 1
    assert reply.etag == (direct.etag or "")  # LXD 5.0.2 sends none: ""


async def test_status_is_updated_and_patched(
    lxd: LxdClient, warnings: WarningServiceStub, warning: dict[str, str]
) -> None:
    uuid = warning["uuid"]
    etag = (await warnings.GetWarning(pb.GetWarningRequest(uuid=uuid))).etag
    acknowledged = warning_pb2.WarningPut(status="acknowledged")
    await warnings.UpdateWarning(
        pb.UpdateWarningRequest(uuid=uuid, warning=acknowledged, etag=etag)
    )
    assert (await lxd.get(f"/1.0/warnings/{uuid}")).metadata["status"] == "acknowledged"
    new = warning_pb2.WarningPut(status="new")
    await warnings.PatchWarning(
        pb.PatchWarningRequest(uuid=uuid, warning=new, update_mask=FieldMask(paths=["status"]))
    )
    assert (await lxd.get(f"/1.0/warnings/{uuid}")).metadata["status"] == "new"


async def test_a_status_the_daemon_does_not_allow_is_refused_with_its_message(
    warnings: WarningServiceStub, warning: dict[str, str]
) -> None:
    resolved = warning_pb2.WarningPut(status="resolved")
    with pytest.raises(grpc.aio.AioRpcError) as excinfo:
        await warnings.UpdateWarning(
            pb.UpdateWarningRequest(uuid=warning["uuid"], warning=resolved)
        )
    details = error_details(excinfo.value)
    # LXD 5.0.2 answers 403 (its handler uses Forbidden for a bad value).
    assert excinfo.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert details.info.metadata["error"] == excinfo.value.details()
    assert "Status may only be set to" in (excinfo.value.details() or "")


@pytest.mark.parametrize("rpc", ["GetWarning", "DeleteWarning"])
async def test_an_unknown_uuid_is_not_found_with_the_daemons_message(
    warnings: WarningServiceStub, rpc: str
) -> None:
    request = {"GetWarning": pb.GetWarningRequest, "DeleteWarning": pb.DeleteWarningRequest}[rpc]
    with pytest.raises(grpc.aio.AioRpcError) as excinfo:
        await getattr(warnings, rpc)(request(uuid=UNKNOWN))
    assert excinfo.value.code() == grpc.StatusCode.NOT_FOUND
    assert excinfo.value.details() == "Warning not found"
    assert error_details(excinfo.value).info.metadata["error_code"] == "404"
