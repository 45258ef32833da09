"""Bad input is INVALID_ARGUMENT naming the field, and errors keep their own code (issue 9,
items 6 and 7).

Through the bridge whose LXD traffic is recorded (``proxied_channel``): an ETag with CR, LF or
NUL, a request nested past protobuf's depth limit, and NUL in any string (a name, a config key
or value, an exec argument, an event type) are refused before anything reaches LXD, with no
ERROR in the log. Huge echoes of the client's input (a mask path, an ETag, an event type, an
exec argument) no longer push the status past gRPC's metadata limit: the client gets the real
code, not RESOURCE_EXHAUSTED "metadata size exceeds hard limit".
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import struct_pb2
from google.protobuf.field_mask_pb2 import FieldMask

from bridge.server import start
from bridge.transport import LxdClient
from lxd.api.v1 import (
    container_pb2,
    container_service_pb2,
    event_service_pb2,
    profile_pb2,
    profile_service_pb2,
    server_service_pb2,
)
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from lxd.api.v1.event_service_pb2_grpc import EventServiceStub
from lxd.api.v1.profile_service_pb2_grpc import ProfileServiceStub
from lxd.api.v1.server_service_pb2_grpc import ServerServiceStub
from tests.conftest import LxdSandbox
from tests.integration.conftest import error_details
from tests.integration.recording_proxy import RecordingProxy, recording_proxy
from tests.integration.support import exec_start, running_container

pytestmark = pytest.mark.timeout(180)

#: A container name no test creates: nothing may be asked of LXD about it anyway.
ABSENT = "t-bad-input-absent"
CS = container_service_pb2


def _patch(**fields: Any) -> CS.PatchContainerRequest:
    return CS.PatchContainerRequest(
        name=ABSENT, update_mask=FieldMask(paths=["description"]), **fields
    )


#: name -> (RPC of ContainerService, request, the field the status must name)
REFUSED: dict[str, tuple[str, Any, str]] = {
    "etag with CR LF": ("PatchContainer", _patch(etag='"a"\r\nX-Injected: 1'), "etag"),
    "etag with LF": ("PatchContainer", _patch(etag="a\nb"), "etag"),
    "etag with NUL": ("PatchContainer", _patch(etag="a\x00b"), "etag"),
    "name with NUL": ("GetContainer", CS.GetContainerRequest(name="r1\x00"), "name"),
    "config key with NUL": (
        "UpdateContainer",
        CS.UpdateContainerRequest(
            name=ABSENT, container=container_pb2.ContainerPut(config={"user.a\x00": "v"})
        ),
        "container.config",
    ),
    "config value with NUL": (
        "PatchContainer",
        CS.PatchContainerRequest(
            name=ABSENT,
            container=container_pb2.ContainerPut(config={"user.a": "v\x00w"}),
            update_mask=FieldMask(paths=["config"]),
        ),
        'container.config["user.a"]',
    ),
    "new container name with NUL": (
        "CreateContainer",
        CS.CreateContainerRequest(container=container_pb2.ContainersPost(name=f"{ABSENT}\x00x")),
        "container.name",
    ),
    "backup source name header with CR LF": (
        "CreateContainerFromBackup",
        CS.CreateContainerFromBackupRequest(name="a\r\nX-Injected: 1", data=b"x"),
        "name",
    ),
}


async def _call(containers: ContainerServiceStub, rpc: str, request: Any) -> None:
    if rpc == "CreateContainerFromBackup":
        await containers.CreateContainerFromBackup(iter([request]), timeout=30)
    else:
        await getattr(containers, rpc)(request, timeout=30)


@pytest.mark.parametrize(("rpc", "request_", "field"), REFUSED.values(), ids=REFUSED.keys())
async def test_bad_input_is_invalid_argument_naming_the_field_and_never_sent(
    proxied_channel: grpc.aio.Channel,
    proxy: RecordingProxy,
    caplog: pytest.LogCaptureFixture,
    *,
    rpc: str,
    request_: Any,
    field: str,
) -> None:
    proxy.take()
    with caplog.at_level(logging.DEBUG), pytest.raises(grpc.aio.AioRpcError) as caught:
        await _call(ContainerServiceStub(proxied_channel), rpc, request_)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT, caught.value.details()
    assert error_details(caught.value).info.metadata["field"] == field
    assert proxy.take() == []
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_exec_arguments_and_event_types_with_nul_are_refused(
    proxied_channel: grpc.aio.Channel, proxy: RecordingProxy
) -> None:
    proxy.take()
    call = ContainerServiceStub(proxied_channel).ExecContainer(
        iter([exec_start(ABSENT, ["echo", "a\x00b"])]), timeout=30
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        async for _ in call:
            pass
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).info.metadata["field"] == "exec.command"

    events = EventServiceStub(proxied_channel)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        async for _ in events.GetEvents(
            event_service_pb2.GetEventsRequest(types=["lifecycle\x00"]), timeout=30
        ):
            pass
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).info.metadata["field"] == "types"
    assert proxy.take() == []


def _nested_groups(depth: int) -> bytes:
    """Unknown field 15 as ``depth`` nested groups (start tags, then end tags)."""
    return b"\x7b" * depth + b"\x7c" * depth


def _varint(n: int) -> bytes:
    out = bytearray()
    while n > 0x7F:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    return bytes([*out, n])


def _length_delimited(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _nested_value(depth: int) -> bytes:
    """An UpdateServerRequest whose server.config holds a list nested ``depth`` deep, written
    by hand (protobuf itself refuses to build it): Value.list_value is field 6, ListValue.values
    1, a map entry's key 1 and value 2, Struct.fields 1, ServerPut.config 1, the request's
    server 1."""
    value = struct_pb2.Value(string_value="deep").SerializeToString()
    for _ in range(depth):
        value = _length_delimited(6, _length_delimited(1, value))
    entry = _length_delimited(1, b"user.deep") + _length_delimited(2, value)
    return _length_delimited(1, _length_delimited(1, _length_delimited(1, entry)))


#: name -> (full method, raw request bytes nested past protobuf's limit of 100)
TOO_DEEP = {
    "unknown groups": (
        "/lxd.api.v1.ContainerService/GetContainer",
        CS.GetContainerRequest(name=ABSENT).SerializeToString() + _nested_groups(200),
    ),
    "a Struct nested in lists": ("/lxd.api.v1.ServerService/UpdateServer", _nested_value(200)),
}


@pytest.mark.parametrize(("method", "data"), TOO_DEEP.values(), ids=TOO_DEEP.keys())
async def test_a_request_nested_past_the_depth_limit_is_invalid_argument(
    proxied_channel: grpc.aio.Channel,
    proxy: RecordingProxy,
    caplog: pytest.LogCaptureFixture,
    method: str,
    data: bytes,
) -> None:
    proxy.take()
    with caplog.at_level(logging.DEBUG), pytest.raises(grpc.aio.AioRpcError) as caught:
        await proxied_channel.unary_unary(method)(data, timeout=30)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT, caught.value.details()
    assert "cannot be parsed" in caught.value.details()
    assert proxy.take() == []
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


# --- item 7: the status always fits ---------------------------------------------------------

HUGE = 100_000


def _assert_clipped(error: grpc.aio.AioRpcError, code: grpc.StatusCode) -> None:
    assert error.code() == code, f"{error.code()}: {error.details()[:300]}"
    assert f"({HUGE} characters)" in error.details() or len(error.details()) < 1000
    error_details(error)  # the rich status came through whole


async def test_a_huge_mask_path_is_invalid_argument_not_resource_exhausted(
    proxied_channel: grpc.aio.Channel,
) -> None:
    request = CS.PatchContainerRequest(name=ABSENT, update_mask=FieldMask(paths=["x" * HUGE]))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await ContainerServiceStub(proxied_channel).PatchContainer(request, timeout=30)
    _assert_clipped(caught.value, grpc.StatusCode.INVALID_ARGUMENT)
    assert f"({HUGE} characters)" in caught.value.details()


async def test_a_huge_etag_is_lxds_mismatch_not_resource_exhausted(
    proxied_channel: grpc.aio.Channel,
) -> None:
    request = profile_service_pb2.PatchProfileRequest(
        name="default",
        profile=profile_pb2.ProfilePut(description="never written"),
        update_mask=FieldMask(paths=["description"]),
        etag="x" * HUGE,
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await ProfileServiceStub(proxied_channel).PatchProfile(request, timeout=30)
    _assert_clipped(caught.value, grpc.StatusCode.ABORTED)


async def test_a_huge_event_type_is_invalid_argument_not_resource_exhausted(
    channel: grpc.aio.Channel,
) -> None:
    events = EventServiceStub(channel)  # the recording proxy has no websockets
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        async for _ in events.GetEvents(
            event_service_pb2.GetEventsRequest(types=["x" * HUGE]), timeout=30
        ):
            pass
    # Refused by the bridge before LXD is asked (LXD 5.0.2 would answer 500).
    _assert_clipped(caught.value, grpc.StatusCode.INVALID_ARGUMENT)


async def test_a_one_mib_exec_argument_gets_the_real_error(
    lxd: LxdClient, containers: ContainerServiceStub, daemon: LxdSandbox
) -> None:
    async with running_container(lxd, "huge-arg") as name:
        call = containers.ExecContainer(
            iter([exec_start(name, ["echo", "x" * (1 << 20)])]), timeout=60
        )
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            async for _ in call:
                pass
    error = caught.value
    if daemon.family == "incus":  # Incus fails to start its exec helper: a 500, no operation
        assert error.code() == grpc.StatusCode.INTERNAL
        assert error.details() == "fork/exec /usr/libexec/incus/incusd: argument list too long"
        return
    assert error.code() == grpc.StatusCode.UNKNOWN, f"{error.code()}: {error.details()[:300]}"
    assert "argument list too long" in error.details()  # LXD's own error, whole
    details = error_details(error)
    assert details.info.reason == "OPERATION_FAILURE"
    assert details.operation is not None, "the operation is still there, cut down to fit"
    assert details.operation.err == error.details()


async def test_unavailable_says_which_lxd_is_unreachable_without_aiohttps_internals(
    lxd_sandbox: LxdSandbox, tmp_path: Path
) -> None:
    async with recording_proxy(lxd_sandbox.socket) as gone:
        client = await LxdClient.open(f"unix://{gone.socket}")
    async with client:
        bridge = await start(client, f"unix:{tmp_path / 'b.sock'}", health_interval=3600)
        try:
            async with grpc.aio.insecure_channel(bridge.address) as channel:
                with pytest.raises(grpc.aio.AioRpcError) as caught:
                    await ServerServiceStub(channel).GetServer(
                        server_service_pb2.GetServerRequest(), timeout=30
                    )
        finally:
            await bridge.stop(grace=1)
    message = caught.value.details()
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    assert message == f"LXD at unix://{gone.socket} is unreachable: no such file or directory"
