"""decode_response: LXD's envelope becomes a typed result or a typed error.

The bodies are byte-exact recordings from a real LXD 5.0.2 (Debian 12) over its unix socket,
made with ``curl -i --unix-socket``; only the ``Date`` header was left out. The one exception
is the LXD 3.4 error envelope: no 3.4 daemon could be run here, so that body is what 3.4's
``lxd/response.go`` (errorResponse.Render, lines 452-475) writes: ``json.Marshal`` of a
``shared.Jmap`` with three keys, which Go emits in sorted key order.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.errors import (
    BadRequest,
    Conflict,
    InternalError,
    LxdError,
    NotFound,
    PreconditionFailed,
    ProtocolError,
)
from bridge.transport import LxdResponse, decode_response

OP_ID = "fc7855a7-87b6-4941-a66f-165b3d8fee4a"

# GET /1.0/profiles/default
SYNC_WITH_ETAG = (
    200,
    {
        "content-type": "application/json",
        "etag": '"31e2d681fe0ba2882c0dab749d98389ccca5983abddad883eee387ab84ece1b0"',
    },
    b'{"type":"sync","status":"Success","status_code":200,"operation":"","error_code":0,'
    b'"error":"","metadata":{"config":{},"description":"Default LXD profile","devices":{"eth0":'
    b'{"name":"eth0","network":"trdev0","type":"nic"},"root":{"path":"/","pool":"default",'
    b'"type":"disk"}},"name":"default","used_by":["/1.0/instances/t-probe"]}}\n',
)
# POST /1.0/profiles {"name":"t-tr-rec"}: SyncResponseLocation, metadata null
SYNC_CREATED = (
    201,
    {"content-type": "application/json", "location": "/1.0/profiles/t-tr-rec"},
    b'{"type":"sync","status":"Success","status_code":200,"operation":"","error_code":0,'
    b'"error":"","metadata":null}\n',
)
# PATCH /1.0/profiles/t-tr-rec: EmptySyncResponse, metadata {}
SYNC_EMPTY = (
    200,
    {"content-type": "application/json"},
    b'{"type":"sync","status":"Success","status_code":200,"operation":"","error_code":0,'
    b'"error":"","metadata":{}}\n',
)
# POST /1.0/containers/t-probe/exec {"command":["true"],"wait-for-websocket":false}
ASYNC = (
    202,
    {"content-type": "application/json", "location": f"/1.0/operations/{OP_ID}"},
    b'{"type":"async","status":"Operation created","status_code":100,"operation":'
    b'"/1.0/operations/fc7855a7-87b6-4941-a66f-165b3d8fee4a","error_code":0,"error":"",'
    b'"metadata":{"id":"fc7855a7-87b6-4941-a66f-165b3d8fee4a","class":"task","description":'
    b'"Executing command","created_at":"2026-11-26T22:54:13.158927318Z","updated_at":'
    b'"2026-11-26T22:54:13.158927318Z","status":"Running","status_code":103,"resources":'
    b'{"containers":["/1.0/containers/t-probe"],"instances":["/1.0/instances/t-probe"]},'
    b'"metadata":null,"may_cancel":false,"err":"","location":"none"}}\n',
)
# GET /1.0/containers/nope: the 5.0 error envelope has all seven keys
ERROR_5_0_NOT_FOUND = (
    404,
    {"content-type": "application/json", "x-content-type-options": "nosniff"},
    b'{"type":"error","status":"","status_code":0,"operation":"","error_code":404,'
    b'"error":"Instance not found","metadata":null}\n',
)
# PUT /1.0/profiles/t-tr-rec with If-Match: nope
ERROR_5_0_ETAG = (
    412,
    {"content-type": "application/json", "x-content-type-options": "nosniff"},
    b'{"type":"error","status":"","status_code":0,"operation":"","error_code":412,'
    b'"error":"ETag doesn\'t match: 339fc707bb40bb6c4b5b392913fcf3007f29768e38eb27db991ea930345b'
    b'97d0 vs nope","metadata":null}\n',
)
# POST /1.0/images/aliases with an alias name in use
ERROR_5_0_CONFLICT = (
    409,
    {"content-type": "application/json", "x-content-type-options": "nosniff"},
    b'{"type":"error","status":"","status_code":0,"operation":"","error_code":409,'
    b'"error":"Alias \\"busybox\\" already exists","metadata":null}\n',
)
# POST /1.0/containers with the body "{bad"
ERROR_5_0_BAD_JSON = (
    400,
    {"content-type": "application/json", "x-content-type-options": "nosniff"},
    b'{"type":"error","status":"","status_code":0,"operation":"","error_code":400,"error":'
    b'"invalid character \'b\' looking for beginning of object key string","metadata":null}\n',
)
# POST /1.0/profiles with a name in use: 5.0.2 says 500, not 409
ERROR_5_0_PROFILE_EXISTS = (
    500,
    {"content-type": "application/json", "x-content-type-options": "nosniff"},
    b'{"type":"error","status":"","status_code":0,"operation":"","error_code":500,"error":'
    b'"Error inserting \\"t-tr-rec\\" into database: The profile already exists",'
    b'"metadata":null}\n',
)
# LXD 3.4: only three keys (derived from lxd-3.4 source, see the module docstring)
ERROR_3_4_NOT_FOUND = (
    404,
    {"content-type": "application/json"},
    b'{"error":"not found","error_code":404,"type":"error"}\n',
)

Recording = tuple[int, dict[str, str], bytes]


def decode(recording: Recording) -> LxdResponse:
    status, headers, body = recording
    return decode_response(status, body, headers)


@pytest.mark.parametrize(
    ("recording", "expected"),
    [
        pytest.param(
            SYNC_WITH_ETAG,
            {
                "kind": "sync",
                "http_status": 200,
                "status_code": 200,
                "operation": "",
                "etag": '"31e2d681fe0ba2882c0dab749d98389ccca5983abddad883eee387ab84ece1b0"',
                "location": None,
            },
            id="sync GET carries metadata and the ETag header",
        ),
        pytest.param(
            SYNC_CREATED,
            {
                "kind": "sync",
                "http_status": 201,
                "metadata": None,
                "location": "/1.0/profiles/t-tr-rec",
                "etag": None,
            },
            id="sync 201 create has null metadata and a Location",
        ),
        pytest.param(
            SYNC_EMPTY,
            {"kind": "sync", "http_status": 200, "metadata": {}},
            id="empty sync response has metadata {}",
        ),
        pytest.param(
            ASYNC,
            {
                "kind": "async",
                "http_status": 202,
                "status_code": 100,
                "operation": f"/1.0/operations/{OP_ID}",
                "location": f"/1.0/operations/{OP_ID}",
            },
            id="async gives the operation URL and the operation as metadata",
        ),
    ],
)
def test_success_envelopes(recording: Recording, expected: dict[str, Any]) -> None:
    result = decode(recording)
    assert isinstance(result, LxdResponse)
    for field, value in expected.items():
        assert getattr(result, field) == value, field


def test_sync_metadata_is_parsed_json() -> None:
    result = decode(SYNC_WITH_ETAG)
    assert result.metadata["name"] == "default"
    assert result.metadata["devices"]["root"] == {"path": "/", "pool": "default", "type": "disk"}


def test_async_metadata_is_the_running_operation() -> None:
    operation = decode(ASYNC).metadata
    assert operation["id"] == OP_ID
    assert (operation["status"], operation["status_code"]) == ("Running", 103)
    assert operation["metadata"] is None


@pytest.mark.parametrize(
    ("recording", "error_type", "code", "message"),
    [
        pytest.param(ERROR_5_0_NOT_FOUND, NotFound, 404, "Instance not found", id="5.0 7-key 404"),
        pytest.param(ERROR_3_4_NOT_FOUND, NotFound, 404, "not found", id="3.4 3-key 404"),
        pytest.param(
            ERROR_5_0_ETAG,
            PreconditionFailed,
            412,
            "ETag doesn't match: 339fc707bb40bb6c4b5b392913fcf3007f29768e38eb27db991ea930345b97d0"
            " vs nope",
            id="412 on a stale If-Match",
        ),
        pytest.param(ERROR_5_0_CONFLICT, Conflict, 409, 'Alias "busybox" already exists', id="409"),
        pytest.param(
            ERROR_5_0_BAD_JSON,
            BadRequest,
            400,
            "invalid character 'b' looking for beginning of object key string",
            id="400 keeps LXD's message",
        ),
        pytest.param(
            ERROR_5_0_PROFILE_EXISTS,
            InternalError,
            500,
            'Error inserting "t-tr-rec" into database: The profile already exists',
            id="500",
        ),
    ],
)
def test_error_envelopes_raise_typed_errors(
    recording: Recording, error_type: type[LxdError], code: int, message: str
) -> None:
    with pytest.raises(error_type) as raised:
        decode(recording)
    assert raised.value.error_code == code
    assert raised.value.message == message


def test_unknown_error_code_gives_a_plain_lxd_error() -> None:
    _, headers, body = ERROR_5_0_NOT_FOUND
    with pytest.raises(LxdError) as raised:
        decode((418, headers, body.replace(b'"error_code":404', b'"error_code":418')))
    assert type(raised.value) is LxdError
    assert raised.value.error_code == 418


@pytest.mark.parametrize(
    ("status", "body"),
    [
        pytest.param(502, b"<html>Bad Gateway</html>", id="not JSON (a proxy's page)"),
        pytest.param(200, b"[]", id="JSON but not an object"),
        pytest.param(200, b'{"metadata":{}}', id="an object without type"),
        pytest.param(200, b'{"type":"bogus","metadata":{}}', id="an unknown type"),
        pytest.param(500, SYNC_EMPTY[2], id="an error status with a sync envelope"),
        pytest.param(202, b'{"type":"async","metadata":{}}', id="async without operation URL"),
    ],
)
def test_non_envelopes_raise_protocol_error(status: int, body: bytes) -> None:
    with pytest.raises(ProtocolError) as raised:
        decode_response(status, body, {})
    assert raised.value.http_status == status
