"""The facade's machinery without LXD: names from URLs, PATCH bodies, routes, the status table,
and servicer classes that do not fit their service failing when they are defined."""

from __future__ import annotations

import base64
from urllib.parse import quote

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from google.protobuf.message import Message
from google.rpc import error_details_pb2, status_pb2

from bridge import codec
from bridge.errors import (
    InvalidRequest,
    LimitExceeded,
    OperationCancelled,
    OperationFailed,
    OperationRunning,
    ProtocolError,
    SocketNotFound,
    TransportError,
    TransportTimeout,
    lxd_error,
)
from bridge.facade import FACADES
from bridge.facade.common import (
    Facade,
    Get,
    ListNames,
    Route,
    Sync,
    name_from_url,
    patch_body,
    reply_size_check,
    service_descriptor,
)
from bridge.facade.status import grpc_status
from lxd.api.v1 import container_pb2, container_service_pb2, server_pb2, server_service_pb2
from lxd.api.v1.options_pb2 import Device


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/1.0/containers/c1", "c1"),
        ("/1.0/instances/c1", "c1"),
        ("/1.0/virtual-machines/v1", "v1"),
        ("/1.0/instances/c1?project=p", "c1"),
        ("/1.0/instances/c1/snapshots/snap%201", "snap 1"),
        ("/1.0/containers/c1/snapshots/s0/", "s0"),
        ("/1.0/operations/5d5e3f6c-0000", "5d5e3f6c-0000"),
        ("/1.0/instances/c1/logs/lxc.log", "lxc.log"),
    ],
)
def test_name_from_url_takes_the_last_segment_unescaped(url: str, name: str) -> None:
    assert name_from_url(url) == name


PUT = container_pb2.ContainerPut(
    config={"user.a": "1"},
    devices={"eth0": Device(values={"type": "nic"})},
    profiles=[],
    description="",
    ephemeral=True,
)


@pytest.mark.parametrize(
    ("paths", "body"),
    [
        (["config"], {"config": {"user.a": "1"}}),
        (["profiles"], {"profiles": []}),  # an empty list in the mask is [], not null
        (["description"], {"description": ""}),
        (["ephemeral", "devices"], {"ephemeral": True, "devices": {"eth0": {"type": "nic"}}}),
        (["restore"], {}),  # omitempty and empty: Go leaves the key out too
    ],
    ids=["map", "empty-list", "empty-string", "two-fields", "omitempty"],
)
def test_patch_body_holds_exactly_the_masked_fields(paths: list[str], body: object) -> None:
    assert patch_body(PUT, FieldMask(paths=paths), codec.LXD_5_0, field="container") == body


def test_patch_body_sends_an_empty_map_in_the_mask_as_an_empty_object() -> None:
    body = patch_body(server_pb2.ServerPut(), FieldMask(paths=["config"]), codec.LXD_5_0, field="s")
    assert body == {"config": {}}


@pytest.mark.parametrize("paths", [[], ["nope"], ["empty_keys"], ["config.user"]])
def test_patch_body_refuses_a_mask_that_names_no_field(paths: list[str]) -> None:
    with pytest.raises(InvalidRequest) as caught:
        patch_body(PUT, FieldMask(paths=paths), codec.LXD_5_0, field="container")
    assert caught.value.field == "update_mask"


def test_a_route_comes_from_the_http_option_and_escapes_its_variables() -> None:
    method = container_service_pb2.DESCRIPTOR.services_by_name["ContainerService"].methods_by_name[
        "RenameContainerSnapshot"
    ]
    route = Route(method)
    assert (route.method, route.body) == ("POST", "snapshot")
    request = container_service_pb2.RenameContainerSnapshotRequest(container="c/1", name="s 1")
    assert route.path(request) == "/1.0/containers/c%2F1/snapshots/s%201"
    with pytest.raises(InvalidRequest, match="container is required"):
        route.path(container_service_pb2.RenameContainerSnapshotRequest(name="s"))


