"""Record what a real LXD 5.0 answers, byte for byte, as golden files for the codec tests.

Usage (as root, from the repository root, after `make setup`):

    .venv/bin/python tools/capture_golden.py [--out tests/testdata/lxd-5.0] [--keep-sandbox]

It starts a private sandbox of its own (`SANDBOX_DIR`, default build/golden-sandbox, through
tools/lxd-sandbox) so that lists hold only what this tool creates, creates a small set of
recognisable objects (`golden-c1`, `golden-profile`, `golden-vol1`, `golden-br0`, `golden-alias`,
snapshot `snap0`, backup `backup0`), then GETs every endpoint of the LXD 3.4 API for those objects
(reference/endpoints.md §1) and writes each response body exactly as received to
`<METHOD>_<path, "/" -> "_">[.<variant>].json`, plus:

- error envelopes (404, 400, 409), the 202 async envelope of POSTs and the 201 sync envelope;
- a few `/1.0/events` frames (operation, lifecycle, logging), as the websocket delivered them;
- INDEX.json: per file the method, path, query, HTTP status, ETag, Content-Type, the envelope kind
  and the Go type of the envelope's metadata in the 3.4 seed's naming (`Container`,
  `[]ContainerFull`, `map[string][]Operation`, `Event` for event frames, `Response` for errors,
  `null` for 201 creates, whose metadata is always JSON null). Event frames have no HTTP status.

With ``--family incus`` it records from a private Incus 6.0 instead (``tools/lxd-sandbox --family
incus``, default ``--out tests/testdata/incus-6.0``), and only the container endpoints: the same
objects, the GETs under ``/1.0/containers`` and their errors, each sent where the bridge sends it
(``Dialect.locate``: ``/1.0/instances?instance-type=container``); INDEX.json has the real paths.

Path parts that change on every run (image and certificate fingerprints, operation UUIDs) appear
as FINGERPRINT and UUID in file names; INDEX.json has the real paths. Every *.json file in the
output directory is replaced. Everything the tool created is deleted at the end, and the sandbox
is stopped unless it was already running or --keep-sandbox is given.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import json
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
from websockets.asyncio.client import unix_connect

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the bridge's dialects say where Incus has the container paths
sys.path.insert(0, str(REPO / "gen"))

from bridge.codec import INCUS_6_0, LXD_5_0, Dialect  # noqa: E402
from tools.recording import (  # noqa: E402
    CaptureError,
    clear_output,
    daemon_client,
    delete_all,
    ensure_sandbox,
    stop_sandbox,
    write_index,
)

DEFAULT_OUT = REPO / "tests" / "testdata" / "lxd-5.0"
DEFAULT_OUTS = {"lxd": DEFAULT_OUT, "incus": REPO / "tests" / "testdata" / "incus-6.0"}
DIALECTS: dict[str, Dialect] = {"lxd": LXD_5_0, "incus": INCUS_6_0}
DEFAULT_SANDBOX = REPO / "build" / "golden-sandbox"

CONTAINER = "golden-c1"
PROFILE = "golden-profile"
VOLUME = "golden-vol1"
NETWORK = "golden-br0"
ALIAS = "golden-alias"
SNAPSHOT = "snap0"
BACKUP = "backup0"
OP_TIMEOUT = 60


class Recorder:
    """Sends requests to the sandbox and writes the chosen responses to the golden directory."""

    def __init__(self, client: httpx.AsyncClient, out: Path, dialect: Dialect = LXD_5_0) -> None:
        self.client = client
        self.out = out
        self.dialect = dialect
        self.index: dict[str, dict[str, Any]] = {}

    def locate(self, path: str, params: dict[str, Any] | None) -> tuple[str, dict[str, Any]]:
        """Where the server has ``path`` (Incus: container paths under /1.0/instances)."""
        return self.dialect.locate(path, params)

    async def call(
        self, method: str, path: str, params: dict[str, Any] | None = None, body: Any = None
    ) -> httpx.Response:
        path, params = self.locate(path, params)
        return await self.client.request(method, path, params=params or None, json=body)

    async def record(
        self,
        method: str,
        path: str,
        go_type: str,
        *,
        params: dict[str, Any] | None = None,
        body: Any = None,
        variant: str | None = None,
        name_path: str | None = None,
        expect: int = 200,
    ) -> httpx.Response:
        """One request whose response body becomes a golden file (and an INDEX.json entry)."""
        response = await self.call(method, path, params, body)
        if response.status_code != expect:
            raise CaptureError(
                f"{method} {path} {params or ''}: expected {expect}, got {response.status_code}: "
                f"{response.text[:300]}"
            )
        stem = (name_path or path).strip("/").replace("/", "_") or "ROOT"
        name = f"{method}_{stem}{'.' + variant if variant else ''}.json"
        envelope = response.json()
        path, params = self.locate(path, params)
        self.write(
            name,
            response.content,
            method=method,
            path=path,
            query=urlencode(params or {}),
            status=response.status_code,
            etag=response.headers.get("etag"),
            content_type=response.headers.get("content-type"),
            location=response.headers.get("location"),
            envelope=envelope.get("type"),
            go_type="Response" if envelope.get("type") == "error" else go_type,
        )
        return response

    def write(self, name: str, content: bytes, **entry: Any) -> None:
        if name in self.index:
            raise CaptureError(f"two captures named {name}")
        (self.out / name).write_bytes(content)
        self.index[name] = {k: v for k, v in entry.items() if v is not None}

    async def wait(self, response: httpx.Response) -> dict[str, Any]:
        """Waits for the operation of a 202 response; returns it once it has succeeded."""
        envelope = response.json()
        if response.status_code != 202:
            raise CaptureError(f"{response.request.url}: {response.status_code} {envelope}")
        done = await self.client.get(
            f"{envelope['operation']}/wait",
            params={"timeout": OP_TIMEOUT},
            timeout=OP_TIMEOUT + 10,
        )
        op: dict[str, Any] = done.json()["metadata"]
        if op["status_code"] != 200:
            raise CaptureError(f"{response.request.url}: operation failed: {op['err']}")
        return op

    async def sync(self, method: str, path: str, body: Any = None) -> Any:
        """A request that must succeed, waiting for it if it is async; returns the metadata."""
        response = await self.call(method, path, body=body)
        if response.status_code == 202:
            return await self.wait(response)
        if response.status_code >= 400:
            raise CaptureError(f"{method} {path}: {response.status_code} {response.text[:300]}")
        return response.json()["metadata"]


class EventLog:
    """Every frame of one /1.0/events websocket, kept as the bytes that arrived."""

    def __init__(self) -> None:
        self.frames: list[bytes] = []
        self.connected = asyncio.Event()

    async def listen(self, socket_path: str) -> None:
        uri = "ws://lxd/1.0/events?type=operation,logging,lifecycle"
        async with unix_connect(socket_path, uri) as ws:
            self.connected.set()
            while True:
                frame = await ws.recv(decode=False)
                self.frames.append(frame if isinstance(frame, bytes) else frame.encode())

    def pick(self, kind: str, **match: str) -> bytes | None:
        """The first frame of that type whose metadata has the given values."""
        for frame in self.frames:
            event = json.loads(frame)
            meta = event.get("metadata") or {}
            if event["type"] == kind and all(meta.get(k) == v for k, v in match.items()):
                return frame
        return None


async def create_objects(rec: Recorder, sandbox: dict[str, Any]) -> None:
    """The golden objects, each with something in it a codec must carry."""
    await rec.record(
        "POST",
        "/1.0/networks",
        "null",
        expect=201,
        body={
            "name": NETWORK,
            "type": "bridge",
            "description": "Golden bridge (no NAT, no firewall, no IPv6)",
            "config": {
                "ipv4.address": "198.18.250.1/24",
                "ipv4.nat": "false",
                "ipv4.firewall": "false",
                "ipv6.address": "none",
                "bridge.mtu": "1400",
                "user.golden": "true",
            },
        },
    )
    await rec.sync(
        "POST",
        f"/1.0/storage-pools/{sandbox['storage_pool']}/volumes/custom",
        {
            "name": VOLUME,
            "description": "Golden custom volume",
            "config": {"user.purpose": "golden files"},
        },
    )
    await rec.record(
        "POST",
        "/1.0/profiles",
        "null",
        expect=201,
        body={
            "name": PROFILE,
            "description": "Golden profile: a volume, a nic and config",
            "config": {"environment.GOLDEN": "1", "user.note": '<html> & "quotes"'},
            "devices": {
                "data": {
                    "type": "disk",
                    "pool": sandbox["storage_pool"],
                    "source": VOLUME,
                    "path": "/mnt/data",
                },
                "eth1": {
                    "type": "nic",
                    "network": NETWORK,
                    "name": "eth1",
                    "ipv4.address": "198.18.250.10",
                },
            },
        },
    )
    created = await rec.record(
        "POST",
        "/1.0/containers",
        "Operation",
        expect=202,
        body={
            "name": CONTAINER,
            "description": "Golden container",
            "source": {"type": "image", "alias": sandbox["image_alias"]},
            "profiles": ["default", PROFILE],
            "config": {"user.comment": "golden", "environment.FOO": "bar baz"},
            "devices": {"tmp": {"type": "disk", "source": "/tmp", "path": "/host-tmp"}},
        },
    )
    await rec.wait(created)
    await rec.record(
        "GET", f"/1.0/containers/{CONTAINER}/state", "ContainerState", variant="stopped"
    )
    await rec.sync("PUT", f"/1.0/containers/{CONTAINER}/state", {"action": "start"})
    snapshot = await rec.record(
        "POST",
        f"/1.0/containers/{CONTAINER}/snapshots",
        "Operation",
        expect=202,
        body={"name": SNAPSHOT, "stateful": False},
    )
    await rec.wait(snapshot)
    expires = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    await rec.sync(
        "POST",
        f"/1.0/containers/{CONTAINER}/backups",
        {"name": BACKUP, "expires_at": expires.isoformat(), "instance_only": True},
    )
    await rec.sync(
        "POST",
        "/1.0/images/aliases",
        {"name": ALIAS, "target": sandbox["image_fingerprint"], "description": "Golden alias"},
    )
    exec_post = {
        "command": ["sh", "-c", "echo hello; echo oops >&2; exit 3"],
        "environment": {"GREETING": "hi"},
        "wait-for-websocket": False,
        "record-output": True,
        "interactive": False,
    }
    executed = await rec.record(
        "POST", f"/1.0/containers/{CONTAINER}/exec", "Operation", expect=202, body=exec_post
    )
    await rec.wait(executed)


async def capture_container_gets(rec: Recorder) -> None:
    """Every GET under /1.0/containers of the 3.4 endpoint table, on the golden container."""
    c = f"/1.0/containers/{CONTAINER}"
    r1, r2 = {"recursion": 1}, {"recursion": 2}
    await rec.record("GET", "/1.0/containers", "[]string")
    await rec.record("GET", "/1.0/containers", "[]Container", params=r1, variant="recursion1")
    await rec.record("GET", "/1.0/containers", "[]ContainerFull", params=r2, variant="recursion2")
    await rec.record("GET", c, "Container")
    await rec.record("GET", f"{c}/state", "ContainerState", variant="running")
    await rec.record("GET", f"{c}/snapshots", "[]string")
    await rec.record(
        "GET", f"{c}/snapshots", "[]ContainerSnapshot", params=r1, variant="recursion1"
    )
    await rec.record("GET", f"{c}/snapshots/{SNAPSHOT}", "ContainerSnapshot")
    await rec.record("GET", f"{c}/backups", "[]string")
    await rec.record("GET", f"{c}/backups", "[]ContainerBackup", params=r1, variant="recursion1")
    await rec.record("GET", f"{c}/backups/{BACKUP}", "ContainerBackup")
    await rec.record("GET", f"{c}/logs", "[]string")
    await rec.record("GET", f"{c}/metadata", "ImageMetadata")
    await rec.record("GET", f"{c}/metadata/templates", "[]string")


async def capture_gets(rec: Recorder, sandbox: dict[str, Any]) -> None:
    """Every GET of the 3.4 endpoint table, on the golden objects."""
    pool = f"/1.0/storage-pools/{sandbox['storage_pool']}"
    fingerprint = sandbox["image_fingerprint"]
    cert = sandbox["client_cert_fingerprint"]
    r1 = {"recursion": 1}

    await rec.record("GET", "/", "[]string")
    await rec.record("GET", "/1.0", "Server")
    await rec.record("GET", "/1.0/certificates", "[]string")
    await rec.record("GET", "/1.0/certificates", "[]Certificate", params=r1, variant="recursion1")
    await rec.record(
        "GET",
        f"/1.0/certificates/{cert}",
        "Certificate",
        name_path="/1.0/certificates/FINGERPRINT",
    )
    await capture_container_gets(rec)
    await rec.record("GET", "/1.0/images", "[]string")
    await rec.record("GET", "/1.0/images", "[]Image", params=r1, variant="recursion1")
    await rec.record(
        "GET", f"/1.0/images/{fingerprint}", "Image", name_path="/1.0/images/FINGERPRINT"
    )
    await rec.record("GET", "/1.0/images/aliases", "[]string")
    await rec.record(
        "GET", "/1.0/images/aliases", "[]ImageAliasesEntry", params=r1, variant="recursion1"
    )
    await rec.record("GET", f"/1.0/images/aliases/{ALIAS}", "ImageAliasesEntry")
    await rec.record("GET", "/1.0/networks", "[]string")
    await rec.record("GET", "/1.0/networks", "[]Network", params=r1, variant="recursion1")
    await rec.record("GET", f"/1.0/networks/{NETWORK}", "Network", variant="managed")
    await rec.record("GET", "/1.0/networks/lo", "Network", variant="unmanaged")
    await rec.record("GET", f"/1.0/networks/{NETWORK}/state", "NetworkState")
    await rec.record("GET", f"/1.0/networks/{NETWORK}/leases", "[]NetworkLease")
    await rec.record("GET", "/1.0/profiles", "[]string")
    await rec.record("GET", "/1.0/profiles", "[]Profile", params=r1, variant="recursion1")
    await rec.record("GET", f"/1.0/profiles/{PROFILE}", "Profile")
    await rec.record("GET", "/1.0/storage-pools", "[]string")
    await rec.record("GET", "/1.0/storage-pools", "[]StoragePool", params=r1, variant="recursion1")
    await rec.record("GET", pool, "StoragePool")
    await rec.record("GET", f"{pool}/resources", "ResourcesStoragePool")
    await rec.record("GET", f"{pool}/volumes", "[]string")
    await rec.record("GET", f"{pool}/volumes", "[]StorageVolume", params=r1, variant="recursion1")
    await rec.record("GET", f"{pool}/volumes/custom", "[]string")
    await rec.record(
        "GET", f"{pool}/volumes/custom", "[]StorageVolume", params=r1, variant="recursion1"
    )
    await rec.record("GET", f"{pool}/volumes/custom/{VOLUME}", "StorageVolume")
    await rec.record("GET", f"{pool}/volumes/container/{CONTAINER}", "StorageVolume")
    await rec.record(
        "GET",
        f"{pool}/volumes/image/{fingerprint}",
        "StorageVolume",
        name_path=f"{pool}/volumes/image/FINGERPRINT",
        variant="404",
        expect=404,  # a dir pool unpacks images per container: no image volumes exist
    )
    await rec.record("GET", "/1.0/resources", "Resources")
    await rec.record("GET", "/1.0/cluster", "Cluster")
    # A standalone LXD 5.0 answers 500 "Server is not clustered"; record whatever it says.
    code = (await rec.call("GET", "/1.0/cluster/members")).status_code
    variant = None if code == 200 else str(code)
    await rec.record("GET", "/1.0/cluster/members", "[]string", variant=variant, expect=code)


async def capture_operations(rec: Recorder) -> None:
    """The operation endpoints while an exec is running, then its end."""
    sleeper = {
        "command": ["sleep", "3"],
        "wait-for-websocket": False,
        "record-output": False,
        "interactive": False,
    }
    started = await rec.call("POST", f"/1.0/containers/{CONTAINER}/exec", body=sleeper)
    op_path = started.json()["operation"]
    by_uuid = "/1.0/operations/UUID"
    await rec.record("GET", "/1.0/operations", "map[string][]string", variant="running")
    await rec.record(
        "GET",
        "/1.0/operations",
        "map[string][]Operation",
        params={"recursion": 1},
        variant="running.recursion1",
    )
    await rec.record("GET", op_path, "Operation", name_path=by_uuid, variant="running")
    await rec.record(
        "GET",
        f"{op_path}/wait",
        "Operation",
        params={"timeout": OP_TIMEOUT},
        name_path=f"{by_uuid}/wait",
    )
    await rec.record("GET", op_path, "Operation", name_path=by_uuid, variant="success")


async def capture_errors(rec: Recorder, fingerprint: str) -> None:
    """Error envelopes (not found, bad request, conflict) and a failed operation."""
    await rec.record("GET", "/1.0/containers/golden-missing", "Response", variant="404", expect=404)
    await rec.record(
        "PUT",
        f"/1.0/containers/{CONTAINER}/state",
        "Response",
        body={"action": "dance"},
        variant="400",
        expect=400,
    )
    await rec.record(
        "POST",
        "/1.0/images/aliases",
        "Response",
        body={"name": ALIAS, "target": fingerprint},
        variant="409",
        expect=409,
    )
    # LXD 5.0 quirks: a duplicate profile is a 500, a duplicate container a failed operation.
    await rec.record(
        "POST",
        "/1.0/profiles",
        "Response",
        body={"name": PROFILE},
        variant="500",
        expect=500,
    )
    duplicate = {"name": CONTAINER, "source": {"type": "image", "alias": ALIAS}}
    started = await rec.record(
        "POST", "/1.0/containers", "Operation", body=duplicate, variant="duplicate", expect=202
    )
    op_path = started.json()["operation"]
    await rec.record(
        "GET",
        f"{op_path}/wait",
        "Operation",
        params={"timeout": OP_TIMEOUT},
        name_path="/1.0/operations/UUID/wait",
        variant="failure",
    )


def record_events(rec: Recorder, events: EventLog) -> None:
    wanted = {
        "operation.running": events.pick("operation", status="Running"),
        "operation.success": events.pick("operation", status="Success"),
        "lifecycle.instance-created": events.pick("lifecycle", action="instance-created"),
        "lifecycle.instance-started": events.pick("lifecycle", action="instance-started"),
        "logging": events.pick("logging"),
    }
    for variant, frame in wanted.items():
        if frame is None:
            raise CaptureError(f"no {variant} event arrived ({len(events.frames)} frames)")
        rec.write(
            f"GET_1.0_events.{variant}.json",
            frame,
            method="GET",
            path="/1.0/events",
            query="type=operation,logging,lifecycle",
            envelope="event",
            go_type="Event",
        )


async def cleanup(rec: Recorder, sandbox: dict[str, Any]) -> None:
    """Deletes whatever the capture created, in dependency order; reports, never raises."""
    pool = f"/1.0/storage-pools/{sandbox['storage_pool']}"
    await delete_all(
        rec,
        [
            ("PUT", f"/1.0/containers/{CONTAINER}/state", {"action": "stop", "force": True}),
            ("DELETE", f"/1.0/containers/{CONTAINER}", None),
            ("DELETE", f"/1.0/images/aliases/{ALIAS}", None),
            ("DELETE", f"/1.0/profiles/{PROFILE}", None),
            ("DELETE", f"{pool}/volumes/custom/{VOLUME}", None),
            ("DELETE", f"/1.0/networks/{NETWORK}", None),
        ],
    )


@contextlib.asynccontextmanager
async def listening(events: EventLog, socket_path: str) -> AsyncIterator[None]:
    task = asyncio.create_task(events.listen(socket_path))
    await asyncio.wait_for(events.connected.wait(), timeout=10)
    try:
        yield
    finally:
        await asyncio.sleep(0.5)  # let the last events of the capture arrive
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def capture_containers(sandbox: dict[str, Any], out: Path, dialect: Dialect) -> Recorder:
    """The container endpoints only (``--family incus``): objects, GETs, the 404."""
    async with daemon_client(sandbox["socket"]) as client:
        rec = Recorder(client, out, dialect)
        await cleanup(rec, sandbox)
        try:
            await rec.record("GET", "/1.0", "Server")
            await create_objects(rec, sandbox)
            await capture_container_gets(rec)
            await rec.record(
                "GET", "/1.0/containers/golden-missing", "Response", variant="404", expect=404
            )
        finally:
            await cleanup(rec, sandbox)
    return rec


async def capture(sandbox: dict[str, Any], out: Path) -> Recorder:
    async with daemon_client(sandbox["socket"]) as client:
        rec = Recorder(client, out)
        events = EventLog()
        await cleanup(rec, sandbox)  # leftovers of an interrupted run
        try:
            async with listening(events, sandbox["socket"]):
                await create_objects(rec, sandbox)
                await capture_gets(rec, sandbox)
                await capture_operations(rec)
                await capture_errors(rec, sandbox["image_fingerprint"])
            record_events(rec, events)
        finally:
            await cleanup(rec, sandbox)
    return rec


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--family", choices=sorted(DIALECTS), default="lxd")
    parser.add_argument("--keep-sandbox", action="store_true", help="leave the daemon running")
    args = parser.parse_args()
    directory = Path(os.environ.get("SANDBOX_DIR") or DEFAULT_SANDBOX).absolute()

    try:
        sandbox, started = ensure_sandbox(args.family, directory)
    except CaptureError as e:
        print(f"capture_golden: {e}", file=sys.stderr)
        return 1
    out: Path = args.out or DEFAULT_OUTS[args.family]
    clear_output(out)
    try:
        if args.family == "lxd":
            rec = asyncio.run(capture(sandbox, out))
        else:
            rec = asyncio.run(capture_containers(sandbox, out, DIALECTS[args.family]))
    except CaptureError as e:
        print(f"capture_golden: {e}", file=sys.stderr)
        return 1
    finally:
        if started and not args.keep_sandbox:
            stop_sandbox(args.family, directory)
    write_index(out, rec, family=args.family, lxd_version=sandbox["lxd_version"])
    size = sum(p.stat().st_size for p in out.glob("*.json"))
    print(f"capture_golden: {len(rec.index)} files, {size / 1024:.0f} KiB in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
