"""Logs safe to share (bridge.transport.redact): no payload bytes, no secrets, at any level."""

from __future__ import annotations

import logging

import pytest
from websockets.frames import Frame, Opcode

from bridge.transport.redact import SafeLogFilter, redact

SECRET = "f5f6474e6babd8f839bc9d4d04ddb785cb81be399a1a8f4e04dfcba0a0ac3324"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            f"> GET /1.0/operations/abc/websocket?secret={SECRET} HTTP/1.1",
            "> GET /1.0/operations/abc/websocket?secret=REDACTED HTTP/1.1",
            id="query-parameter",
        ),
        pytest.param(
            f'{{"fds":{{"0":"{SECRET}","control":"{SECRET}"}},"interactive":true}}',
            '{"fds":{"0":"REDACTED","control":"REDACTED"},"interactive":true}',
            id="operation-metadata-json",
        ),
        pytest.param(
            f"{{'fds': {{'1': '{SECRET}'}}, 'secret': '{SECRET}'}}",
            "{'fds': {'1': 'REDACTED'}, 'secret': 'REDACTED'}",
            id="python-repr",
        ),
        pytest.param(
            "GET /1.0/containers/c1?project=p",
            "GET /1.0/containers/c1?project=p",
            id="nothing-secret-is-unchanged",
        ),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


def _filtered(msg: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    record = logging.LogRecord("t", logging.DEBUG, __file__, 1, msg, args, None)
    if exc is not None:
        record.exc_info = (type(exc), exc, None)
    assert SafeLogFilter().filter(record)  # rewritten, never dropped
    return record


def test_a_frame_is_logged_as_its_kind_and_size_only() -> None:
    record = _filtered("> %s", Frame(Opcode.BINARY, b"stdin bytes of a command"))
    assert record.getMessage() == "> BINARY [24 bytes]"


def test_a_secret_in_an_exception_is_redacted() -> None:
    record = _filtered("failed", exc=ValueError(f"bad uri ws://x/?secret={SECRET}"))
    assert SECRET not in (record.exc_text or "") and "secret=REDACTED" in (record.exc_text or "")
