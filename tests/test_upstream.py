"""The per-call pieces without LXD: the call context's project, and the questions the transport
asks the dialect instead of assuming LXD (file headers, where containers live)."""

from __future__ import annotations

from typing import Any

import pytest

from bridge import codec
from bridge.facade.context import CallContext, OneUpstream
from bridge.transport import Endpoint, LxdClient
from bridge.transport.files import FileInfo, file_headers, file_info
from bridge.upstream import BRIDGE_IDENTITY, Upstream
from lxd.api.v1 import container_service_pb2 as cs
from lxd.api.v1 import server_service_pb2 as ss


@pytest.mark.parametrize(
    ("request_", "project"),
    [
        pytest.param(cs.GetContainerRequest(name="c", project="p1"), "p1", id="project-field"),
        pytest.param(cs.GetContainerRequest(name="c"), "", id="default-project"),
        pytest.param(ss.GetServerRequest(), "", id="no-project-field"),
        pytest.param(None, "", id="request-stream-before-its-first-message"),
    ],
)
def test_the_call_context_carries_the_requests_project(request_: Any, project: str) -> None:
    upstream = Upstream(LxdClient(Endpoint.parse("unix:///nonexistent/lxd.socket")))
    call = CallContext.of(upstream, context=None, request=request_)  # type: ignore[arg-type]
    assert (call.project, call.principal, call.upstream) == (project, None, upstream)
    first = cs.CreateContainerFileRequest(name="c", project="p2")
    assert call.scoped(first).project == "p2"


def test_one_upstream_is_the_bridge_itself() -> None:
    client = LxdClient(Endpoint.parse("unix:///nonexistent/lxd.socket"))
    resolver = OneUpstream(client)
    chosen = resolver.resolve(context=None, method=None)  # type: ignore[arg-type]
    assert (chosen.client, chosen.identity) == (client, BRIDGE_IDENTITY)


@pytest.mark.parametrize(
    ("dialect", "prefix"),
    [
        pytest.param(codec.LXD_5_0, "X-LXD-", id="lxd"),
        pytest.param(codec.INCUS_6_0, "X-Incus-", id="incus"),
    ],
)
def test_file_headers_are_named_by_the_dialect(dialect: codec.Dialect, prefix: str) -> None:
    sent = file_headers(dialect, uid=1000, gid=1001, mode=0o640, file_type="file")
    assert sent == {
        "Content-Type": "application/octet-stream",
        f"{prefix}type": "file",
        f"{prefix}write": "overwrite",
        f"{prefix}uid": "1000",
        f"{prefix}gid": "1001",
        f"{prefix}mode": "0640",
    }
    received = {f"{prefix}uid": "1000", f"{prefix}gid": "1001", f"{prefix}mode": "0640"}
    received[f"{prefix}type"] = "symlink"
    assert file_info(received, dialect) == FileInfo(uid=1000, gid=1001, mode=0o640, type="symlink")
