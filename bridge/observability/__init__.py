"""What operators watch: metrics, traces, request ids and structured logs.

- :mod:`.context`: the per-call context (RPC, request id, principal, LXD operation) that the
  server interceptor sets in a contextvar; logs, spans and the transport read it.
- the server interceptor that sets it, counts ``grpc_server_*`` metrics and open streams and
  logs one line per RPC is :mod:`bridge.interception` (with the policy, limits and audit).
- :mod:`.metrics`: the Prometheus metrics and ``--metrics-listen``'s HTTP server.
- :mod:`.tracing`: OpenTelemetry, off unless the ``OTEL_*`` environment turns it on.
- :mod:`.upstream`: the one hook in the transport's request path (LXD latency, LXD spans).
- :mod:`.logs`: ``--log-format json``.
"""
