"""The gRPC side of errors: the one table from the bridge's errors to gRPC statuses.

Every RPC, unary or streaming, ends with a status built here (:func:`grpc_status`, or
:func:`status_of` for a status the facade decides itself); the transport raises only the
protocol-free errors of :mod:`bridge.errors`. The table::

    LxdError by error_code         400 INVALID_ARGUMENT   403 PERMISSION_DENIED   404 NOT_FOUND
                                   409 ALREADY_EXISTS     412 ABORTED             500 INTERNAL
                                   501 UNIMPLEMENTED      503 UNAVAILABLE         other: UNKNOWN
    OperationFailed                UNKNOWN (LXD keeps only the err text of a failed operation)
    OperationCancelled             CANCELLED
    OperationRunning               DEADLINE_EXCEEDED (the operation goes on in LXD)
    LimitExceeded                  RESOURCE_EXHAUSTED (ErrorInfo: the limit and its option)
    NotPermitted                   PERMISSION_DENIED (the bridge refuses the caller)
    TransportTimeout, TimeoutError DEADLINE_EXCEEDED
    TransportError, SocketNotFound UNAVAILABLE
    ProtocolError                  INTERNAL
    ConversionError (codec)        INTERNAL: what LXD sent could not be read
    InvalidRequest                 INVALID_ARGUMENT: what the client sent cannot be sent to LXD
    anything else                  INTERNAL (a bug; the message does not leak internals)

Every status carries a ``google.rpc.ErrorInfo`` (domain ``"lxd"``, reason the code's name or a
more precise one such as ``OPERATION_FAILURE``; metadata ``error_code`` and ``error`` with LXD's
own code and message when LXD gave them) and, for operations, the ``lxd.api.v1.Operation``.

A status always fits in gRPC's trailers (8 KiB by default before a client starts refusing them,
16 KiB at most): messages and metadata values are clipped (:func:`clip`), and an operation too big
to carry is cut down to its id, status and error. Messages echo a client's input (a mask path, an
event type, LXD's error about an exec argument), and without this a huge input turned the real
error into RESOURCE_EXHAUSTED "metadata size exceeds hard limit".
"""

from __future__ import annotations

import logging
from typing import Any

import grpc
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status

from bridge.codec import ConversionError, from_json
from bridge.errors import (
    ECHO_LIMIT,
    MESSAGE_LIMIT,
    InvalidRequest,
    LimitExceeded,
    LxdError,
    NotPermitted,
    OperationCancelled,
    OperationFailed,
    OperationRunning,
    ProtocolError,
    TransportError,
    TransportTimeout,
    clip,
)
from lxd.api.v1 import operation_pb2

__all__ = ["ERROR_DOMAIN", "GRPC_CODES", "TRAILER_BUDGET", "grpc_status", "status_of"]

#: Most bytes a status may take in the trailers: grpc-message is percent-encoded (up to 3 bytes
#: per byte), grpc-status-details-bin base64 (4 per 3). Under gRPC's 8 KiB soft limit, with
#: room for the other trailers.
TRAILER_BUDGET = 6 * 1024

_log = logging.getLogger(__name__)

#: ErrorInfo domain of every status the bridge sends.
ERROR_DOMAIN = "lxd"

#: LXD error code (HTTP status of the error envelope) -> gRPC status code (design.md).
GRPC_CODES: dict[int, grpc.StatusCode] = {
    400: grpc.StatusCode.INVALID_ARGUMENT,
    403: grpc.StatusCode.PERMISSION_DENIED,
    404: grpc.StatusCode.NOT_FOUND,
    409: grpc.StatusCode.ALREADY_EXISTS,
    412: grpc.StatusCode.ABORTED,
    500: grpc.StatusCode.INTERNAL,
    501: grpc.StatusCode.UNIMPLEMENTED,
    503: grpc.StatusCode.UNAVAILABLE,
}


