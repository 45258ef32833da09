"""OpenTelemetry tracing, off unless the standard ``OTEL_*`` environment turns it on.

``OTEL_TRACES_EXPORTER`` names the exporter (``otlp``, ``console``, or any installed
``opentelemetry_traces_exporter`` entry point); unset, ``none`` or ``OTEL_SDK_DISABLED=true``
is off. The rest is the SDK's own reading of the environment: ``OTEL_SERVICE_NAME`` and
``OTEL_RESOURCE_ATTRIBUTES`` (the resource), ``OTEL_TRACES_SAMPLER`` (sampling),
``OTEL_EXPORTER_OTLP_*`` (where otlp sends). Incoming ``traceparent`` metadata (W3C, the
default propagator) makes the RPC's span a child of the caller's.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.metadata import entry_points

from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter

__all__ = ["TracingConfigError", "from_environment"]

_EXPORTER_GROUP = "opentelemetry_traces_exporter"
# "otlp" is what the OTEL_* conventions call it; the installed package registers it by its
# protocol (as the SDK's own auto-configuration maps it).
_ALIASES = {"otlp": "otlp_proto_grpc"}


class TracingConfigError(ValueError):
    """The ``OTEL_*`` environment names an exporter that is not installed."""


def from_environment(environ: Mapping[str, str] | None = None) -> TracerProvider | None:
    """A tracer provider exporting as ``OTEL_TRACES_EXPORTER`` says, or None when tracing is
    off (the default). Raises :class:`TracingConfigError` for an unknown exporter."""
    env = os.environ if environ is None else environ
    if env.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return None
    names = [n.strip() for n in env.get("OTEL_TRACES_EXPORTER", "").split(",") if n.strip()]
    names = [n for n in names if n != "none"]
    if not names:
        return None
    provider = TracerProvider(resource=Resource.create())
    for name in names:
        found = entry_points(group=_EXPORTER_GROUP, name=_ALIASES.get(name, name))
        if not found:
            known = sorted(e.name for e in entry_points(group=_EXPORTER_GROUP))
            raise TracingConfigError(
                f"OTEL_TRACES_EXPORTER={name!r} is not an installed exporter "
                f"(installed: {', '.join(known)})"
            )
        exporter_cls = next(iter(found)).load()
        exporter: SpanExporter = exporter_cls()
        provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider
