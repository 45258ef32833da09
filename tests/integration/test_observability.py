"""What operators watch, against the real bridge and LXD: request ids in the trailers or headers,
JSON log lines with the call's context, the Prometheus endpoint scraped, and a trace whose
server span continues the caller's ``traceparent`` with LXD requests and operation waits as its
children (the SDK's in-memory exporter)."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import grpc
import httpx
import orjson
import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from prometheus_client.parser import text_string_to_metric_families

from bridge.observability.logs import JsonFormatter
from bridge.server import BridgeServer, start
from bridge.transport import LxdClient
from lxd.api.v1 import (
    container_service_pb2 as cs,
)
from lxd.api.v1 import (
    container_service_pb2_grpc,
    event_service_pb2,
    event_service_pb2_grpc,
    server_service_pb2,
    server_service_pb2_grpc,
)
from tests.conftest import LxdSandbox, make_unique_name
from tests.integration.support import OP_TIMEOUT, delete_container

# The bridge's own logs, metrics and traces: the same on every family.
pytestmark = [pytest.mark.integration, pytest.mark.families("lxd")]

TRACE_ID = 0x4BF92F3577B34DA6A3CE929D0E0E4736
PARENT_SPAN_ID = 0x00F067AA0BA902B7
TRACEPARENT = f"00-{TRACE_ID:032x}-{PARENT_SPAN_ID:016x}-01"


@pytest.fixture(scope="module")
async def observed(
    lxd: LxdClient, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[BridgeServer, InMemorySpanExporter]]:
    """A bridge with metrics on 127.0.0.1 (a free port) and tracing into memory."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    listen = f"unix:{tmp_path_factory.mktemp('observed') / 'bridge.sock'}"
    server = await start(
        lxd, listen, metrics_listen="127.0.0.1:0", tracer_provider=provider, health_interval=3600
    )
    try:
        yield server, exporter
    finally:
        await server.stop(grace=1)
        provider.shutdown()


@pytest.fixture(scope="module")
async def observed_channel(
    observed: tuple[BridgeServer, InMemorySpanExporter],
) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(observed[0].address) as channel:
        yield channel


@pytest.fixture
def json_log() -> Iterator[list[dict[str, object]]]:
    """The bridge's log records as --log-format json writes them, each line parsed."""
    parsed: list[dict[str, object]] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            line = self.format(record)
            assert "\n" not in line
            parsed.append(orjson.loads(line))

    handler = Collect(logging.DEBUG)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("bridge")
    previous = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        yield parsed
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def _request_id(call_metadata: grpc.aio.Metadata | None) -> str | None:
    values = [v for k, v in call_metadata or () if k == "x-request-id"]
    return str(values[0]) if values else None


REQUEST_ID_CASES = [
    pytest.param(("x-request-id", "deploy-42.attempt:1"), "deploy-42.attempt:1", id="kept"),
    pytest.param(None, None, id="generated-when-absent"),
    pytest.param(("x-request-id", "two words"), None, id="replaced-when-not-a-token"),
    pytest.param(("x-request-id", "a" * 129), None, id="replaced-when-too-long"),
]


@pytest.mark.parametrize(("sent", "expected"), REQUEST_ID_CASES)
@pytest.mark.parametrize("outcome", ["ok", "not-found"])
async def test_request_id_comes_back_in_a_unary_calls_trailers(
    observed_channel: grpc.aio.Channel,
    sent: tuple[str, str] | None,
    expected: str | None,
    outcome: str,
) -> None:
    stub = container_service_pb2_grpc.ContainerServiceStub(observed_channel)
    name = "no-such-container-rid" if outcome == "not-found" else ""
    metadata = (sent,) if sent else None
    if outcome == "ok":
        call = stub.GetContainerNames(cs.GetContainerNamesRequest(), metadata=metadata, timeout=10)
        await call
        trailers = await call.trailing_metadata()
    else:
        call = stub.GetContainer(cs.GetContainerRequest(name=name), metadata=metadata, timeout=10)
        with pytest.raises(grpc.aio.AioRpcError) as failed:
            await call
        assert failed.value.code() == grpc.StatusCode.NOT_FOUND
        trailers = failed.value.trailing_metadata()
        # the error's details travel beside it, intact
        assert any(k == "grpc-status-details-bin" for k, _ in trailers or ())
    got = _request_id(trailers)
    if expected is not None:
        assert got == expected
    else:
        assert got is not None
        assert re.fullmatch(r"[0-9a-f]{32}", got), got