def grpc_status(error: BaseException) -> grpc.Status:
    """The gRPC status for an error raised while serving an RPC (table in the module docstring).

    The status carries a ``google.rpc.Status`` in its trailing metadata (grpcio-status), with an
    ``ErrorInfo`` and, for operation errors, the operation as an ``lxd.api.v1.Operation``.
    """
    code, reason, message = grpc.StatusCode.INTERNAL, "INTERNAL", "internal error in the bridge"
    metadata: dict[str, str] = {}
    details: list[Any] = []
    operation: dict[str, Any] | None = None

    if isinstance(error, OperationFailed):
        cancelled = isinstance(error, OperationCancelled)
        code = grpc.StatusCode.CANCELLED if cancelled else grpc.StatusCode.UNKNOWN
        reason = "OPERATION_CANCELLED" if cancelled else "OPERATION_FAILURE"
        message = error.message or f"operation {error.status}"
        metadata = {"error_code": str(error.error_code), "error": error.message}
        operation = error.operation
    elif isinstance(error, LxdError):
        code = GRPC_CODES.get(error.error_code, grpc.StatusCode.UNKNOWN)
        reason = code.name
        message = error.message
        metadata = {"error_code": str(error.error_code), "error": error.message}
    elif isinstance(error, OperationRunning):
        code, reason, message = grpc.StatusCode.DEADLINE_EXCEEDED, "OPERATION_RUNNING", str(error)
        operation = error.operation
    elif isinstance(error, LimitExceeded):
        code, reason, message = grpc.StatusCode.RESOURCE_EXHAUSTED, error.reason, str(error)
        metadata = {"option": error.option, "limit": str(error.limit)}
    elif isinstance(error, NotPermitted):
        code, reason, message = grpc.StatusCode.PERMISSION_DENIED, error.reason, str(error)
    elif isinstance(error, InvalidRequest):
        code, reason, message = grpc.StatusCode.INVALID_ARGUMENT, "INVALID_REQUEST", str(error)
        if error.field:
            metadata = {"field": error.field}
            violation = error_details_pb2.BadRequest.FieldViolation(
                field=error.field, description=str(error)
            )
            details.append(error_details_pb2.BadRequest(field_violations=[violation]))
    elif isinstance(error, TransportTimeout | TimeoutError):
        code, reason = grpc.StatusCode.DEADLINE_EXCEEDED, "DEADLINE_EXCEEDED"
        message = str(error) or "the deadline passed before LXD answered"
    elif isinstance(error, TransportError):
        code, reason, message = grpc.StatusCode.UNAVAILABLE, "LXD_UNREACHABLE", str(error)
    elif isinstance(error, ProtocolError):
        code, reason, message = grpc.StatusCode.INTERNAL, "LXD_PROTOCOL_ERROR", str(error)
    elif isinstance(error, ConversionError):
        # Requests are checked before they are sent (InvalidRequest): a ConversionError that
        # gets here was raised reading LXD's answer.
        code, reason = grpc.StatusCode.INTERNAL, "CONVERSION_FAILED"
        message = f"cannot read LXD's answer: {error}"
        metadata = {"path": error.path}
    else:
        _log.error("unexpected error while serving an RPC", exc_info=error)

    if operation is not None:
        metadata["operation"] = str(operation.get("id", ""))
        details.append(_operation_message(operation))
    metadata = {key: clip(value, MESSAGE_LIMIT) for key, value in metadata.items()}
    for detail in details:
        if isinstance(detail, error_details_pb2.BadRequest):
            for violation in detail.field_violations:
                violation.field = clip(violation.field, MESSAGE_LIMIT)
                violation.description = clip(violation.description, MESSAGE_LIMIT)
    info = error_details_pb2.ErrorInfo(reason=reason, domain=ERROR_DOMAIN, metadata=metadata)
    status = _status(code, clip(message, MESSAGE_LIMIT), [info, *details])
    if _trailer_size(status) > TRAILER_BUDGET and operation is not None:
        details = [d for d in details if not _is_operation(d)]
        details.append(_operation_summary(operation))
        status = _status(code, status.message, [info, *details])
    if _trailer_size(status) > TRAILER_BUDGET:  # only with many long multi-byte characters
        brief = error_details_pb2.ErrorInfo(reason=reason, domain=ERROR_DOMAIN)
        status = _status(code, clip(message, ECHO_LIMIT // 2), [brief])
    return rpc_status.to_status(status)


def status_of(code: grpc.StatusCode, reason: str, message: str) -> grpc.Status:
    """A status the facade decides itself (e.g. an event stream that fell behind): ``code``,
    ``message`` (clipped) and an ErrorInfo with ``reason``, as every status has."""
    info = error_details_pb2.ErrorInfo(reason=reason, domain=ERROR_DOMAIN)
    return rpc_status.to_status(_status(code, clip(message, MESSAGE_LIMIT), [info]))


def _status(code: grpc.StatusCode, message: str, details: list[Any]) -> status_pb2.Status:
    status = status_pb2.Status(code=code.value[0], message=message)
    for detail in details:
        packed = any_pb2.Any()
        packed.Pack(detail)
        status.details.append(packed)
    return status


def _trailer_size(status: status_pb2.Status) -> int:
    """The most bytes the status can take in the trailers (see TRAILER_BUDGET)."""
    return 3 * len(status.message.encode()) + 4 * (status.ByteSize() + 2) // 3


def _is_operation(detail: Any) -> bool:
    return bool(detail.DESCRIPTOR.full_name == "lxd.api.v1.Operation")


def _operation_summary(operation: dict[str, Any]) -> Any:
    """The operation cut down to what says which one it was and how it ended."""
    summary: dict[str, Any] = {
        key: operation[key] for key in ("id", "status_code") if key in operation
    }
    for key in ("status", "err"):
        summary[key] = clip(str(operation.get(key, "")), ECHO_LIMIT)
    return _operation_message(summary)


def _operation_message(operation: dict[str, Any]) -> Any:
    """The operation as an ``lxd.api.v1.Operation``; only the id if it cannot be read."""
    try:
        return from_json(operation_pb2.Operation, operation)
    except ConversionError:
        return operation_pb2.Operation(id=str(operation.get("id", "")))
