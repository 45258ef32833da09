"""Errors raised while talking to LXD.

The hierarchy::

    BridgeError                       root of every error the bridge raises on purpose
    ├── InvalidRequest                the gRPC request cannot become an LXD request (field, mask)
    ├── OperationRunning              waited for an operation until the deadline; still running
    ├── LimitExceeded                 a limit of the bridge (transfers, reply size) was reached
    ├── TransportError                no usable answer from LXD: connect, TLS, reset, timeout
    │   ├── TransportTimeout          the caller's deadline passed before LXD answered
    │   └── SocketNotFound            discovery found no usable unix socket (lists what was tried)
    ├── ProtocolError                 LXD answered, but the body is not an LXD envelope
    └── LxdError                      LXD answered with an error: ``error_code`` + ``message``
        ├── BadRequest                400
        ├── Forbidden                 403
        ├── NotFound                  404
        ├── Conflict                  409
        ├── PreconditionFailed        412 (ETag mismatch on If-Match)
        ├── InternalError             500
        ├── Unimplemented             501 (not ``NotImplemented``: that name is a Python builtin)
        ├── Unavailable               503
        └── OperationFailed           an operation ended in Failure (400): ``err`` text, ``status``
            └── OperationCancelled    an operation ended in Cancelled (401)

Every :class:`LxdError` carries LXD's own ``error_code`` (the HTTP status for request errors,
the operation's ``status_code`` for operation failures) and LXD's ``message`` unchanged, so a
status table (LXD -> gRPC) can be keyed on the class, or on ``error_code`` for the codes that
have no class of their own (:func:`lxd_error` then returns a plain :class:`LxdError`).

The gRPC side (:func:`grpc_status`, the one LXD -> gRPC status table)::

    LxdError by error_code         400 INVALID_ARGUMENT   403 PERMISSION_DENIED   404 NOT_FOUND
                                   409 ALREADY_EXISTS     412 ABORTED             500 INTERNAL
                                   501 UNIMPLEMENTED      503 UNAVAILABLE         other: UNKNOWN
    OperationFailed                UNKNOWN (LXD keeps only the err text of a failed operation)
    OperationCancelled             CANCELLED
    OperationRunning               DEADLINE_EXCEEDED (the operation goes on in LXD)
    LimitExceeded                  RESOURCE_EXHAUSTED (ErrorInfo: the limit and its option)
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
from typing import Any, ClassVar

import grpc
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status

__all__ = [
    "ERROR_CLASSES",
    "GRPC_CODES",
    "BadRequest",
    "BridgeError",
    "Conflict",
    "Forbidden",
    "InternalError",
    "InvalidRequest",
    "LimitExceeded",
    "LxdError",
    "NotFound",
    "OperationCancelled",
    "OperationFailed",
    "OperationRunning",
    "PreconditionFailed",
    "ProtocolError",
    "SocketNotFound",
    "TransportError",
    "TransportTimeout",
    "Unavailable",
    "Unimplemented",
    "clip",
    "grpc_status",
    "lxd_error",
]

#: Longest echo of a client's value inside an error message (characters).
ECHO_LIMIT = 200
#: Longest status message, ErrorInfo metadata value or field description (characters).
MESSAGE_LIMIT = 512
#: Most bytes a status may take in the trailers: grpc-message is percent-encoded (up to 3 bytes
#: per byte), grpc-status-details-bin base64 (4 per 3). Under gRPC's 8 KiB soft limit, with
#: room for the other trailers.
TRAILER_BUDGET = 6 * 1024


def clip(text: str, limit: int = ECHO_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis and the original length when cut:
    how an error message may echo what a client sent."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} characters)"


class BridgeError(Exception):
    """Root of the errors the bridge raises on purpose."""


class InvalidRequest(BridgeError):
    """The gRPC request cannot be turned into an LXD request.

    ``field`` names the request field at fault (``update_mask``, ``container.config``, ...).
    """

    def __init__(self, message: str, *, field: str = "") -> None:
        self.field = field
        super().__init__(message)


class OperationRunning(BridgeError):
    """An operation was waited for until the caller's deadline and has not ended.

    It goes on in LXD: ``operation`` is its last known state (parsed JSON), so the caller can
    wait for it again or cancel it by its id.
    """

    def __init__(self, operation: dict[str, Any]) -> None:
        self.operation = operation
        op_id = operation.get("id", "?")
        super().__init__(
            f"operation {op_id} is still running at the deadline; it goes on in LXD "
            f"(OperationService.GetOperationWait or DeleteOperation with name {op_id!r})"
        )


class LimitExceeded(BridgeError):
    """A limit of the bridge was reached (docs/security.md, "Limits a caller can hit").

    ``reason`` is the ErrorInfo reason (``TOO_MANY_TRANSFERS``, ``REPLY_TOO_LARGE``),
    ``option`` the command-line option that sets the limit, ``limit`` its value.
    """

    def __init__(self, message: str, *, reason: str, option: str, limit: int) -> None:
        self.reason = reason
        self.option = option
        self.limit = limit
        super().__init__(message)


class TransportError(BridgeError):
    """LXD could not be reached, or the connection broke before a full answer arrived."""


class TransportTimeout(TransportError):
    """The caller's deadline passed before LXD answered."""


