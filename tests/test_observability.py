"""Without LXD: when tracing is on (the OTEL_* variables), which request ids are kept, what a
JSON log line holds, and the systemd unit example's sandboxing."""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from opentelemetry.sdk.trace import TracerProvider

from bridge.observability import context
from bridge.observability.logs import JsonFormatter, make_handler
from bridge.observability.tracing import TracingConfigError, from_environment

REPO = Path(__file__).resolve().parent.parent
UNIT = REPO / "examples" / "systemd" / "lxd-grpc-bridge.service"

TRACING_CASES = [
    pytest.param({}, False, id="off-by-default"),
    pytest.param({"OTEL_SERVICE_NAME": "bridge"}, False, id="a-service-name-alone-exports-nothing"),
    pytest.param({"OTEL_TRACES_EXPORTER": "none"}, False, id="none-is-off"),
    pytest.param({"OTEL_TRACES_EXPORTER": "console"}, True, id="console-is-on"),
    pytest.param({"OTEL_TRACES_EXPORTER": "otlp"}, True, id="otlp-is-on"),
    pytest.param({"OTEL_TRACES_EXPORTER": "console,otlp"}, True, id="a-list-is-on"),
    pytest.param(
        {"OTEL_TRACES_EXPORTER": "console", "OTEL_SDK_DISABLED": "true"}, False, id="sdk-disabled"
    ),
]


@pytest.mark.parametrize(("environ", "on"), TRACING_CASES)
def test_tracing_is_on_only_when_the_otel_variables_name_an_exporter(
    environ: dict[str, str], on: bool
) -> None:
    provider = from_environment(environ)
    assert (provider is not None) == on
    if provider is not None:
        assert isinstance(provider, TracerProvider)
        provider.shutdown()


def test_an_unknown_exporter_is_refused_naming_the_variable_and_the_installed_ones() -> None:
    with pytest.raises(TracingConfigError, match=r"OTEL_TRACES_EXPORTER='zipkin'.*console"):
        from_environment({"OTEL_TRACES_EXPORTER": "zipkin"})


def test_the_service_name_comes_from_otel_service_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_SERVICE_NAME", "bridge-eu-1")
    provider = from_environment({"OTEL_TRACES_EXPORTER": "console"})
    assert provider is not None
    assert provider.resource.attributes["service.name"] == "bridge-eu-1"
    provider.shutdown()


REQUEST_ID_CASES = [
    pytest.param([("x-request-id", "abc-123")], "abc-123", id="a-token-is-kept"),
    pytest.param([("x-request-id", "trace/1:2=+_.")], "trace/1:2=+_.", id="punctuation-kept"),
    pytest.param([("x-request-id", "a\nb")], None, id="a-newline-is-replaced"),
    pytest.param([("x-request-id", '"}{')], None, id="json-breakers-are-replaced"),
    pytest.param([("x-request-id", "")], None, id="empty-is-replaced"),
    pytest.param([("x-request-id", "x" * 129)], None, id="over-128-is-replaced"),
    pytest.param([("x-request-id-bin", b"abc")], None, id="binary-is-ignored"),
    pytest.param(None, None, id="none-is-generated"),
]


@pytest.mark.parametrize(("metadata", "kept"), REQUEST_ID_CASES)
def test_request_id_from_metadata(
    metadata: list[tuple[str, str | bytes]] | None, kept: str | None
) -> None:
    got = context.request_id_from(metadata)
    if kept is not None:
        assert got == kept
    else:
        assert len(got) == 32
        assert int(got, 16) >= 0
        assert got != context.request_id_from(metadata)  # a new one each time


def _record(message: str) -> logging.LogRecord:
    return logging.LogRecord("bridge.rpc", logging.INFO, __file__, 1, message, None, None)


def test_a_json_line_outside_an_rpc_has_no_call_keys() -> None:
    line = orjson.loads(JsonFormatter().format(_record("serving")))
    assert set(line) == {"time", "level", "logger", "message"}
    assert (line["level"], line["logger"], line["message"]) == ("INFO", "bridge.rpc", "serving")


