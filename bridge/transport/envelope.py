"""LXD's response envelope: the one place where a response body becomes a result or an error."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import orjson

from bridge.errors import ProtocolError, lxd_error

__all__ = ["JsonObject", "LxdResponse", "decode_response"]

#: A parsed JSON object, as orjson gives it.
JsonObject = dict[str, Any]


@dataclass(frozen=True, slots=True)
class LxdResponse:
    """A successful LXD answer.

    ``kind`` is ``"sync"`` or ``"async"``; ``http_status`` the HTTP status (200, 201 or 202);
    ``status_code`` LXD's envelope code (200 sync, 100 async); ``metadata`` the parsed JSON of
    ``metadata`` (for async: the operation); ``operation`` the operation URL (``""`` for sync);
    ``etag`` and ``location`` the headers of the same names when LXD sent them.
    """

    kind: Literal["sync", "async"]
    http_status: int
    status_code: int
    metadata: Any
    operation: str
    etag: str | None
    location: str | None


def decode_response(status: int, body: bytes, headers: Mapping[str, str]) -> LxdResponse:
    """Decode one LXD response (HTTP status, body, headers).

    Accepts the 3.4 error envelope (``type``, ``error``, ``error_code`` only) and the 5.0 one
    (all seven keys). Raises the typed :class:`~bridge.errors.LxdError` for an error envelope,
    and :class:`~bridge.errors.ProtocolError` for anything that is not an LXD envelope.
    """
    try:
        envelope = orjson.loads(body)
    except orjson.JSONDecodeError as e:
        raise ProtocolError(
            f"HTTP {status}: body is not JSON: {body[:200]!r}", http_status=status
        ) from e
    kind = envelope.get("type") if isinstance(envelope, dict) else None

    if kind == "error":
        code = envelope.get("error_code")
        if not isinstance(code, int) or isinstance(code, bool) or code == 0:
            code = status  # LXD always sets it; the HTTP status is the same number.
        message = envelope.get("error")
        raise lxd_error(code, message if isinstance(message, str) else str(message))

    if kind not in ("sync", "async"):
        raise ProtocolError(
            f"HTTP {status}: not an LXD envelope (type {kind!r}): {body[:200]!r}",
            http_status=status,
        )
    if status >= 400:
        raise ProtocolError(f"HTTP {status} with a {kind} envelope", http_status=status)

    operation = envelope.get("operation") or ""
    location = headers.get("location")
    if kind == "async" and not operation:
        operation = location or ""
        if not operation:
            raise ProtocolError("async response without an operation URL", http_status=status)
    code = envelope.get("status_code")
    return LxdResponse(
        kind=kind,
        http_status=status,
        status_code=code if isinstance(code, int) else 0,
        metadata=envelope.get("metadata"),
        operation=operation if isinstance(operation, str) else str(operation),
        etag=headers.get("etag"),
        location=location,
    )
