"""The bridge's domain errors: what went wrong talking to LXD, in no protocol's terms.

The hierarchy::

    BridgeError                       root of every error the bridge raises on purpose
    ├── InvalidRequest                the gRPC request cannot become an LXD request (field, mask)
    ├── OperationRunning              waited for an operation until the deadline; still running
    ├── LimitExceeded                 a limit of the bridge (transfers, reply size) was reached
    ├── NotPermitted                  the bridge refuses this caller (no LXD identity for it)
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

Nothing here knows gRPC: the transport raises these errors and the facade turns them into
statuses in one place (:mod:`bridge.facade.status`, which has the table). Messages echo a
client's input, so they are clipped (:func:`clip`) wherever they echo it.
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = [
    "ECHO_LIMIT",
    "ERROR_CLASSES",
    "MESSAGE_LIMIT",
    "BadRequest",
    "BridgeError",
    "Conflict",
    "Forbidden",
    "InternalError",
    "InvalidRequest",
    "LimitExceeded",
    "LxdError",
    "NotFound",
    "NotPermitted",
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
    "lxd_error",
]

#: Longest echo of a client's value inside an error message (characters).
ECHO_LIMIT = 200
#: Longest status message, ErrorInfo metadata value or field description (characters).
MESSAGE_LIMIT = 512


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


class NotPermitted(BridgeError):
    """The bridge itself refuses the caller (PERMISSION_DENIED, before LXD is asked);
    ``reason`` is the ErrorInfo reason."""

    def __init__(self, message: str, *, reason: str) -> None:
        self.reason = reason
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
