"""Dialects: what differs between LXD 3.4, LXD 5.0 and Incus 6.0 is answered by the dialect alone.

Paths (Incus has no ``/1.0/containers``), header names, keys Incus renamed (``password`` is its
``trust_token``) or dropped (``container_only``), and which keys a write may send (the
``since``, ``removed_in``, ``family`` and ``incus_since`` options), each from the protos'
options; and the dialect is read again when the daemon comes back after a transport failure.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask

from bridge import codec
from bridge.codec.dialect import KeyRules
from bridge.codec.plan import Kind, message_types, plan_for
from bridge.errors import TransportError
from bridge.facade import FACADES
from bridge.facade.bodies import patch_body
from bridge.facade.context import OneUpstream
from bridge.transport import Endpoint, LxdClient, LxdResponse
from bridge.transport import Kind as RequestKind
from bridge.transport.connection import Query, with_query
from bridge.upstream import Upstream
from lxd.api.v1 import certificate_service_pb2 as certs
from lxd.api.v1 import container_service_pb2 as cs
from lxd.api.v1.certificate_pb2 import CertificatesPost
from lxd.api.v1.certificate_service_pb2_grpc import CertificateServiceStub
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub

LXD_5_0_9 = codec.dialect_for({"environment": {"server": "lxd", "server_version": "5.0.9"}})
LXD_5_21 = codec.dialect_for({"environment": {"server": "lxd", "server_version": "5.21.3"}})
INCUS_6_1 = codec.dialect_for({"environment": {"server": "incus", "server_version": "6.1.0"}})

# --- paths ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dialect", "path", "query", "expected"),
    [
        pytest.param(
            codec.LXD_5_0,
            "/1.0/containers",
            {"recursion": 1},
            ("/1.0/containers", {"recursion": 1}),
            id="lxd-5.0-keeps-the-containers-alias",
        ),
        pytest.param(
            codec.LXD_3_4,
            "/1.0/containers/c1/exec",
            None,
            ("/1.0/containers/c1/exec", {}),
            id="lxd-3.4-has-only-containers",
        ),
        pytest.param(
            LXD_5_21,
            "/1.0/containers/c1",
            None,
            ("/1.0/containers/c1", {}),
            id="lxd-5.21-still-routes-the-alias",
        ),
        pytest.param(
            codec.INCUS_6_0,
            "/1.0/containers",
            {"recursion": 1, "project": None},
            ("/1.0/instances", {"instance-type": "container", "recursion": 1, "project": None}),
            id="incus-list-holds-containers-only",
        ),
        pytest.param(
            codec.INCUS_6_0,
            "/1.0/containers/c1/files",
            {"path": "/etc/hosts"},
            ("/1.0/instances/c1/files", {"instance-type": "container", "path": "/etc/hosts"}),
            id="incus-object-path-is-narrowed-to-containers",
        ),
        pytest.param(
            codec.INCUS_6_0,
            "/1.0/containers",
            {"instance-type": "virtual-machine"},
            ("/1.0/instances", {"instance-type": "virtual-machine"}),
            id="the-requests-own-query-wins",
        ),
        pytest.param(
            codec.INCUS_6_0,
            "/1.0/instances/v1",
            None,
            ("/1.0/instances/v1", {}),
            id="incus-instances-path-unchanged",
        ),
        pytest.param(
            codec.INCUS_6_0,
            "/1.0/containers?recursion=2",
            None,
            ("/1.0/instances?recursion=2", {"instance-type": "container"}),
            id="a-query-written-into-the-path-stays",
        ),
        pytest.param(
            codec.LXD_5_0,
            "/1.0/containers/c1/logs/exec_1.stdout",
            None,
            ("/1.0/containers/c1/logs/exec_1.stdout", {}),
            id="lxd-5.0-keeps-exec-output-among-the-logs",
        ),
        pytest.param(
            LXD_5_21,
            "/1.0/containers/c1/logs/exec_1.stdout",
            None,
            ("/1.0/containers/c1/logs/exec-output/exec_1.stdout", {}),
            id="lxd-5.21-has-exec-output-of-its-own",
        ),
        pytest.param(
            codec.INCUS_6_0,
            "/1.0/containers/c1/logs/exec_1.stderr",
            None,
            ("/1.0/instances/c1/logs/exec-output/exec_1.stderr", {"instance-type": "container"}),
            id="incus-exec-output",
        ),
        pytest.param(
            codec.INCUS_6_0,
            "/1.0/containers/c1/logs/lxc.log",
            None,
            ("/1.0/instances/c1/logs/lxc.log", {"instance-type": "container"}),
            id="incus-other-logs-stay",
        ),
        pytest.param(
            codec.INCUS_6_0,
            "/1.0/containers-x",
            None,
            ("/1.0/containers-x", {}),
            id="only-the-containers-collection-moves",
        ),
        pytest.param(
            codec.INCUS_6_0,
            "/1.0/profiles/default",
            None,
            ("/1.0/profiles/default", {}),
            id="incus-other-paths-unchanged",
        ),
    ],
)
def test_the_dialect_says_where_a_container_path_is(
    dialect: codec.Dialect, path: str, query: Query | None, expected: tuple[str, dict[str, Any]]
) -> None:
    assert dialect.locate(path, query) == expected


@pytest.mark.parametrize(
    ("dialect", "name"),
    [(codec.LXD_5_0, "X-LXD-write"), (LXD_5_21, "X-LXD-write"), (codec.INCUS_6_0, "X-Incus-write")],
)
def test_headers_are_named_by_the_family(dialect: codec.Dialect, name: str) -> None:
    assert dialect.header("write") == name


# --- keys a write may send -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rules", "written_by"),
    [
        pytest.param(KeyRules("name"), {"3.4", "5.0", "5.21", "incus-6.0", "incus-6.1"}, id="seed"),
        pytest.param(
            KeyRules("type", since=(3, 18, 0)),
            {"5.0", "5.21", "incus-6.0", "incus-6.1"},
            id="since-an-lxd-release-before-the-fork",
        ),
        pytest.param(
            KeyRules("x", since=(5, 20, 0)), set(), id="since-an-lxd-release-after-the-fork"
        ),
        pytest.param(
            KeyRules("x", since=(5, 20, 0), incus_since=(6, 0, 0)),
            {"incus-6.0", "incus-6.1"},
            id="since-lxd-5.20-and-incus-6.0",
        ),
        pytest.param(
            KeyRules("x", since=(5, 20, 0), incus_since=(6, 1, 0)),
            set(),
            id="newer-than-known-incus-is-written-what-6.0.4-is",
        ),
        pytest.param(
            KeyRules("creation_date", removed_in=(3, 17, 0)), {"3.4"}, id="removed-before-the-fork"
        ),
        pytest.param(
            KeyRules("container_only", family="lxd"), {"3.4", "5.0", "5.21"}, id="lxd-only"
        ),
        pytest.param(
            KeyRules("x", family="incus", incus_since=(6, 0, 0)),
            {"incus-6.0", "incus-6.1"},
            id="incus-only",
        ),
        pytest.param(
            KeyRules("x", family="incus", incus_since=(6, 0, 4)),
            {"incus-6.0", "incus-6.1"},
            id="incus-only-since-6.0.4",
        ),
    ],
)
def test_which_dialects_write_a_key(rules: KeyRules, written_by: set[str]) -> None:
    dialects = {
        "3.4": codec.LXD_3_4,
        "5.0": codec.LXD_5_0,
        "5.21": LXD_5_21,
        "incus-6.0": codec.INCUS_6_0,
        "incus-6.1": INCUS_6_1,
    }
    assert {name for name, d in dialects.items() if d.writes(rules)} == written_by


def test_an_incus_newer_than_known_is_served_as_the_newest_known() -> None:
    assert INCUS_6_1.newer_than_known and INCUS_6_1.incus_level == codec.INCUS_6_0.incus_level
    assert INCUS_6_1 == codec.INCUS_6_0  # so it shares the writers of Incus 6.0
    assert (
        codec.dialect_for({"environment": {"server": "lxd", "server_version": "5.0.9"}}) == LXD_5_21
    )


@pytest.mark.parametrize(
    ("message", "field_name", "lxd_key", "incus_key"),
    [
        pytest.param("CertificatesPost", "password", "password", "trust_token", id="certificates"),
        pytest.param(
            "ClusterPut", "cluster_password", "cluster_password", "cluster_token", id="cluster-join"
        ),
    ],
)
def test_keys_incus_renamed_are_read_from_both_and_written_in_the_servers_name(
    message: str, field_name: str, lxd_key: str, incus_key: str
) -> None:
    from_lxd = codec.from_json(message, {lxd_key: "s3cret"}, strict=True)
    from_incus = codec.from_json(message, {incus_key: "s3cret"}, strict=True)
    assert from_lxd == from_incus and getattr(from_lxd, field_name) == "s3cret"
    for dialect in (codec.LXD_3_4, codec.LXD_5_0, LXD_5_21):
        out = codec.to_json(from_incus, dialect)
        assert out[lxd_key] == "s3cret" and incus_key not in out
    out = codec.to_json(from_lxd, codec.INCUS_6_0)
    assert out[incus_key] == "s3cret" and lxd_key not in out


def test_every_lxd_only_key_is_left_out_of_what_incus_gets() -> None:
    """Data-driven: every field whose ``family`` option is "lxd" (container_only of backups,
    copies and moves: Incus has only instance_only) is written to LXD and never to Incus."""
    checked = []
    for name, descriptor in sorted(message_types().items()):
        plan = plan_for(descriptor)
        for fp in plan.fields:
            if fp.rules is None or fp.rules.family != "lxd" or fp.kind is not Kind.BOOL:
                continue
            msg = plan.cls(**{fp.name: True})
            assert codec.to_json(msg, LXD_5_0_9)[fp.key] is True, f"{name}.{fp.key}"
            assert fp.key not in codec.to_json(msg, codec.INCUS_6_0), f"{name}.{fp.key}"
            checked.append(f"{name}.{fp.key}")
    assert {
        "ContainerBackup.container_only",
        "ContainerBackupsPost.container_only",
        "ContainerPost.container_only",
        "ContainerSource.container_only",
        "ServerEnvironment.server_lts",
    } <= set(checked)


def test_a_patch_to_incus_sends_the_renamed_key() -> None:
    post = CertificatesPost(password="s3cret", name="n")
    mask = FieldMask(paths=["password"])
    assert patch_body(post, mask, codec.INCUS_6_0, field="certificate") == {"trust_token": "s3cret"}
    assert patch_body(post, mask, codec.LXD_5_0, field="certificate") == {"password": "s3cret"}


# --- the dialect is read again when the daemon comes back ------------------------------------

_LXD_SERVER = {
    "auth": "trusted",
    "api_extensions": ["instances"],
    "environment": {"server": "lxd", "server_version": "5.0.2"},
}
_INCUS_SERVER = {
    "auth": "trusted",
    "api_extensions": ["instances"],
    "environment": {"server": "incus", "server_version": "6.0.4"},
}
_CONTAINER = {"name": "c1", "status": "Stopped", "type": "container", "config": {}}


@dataclass
class UpgradingTransport:
    """A daemon that goes away and comes back as another server (an upgrade from LXD 5.0 to
    Incus 6.0 in place): answers GET /1.0 with ``server``, fails the request named in
    ``fail_once`` once (the connection broke), and records every request with its body."""

    server: dict[str, Any]
    sent: list[tuple[str, Any]] = field(default_factory=list)
    fail_once: set[str] = field(default_factory=set)

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        query: Query | None = None,
        etag: str | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes | AsyncIterable[bytes] | None = None,
        timeout: float | None = None,
        kind: RequestKind | None = None,
    ) -> LxdResponse:
        key = f"{method} {with_query(path, query)}"
        self.sent.append((key, json))
        if key in self.fail_once:
            self.fail_once.discard(key)
            raise TransportError(f"{key}: connection reset (the daemon is restarting)")
        if key == "GET /1.0":
            return LxdResponse("sync", 200, 200, self.server, "", None, None)
        if method == "GET":
            return LxdResponse("sync", 200, 200, _CONTAINER, "", "etag1", None)
        return LxdResponse("sync", 200, 200, {}, "", None, None)


@pytest.fixture
async def upgrading(
    tmp_path: Path,
) -> AsyncIterator[tuple[grpc.aio.Channel, UpgradingTransport, LxdClient]]:
    transport = UpgradingTransport(dict(_LXD_SERVER))
    client = LxdClient(Endpoint.parse(f"unix://{tmp_path}/no-lxd.socket"), transport=transport)
    await client.refresh_server()
    server = grpc.aio.server()
    upstreams = OneUpstream(Upstream(client))
    server.add_generic_rpc_handlers([facade(upstreams).generic_handler() for facade in FACADES])
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            yield channel, transport, client
    finally:
        await server.stop(None)


async def test_the_dialect_is_read_again_when_the_daemon_comes_back_as_another_family(
    upgrading: tuple[grpc.aio.Channel, UpgradingTransport, LxdClient],
) -> None:
    """The reconnect seam: the transport fails once (the daemon restarts), and the daemon that
    answers next is Incus. The next call reads GET /1.0 again before it builds its request: its
    path is Incus's, and its body has Incus's keys (``trust_token``, not ``password``)."""
    channel, transport, client = upgrading
    containers = ContainerServiceStub(channel)
    certificates = CertificateServiceStub(channel)
    await containers.GetContainer(cs.GetContainerRequest(name="c1"))
    assert transport.sent[-1][0] == "GET /1.0/containers/c1"
    assert client.dialect.name == "LXD 5.0.2"

    transport.fail_once.add("GET /1.0/containers/c1")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await containers.GetContainer(cs.GetContainerRequest(name="c1"))
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    transport.server = dict(_INCUS_SERVER)  # the daemon came back upgraded

    post = CertificatesPost(type="client", certificate="MIIB", password="s3cret")
    await certificates.CreateCertificate(certs.CreateCertificateRequest(certificate=post))
    refreshed, created = transport.sent[-2:]
    assert refreshed[0] == "GET /1.0"
    assert created[0] == "POST /1.0/certificates"
    assert created[1]["trust_token"] == "s3cret" and "password" not in created[1]
    assert client.dialect.name == "Incus 6.0.4"

    await containers.GetContainer(cs.GetContainerRequest(name="c1"))
    assert transport.sent[-1][0] == "GET /1.0/instances/c1?instance-type=container"