#: Path segments: what a value becomes, or None when it is refused (issue 9, item 1).
SEGMENTS = {
    "plain": ("c1", "c1"),
    "slash-escaped (image alias debian/12)": ("debian/12", "debian%2F12"),
    "dots inside a name": ("a..b", "a..b"),
    "percent escaped, not decoded": ("%2E", "%252E"),
    "unicode": ("été", "%C3%A9t%C3%A9"),
    "dot": (".", None),
    "dot-dot": ("..", None),
    "empty": ("", None),
    "nul": ("r1\x00", None),
    "newline": ("a\nb", None),
    "tab": ("\t", None),
    "delete": ("\x7f", None),
    "c1 control": ("a\x9b", None),
}


@pytest.mark.parametrize(("value", "expected"), SEGMENTS.values(), ids=SEGMENTS.keys())
def test_a_path_variable_is_one_segment_or_refused(value: str, expected: str | None) -> None:
    method = container_service_pb2.DESCRIPTOR.services_by_name["ContainerService"].methods_by_name[
        "DeleteContainerConsoleLog"
    ]
    request = container_service_pb2.DeleteContainerConsoleLogRequest(name=value)
    if expected is None:
        with pytest.raises(InvalidRequest) as caught:
            Route(method).path(request)
        assert caught.value.field == "name"
    else:
        assert Route(method).path(request) == f"/1.0/containers/{expected}/console"


def test_a_narrower_binding_is_taken_when_the_request_sets_its_variables() -> None:
    from lxd.api.v1 import storage_pool_service_pb2 as sp

    service = sp.DESCRIPTOR.services_by_name["StoragePoolService"]
    names = Route(service.methods_by_name["GetStoragePoolVolumeNames"])
    every = sp.GetStoragePoolVolumeNamesRequest(pool="p")
    assert names.path(every) == "/1.0/storage-pools/p/volumes"
    custom = sp.GetStoragePoolVolumeNamesRequest(pool="p", type="custom")
    assert names.path(custom) == "/1.0/storage-pools/p/volumes/custom"
    create = Route(service.methods_by_name["CreateStoragePoolVolume"])
    request = sp.CreateStoragePoolVolumeRequest(pool="p", volume={"name": "v", "type": "custom"})
    assert create.path(request) == "/1.0/storage-pools/p/volumes/custom"


def test_a_binding_with_another_method_only_documents_what_lxd_serves() -> None:
    method = container_service_pb2.DESCRIPTOR.services_by_name["ContainerService"].methods_by_name[
        "UpdateContainerTemplateFile"
    ]
    route = Route(method)  # POST, with PUT as an additional binding: LXD 5.0 answers PUT with 501
    request = container_service_pb2.UpdateContainerTemplateFileRequest(name="c")
    assert (route.method, route.path(request)) == ("POST", "/1.0/containers/c/metadata/templates")


def test_every_service_is_served_completely() -> None:
    for facade in FACADES:
        for method in facade.service.methods:
            assert getattr(facade, method.name, None) is not None, method.full_name


SERVER_SERVICE = server_service_pb2.DESCRIPTOR.services_by_name["ServerService"]


def test_a_servicer_missing_an_rpc_fails_when_defined() -> None:
    with pytest.raises(
        TypeError, match=r"does not implement lxd\.api\.v1\.ServerService\.PatchServer"
    ):

        class Incomplete(Facade):
            service = SERVER_SERVICE
            GetAPIVersions = ListNames()
            GetServer = Get()
            UpdateServer = Sync()
            GetServerResources = Get()


def test_a_kind_that_does_not_fit_the_messages_fails_when_defined() -> None:
    with pytest.raises(TypeError, match="GetServer cannot be ListNames"):

        class Misfit(Facade):
            service = SERVER_SERVICE
            GetAPIVersions = ListNames()
            GetServer = ListNames()
            UpdateServer = Sync()
            PatchServer = Sync()
            GetServerResources = Get()


# --- the status table ---------------------------------------------------------------------------

