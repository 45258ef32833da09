"""NetworkACLService through the real bridge and a real LXD: every RPC, as a client sees it.

Each test makes its own ACLs (`t-acl-<hex>`) and deletes them afterwards through the transport,
so that cleanup does not depend on the code under test. The log of an ACL needs OVN, which the
sandbox has not: the test proves LXD's refusal arrives as a clean status with LXD's message.
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
from lxd.api.v1 import network_acl_pb2
from lxd.api.v1 import network_acl_service_pb2 as pb
from lxd.api.v1.network_acl_service_pb2_grpc import NetworkACLServiceStub
from tests.conftest import LxdSandbox
from tests.integration.conftest import error_details

pytestmark = pytest.mark.timeout(60)

Rule = network_acl_pb2.NetworkACLRule
DNS_OUT = Rule(
    action="allow",
    destination="8.8.8.8/32,8.8.4.4/32",
    protocol="udp",
    destination_port="53",
    description="DNS to Google",
    state="enabled",
)
PING_IN = Rule(action="drop", protocol="icmp4", icmp_type="8", icmp_code="0", state="logged")


@pytest.fixture(scope="module")
def acls(channel: grpc.aio.Channel) -> NetworkACLServiceStub:
    """NetworkACLService client."""
    return NetworkACLServiceStub(channel)


async def quiet_delete(lxd: LxdClient, name: str) -> None:
    """Delete an ACL through the transport; quiet if it is already gone."""
    with contextlib.suppress(NotFound):
        await lxd.request("DELETE", f"/1.0/network-acls/{name}")


@pytest.fixture
async def acl(
    lxd: LxdClient, acls: NetworkACLServiceStub, unique_name: Callable[[str], str]
) -> AsyncIterator[str]:
    """A new ACL with one egress and one ingress rule, created through the bridge."""
    name = unique_name("acl")
    post = network_acl_pb2.NetworkACLsPost(
        name=name,
        description="made by a test",
        egress=[DNS_OUT],
        ingress=[PING_IN],
        config={"user.keep": "1"},
    )
    try:
        await acls.CreateNetworkACL(pb.CreateNetworkACLRequest(acl=post))
        yield name
    finally:
        await quiet_delete(lxd, name)


async def test_created_acl_is_listed_and_read_with_its_rules_and_etag(
    acls: NetworkACLServiceStub, acl: str
) -> None:
    names = await acls.GetNetworkACLNames(pb.GetNetworkACLNamesRequest())
    assert acl in names.names

    listed = await acls.GetNetworkACLs(pb.GetNetworkACLsRequest())
    (mine,) = [a for a in listed.acls if a.name == acl]
    got = await acls.GetNetworkACL(pb.GetNetworkACLRequest(name=acl))
    assert got.acl == mine
    assert got.etag, "LXD sends an ETag for an ACL"
    assert got.acl.description == "made by a test"
    assert list(got.acl.egress) == [DNS_OUT]
    assert list(got.acl.ingress) == [PING_IN]
    assert dict(got.acl.config) == {"user.keep": "1"}
    assert list(got.acl.used_by) == []
    assert "used_by" in got.acl.empty_keys, "LXD sent [] for used_by, not null"


async def test_update_replaces_the_rules_and_a_stale_etag_is_aborted(
    acls: NetworkACLServiceStub, acl: str
) -> None:
    got = await acls.GetNetworkACL(pb.GetNetworkACLRequest(name=acl))
    put = writable(got.acl)
    assert isinstance(put, network_acl_pb2.NetworkACLPut)
    del put.ingress[:]
    put.egress.append(Rule(action="reject", destination="192.0.2.0/24", state="disabled"))
    await acls.UpdateNetworkACL(pb.UpdateNetworkACLRequest(name=acl, acl=put, etag=got.etag))

    after = await acls.GetNetworkACL(pb.GetNetworkACLRequest(name=acl))
    assert list(after.acl.egress) == list(put.egress)
    assert list(after.acl.ingress) == [], "PUT replaces the rules"
    assert after.etag != got.etag

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await acls.UpdateNetworkACL(pb.UpdateNetworkACLRequest(name=acl, acl=put, etag=got.etag))
    assert caught.value.code() == grpc.StatusCode.ABORTED
    assert error_details(caught.value).info.metadata["error_code"] == "412"


async def test_patch_merges_config_and_replaces_everything_else(
    acls: NetworkACLServiceStub, acl: str
) -> None:
    # LXD 5.0.2's PATCH of an ACL merges only `config`: rules and description left out of the
    # body are cleared, as by a PUT (lxd/network_acls.go networkACLPut).
    patch = network_acl_pb2.NetworkACLPut(config={"user.added": "2"}, ingress=[PING_IN])
    await acls.PatchNetworkACL(
        pb.PatchNetworkACLRequest(
            name=acl, acl=patch, update_mask=FieldMask(paths=["config", "ingress"])
        )
    )
    after = (await acls.GetNetworkACL(pb.GetNetworkACLRequest(name=acl))).acl
    assert dict(after.config) == {"user.keep": "1", "user.added": "2"}, "LXD merges config"
    assert list(after.ingress) == [PING_IN]
    assert list(after.egress) == [], "LXD clears the rules PATCH leaves out"
    assert after.description == "", "LXD resets the description when PATCH leaves it out"


async def test_a_patch_without_config_makes_lxd_5_0_2_drop_the_connection(
    acls: NetworkACLServiceStub, acl: str
) -> None:
    # LXD 5.0.2 writes the current config keys into the request's nil map and panics; its HTTP
    # server closes the connection without an answer. The bridge says so, retryable, and LXD
    # has changed nothing.
    patch = network_acl_pb2.NetworkACLPut(description="patched")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await acls.PatchNetworkACL(
            pb.PatchNetworkACLRequest(
                name=acl, acl=patch, update_mask=FieldMask(paths=["description"])
            )
        )
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE, caught.value.details()
    after = (await acls.GetNetworkACL(pb.GetNetworkACLRequest(name=acl))).acl
    assert after.description == "made by a test"


INVALID_ACTION = {
    "lxd": "Invalid egress rule 0: Action must be one of: allow, drop, reject",
    "incus": "Invalid egress rule 0: Action must be one of: allow, allow-stateless, drop, reject",
}


async def test_an_invalid_rule_is_lxds_500_internal_with_its_message(
    acls: NetworkACLServiceStub, unique_name: Callable[[str], str], daemon: LxdSandbox
) -> None:
    # LXD 5.0.2 (and Incus 6.0) answers a rule it cannot validate with 500, not 400: the status
    # says what the daemon said, code and message.
    post = network_acl_pb2.NetworkACLsPost(
        name=unique_name("acl"), egress=[Rule(action="teleport", state="enabled")]
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await acls.CreateNetworkACL(pb.CreateNetworkACLRequest(acl=post))
    assert caught.value.code() == grpc.StatusCode.INTERNAL
    assert caught.value.details() == INVALID_ACTION[daemon.family]
    assert error_details(caught.value).info.metadata["error_code"] == "500"


async def test_rename_then_delete(lxd: LxdClient, acls: NetworkACLServiceStub, acl: str) -> None:
    renamed = acl + "-r"
    try:
        await acls.RenameNetworkACL(
            pb.RenameNetworkACLRequest(name=acl, acl=network_acl_pb2.NetworkACLPost(name=renamed))
        )
        names = (await acls.GetNetworkACLNames(pb.GetNetworkACLNamesRequest())).names
        assert renamed in names and acl not in names

        await acls.DeleteNetworkACL(pb.DeleteNetworkACLRequest(name=renamed))
        names = (await acls.GetNetworkACLNames(pb.GetNetworkACLNamesRequest())).names
        assert renamed not in names

        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await acls.GetNetworkACL(pb.GetNetworkACLRequest(name=renamed))
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert error_details(caught.value).info.metadata["error_code"] == "404"
    finally:
        await quiet_delete(lxd, renamed)


async def test_the_log_needs_ovn_and_the_refusal_is_lxds_message(
    acls: NetworkACLServiceStub, acl: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        async for _ in acls.GetNetworkACLLogfile(pb.GetNetworkACLLogfileRequest(name=acl)):
            pass
    assert caught.value.code() == grpc.StatusCode.INTERNAL
    assert caught.value.details() == "Only OVN log entries may be retrieved at this time"
    assert error_details(caught.value).info.metadata["error_code"] == "500"
