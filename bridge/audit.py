"""The audit log: one JSON object per line for every RPC that changes something (``--audit-log``).

Each line has ``time`` (RFC 3339, UTC), ``principal`` (None: the anonymous caller), ``peer``,
``method`` (``/package.Service/Method``), the resource the request names (``name``, ``project``,
``target``, when the request has them), ``code`` (the gRPC status name), ``operation`` (the LXD
operation id, when the RPC started one) and ``duration`` (seconds). Never a body, password,
token, key or certificate: only those fields are read from the request.

An RPC changes something when LXD's method in its ``google.api.http`` rule is not GET or HEAD,
or when it is a two-way session on an upgraded GET (SFTP, :func:`changes`); with
``reads`` every RPC is audited (health and reflection too); a PERMISSION_DENIED call (the policy's
or LXD's) always is. Each line is one ``write`` on a file opened for appending, from the event
loop's thread: lines stay whole when RPCs run concurrently and when the bridge stops on SIGTERM
(nothing is buffered to lose).
"""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any

import grpc
import orjson
from google.protobuf.message import DecodeError, Message
from google.protobuf.message_factory import GetMessageClass

from bridge.facade.routes import route_of
from bridge.identity import caller_of
from bridge.observability import context

__all__ = ["RESOURCE_FIELDS", "Audit", "AuditLog", "changes"]

#: The request fields copied into a line: what the call names, never what it carries.
RESOURCE_FIELDS = ("name", "project", "target")


class AuditLog:
    """Where audit lines go: a file opened for appending, or ``-`` for stderr."""

    def __init__(self, target: str) -> None:
        self.target = target
        if target == "-":
            self._fd = sys.stderr.fileno()
            self._owned = False
        else:
            self._fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            self._owned = True

    def write(self, entry: dict[str, Any]) -> None:
        """One line, in one write call."""
        os.write(self._fd, orjson.dumps(entry) + b"\n")

    def close(self) -> None:
        """Close the file (not stderr)."""
        if self._owned:
            os.close(self._fd)
            self._owned = False


def _strings(message: Message) -> dict[str, str]:
    fields = message.DESCRIPTOR.fields_by_name
    return {
        key: str(getattr(message, key))
        for key in RESOURCE_FIELDS
        if key in fields and fields[key].type == fields[key].TYPE_STRING and getattr(message, key)
    }


def _resource(request: Any, message_type: type[Message] | None) -> dict[str, str]:
    """``name``, ``project``, ``target`` of a request; a create names its object in the body
    (``CreateProfile``: ``profile.name``). The facade's handlers get the request's bytes (they
    parse and check it themselves), so they are parsed here again, for the line only."""
    if isinstance(request, bytes) and message_type is not None:
        try:
            request = message_type.FromString(request)
        except DecodeError:
            return {}
    if not isinstance(request, Message):
        return {}
    found = _strings(request)
    if "name" not in found:
        for descriptor, value in request.ListFields():
            if descriptor.type == descriptor.TYPE_MESSAGE and not descriptor.is_repeated:
                name = _strings(value).get("name")
                if name:
                    found["name"] = name
                    break
    return found


def changes(method: Any) -> bool:
    """Whether an RPC can change something: LXD's method is not GET or HEAD, or the RPC is a
    session both ways on an upgraded GET (GetInstanceFileSFTP writes files)."""
    upgraded = method.client_streaming and method.server_streaming
    return route_of(method).method not in ("GET", "HEAD") or upgraded


class Audit:
    """Which RPCs are audited and their lines (see the module docstring); the server's one
    interceptor (:mod:`bridge.interception`) asks it for each method's writer.

    ``services`` are the facade's service descriptors: their http rules say which RPCs change
    something.
    """

    def __init__(self, log: AuditLog, services: Iterable[Any], *, reads: bool = False) -> None:
        self.log = log
        self.reads = reads
        methods = [(f"/{s.full_name}/{m.name}", m) for s in services for m in s.methods]
        self._changes = {path: changes(method) for path, method in methods}
        self._types = {path: GetMessageClass(method.input_type) for path, method in methods}

    def method(self, path: str) -> Callable[[Any, Any, str, float], None]:
        """The writer of ``path``'s lines: ``(servicer context, request or first request of a
        stream, status name, seconds)``; a call that changes nothing is written only with
        ``reads`` or when PERMISSION_DENIED."""
        always = self.reads or self._changes.get(path, False)
        log = self.log
        message_type = self._types.get(path)
        denied = grpc.StatusCode.PERMISSION_DENIED.name

        def write(
            ctx: grpc.aio.ServicerContext[Any, Any], request: Any, code: str, seconds: float
        ) -> None:
            if not always and code != denied:
                return
            call = context.current()
            log.write(
                {
                    "time": datetime.datetime.now(datetime.UTC)
                    .isoformat(timespec="milliseconds")
                    .replace("+00:00", "Z"),
                    "principal": caller_of(ctx).principal,
                    "peer": ctx.peer(),
                    "method": path,
                    **_resource(request, message_type),
                    "code": code,
                    "operation": call.operation if call is not None else None,
                    "duration": round(seconds, 6),
                }
            )

        return write