_OPERATION = {"id": "op1", "status": "Failure", "status_code": 400, "err": "boom"}


@pytest.mark.parametrize(
    ("error", "code", "reason"),
    [
        (lxd_error(400, "bad"), grpc.StatusCode.INVALID_ARGUMENT, "INVALID_ARGUMENT"),
        (lxd_error(403, "no"), grpc.StatusCode.PERMISSION_DENIED, "PERMISSION_DENIED"),
        (lxd_error(404, "Instance not found"), grpc.StatusCode.NOT_FOUND, "NOT_FOUND"),
        (lxd_error(409, "taken"), grpc.StatusCode.ALREADY_EXISTS, "ALREADY_EXISTS"),
        (lxd_error(412, "etag"), grpc.StatusCode.ABORTED, "ABORTED"),
        (lxd_error(500, "oops"), grpc.StatusCode.INTERNAL, "INTERNAL"),
        (lxd_error(501, "no"), grpc.StatusCode.UNIMPLEMENTED, "UNIMPLEMENTED"),
        (lxd_error(503, "later"), grpc.StatusCode.UNAVAILABLE, "UNAVAILABLE"),
        (lxd_error(418, "teapot"), grpc.StatusCode.UNKNOWN, "UNKNOWN"),
        (OperationFailed(_OPERATION), grpc.StatusCode.UNKNOWN, "OPERATION_FAILURE"),
        (
            OperationCancelled({**_OPERATION, "status_code": 401, "status": "Cancelled"}),
            grpc.StatusCode.CANCELLED,
            "OPERATION_CANCELLED",
        ),
        (OperationRunning({"id": "op1"}), grpc.StatusCode.DEADLINE_EXCEEDED, "OPERATION_RUNNING"),
        (TransportTimeout("slow"), grpc.StatusCode.DEADLINE_EXCEEDED, "DEADLINE_EXCEEDED"),
        (TimeoutError(), grpc.StatusCode.DEADLINE_EXCEEDED, "DEADLINE_EXCEEDED"),
        (TransportError("reset"), grpc.StatusCode.UNAVAILABLE, "LXD_UNREACHABLE"),
        (SocketNotFound([("/x", "missing")]), grpc.StatusCode.UNAVAILABLE, "LXD_UNREACHABLE"),
        (ProtocolError("not json"), grpc.StatusCode.INTERNAL, "LXD_PROTOCOL_ERROR"),
        (
            codec.ConversionError("Container.x", "bad"),
            grpc.StatusCode.INTERNAL,
            "CONVERSION_FAILED",
        ),
        (InvalidRequest("no", field="name"), grpc.StatusCode.INVALID_ARGUMENT, "INVALID_REQUEST"),
        (RuntimeError("a bug"), grpc.StatusCode.INTERNAL, "INTERNAL"),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else None,
)
def test_the_status_table(error: BaseException, code: grpc.StatusCode, reason: str) -> None:
    status = grpc_status(error)
    assert status.code == code
    (key, raw), *_ = status.trailing_metadata
    assert key == "grpc-status-details-bin"
    rich = status_pb2.Status.FromString(raw)
    assert (rich.code, rich.message) == (code.value[0], status.details)
    info = error_details_pb2.ErrorInfo()
    assert rich.details[0].Unpack(info)
    assert (info.domain, info.reason) == ("lxd", reason)
    if code is not grpc.StatusCode.UNAVAILABLE:
        assert "a bug" not in status.details, "internal errors do not leak"


_HUGE = "x" * 100_000

#: Errors whose text echoes a huge client input: each status must still fit in the trailers.
HUGE_ERRORS = {
    "a mask path echoed": InvalidRequest(f"update_mask: {_HUGE!r} is not a field", field=_HUGE),
    "LXD echoing an etag": lxd_error(412, f"ETag doesn't match: {_HUGE} vs abc"),
    "a failed operation holding the command": OperationFailed(
        {**_OPERATION, "metadata": {"command": ["echo", _HUGE]}, "err": "too long: " + _HUGE}
    ),
    "a running operation holding the command": OperationRunning(
        {"id": "op1", "metadata": {"command": [_HUGE]}}
    ),
    "multi-byte characters": lxd_error(400, "é€😀" * 50_000),
}


@pytest.mark.parametrize("error", HUGE_ERRORS.values(), ids=HUGE_ERRORS.keys())
def test_a_status_always_fits_in_the_trailers(error: BaseException) -> None:
    status = grpc_status(error)
    sent = len(quote(status.details.encode(), safe=" ")) + len(
        base64.b64encode(status.trailing_metadata[0][1])
    )
    assert sent <= 8 * 1024, "gRPC's soft limit for received metadata"
    rich = status_pb2.Status.FromString(status.trailing_metadata[0][1])
    assert rich.message == status.details
    assert len(status.details) < 600
    info = error_details_pb2.ErrorInfo()
    assert rich.details[0].Unpack(info)
    assert info.reason, "the reason survives"


def test_lxd_errors_keep_lxds_code_and_message() -> None:
    status = grpc_status(lxd_error(404, "Instance not found"))
    assert status.details == "Instance not found"
    info = error_details_pb2.ErrorInfo()
    status_pb2.Status.FromString(status.trailing_metadata[0][1]).details[0].Unpack(info)
    assert dict(info.metadata) == {"error_code": "404", "error": "Instance not found"}


def test_a_key_lxd_adds_is_dropped_and_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    from bridge.facade.common import decode

    key = f"future_key_{id(caplog)}"
    with caplog.at_level("WARNING", logger="bridge.facade.common"):
        first = decode(container_pb2.Container, {"name": "c1", key: 1})
        decode(container_pb2.Container, {"name": "c2", key: 2})
    assert first.name == "c1"
    assert [r.getMessage() for r in caplog.records] == [
        f"LXD sent keys the schema does not have (dropped): Container.{key}"
    ]


def _reply_too_large(service_module: object, service: str, rpc: str, reply: Message) -> str:
    descriptor = service_descriptor(service_module, service)
    check = reply_size_check(descriptor, descriptor.methods_by_name[rpc], 100)
    with pytest.raises(LimitExceeded) as raised:
        check(reply)
    return str(raised.value)


@pytest.mark.parametrize(
    ("rpc", "ways"),
    [
        ("GetContainers", "list the names with GetContainerNames and get each with GetContainer"),
        (
            "GetContainersFull",
            "list the names with GetContainerNames and get each with GetContainer",
        ),
        ("GetContainer", "raise the client's receive limit"),
    ],
)
def test_a_reply_over_the_limit_names_its_largest_objects_and_the_ways_out(
    rpc: str, ways: str
) -> None:
    containers = [
        container_pb2.Container(name=n, description="x" * size)
        for n, size in (("small", 10), ("big", 300), ("mid", 200), ("tiny", 1))
    ]
    reply: Message
    if rpc == "GetContainer":
        reply = container_service_pb2.GetContainerResponse(container=containers[1])
        largest = "big ("
    else:
        reply = container_service_pb2.GetContainersResponse(containers=containers)
        largest = "largest: big ("
    message = _reply_too_large(container_service_pb2, "ContainerService", rpc, reply)
    assert largest in message and ways in message and "--max-send-message-size" in message
    if rpc != "GetContainer":
        assert message.index("big (") < message.index("mid (") < message.index("small (")
        assert "tiny" not in message, "only the three largest are named"


def test_a_reply_within_the_limit_passes() -> None:
    descriptor = service_descriptor(container_service_pb2, "ContainerService")
    check = reply_size_check(descriptor, descriptor.methods_by_name["GetContainers"], 100)
    check(container_service_pb2.GetContainersResponse())  # no error


def test_limit_exceeded_is_resource_exhausted_naming_the_option() -> None:
    error = LimitExceeded(
        "too many", reason="TOO_MANY_TRANSFERS", option="--max-transfers", limit=3
    )
    status = grpc_status(error)
    assert status.code == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert status.details == "too many"