def test_a_json_line_inside_an_rpc_names_it_and_is_one_line() -> None:
    call = context.CallContext("/lxd.api.v1.X/Y", "rid-1", principal="spiffe://a/b")
    token = context.begin(call)
    try:
        context.note_operation("op-7")
        text = JsonFormatter().format(_record('quote " and\nnewline'))
    finally:
        context.end(token)
    assert "\n" not in text
    line = orjson.loads(text)
    assert line["rpc"] == "/lxd.api.v1.X/Y"
    assert line["request_id"] == "rid-1"
    assert line["principal"] == "spiffe://a/b"
    assert line["lxd_operation"] == "op-7"
    assert line["message"] == 'quote " and\nnewline'
    assert context.current() is None


# --- the systemd unit example ---------------------------------------------------------------------


def _unit() -> dict[str, dict[str, list[str]]]:
    """The unit's sections, each key with all its values (systemd keys may repeat)."""
    sections: dict[str, dict[str, list[str]]] = {}
    section = ""
    for raw in UNIT.read_text().splitlines():
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        if text.startswith("["):
            section = text.strip("[]")
            sections[section] = {}
            continue
        key, _, value = text.partition("=")
        sections[section].setdefault(key, []).append(value)
    return sections


SANDBOXING = [
    ("ProtectSystem", "strict"),
    ("ProtectHome", "yes"),
    ("PrivateTmp", "yes"),
    ("PrivateDevices", "yes"),
    ("NoNewPrivileges", "yes"),
    ("RuntimeDirectory", "lxd-grpc-bridge"),
    ("RestrictAddressFamilies", "AF_UNIX AF_INET AF_INET6"),
    ("ProtectKernelTunables", "yes"),
    ("ProtectControlGroups", "yes"),
]


@pytest.mark.parametrize(("key", "value"), SANDBOXING, ids=[k for k, _ in SANDBOXING])
def test_the_systemd_unit_is_sandboxed(key: str, value: str) -> None:
    assert _unit()["Service"][key] == [value]


def test_the_systemd_unit_can_still_reach_lxds_socket() -> None:
    service = _unit()["Service"]
    (exec_start,) = service["ExecStart"]
    lxd_url = exec_start.split("--lxd ")[1].split()[0]
    socket = Path(lxd_url.removeprefix("unix://"))
    # ProtectSystem=strict makes / read-only: the socket's directory must be bound writable,
    # the directory rather than the file since LXD recreates its socket when it restarts.
    assert str(socket.parent) in service["ReadWritePaths"]
    assert "CAP_CHOWN" in service["CapabilityBoundingSet"][0]  # the socket takes LXD's group
    assert "AF_UNIX" in service["RestrictAddressFamilies"][0]


def test_systemd_analyze_verifies_the_unit(tmp_path: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        if os.environ.get("LXD_BRIDGE_REQUIRE_LXD"):
            pytest.fail("no systemd-analyze here (LXD_BRIDGE_REQUIRE_LXD is set)")
        pytest.skip("no systemd-analyze here")
    # verify needs ExecStart's binary to exist: point it at this checkout's entry point.
    entry_point = Path(sys.executable).parent / "lxd-grpc-bridge"
    assert entry_point.exists()
    unit = tmp_path / UNIT.name
    unit.write_text(UNIT.read_text().replace("/usr/local/bin/lxd-grpc-bridge", str(entry_point)))
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, check=False
    )
    # Only the units it names After=/Wants= may be missing on this machine.
    problems = [
        line
        for line in result.stderr.splitlines()
        if line.strip() and "lxd.socket" not in line and "snap.lxd" not in line
    ]
    assert problems == [], result.stderr


SECRET = "0123456789abcdef" * 4


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_no_secret_reaches_a_log_line_in_either_format(fmt: str) -> None:
    out = io.StringIO()
    logger = logging.getLogger("bridge.test-secrets")
    logger.addHandler(make_handler(fmt, out))
    logger.propagate = False
    try:
        logger.warning("websocket /1.0/operations/x/websocket?secret=%s", SECRET)
        try:
            raise RuntimeError(f"metadata {{'fds': {{'control': '{SECRET}'}}}}")
        except RuntimeError:
            logger.exception("exec failed")
    finally:
        logger.handlers.clear()
        logger.propagate = True
    text = out.getvalue()
    assert SECRET not in text
    assert text.count("REDACTED") == 2
    if fmt == "json":
        lines = [orjson.loads(line) for line in text.splitlines()]
        assert [line["message"] for line in lines][1] == "exec failed"
        assert "RuntimeError" in str(lines[1]["exception"])
