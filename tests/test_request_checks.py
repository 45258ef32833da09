"""The checks every request passes before a handler sees it (bridge/facade/handlers.py): NUL in
any string is INVALID_ARGUMENT naming the field, and a bytes payload is not copied to be looked
at (stdin and file content are the largest requests, and hold 0x00 bytes as often as not)."""

from __future__ import annotations

import tracemalloc

import pytest

from bridge.errors import InvalidRequest
from bridge.facade.handlers import parse_request
from lxd.api.v1 import container_exec_pb2, container_pb2
from lxd.api.v1 import container_service_pb2 as cs

MIB = 1 << 20


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (cs.GetContainerRequest(name="r1\x00"), "name"),
        (cs.CreateContainerFileRequest(name="c", path="/x\x00y", data=bytes(16)), "path"),
        (
            cs.ExecContainerRequest(
                name="c",
                exec=container_exec_pb2.ContainerExecPost(command=["ls", "-l\x00"]),
            ),
            "exec.command",
        ),
        (
            cs.UpdateContainerRequest(
                name="c",
                container=container_pb2.ContainerPut(config={"user.k\x00": "v"}),
            ),
            "container.config",
        ),
        (
            cs.UpdateContainerRequest(
                name="c",
                container=container_pb2.ContainerPut(devices={"d": {"values": {"path": "/a\x00"}}}),
            ),
            'container.devices["d"]',
        ),
    ],
)
def test_nul_in_any_string_is_refused_naming_the_field(request_: object, field: str) -> None:
    with pytest.raises(InvalidRequest) as caught:
        parse_request(type(request_), request_.SerializeToString())  # type: ignore[attr-defined]
    assert caught.value.field is not None and caught.value.field.startswith(field)
    assert "NUL" in str(caught.value)


@pytest.mark.parametrize(
    "request_",
    [
        cs.ExecContainerRequest(stdin=bytes(MIB)),
        cs.CreateContainerFileRequest(name="c", path="/x", data=bytes(MIB)),
    ],
    ids=["exec stdin", "file content"],
)
def test_a_bytes_payload_full_of_zeros_is_accepted_without_a_copy(request_: object) -> None:
    wire = request_.SerializeToString()  # type: ignore[attr-defined]
    parse_request(type(request_), wire)  # the message type's text fields, computed once
    tracemalloc.start()
    try:
        parsed = parse_request(type(request_), wire)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert parsed == request_
    # protobuf keeps the parsed payload in its own arena; a Python copy of it would be 1 MiB.
    assert peak < MIB // 4, f"{peak} bytes allocated while parsing and checking"
