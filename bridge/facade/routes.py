"""Routes: where an RPC goes in LXD, read from its ``google.api.http`` rule, and its query.

A route is obtained one way, :func:`route_of` (cached per RPC): the kinds bind it when a servicer
class is defined, the hand-written RPCs ask for it by name (``Facade.route``).
"""

from __future__ import annotations

import functools
import re
from typing import Any, cast
from urllib.parse import unquote

from google.api import annotations_pb2, http_pb2
from google.protobuf.descriptor import (
    Descriptor,
    FieldDescriptor,
    FileDescriptor,
    MethodDescriptor,
    ServiceDescriptor,
)
from google.protobuf.message import Message

from bridge.errors import InvalidRequest
from bridge.transport.connection import Query
from bridge.transport.paths import segment

__all__ = [
    "SCOPE_FIELDS",
    "Route",
    "etag_of",
    "field_of",
    "header_value",
    "name_from_url",
    "query_of",
    "route_of",
    "scope_query",
    "service_descriptor",
]

#: Request fields sent as query parameters, when not empty, wherever a request has them.
SCOPE_FIELDS = ("target", "project")

_PATH_VARIABLE = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")


def service_descriptor(module: Any, name: str) -> ServiceDescriptor:
    """The descriptor of service ``name`` of a generated ``*_service_pb2`` module."""
    file = cast(FileDescriptor, module.DESCRIPTOR)
    return file.services_by_name[name]


def name_from_url(url: str) -> str:
    """The name at the end of an LXD URL: ``/1.0/instances/c/snapshots/s%201?project=p`` -> ``s 1``.

    The last path segment, after cutting the query and URL-unescaping, so ``/1.0/containers/``,
    ``/1.0/instances/`` and ``/1.0/virtual-machines/`` (LXD 3.18+) all give the same name.
    """
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return unquote(path.rsplit("/", 1)[-1])


class Route:
    """LXD's method, path template and body field, from an RPC's ``google.api.http`` option.

    An ``additional_bindings`` entry with the same method and more path variables is a narrower
    path LXD also serves (``/volumes/{type}`` beside ``/volumes``): :meth:`path` takes it when the
    request sets all its variables. Other additional bindings only document what LXD serves.
    """

    def __init__(self, method: MethodDescriptor) -> None:
        options: Any = method.GetOptions()  # typeshed cannot type a generated extension
        rule = cast(http_pb2.HttpRule, options.Extensions[annotations_pb2.http])
        pattern = rule.WhichOneof("pattern")
        if pattern is None:
            raise TypeError(f"{method.full_name} has no google.api.http rule")
        if pattern == "custom":  # a method http_pb2 has no field for: HEAD
            self.method = rule.custom.kind.upper()
            self.template: str = rule.custom.path
        else:
            self.method = pattern.upper()
            self.template = getattr(rule, pattern)
        self.body = rule.body
        self.variables = _PATH_VARIABLE.findall(self.template)
        self.narrower: list[tuple[str, list[str]]] = []
        for binding in rule.additional_bindings:
            kind = binding.WhichOneof("pattern")
            template = getattr(binding, kind) if kind else ""
            variables = _PATH_VARIABLE.findall(template)
            if kind == pattern and len(variables) > len(self.variables):
                self.narrower.append((template, variables))
        for name in [*self.variables, *(v for _, vs in self.narrower for v in vs)]:
            _field_path(method.input_type, name, method.full_name)
        if self.body and self.body not in method.input_type.fields_by_name:
            raise TypeError(f"{method.full_name}: {self.body!r} is not a field of the request")

    def path(self, request: Message) -> str:
        """The path with the request's fields in it, each one segment (bridge.transport.paths:
        empty, ``.``, ``..`` and control characters are refused, ``/`` is escaped)."""
        for template, variables in self.narrower:
            if all(str(_field_value(request, name)) for name in variables):
                return _PATH_VARIABLE.sub(lambda m: _escaped(request, m.group(1)), template)
        return _PATH_VARIABLE.sub(lambda m: _escaped(request, m.group(1)), self.template)


@functools.cache
def route_of(method: MethodDescriptor) -> Route:
    """The route of ``method``, read from its http rule once."""
    return Route(method)


def _field_path(message: Descriptor, name: str, rpc: str) -> None:
    """Check that a path variable (``pool``, ``volume.type``) names a scalar of the request."""
    current: Descriptor | None = message
    for part in name.split("."):
        field = current.fields_by_name.get(part) if current is not None else None
        if field is None:
            raise TypeError(f"{rpc}: {name!r} is not a field of the request")
        current = field.message_type


def _field_value(request: Message, name: str) -> Any:
    value: Any = request
    for part in name.split("."):
        value = getattr(value, part)
    return value


def _escaped(request: Message, name: str) -> str:
    return segment(str(_field_value(request, name)), name)


def scope_query(request: Message) -> dict[str, str | int | bool | None]:
    """``target``, ``project`` and ``all_projects`` (LXD's ``all-projects=true``) of the
    request, as query parameters, when set."""
    fields = request.DESCRIPTOR.fields_by_name
    query: dict[str, str | int | bool | None] = {
        name: getattr(request, name) or None for name in SCOPE_FIELDS if name in fields
    }
    if "all_projects" in fields:
        query["all-projects"] = "true" if getattr(request, "all_projects") else None  # noqa: B009
    return query


def query_of(request: Message, names: tuple[str, ...]) -> Query:
    """``target``/``project`` and the named fields of the request, as query parameters.

    A field is sent only when set: a string when not empty, a bool as ``1`` when true (LXD reads
    ``force=1``), a number when not zero. The parameter is the field's name with ``-`` for
    ``_``, as LXD names its parameters (``all_projects``: ``all-projects``).
    """
    query: dict[str, str | int | bool | None] = dict(scope_query(request))
    for name in names:
        value = getattr(request, name)
        parameter = name.replace("_", "-")
        if isinstance(value, bool):
            query[parameter] = 1 if value else None
        else:
            query[parameter] = value or None
    return query


def field_of(message: Message | Descriptor, name: str) -> FieldDescriptor | None:
    descriptor = message if isinstance(message, Descriptor) else message.DESCRIPTOR
    return cast(FieldDescriptor | None, descriptor.fields_by_name.get(name))


def etag_of(request: Any) -> str | None:
    """The request's ``etag`` (sent as If-Match), if it has one and it is set."""
    if field_of(request, "etag") is None:
        return None
    return header_value(cast(str, request.etag), "etag") or None


#: What an HTTP header value may not hold: control characters other than TAB (RFC 9110 5.5).
_HEADER_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def header_value(value: str, field: str) -> str:
    """``value``, to be sent as an HTTP header: CR, LF, NUL and other controls are refused
    (INVALID_ARGUMENT naming ``field``) rather than left to the HTTP client to fail on."""
    if match := _HEADER_CONTROL.search(value):
        raise InvalidRequest(
            f"{field} contains the control character U+{ord(match.group()):04X} "
            f"at position {match.start()}",
            field=field,
        )
    return value
