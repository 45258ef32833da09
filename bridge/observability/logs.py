"""``--log-format json``: one JSON object per line, with the RPC's context when there is one.

Keys: ``time`` (UTC, RFC 3339 with milliseconds), ``level``, ``logger``, ``message``, and inside
an RPC ``rpc``, ``request_id``, ``principal`` (mTLS), ``lxd_operation`` (the last LXD operation
it started); ``exception`` when one is logged. The text format (the default) adds the request id
in brackets.
"""

from __future__ import annotations

import logging
import time
from typing import TextIO

import orjson

from bridge.observability import context
from bridge.transport.redact import SafeLogFilter

__all__ = ["JsonFormatter", "TextFormatter", "configure", "make_handler"]


def _time(record: logging.LogRecord) -> str:
    seconds = int(record.created)
    millis = int((record.created - seconds) * 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{millis:03d}Z"


class JsonFormatter(logging.Formatter):
    """One JSON object per record (see the module docstring)."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": _time(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        call = context.current()
        if call is not None:
            line["rpc"] = call.rpc
            line["request_id"] = call.request_id
            if call.principal is not None:
                line["principal"] = call.principal
            if call.operation is not None:
                line["lxd_operation"] = call.operation
        if record.exc_info:
            # exc_text first: the redaction filter (bridge.transport.redact) leaves it cleaned.
            line["exception"] = record.exc_text or self.formatException(record.exc_info)
        return orjson.dumps(line).decode()


class TextFormatter(logging.Formatter):
    """``time level logger: message``, with ``[request id]`` inside an RPC."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        call = context.current()
        return text if call is None else f"{text} [{call.request_id}]"


def make_handler(fmt: str, stream: TextIO | None = None) -> logging.Handler:
    """A handler writing ``fmt`` (``text`` or ``json``) to ``stream`` (stderr), redacted."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    # Logs must be safe to share at every level: whatever logger a record comes from, the one
    # handler drops payload bytes and secrets from it (bridge.transport.redact).
    handler.addFilter(SafeLogFilter())
    return handler


def configure(level: str, fmt: str) -> None:
    """Log to stderr at ``level`` in ``fmt`` (``text`` or ``json``)."""
    logging.basicConfig(level=level.upper(), handlers=[make_handler(fmt)], force=True)
