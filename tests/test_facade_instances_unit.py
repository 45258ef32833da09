"""InstanceService's machinery without a daemon: its routes (a HEAD rule, list query parameters),
the stream bindings shared with ContainerService, and the SFTP upgrade's answers that a real
daemon does not give (a fake server, said per test)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from google.api import annotations_pb2

from bridge.errors import NotFound, ProtocolError, TransportError
from bridge.facade import ContainerFacade, InstanceFacade
from bridge.facade.common import ListObjects, Route
from bridge.facade.instance_streams import STREAMS, InstanceStreams
from bridge.transport.endpoint import Endpoint
from bridge.transport.upgrade import upgrade
from lxd.api.v1 import instance_service_pb2 as pb
from tests.reference import ENDPOINTS_5_0, read_tsv

SERVICE = pb.DESCRIPTOR.services_by_name["InstanceService"]


def test_the_file_head_is_a_custom_http_rule() -> None:
    route = Route(SERVICE.methods_by_name["GetInstanceFileInfo"])
    request = pb.GetInstanceFileInfoRequest(name="c1", path="/etc/hostname")
    assert (route.method, route.path(request), route.body) == (
        "HEAD",
        "/1.0/instances/c1/files",
        "",
    )


def test_list_fields_are_sent_with_lxds_parameter_names() -> None:
    kind = InstanceFacade.GetInstancesFull
    assert isinstance(kind, ListObjects) and kind.recursion == 2
    request = pb.GetInstancesFullRequest(
        instance_type="container", filter="status eq Running", all_projects=True
    )
    assert kind.query(request) == {
        "project": None,
        "instance-type": "container",
        "filter": "status eq Running",
        "all-projects": 1,
    }
    unset = kind.query(pb.GetInstancesFullRequest())
    assert all(value is None for value in unset.values()), unset


def test_get_instance_full_asks_for_recursion_1() -> None:
    assert InstanceFacade.GetInstanceFull.query(pb.GetInstanceFullRequest(name="c1")) == {
        "project": None,
        "recursion": 1,
    }


@pytest.mark.parametrize("facade", [ContainerFacade, InstanceFacade], ids=lambda f: f.noun)
def test_both_services_bind_the_one_stream_implementation(facade: type[InstanceStreams]) -> None:
    bound = 0
    for pattern, method in STREAMS.items():
        name = pattern.format(facade.noun)
        if name in facade.service.methods_by_name:
            assert getattr(facade, name) is getattr(InstanceStreams, method), name
            bound += 1
    # ContainerService has no file HEAD nor SFTP; InstanceService no template PUT.
    assert bound == {"Container": 13, "Instance": 14}[facade.noun]


# --- the upgrade: answers a real daemon does not give, from a fake server on a unix socket ------


@asynccontextmanager
async def fake_daemon(
    tmp_path: Path, answer: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
) -> AsyncIterator[Endpoint]:
    socket = tmp_path / "fake.sock"
    server = await asyncio.start_unix_server(answer, path=str(socket))
    async with server:
        yield Endpoint.unix(socket)


async def _read_request(reader: asyncio.StreamReader) -> bytes:
    return await reader.readuntil(b"\r\n\r\n")


async def test_the_upgrade_request_names_the_protocol_and_the_stream_follows(
    tmp_path: Path,
) -> None:
    """The fake answers 101 and echoes: what LXD does is proved by the integration tests."""
    seen: list[bytes] = []

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(await _read_request(reader))
        writer.write(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: sftp\r\n\r\nhello")
        writer.write(await reader.read(5))
        await writer.drain()
        writer.close()

    async with (
        fake_daemon(tmp_path, answer) as endpoint,
        upgrade(endpoint, "/1.0/instances/c1/sftp", "sftp", query={"project": "p"}) as (r, w),
    ):
        assert await r.readexactly(5) == b"hello"
        w.write(b"world")
        assert await r.readexactly(5) == b"world"
    request = seen[0].decode()
    assert request.startswith("GET /1.0/instances/c1/sftp?project=p HTTP/1.1\r\n")
    assert "Upgrade: sftp\r\n" in request and "Connection: Upgrade\r\n" in request


async def test_a_refused_upgrade_is_the_daemons_error(tmp_path: Path) -> None:
    body = b'{"type":"error","error":"Instance not found","error_code":404}'

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        await writer.drain()
        writer.close()

    async with fake_daemon(tmp_path, answer) as endpoint:
        with pytest.raises(NotFound, match="Instance not found"):
            async with upgrade(endpoint, "/1.0/instances/x/sftp", "sftp"):
                pass


async def test_an_answer_that_is_not_http_or_is_cut_is_a_transport_failure(tmp_path: Path) -> None:
    """A fake: no daemon answers garbage or hangs up during the upgrade."""

    async def garbage(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(b"SSH-2.0-nope\r\n\r\n")
        await writer.drain()
        writer.close()

    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.close()

    async with fake_daemon(tmp_path, garbage) as endpoint:
        with pytest.raises(ProtocolError, match="not an HTTP answer"):
            async with upgrade(endpoint, "/1.0/instances/x/sftp", "sftp"):
                pass
    async with fake_daemon(tmp_path, hang_up) as endpoint:
        with pytest.raises(TransportError):
            async with upgrade(endpoint, "/1.0/instances/x/sftp", "sftp", timeout=5):
                pass


def test_sftp_is_audited_as_a_change_and_the_file_head_is_not() -> None:
    """SFTP is a GET by its http rule, but its session writes files: the audit log has it."""
    from bridge.audit import changes

    assert changes(SERVICE.methods_by_name["GetInstanceFileSFTP"])
    assert changes(SERVICE.methods_by_name["CreateInstanceFile"])
    assert not changes(SERVICE.methods_by_name["GetInstanceFileInfo"])
    assert not changes(SERVICE.methods_by_name["GetInstanceFile"])


def _rules_of_instance_service() -> set[tuple[str, str]]:
    """(method, path with `*` for variables) of every http rule of InstanceService."""
    found = set()
    for method in SERVICE.methods:
        rule = method.GetOptions().Extensions[annotations_pb2.http]
        for binding in [rule, *rule.additional_bindings]:
            kind = binding.WhichOneof("pattern")
            if kind == "custom":
                kind, path = binding.custom.kind, binding.custom.path
            else:
                path = getattr(binding, kind)
            found.add((kind.upper(), re.sub(r"\{[^}]+\}", "*", path)))
    return found


INSTANCE_ENDPOINTS = [
    (r["method"], r["path"]) for r in read_tsv(ENDPOINTS_5_0) if r["group"] == "instances"
]


def test_the_5_0_table_has_41_instance_endpoints() -> None:
    assert len(INSTANCE_ENDPOINTS) == 41


@pytest.mark.parametrize(
    ("method", "path"), INSTANCE_ENDPOINTS, ids=[f"{m} {p}" for m, p in INSTANCE_ENDPOINTS]
)
def test_every_instance_endpoint_of_lxd_5_0_is_an_instance_service_rule(
    method: str, path: str
) -> None:
    assert (method, re.sub(r"\{[^}]+\}", "*", path)) in _rules_of_instance_service()
