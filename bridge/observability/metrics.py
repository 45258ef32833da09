"""The Prometheus metrics of the bridge, and the HTTP server of ``--metrics-listen``.

The names of the ``grpc_server_*`` series are those of go-grpc-prometheus and its ports, which
dashboards already know. All metrics live in :data:`REGISTRY` (not prometheus-client's global
one), so what is served is exactly the bridge's. They are process-wide, like the server: two
bridges in one process (the tests) add to the same series.
"""

from __future__ import annotations

import platform
import threading
import weakref
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING
from wsgiref.simple_server import WSGIServer

import grpc
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info
from prometheus_client.exposition import start_http_server

if TYPE_CHECKING:  # the transport imports this package's hook: no import cycle at run time
    from bridge.transport.events import Events

__all__ = [
    "GRPC_HANDLED",
    "GRPC_HANDLING_SECONDS",
    "GRPC_STARTED",
    "LXD_REQUEST_SECONDS",
    "LXD_UP",
    "OPEN_STREAMS",
    "REGISTRY",
    "MetricsServer",
    "start_metrics_server",
    "watch_events",
]

REGISTRY = CollectorRegistry(auto_describe=True)

_GRPC_LABELS = ("grpc_type", "grpc_service", "grpc_method")
GRPC_STARTED = Counter(
    "grpc_server_started_total",
    "RPCs started on the server.",
    _GRPC_LABELS,
    registry=REGISTRY,
)
GRPC_HANDLED = Counter(
    "grpc_server_handled_total",
    "RPCs completed on the server, by status code.",
    (*_GRPC_LABELS, "grpc_code"),
    registry=REGISTRY,
)
GRPC_HANDLING_SECONDS = Histogram(
    "grpc_server_handling_seconds",
    "Time from an RPC's start to its status, in seconds (streams: their whole life).",
    _GRPC_LABELS,
    registry=REGISTRY,
)
OPEN_STREAMS = Gauge(
    "lxd_grpc_bridge_open_streams",
    "Streaming RPCs open now, by kind (the RPC: GetEvents, ExecContainer, file transfers...).",
    ("grpc_type", "grpc_method"),
    registry=REGISTRY,
)
EVENT_SUBSCRIBERS = Gauge(
    "lxd_grpc_bridge_event_subscribers",
    "Local subscribers of LXD's event streams now (GetEvents streams and operation waits).",
    registry=REGISTRY,
)
# The event hubs of every LXD client served (weakly held: a closed client drops out).
_EVENTS: weakref.WeakSet[Events] = weakref.WeakSet()
EVENT_SUBSCRIBERS.set_function(lambda: sum(events.subscriber_count() for events in _EVENTS))
LXD_REQUEST_SECONDS = Histogram(
    "lxd_grpc_bridge_lxd_request_seconds",
    "Requests to LXD's REST API, by HTTP method and status ('error': no answer), in seconds "
    "to the response headers.",
    ("method", "status"),
    registry=REGISTRY,
)
LXD_UP = Gauge(
    "lxd_grpc_bridge_lxd_up",
    "1 when LXD answered the last health check (GET /1.0), else 0.",
    ("endpoint",),
    registry=REGISTRY,
)
_BUILD = Info(
    "lxd_grpc_bridge_build", "The bridge's version and what it runs on.", registry=REGISTRY
)
_BUILD.info(
    {
        "version": metadata.version("lxd-grpc-bridge"),
        "grpc_version": grpc.__version__,
        "python_version": platform.python_version(),
    }
)


def watch_events(events: Events) -> None:
    """Count the subscribers of ``events`` in ``lxd_grpc_bridge_event_subscribers``."""
    _EVENTS.add(events)


@dataclass
class MetricsServer:
    """``--metrics-listen``'s HTTP server (a thread of prometheus-client's): ``address`` is
    ``host:port`` with the port chosen when 0 was asked, ``scheme`` http or https."""

    address: str
    scheme: str
    _server: WSGIServer
    _thread: threading.Thread

    @property
    def url(self) -> str:
        """Where to scrape: ``http(s)://host:port/metrics``."""
        return f"{self.scheme}://{self.address}/metrics"

    def stop(self) -> None:
        """Stop serving and wait for the thread."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def start_metrics_server(
    host: str, port: int, *, certfile: str | None = None, keyfile: str | None = None
) -> MetricsServer:
    """Serve :data:`REGISTRY` in Prometheus text format on ``host:port`` (HTTPS with a
    certificate and key)."""
    server, thread = start_http_server(
        port, addr=host, registry=REGISTRY, certfile=certfile, keyfile=keyfile
    )
    bound_port = server.server_address[1]
    shown = f"[{host}]" if ":" in host else host
    return MetricsServer(f"{shown}:{bound_port}", "https" if certfile else "http", server, thread)