@pytest.mark.parametrize(("sent", "expected"), REQUEST_ID_CASES)
async def test_request_id_comes_first_in_a_streams_response_headers(
    observed_channel: grpc.aio.Channel, sent: tuple[str, str] | None, expected: str | None
) -> None:
    stub = event_service_pb2_grpc.EventServiceStub(observed_channel)
    call = stub.GetEvents(
        event_service_pb2.GetEventsRequest(), metadata=(sent,) if sent else None, timeout=10
    )
    try:
        got = _request_id(await call.initial_metadata())  # before any event
    finally:
        call.cancel()
    if expected is not None:
        assert got == expected
    else:
        assert got is not None
        assert re.fullmatch(r"[0-9a-f]{32}", got), got


async def test_json_log_line_names_the_rpc_request_id_and_lxd_operation(
    observed_channel: grpc.aio.Channel, lxd: LxdClient, json_log: list[dict[str, object]]
) -> None:
    stub = container_service_pb2_grpc.ContainerServiceStub(observed_channel)
    name = make_unique_name("obs-log")
    rid = "log-test-1"
    try:
        reply = await stub.CreateContainer(
            cs.CreateContainerRequest(
                container={"name": name, "source": {"type": "image", "alias": "busybox"}},
                wait=True,
            ),
            metadata=(("x-request-id", rid),),
            timeout=OP_TIMEOUT,
        )
    finally:
        await delete_container(lxd, name)
    lines = [line for line in json_log if line.get("request_id") == rid]
    assert lines, json_log
    last = lines[-1]
    assert last["logger"] == "bridge.rpc"
    assert last["level"] == "INFO"
    assert last["rpc"] == "/lxd.api.v1.ContainerService/CreateContainer"
    assert last["lxd_operation"] == reply.operation.id
    assert "OK" in str(last["message"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", str(last["time"]))
    assert "principal" not in last  # a unix socket: no certificate, no principal


def _scrape(server: BridgeServer) -> dict[str, list[tuple[dict[str, str], float]]]:
    assert server.metrics_server is not None
    text = httpx.get(server.metrics_server.url, timeout=10).text
    samples: dict[str, list[tuple[dict[str, str], float]]] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples.setdefault(sample.name, []).append((sample.labels, sample.value))
    return samples


def _value(
    samples: dict[str, list[tuple[dict[str, str], float]]], name: str, **labels: str
) -> float:
    return sum(
        value
        for got, value in samples.get(name, [])
        if all(got.get(k) == v for k, v in labels.items())
    )


async def test_metrics_endpoint_counts_rpcs_lxd_requests_streams_and_subscribers(
    observed: tuple[BridgeServer, InMemorySpanExporter], observed_channel: grpc.aio.Channel
) -> None:
    server = observed[0]
    containers = container_service_pb2_grpc.ContainerServiceStub(observed_channel)
    before = await asyncio.to_thread(_scrape, server)
    await containers.GetContainerNames(cs.GetContainerNamesRequest(), timeout=10)
    with pytest.raises(grpc.aio.AioRpcError):
        await containers.GetContainer(cs.GetContainerRequest(name="no-such-metrics"), timeout=10)
    events = event_service_pb2_grpc.EventServiceStub(observed_channel).GetEvents(
        event_service_pb2.GetEventsRequest(types=["lifecycle"])
    )
    await events.initial_metadata()  # subscribed
    during = await asyncio.to_thread(_scrape, server)
    events.cancel()
    streams = {"grpc_method": "GetEvents", "grpc_type": "server_stream"}
    for _ in range(100):  # the server sees the cancellation soon after; a deadline, not a timing
        after = await asyncio.to_thread(_scrape, server)
        if _value(after, "lxd_grpc_bridge_open_streams", **streams) == _value(
            before, "lxd_grpc_bridge_open_streams", **streams
        ):
            break
        await asyncio.sleep(0.1)

    rpc = {"grpc_service": "lxd.api.v1.ContainerService", "grpc_type": "unary"}
    for method, code in (("GetContainerNames", "OK"), ("GetContainer", "NOT_FOUND")):
        name = "grpc_server_started_total"
        assert _value(during, name, grpc_method=method, **rpc) == (
            _value(before, name, grpc_method=method, **rpc) + 1
        )
        name = "grpc_server_handled_total"
        labels = {"grpc_method": method, "grpc_code": code, **rpc}
        assert _value(during, name, **labels) == _value(before, name, **labels) + 1
        name = "grpc_server_handling_seconds_count"
        assert _value(during, name, grpc_method=method, **rpc) == (
            _value(before, name, grpc_method=method, **rpc) + 1
        )
    lxd_get = "lxd_grpc_bridge_lxd_request_seconds_count"
    assert _value(during, lxd_get, method="GET", status="200") > _value(
        before, lxd_get, method="GET", status="200"
    )
    assert _value(during, lxd_get, method="GET", status="404") == (
        _value(before, lxd_get, method="GET", status="404") + 1
    )
    # The metrics are process-wide and other tests' bridges share them: compare with before.
    open_before = _value(before, "lxd_grpc_bridge_open_streams", **streams)
    assert _value(during, "lxd_grpc_bridge_open_streams", **streams) == open_before + 1
    assert _value(during, "lxd_grpc_bridge_event_subscribers") >= 1
    assert _value(after, "lxd_grpc_bridge_open_streams", **streams) == open_before
    assert _value(during, "lxd_grpc_bridge_lxd_up", endpoint=server.lxd.endpoint.url) == 1
    (build,) = during["lxd_grpc_bridge_build_info"]
    assert build[0]["version"] and build[0]["grpc_version"] == grpc.__version__


def _spans(exporter: InMemorySpanExporter, trace_id: int) -> list[ReadableSpan]:
    return [s for s in exporter.get_finished_spans() if s.context.trace_id == trace_id]


async def test_trace_continues_the_callers_traceparent_with_lxd_spans_as_children(
    observed: tuple[BridgeServer, InMemorySpanExporter],
    observed_channel: grpc.aio.Channel,
    lxd: LxdClient,
) -> None:
    exporter = observed[1]
    exporter.clear()
    server_stub = server_service_pb2_grpc.ServerServiceStub(observed_channel)
    await server_stub.GetServer(
        server_service_pb2.GetServerRequest(),
        metadata=(("traceparent", TRACEPARENT),),
        timeout=10,
    )
    spans = _spans(exporter, TRACE_ID)
    (rpc_span,) = [s for s in spans if s.kind == SpanKind.SERVER]
    assert rpc_span.name == "/lxd.api.v1.ServerService/GetServer"
    assert rpc_span.parent is not None and rpc_span.parent.span_id == PARENT_SPAN_ID
    lxd_spans = [s for s in spans if s.kind == SpanKind.CLIENT]
    assert [s.name for s in lxd_spans] == ["LXD GET"]
    assert lxd_spans[0].parent is not None
    assert lxd_spans[0].parent.span_id == rpc_span.context.span_id
    assert lxd_spans[0].attributes is not None
    assert lxd_spans[0].attributes["url.path"] == "/1.0"
    assert lxd_spans[0].attributes["http.response.status_code"] == 200


async def test_an_operation_wait_is_a_span_with_its_lxd_requests_inside(
    observed: tuple[BridgeServer, InMemorySpanExporter],
    observed_channel: grpc.aio.Channel,
    lxd: LxdClient,
) -> None:
    exporter = observed[1]
    exporter.clear()
    stub = container_service_pb2_grpc.ContainerServiceStub(observed_channel)
    name = make_unique_name("obs-trace")
    try:
        reply = await stub.CreateContainer(
            cs.CreateContainerRequest(
                container={"name": name, "source": {"type": "image", "alias": "busybox"}},
                wait=True,
            ),
            metadata=(("traceparent", TRACEPARENT),),
            timeout=OP_TIMEOUT,
        )
    finally:
        await delete_container(lxd, name)
    spans = _spans(exporter, TRACE_ID)
    (rpc_span,) = [s for s in spans if s.kind == SpanKind.SERVER]
    waits = [s for s in spans if s.name == "LXD operation wait"]
    assert waits, [s.name for s in spans]
    assert all(w.parent is not None and w.parent.span_id == rpc_span.context.span_id for w in waits)
    assert waits[0].attributes is not None
    assert waits[0].attributes["lxd.operation.id"] == reply.operation.id
    posts = [s for s in spans if s.name == "LXD POST"]
    assert len(posts) == 1
    assert posts[0].attributes is not None
    assert posts[0].attributes["url.path"] == lxd.dialect.instances  # Incus: /1.0/instances


METRICS_LISTEN_CASES = [
    pytest.param("10.0.0.1:9464", False, "without TLS", id="non-loopback-without-tls-refused"),
    pytest.param("0.0.0.0:9464", False, "without TLS", id="any-address-without-tls-refused"),
    pytest.param("9464", False, "is not host:port", id="no-host-refused"),
    pytest.param("127.0.0.1:x", False, "is not host:port", id="bad-port-refused"),
]


@pytest.mark.parametrize(("listen", "insecure", "message"), METRICS_LISTEN_CASES)
async def test_metrics_listen_refused(
    lxd: LxdClient, tmp_path: Path, listen: str, insecure: bool, message: str
) -> None:
    from bridge.listener import ListenRefused

    with pytest.raises(ListenRefused, match=message) as refused:
        await start(lxd, f"unix:{tmp_path / 'b.sock'}", metrics_listen=listen, insecure=insecure)
    assert "--metrics-listen" in str(refused.value) or "metrics" in str(refused.value)
    assert not (tmp_path / "b.sock").exists()


@pytest.mark.parametrize("listen", ["127.0.0.1:0", "[::1]:0", "localhost:0"])
async def test_metrics_on_loopback_are_plain_http(
    lxd: LxdClient, tmp_path: Path, listen: str
) -> None:
    server = await start(
        lxd, f"unix:{tmp_path / 'b.sock'}", metrics_listen=listen, health_interval=3600
    )
    try:
        assert server.metrics_server is not None
        assert server.metrics_server.url.startswith("http://")
        reply = await asyncio.to_thread(httpx.get, server.metrics_server.url, timeout=10)
        assert reply.status_code == 200
        assert "grpc_server_started_total" in reply.text
    finally:
        await server.stop(grace=1)


def test_the_command_line_logs_json_serves_metrics_and_traces_from_otel_variables(
    lxd_sandbox: LxdSandbox, tmp_path: Path
) -> None:
    environ = {
        k: v for k, v in os.environ.items() if not k.startswith(("LXD_GRPC_BRIDGE_", "OTEL_"))
    }
    env = {"OTEL_TRACES_EXPORTER": "console", "OTEL_SERVICE_NAME": "bridge-under-test"}
    address = f"unix:{tmp_path / 'bridge.sock'}"
    command = [
        sys.executable, "-m", "bridge", "serve", "--lxd", f"unix://{lxd_sandbox.socket}",
        "--listen", address, "--log-format", "json", "--metrics-listen", "127.0.0.1:0",
    ]  # fmt: skip
    with subprocess.Popen(
        command, env=environ | env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stderr is not None
            lines: list[dict[str, object]] = []

            def read_until(found: Callable[[dict[str, object]], bool]) -> dict[str, object]:
                while True:  # bounded by the test's timeout
                    text = process.stderr.readline() if process.stderr else ""
                    assert text, f"the bridge exited: {process.wait()}"
                    lines.append(orjson.loads(text))
                    if found(lines[-1]):
                        return lines[-1]

            metrics_line = read_until(lambda line: "Prometheus" in str(line["message"]))
            with grpc.insecure_channel(address) as channel:
                stub = server_service_pb2_grpc.ServerServiceStub(channel)
                _, call = stub.GetServer.with_call(
                    server_service_pb2.GetServerRequest(),
                    metadata=(("x-request-id", "cli-json-1"),),
                    timeout=10,
                )
            rpc_line = read_until(lambda line: line.get("request_id") == "cli-json-1")
            metrics_url = re.search(r"http://\S+/metrics", str(metrics_line["message"]))
            assert metrics_url, metrics_line
            scraped = httpx.get(metrics_url.group(0), timeout=10).text
        finally:
            process.terminate()
            process.wait(timeout=30)
    assert dict(call.trailing_metadata())["x-request-id"] == "cli-json-1"
    assert str(lines[0]["message"]).startswith("serving "), lines[0]
    assert {"time", "level", "logger", "message"} <= set(lines[0])
    assert "rpc" not in lines[0]  # not inside an RPC
    assert rpc_line["rpc"] == "/lxd.api.v1.ServerService/GetServer"
    assert any(str(line["message"]).startswith("tracing on") for line in lines), lines
    assert 'grpc_method="GetServer"' in scraped
