"""Logs safe to share at every level: no payload bytes, no secrets.

The websockets library logs every frame at debug level (exec stdin and stdout, event frames
that carry exec secrets) and the request line of each handshake (an operation websocket's
``?secret=``). :class:`SafeLogFilter` rewrites such records: a frame becomes its kind and size,
a ``secret=`` value becomes ``REDACTED``. The transport gives websockets a logger of its own with
the filter on it (:data:`WEBSOCKET_LOG`), and ``lxd-grpc-bridge serve`` puts the filter on its
log handler too, for every other logger.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from websockets.frames import Frame

__all__ = ["WEBSOCKET_LOG", "SafeLogFilter", "redact"]

# A secret in a query string (`?secret=...`) or in JSON/Python reprs of operation metadata
# (`"secret": "..."`, `'control': '...'` inside `fds`).
_SECRET_PARAM = re.compile(r"(secret=)[^&\s'\"]+", re.IGNORECASE)
_SECRET_VALUE = re.compile(
    r"""(["'](?:secret|control|\d+)["']\s*:\s*["'])[0-9a-f]{32,}(["'])""", re.IGNORECASE
)


def redact(text: str) -> str:
    """``text`` with every operation secret replaced by ``REDACTED``."""
    return _SECRET_VALUE.sub(r"\1REDACTED\2", _SECRET_PARAM.sub(r"\1REDACTED", text))


def _safe_arg(arg: Any) -> Any:
    if isinstance(arg, Frame):
        return f"{arg.opcode.name} [{len(arg.data)} bytes]"
    return arg


class SafeLogFilter(logging.Filter):
    """Rewrites each record it sees so that it holds no payload and no secret (never drops one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_safe_arg(arg) for arg in record.args)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a bad format: logging would report it; keep the text
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


#: The logger the transport hands to websockets (its default, ``websockets.client``, would log
#: frames and secrets unfiltered at debug level).
WEBSOCKET_LOG = logging.getLogger("bridge.transport.websockets")
WEBSOCKET_LOG.addFilter(SafeLogFilter())
