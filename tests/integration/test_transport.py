"""The transport against a real LXD (the sandbox): requests, operations, events, exec, files.

Every object a test creates has a unique `t-tr-<hex>` name and is deleted in a `finally`, even
when the test fails.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import os
import signal
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bridge.errors import (
    BadRequest,
    Conflict,
    InternalError,
    InvalidRequest,
    LxdError,
    NotFound,
    OperationFailed,
    PreconditionFailed,
    SocketNotFound,
    TransportError,
    TransportTimeout,
)
from bridge.transport import (
    EVENT_TYPES,
    STDERR,
    STDOUT,
    Endpoint,
    Limits,
    LxdClient,
    discover_socket,
    is_final,
)
from tests.conftest import LxdSandbox, make_unique_name
from tests.integration.support import (
    create_container,
    delete_container,
    per_family,
    set_state,
    wait_until_running,
)

OP_TIMEOUT = 60  # seconds any single operation may take before a test fails
pytestmark = pytest.mark.timeout(120)


def tr_name(unique_name: Callable[[str], str]) -> str:
    return unique_name("tr")


@pytest.fixture(scope="module")
async def running(lxd: LxdClient) -> AsyncIterator[str]:
    """A running busybox container shared by the exec, file and seed-GET tests."""
    name = make_unique_name("tr")
    try:
        await create_container(lxd, name, start=True)
        await lxd.operations.run(
            "POST", f"/1.0/containers/{name}/snapshots", json={"name": "snap0"}, timeout=60
        )
        yield name
    finally:
        await delete_container(lxd, name)


# -- GET of every seed object ------------------------------------------------------------------

SEED_GETS: list[tuple[str, str, type, bool | None]] = [
    # (id, path template, metadata type, sends an ETag)
    ("server", "/1.0", dict, True),
    ("certificates", "/1.0/certificates", list, False),
    ("certificate", "/1.0/certificates/{cert}", dict, True),
    ("containers", "/1.0/containers", list, False),
    ("containers recursion=2", "/1.0/containers?recursion=2", list, False),
    ("container", "/1.0/containers/{c}", dict, True),
    ("container state", "/1.0/containers/{c}/state", dict, False),
    ("snapshots", "/1.0/containers/{c}/snapshots", list, False),
    ("snapshot", "/1.0/containers/{c}/snapshots/snap0", dict, True),
    ("container logs", "/1.0/containers/{c}/logs", list, False),
    ("images", "/1.0/images", list, False),
    ("image", "/1.0/images/{fp}", dict, True),
    ("aliases", "/1.0/images/aliases", list, False),
    ("alias", "/1.0/images/aliases/busybox", dict, True),
    ("networks", "/1.0/networks", list, False),
    ("network", "/1.0/networks/{net}", dict, True),
    ("network state", "/1.0/networks/{net}/state", dict, False),
    ("operations", "/1.0/operations", dict, False),
    ("profiles", "/1.0/profiles", list, False),
    ("profile", "/1.0/profiles/default", dict, True),
    ("storage pools", "/1.0/storage-pools", list, False),
    ("storage pool", "/1.0/storage-pools/{pool}", dict, None),  # 5.0.2 sends none, Incus one
    ("storage pool resources", "/1.0/storage-pools/{pool}/resources", dict, False),
    ("volumes", "/1.0/storage-pools/{pool}/volumes", list, False),
    ("container volume", "/1.0/storage-pools/{pool}/volumes/container/{c}", dict, True),
    ("resources", "/1.0/resources", dict, False),
    ("cluster", "/1.0/cluster", dict, True),
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c[0]) for c in SEED_GETS])
async def test_get_seed_objects(
    lxd: LxdClient, daemon: LxdSandbox, running: str, case: tuple[str, str, type, bool | None]
) -> None:
    _, template, metadata_type, has_etag = case
    path = template.format(
        c=running,
        fp=daemon.image_fingerprint,
        net=daemon.network,
        pool=daemon.storage_pool,
        cert=daemon.client_cert_fingerprint,
    )
    response = await lxd.get(path)
    assert response.kind == "sync"
    assert response.http_status == 200
    assert isinstance(response.metadata, metadata_type)
    if has_etag is None:  # where the families differ
        has_etag = daemon.family == "incus"
    assert (response.etag is not None) == has_etag


async def test_server_metadata_is_kept_for_the_dialect(lxd: LxdClient) -> None:
    assert lxd.server["api_version"] == "1.0"
    assert lxd.server["auth"] == "trusted"
    assert lxd.dialect.version >= (5, 0, 0)


async def test_etag_round_trip_and_stale_etag(lxd: LxdClient, unique_name: Any) -> None:
    name = tr_name(unique_name)
    created = await lxd.request("POST", "/1.0/profiles", json={"name": name, "config": {}})
    assert (created.http_status, created.location) == (201, f"/1.0/profiles/{name}")
    try:
        current = await lxd.get(f"/1.0/profiles/{name}")
        assert current.etag
        put = {"config": {"user.k": "v"}, "description": "d", "devices": {}}
        await lxd.request("PUT", f"/1.0/profiles/{name}", json=put, etag=current.etag)
        with pytest.raises(PreconditionFailed) as raised:
            await lxd.request("PUT", f"/1.0/profiles/{name}", json=put, etag=current.etag)
        assert raised.value.error_code == 412
        assert "ETag doesn't match" in raised.value.message
    finally:
        await lxd.request("DELETE", f"/1.0/profiles/{name}")


# -- errors ------------------------------------------------------------------------------------


async def test_404_carries_lxds_message(lxd: LxdClient, daemon: LxdSandbox) -> None:
    with pytest.raises(NotFound) as raised:
        await lxd.get("/1.0/containers/t-tr-does-not-exist")
    message = per_family(
        daemon,
        lxd="Instance not found",
        incus='Failed to fetch instance "t-tr-does-not-exist" in project "default": '
        "Instance not found",
    )
    assert (raised.value.error_code, raised.value.message) == (404, message)


async def test_409_on_an_alias_that_exists(lxd: LxdClient, daemon: LxdSandbox) -> None:
    body = {"name": "busybox", "target": daemon.image_fingerprint}
    with pytest.raises(Conflict) as raised:
        await lxd.request("POST", "/1.0/images/aliases", json=body)
    assert raised.value.error_code == 409
    assert raised.value.message == 'Alias "busybox" already exists'


async def test_400_on_a_body_that_is_not_json(lxd: LxdClient) -> None:
    with pytest.raises(BadRequest) as raised:
        await lxd.request("POST", "/1.0/profiles", content=b"{bad")
    assert raised.value.error_code == 400
    assert raised.value.message == (
        "invalid character 'b' looking for beginning of object key string"
    )


async def test_failed_operation_raises_with_lxds_err(
    lxd: LxdClient, running: str, daemon: LxdSandbox
) -> None:
    body = {"name": running, "source": {"type": "image", "alias": "busybox"}}
    if daemon.family == "incus":  # Incus refuses a taken name at once, before any operation
        with pytest.raises(InternalError, match="UNIQUE constraint failed: instances"):
            await lxd.operations.run("POST", "/1.0/containers", json=body, timeout=OP_TIMEOUT)
        return
    with pytest.raises(OperationFailed) as raised:
        await lxd.operations.run("POST", "/1.0/containers", json=body, timeout=OP_TIMEOUT)
    assert raised.value.status == "Failure"
    assert raised.value.error_code == 400
    assert "already exists" in raised.value.message


# -- operations --------------------------------------------------------------------------------


async def test_container_lifecycle_through_operations(lxd: LxdClient, unique_name: Any) -> None:
    name = tr_name(unique_name)
    try:
        body = {"name": name, "source": {"type": "image", "alias": "busybox"}}
        created = await lxd.operations.run("POST", "/1.0/containers", json=body, timeout=60)
        assert (created["status"], created["class"]) == ("Success", "task")
        # LXD 5.0 lists both collections; Incus has only instances.
        assert (
            f"{lxd.dialect.instances}/{name}"
            in created["resources"][lxd.dialect.instances.rsplit("/", 1)[-1]]
        )

        started = await set_state(lxd, name, "start")
        assert started["status_code"] == 200
        state = (await lxd.get(f"/1.0/containers/{name}/state")).metadata
        assert state["status"] == "Running"
        assert state["pid"] > 0

        await set_state(lxd, name, "stop")
        state = (await lxd.get(f"/1.0/containers/{name}/state")).metadata
        assert state["status"] == "Stopped"

        deleted = await lxd.operations.run("DELETE", f"/1.0/containers/{name}", timeout=60)
        assert deleted["status"] == "Success"
        with pytest.raises(NotFound):
            await lxd.get(f"/1.0/containers/{name}")
    finally:
        await delete_container(lxd, name)


async def test_fast_operation_is_not_lost_after_lxd_forgets_it(
    lxd: LxdClient, running: str
) -> None:
    body = {"command": ["true"], "wait-for-websocket": False, "record-output": False}
    operation = await lxd.operations.start("POST", f"/1.0/containers/{running}/exec", json=body)
    async with operation:
        # LXD drops finished operations about 5 s after they end.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                await lxd.operations.get(operation.id)
            except NotFound:
                break
            await asyncio.sleep(0.5)
        else:
            pytest.fail("LXD kept the finished operation for 20 s")
        final = await operation.wait(timeout=5)
    assert final["status"] == "Success"
    assert final["metadata"]["return"] == 0


async def test_wait_returns_the_current_state_on_timeout(lxd: LxdClient, running: str) -> None:
    body = {"command": ["sleep", "3"], "wait-for-websocket": False}
    operation = await lxd.operations.start(
        "POST", f"/1.0/containers/{running}/exec", json=body, watch=False
    )
    started = time.monotonic()
    current = await lxd.operations.wait(operation.id, timeout=1.9)
    assert time.monotonic() - started < 1.9  # whole seconds, rounded down: ends early, not late
    assert not is_final(current)
    assert current["status"] == "Running"
    final = await lxd.operations.wait(operation.id, timeout=OP_TIMEOUT)
    assert (final["status"], final["metadata"]["return"]) == ("Success", 0)


async def test_cancel_an_operation(lxd: LxdClient, daemon: LxdSandbox) -> None:
    operation = await lxd.operations.start(
        "POST", f"/1.0/images/{daemon.image_fingerprint}/secret", json={}
    )
    async with operation:
        assert operation.current["class"] == "token"
        await operation.cancel()
        with pytest.raises(OperationFailed) as raised:
            await operation.wait(timeout=10)
    assert raised.value.status == "Cancelled"
    assert raised.value.error_code == 401


async def test_cancel_refused_keeps_lxds_message(lxd: LxdClient, running: str) -> None:
    body = {"command": ["sleep", "2"], "wait-for-websocket": False}
    operation = await lxd.operations.start("POST", f"/1.0/containers/{running}/exec", json=body)
    async with operation:
        with pytest.raises(BadRequest) as raised:
            await operation.cancel()
        assert raised.value.message == "This operation can't be cancelled"
        await operation.wait(OP_TIMEOUT)


# -- events ------------------------------------------------------------------------------------


async def test_events_with_type_filter_fan_out(lxd: LxdClient, unique_name: Any) -> None:
    name = tr_name(unique_name)
    first = await lxd.events.subscribe({"lifecycle"})
    second = await lxd.events.subscribe({"lifecycle"})
    try:
        await lxd.request("POST", "/1.0/profiles", json={"name": name})
        await lxd.request("DELETE", f"/1.0/profiles/{name}")
        for subscription in (first, second):
            seen = []
            async with asyncio.timeout(10):
                async for event in subscription:
                    assert event["type"] == "lifecycle"
                    if event["metadata"].get("source") == f"/1.0/profiles/{name}":
                        seen.append(event["metadata"]["action"])
                        if len(seen) == 2:
                            break
            assert seen == ["profile-created", "profile-deleted"]
    finally:
        await first.aclose()
        await second.aclose()


#: Every filter LXD 5.0 takes: each subset of its three types (empty: all of them), in the
#: default project and in every project.
EVERY_FILTER = [
    {"types": types, **scope}
    for n in range(len(EVENT_TYPES) + 1)
    for types in itertools.combinations(sorted(EVENT_TYPES), n)
    for scope in ({}, {"all_projects": True})
]


@pytest.fixture
async def own_client(daemon: LxdSandbox) -> AsyncIterator[LxdClient]:
    """A client of its own, so that its hub table holds only what the test made."""
    async with await LxdClient.open(f"unix://{daemon.socket}") as client:
        yield client


async def test_hubs_go_when_their_last_subscriber_leaves(own_client: LxdClient) -> None:
    events = own_client.events
    subscriptions = [await events.subscribe(**f) for f in EVERY_FILTER for _ in range(2)]
    assert len(events.hubs) == len(EVERY_FILTER)  # two subscribers share one hub
    assert all(hub.subscribers == 2 for hub in events.hubs.values())
    for subscription in subscriptions[::2]:
        await subscription.aclose()
    assert len(events.hubs) == len(EVERY_FILTER)  # one subscriber left on each
    for subscription in subscriptions[1::2]:
        await subscription.aclose()
    assert events.hubs == {}
    # A filter used again gets a new hub, with a live upstream.
    name = make_unique_name("tr-hub")
    async with await events.subscribe({"lifecycle"}) as again:
        await own_client.request("POST", "/1.0/profiles", json={"name": name})
        await own_client.request("DELETE", f"/1.0/profiles/{name}")
        async with asyncio.timeout(OP_TIMEOUT):
            async for event in again:
                if event["metadata"].get("source") == f"/1.0/profiles/{name}":
                    assert event["metadata"]["action"] == "profile-created"
                    break
    assert events.hubs == {}


@pytest.mark.parametrize(
    ("filter_", "field"),
    [
        pytest.param({"types": {"no-such-type"}}, "types", id="unknown-type"),
        pytest.param({"types": {"lifecycle", "ovn"}}, "types", id="type-lxd-5.0-lacks"),
        pytest.param({"types": {"Lifecycle"}}, "types", id="types-are-case-sensitive"),
        pytest.param(
            {"types": {"lifecycle"}, "project": "default", "all_projects": True},
            "all_projects",
            id="project-and-all-projects",
        ),
    ],
)
async def test_a_filter_lxd_would_refuse_is_invalid_before_any_hub(
    own_client: LxdClient, filter_: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidRequest) as raised:
        await own_client.events.subscribe(**filter_)
    assert raised.value.field == field
    assert own_client.events.hubs == {}


async def test_many_distinct_refused_filters_leave_no_hub(own_client: LxdClient) -> None:
    # The leak seen in production: each distinct refused filter kept a hub forever.
    for i in range(2000):
        with pytest.raises(InvalidRequest):
            await own_client.events.subscribe({"lifecycle", f"t-tr-bogus-{i}"})
    for i in range(20):  # LXD's own refusal (5.0.2: a 500 for no such project) neither
        with pytest.raises(LxdError) as raised:
            await own_client.events.subscribe({"lifecycle"}, project=f"t-tr-no-project-{i}")
        assert raised.value.message == "Project not found"
    assert own_client.events.hubs == {}


# -- exec --------------------------------------------------------------------------------------


async def test_exec_stdout_stderr_stdin_and_exit_code(lxd: LxdClient, running: str) -> None:
    script = "cat; echo oops >&2; exit 3"
    async with await lxd.exec(running, ["sh", "-c", script], stdin=b"hello\nworld\n") as proc:
        out = {STDOUT: b"", STDERR: b""}
        async for fd, chunk in proc.output():
            out[fd] += chunk
        result = await proc.wait(timeout=OP_TIMEOUT)
    assert out == {STDOUT: b"hello\nworld\n", STDERR: b"oops\n"}
    assert result.exit_code == 3
    assert result.operation["status"] == "Success"  # a non-zero exit is still Success


async def test_exec_stdin_written_by_hand(lxd: LxdClient, running: str) -> None:
    async with await lxd.exec(running, ["wc", "-c"]) as proc:
        for _ in range(10):
            await proc.write(b"x" * 1000)
        await proc.close_stdin()
        out = b"".join([chunk async for fd, chunk in proc.output() if fd == STDOUT])
        result = await proc.wait(timeout=OP_TIMEOUT)
    assert out.strip() == b"10000"
    assert result.exit_code == 0


async def test_exec_signal_gives_128_plus_signal(lxd: LxdClient, running: str) -> None:
    async with await lxd.exec(running, ["sleep", "100"]) as proc:
        # The signal goes once the command runs (a fixed pause raced LXD starting it, under load).
        await wait_until_running(lxd, running, "sleep 100")
        await proc.signal(signal.SIGTERM)
        result = await proc.wait(timeout=20)
    assert result.exit_code == 128 + signal.SIGTERM


async def test_exec_large_output_is_streamed_with_backpressure(
    lxd: LxdClient, running: str
) -> None:
    size = 16 * 1024 * 1024
    async with await lxd.exec(running, ["head", "-c", str(size), "/dev/zero"]) as proc:
        outputs = proc.output()
        fd, first = await anext(outputs)
        received, largest = len(first), len(first)
        # Not reading for a while must stall the command, not fill our memory.
        await asyncio.sleep(1.5)
        assert not is_final(await lxd.operations.get(proc.id))
        async for fd, chunk in outputs:
            assert fd == STDOUT
            received += len(chunk)
            largest = max(largest, len(chunk))
        result = await proc.wait(timeout=OP_TIMEOUT)
    assert received == size
    assert largest <= 1024 * 1024
    assert result.exit_code == 0


async def test_exec_interactive_resize(lxd: LxdClient, running: str) -> None:
    # The command waits for the new size (the resize and the command are not ordered; the
    # test's timeout bounds the wait), and is `sh -c` rather than typed into a shell, whose line
    # editor starting while input arrives made this flaky under load.
    # The command exits once the test has read its output: LXD's pty mirror can end the stream
    # without the command's last write when the command exits right after it (seen under load;
    # see test_streams_exec.py).
    script = (
        'while [ "$(stty size)" != "43 132" ]; do sleep 0.05; done; stty size; read line; exit 7'
    )
    async with await lxd.exec(
        running,
        ["sh", "-c", script],
        interactive=True,
        width=80,
        height=24,
        environment={"TERM": "xterm"},
    ) as proc:
        await proc.resize(132, 43)
        outputs, out = proc.output(), b""
        while b"\r\n" not in out:
            out += (await anext(outputs))[1]
        await proc.write(b"\n")  # the `read`: now it may exit (its echo is not `stty size`'s)
        _ = [chunk async for _, chunk in outputs]
        result = await proc.wait(timeout=OP_TIMEOUT)
    assert out == b"43 132\r\n"
    assert result.exit_code == 7


async def test_exec_recorded_output(lxd: LxdClient, running: str) -> None:
    recorded = await lxd.exec_recorded(
        running, ["sh", "-c", "echo out; echo err >&2; exit 5"], timeout=OP_TIMEOUT
    )
    assert recorded.exit_code == 5
    assert recorded.stdout_url and recorded.stderr_url
    for url, expected in ((recorded.stdout_url, b"out\n"), (recorded.stderr_url, b"err\n")):
        async with lxd.stream("GET", url) as raw:
            assert b"".join([chunk async for chunk in raw.aiter_bytes()]) == expected


#: How LXD 5.0.2 ends a console operation after a detach: Success, or Failure from its own race
#: between two closes of the pty master (see ExecSession.detach); never left running.
DETACHED_ENDS = {
    ("Success", ""),
    ("Failure", "close /dev/pts/ptmx: file already closed"),
    ("Failure", "write /dev/pts/ptmx: file already closed"),
}


async def test_console_attaches_and_detaches(lxd: LxdClient, running: str) -> None:
    # Attached and detached a few times: LXD's race on detach shows up now and then (more often
    # on a loaded host), and a detach must end cleanly every time. Not more: LXD 5.0.2 itself
    # panics now and then on a console detach ("concurrent write to websocket connection" in
    # shared.WebsocketConsoleMirror, seen twice in about 900 detaches here), which takes the
    # whole daemon down with it (docs/streams.md).
    for _ in range(3):
        console = await lxd.console(running, width=80, height=24)
        assert console.interactive
        await console.resize(100, 30)
        final = await console.detach()
        assert final["id"] == console.id
        assert (final["status"], final["err"]) in DETACHED_ENDS


# -- files -------------------------------------------------------------------------------------


async def test_file_push_and_pull_in_chunks(lxd: LxdClient, running: str) -> None:
    chunk = bytes(range(256)) * 256  # 64 KiB
    count = 48  # 3 MiB
    sent = hashlib.sha256()

    async def content() -> AsyncIterator[bytes]:
        for i in range(count):
            piece = chunk[i:] + chunk[:i]
            sent.update(piece)
            yield piece

    path = f"/tmp/t-tr-{os.urandom(4).hex()}.bin"
    try:
        await lxd.files.push(running, path, content(), uid=1000, gid=1001, mode=0o640)
        received = hashlib.sha256()
        sizes = []
        async with lxd.files.pull(running, path) as pulled:
            assert (pulled.info.uid, pulled.info.gid) == (1000, 1001)
            assert (pulled.info.mode, pulled.info.type) == (0o640, "file")
            async for piece in pulled.aiter_bytes(chunk_size=32 * 1024):
                sizes.append(len(piece))
                received.update(piece)
        assert sum(sizes) == count * len(chunk)
        assert max(sizes) <= 32 * 1024
        assert received.hexdigest() == sent.hexdigest()

        async with lxd.files.pull(running, "/tmp") as listing:
            assert listing.info.type == "directory"
            assert listing.entries is not None
            assert path.rsplit("/", 1)[1] in listing.entries
    finally:
        await lxd.files.delete(running, path)
    with pytest.raises(NotFound):
        async with lxd.files.pull(running, path):
            pass


# -- HTTPS, pooling, timeouts ------------------------------------------------------------------


async def test_https_with_client_certificate(daemon: LxdSandbox, running: str) -> None:
    async with await LxdClient.open(
        daemon.https_url,
        client_cert=daemon.client_cert,
        client_key=daemon.client_key,
        server_cert=daemon.server_cert,
    ) as client:
        assert client.server["auth"] == "trusted"
        container = await client.get(f"/1.0/containers/{running}")
        assert container.metadata["name"] == running
        async with await client.exec(running, ["echo", "over wss"], stdin=b"") as proc:
            out = b"".join([c async for _, c in proc.output()])
            assert (await proc.wait(OP_TIMEOUT)).exit_code == 0
        assert out == b"over wss\n"


async def test_https_refuses_a_server_that_is_not_the_pinned_one(
    daemon: LxdSandbox, tmp_path: Path
) -> None:
    other = tmp_path / "other.crt"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt"),
            *("ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=other"),
            *("-keyout", str(tmp_path / "other.key"), "-out", str(other)),
        ],
        check=True,
        capture_output=True,
    )
    with pytest.raises(TransportError) as raised:
        await LxdClient.open(
            daemon.https_url,
            client_cert=daemon.client_cert,
            client_key=daemon.client_key,
            server_cert=other,
        )
    assert "CERTIFICATE_VERIFY_FAILED" in str(raised.value)


async def test_bounded_concurrency(daemon: LxdSandbox) -> None:
    async with await LxdClient.open(f"unix://{daemon.socket}", limits=Limits(calls=3)) as client:
        results = await asyncio.gather(*(client.get("/1.0/profiles") for _ in range(30)))
    assert all(r.metadata for r in results)


async def test_deadline_becomes_a_transport_timeout(lxd: LxdClient, running: str) -> None:
    body = {"command": ["sleep", "3"], "wait-for-websocket": False}
    operation = await lxd.operations.start(
        "POST", f"/1.0/containers/{running}/exec", json=body, watch=False
    )
    with pytest.raises(TransportTimeout):
        await lxd.request("GET", f"/1.0/operations/{operation.id}/wait", timeout=0.5)
    await lxd.operations.wait(operation.id, OP_TIMEOUT)


# -- socket discovery --------------------------------------------------------------------------


def listening_socket(path: Path) -> socket.socket:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen()
    return server


def test_discovery_prefers_lxd_dir(tmp_path: Path) -> None:
    (tmp_path / "lxd").mkdir()
    (tmp_path / "snap").mkdir()
    with (
        listening_socket(tmp_path / "lxd" / "unix.socket"),
        listening_socket(tmp_path / "snap" / "unix.socket"),
    ):
        found = discover_socket(
            {"LXD_DIR": str(tmp_path / "lxd")}, fallbacks=[str(tmp_path / "snap" / "unix.socket")]
        )
    assert found == str(tmp_path / "lxd" / "unix.socket")


def test_discovery_falls_back_in_order(tmp_path: Path) -> None:
    snap, system = tmp_path / "snap.socket", tmp_path / "system.socket"
    with listening_socket(system):
        found = discover_socket(
            {"LXD_DIR": str(tmp_path / "none")}, fallbacks=[str(snap), str(system)]
        )
        assert found == str(system)
        with listening_socket(snap):
            assert discover_socket({}, fallbacks=[str(snap), str(system)]) == str(snap)


def test_discovery_error_lists_every_path_and_why(tmp_path: Path) -> None:
    lxd_dir = tmp_path / "lxd"
    lxd_dir.mkdir()
    (lxd_dir / "unix.socket").write_text("a regular file")
    stale = tmp_path / "stale.socket"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.bind(str(stale))  # bound, never listening: nobody answers
    missing = tmp_path / "missing.socket"
    with pytest.raises(SocketNotFound) as raised:
        discover_socket({"LXD_DIR": str(lxd_dir)}, fallbacks=[str(missing), str(stale)])
    assert raised.value.tried == [
        (str(lxd_dir / "unix.socket"), "not a socket"),
        (str(missing), "missing"),
        (str(stale), "connection refused (no daemon listening)"),
    ]
    assert str(missing) in str(raised.value)


def test_discovery_reports_permission_denied(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        if os.environ.get("LXD_BRIDGE_REQUIRE_LXD"):
            pytest.fail("needs root to probe as another user (LXD_BRIDGE_REQUIRE_LXD is set)")
        pytest.skip("needs root to probe as another user")
    tmp_path.chmod(0o755)
    path = tmp_path / "unix.socket"
    with listening_socket(path):
        path.chmod(0o600)  # root only, like LXD's socket without --group
        read_end, write_end = os.pipe()
        child = os.fork()
        if child == 0:  # the probe runs as nobody
            os.close(read_end)
            nobody = 65534
            os.setgroups([])
            os.setgid(nobody)
            os.setuid(nobody)
            try:
                discover_socket({}, fallbacks=[str(path)])
                answer = "found"
            except SocketNotFound as e:
                answer = e.tried[0][1]
            os.write(write_end, answer.encode())
            os._exit(0)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as answer_pipe:
            answer = answer_pipe.read().decode()
        os.waitpid(child, 0)
    assert answer == "permission denied"


async def test_open_without_url_discovers_the_socket(
    daemon: LxdSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LXD_DIR", daemon.lxd_dir)
    async with await LxdClient.open() as client:
        assert client.endpoint == Endpoint.unix(daemon.socket)
        assert client.server["api_version"] == "1.0"