class SocketNotFound(TransportError):
    """Socket discovery found no usable LXD unix socket.

    ``tried`` lists ``(path, reason)`` in the order the candidates were looked at; the reason is
    ``"missing"``, ``"not a socket"``, ``"permission denied"`` or ``"connection refused"``.
    """

    def __init__(self, tried: list[tuple[str, str]]) -> None:
        self.tried = tried
        listing = "; ".join(f"{path}: {reason}" for path, reason in tried)
        super().__init__(f"no usable LXD unix socket (tried {listing})")


class ProtocolError(BridgeError):
    """LXD answered with something that is not an LXD response envelope."""

    def __init__(self, message: str, *, http_status: int | None = None) -> None:
        self.http_status = http_status
        super().__init__(message)


class LxdError(BridgeError):
    """LXD answered with an error.

    ``error_code`` is LXD's code (the HTTP status of the error envelope), ``message`` is LXD's
    text unchanged.
    """

    #: The code this class stands for; ``0`` on the generic class.
    code: ClassVar[int] = 0

    def __init__(self, error_code: int, message: str) -> None:
        self.error_code = error_code
        self.message = message
        super().__init__(f"LXD error {error_code}: {message}")


class BadRequest(LxdError):
    """LXD 400: the request is malformed or invalid."""

    code = 400


class Forbidden(LxdError):
    """LXD 403: not allowed (untrusted client, protected object, wrong secret)."""

    code = 403


class NotFound(LxdError):
    """LXD 404: no such object or route."""

    code = 404


class Conflict(LxdError):
    """LXD 409: the object already exists or is in a conflicting state."""

    code = 409


class PreconditionFailed(LxdError):
    """LXD 412: the If-Match ETag no longer matches the object."""

    code = 412


class InternalError(LxdError):
    """LXD 500: the daemon failed."""

    code = 500


class Unimplemented(LxdError):
    """LXD 501: the daemon does not implement this."""

    code = 501


class Unavailable(LxdError):
    """LXD 503: the daemon (or a cluster member) is not available right now."""

    code = 503


class OperationFailed(LxdError):
    """An LXD operation reached a failed final state.

    ``error_code`` is the operation's ``status_code`` (400 Failure, 401 Cancelled), ``status``
    its status text, ``message`` LXD's ``err`` text and ``operation`` the whole operation as
    parsed JSON.
    """

    def __init__(self, operation: dict[str, Any]) -> None:
        self.operation = operation
        self.status = str(operation.get("status", ""))
        code = operation.get("status_code")
        super().__init__(code if isinstance(code, int) else 400, str(operation.get("err", "")))

    def __str__(self) -> str:
        op_id = self.operation.get("id", "?")
        return f"LXD operation {op_id} {self.status} ({self.error_code}): {self.message}"


class OperationCancelled(OperationFailed):
    """An LXD operation was cancelled (status 401)."""


#: LXD error code -> exception class, for the codes that have their own class.
ERROR_CLASSES: dict[int, type[LxdError]] = {
    cls.code: cls
    for cls in (
        BadRequest,
        Forbidden,
        NotFound,
        Conflict,
        PreconditionFailed,
        InternalError,
        Unimplemented,
        Unavailable,
    )
}


def lxd_error(error_code: int, message: str) -> LxdError:
    """Build the typed error for LXD's ``error_code`` (a plain :class:`LxdError` if unknown)."""
    return ERROR_CLASSES.get(error_code, LxdError)(error_code, message)


# -- the one LXD -> gRPC status table --------------------------------------------------------------

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
    # Imported here: the codec is a layer above this module (it is only needed on this path).
    from bridge.codec import ConversionError

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
    from bridge.codec import ConversionError, from_json
    from lxd.api.v1 import operation_pb2

    try:
        return from_json(operation_pb2.Operation, operation)
    except ConversionError:
        return operation_pb2.Operation(id=str(operation.get("id", "")))
