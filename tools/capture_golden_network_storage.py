"""Record what a real LXD 5.0 or Incus 6.0 answers for network ACLs, zones, forwards, peers and
custom volume snapshots, backups and state, byte for byte, as golden files for the codec tests.

Usage (as root, from the repository root, after `make setup`):

    .venv/bin/python tools/capture_golden_network_storage.py [--family lxd|incus] [--out DIR]

The companion of tools/capture_golden.py (whose Recorder and INDEX.json format it reuses), for
the objects of issue 13. It starts a private sandbox of its own (`SANDBOX_DIR`, default
build/golden-sandbox, through tools/lxd-sandbox, `--family incus` for Incus) so that lists hold
only what it creates: an ACL `golden-acl` with rules, a zone `golden.example.net` with a record
`www`, a bridge `golden-fwd` (no address keys) with a forward on 127.0.0.99, a custom volume
`golden-vol` with snapshots `snap0` (expiring) and `snap1` and a backup `backup0`. It GETs each
list (names and recursion=1) and object, and records the refusals the sandbox gives (the ACL log
and peers need OVN; a forward on a bridge with ipv4.address=none; the dir pool's volume state).
Output: tests/testdata/<family>-<x.y>-network-storage/ (every *.json replaced), with INDEX.json.
Everything created is deleted at the end; the sandbox is stopped unless it was running before.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.capture_golden import Recorder
from tools.recording import (
    REPO,
    CaptureError,
    clear_output,
    daemon_client,
    delete_all,
    ensure_sandbox,
    stop_sandbox,
    write_index,
)

DEFAULT_SANDBOX = REPO / "build" / "golden-sandbox"

ACL = "golden-acl"
ZONE = "golden.example.net"
RECORD = "www"
BRIDGE = "golden-fwd"
LISTEN = "127.0.0.99"
VOLUME = "golden-vol"


async def create_objects(rec: Recorder, pool: str) -> None:
    """The golden objects, each with something in it a codec must carry."""
    await rec.sync(
        "POST",
        "/1.0/network-acls",
        {
            "name": ACL,
            "description": "Golden ACL",
            "egress": [
                {
                    "action": "allow",
                    "destination": "8.8.8.8/32,8.8.4.4/32",
                    "protocol": "udp",
                    "destination_port": "53",
                    "description": "DNS",
                    "state": "enabled",
                }
            ],
            "ingress": [
                {"action": "drop", "protocol": "icmp4", "icmp_type": "8", "state": "logged"}
            ],
            "config": {"user.golden": "true"},
        },
    )
    await rec.sync(
        "POST",
        "/1.0/network-zones",
        {"name": ZONE, "description": "Golden zone", "config": {"user.golden": "true"}},
    )
    await rec.sync(
        "POST",
        f"/1.0/network-zones/{ZONE}/records",
        {
            "name": RECORD,
            "description": "Golden record",
            "entries": [
                {"type": "A", "value": "192.0.2.10", "ttl": 300},
                {"type": "AAAA", "value": "2001:db8::10"},
            ],
            "config": {},
        },
    )
    await rec.sync(
        "POST",
        "/1.0/networks",
        {
            "name": BRIDGE,
            "type": "bridge",
            "config": {"ipv4.address": "none", "ipv6.address": "none"},
        },
    )
    await rec.sync("PUT", f"/1.0/networks/{BRIDGE}", {"config": {}, "description": ""})
    await rec.sync(
        "POST",
        f"/1.0/networks/{BRIDGE}/forwards",
        {
            "listen_address": LISTEN,
            "description": "Golden forward",
            "config": {"user.golden": "true"},
            "ports": [
                {
                    "description": "web",
                    "protocol": "tcp",
                    "listen_port": "8080",
                    "target_port": "80",
                    "target_address": "127.0.0.97",
                }
            ],
        },
    )
    volumes = f"/1.0/storage-pools/{pool}/volumes/custom"
    await rec.sync(
        "POST",
        volumes,
        {"name": VOLUME, "description": "Golden volume", "config": {"user.golden": "true"}},
    )
    response = await rec.record(
        "POST",
        f"{volumes}/{VOLUME}/snapshots",
        "Operation",
        body={"name": "snap0", "expires_at": "2099-01-02T03:04:05Z"},
        expect=202,
    )
    await rec.wait(response)
    await rec.sync("POST", f"{volumes}/{VOLUME}/snapshots", {"name": "snap1"})
    await rec.sync("PUT", f"{volumes}/{VOLUME}/snapshots/snap1", {"description": "Golden snapshot"})
    response = await rec.record(
        "POST",
        f"{volumes}/{VOLUME}/backups",
        "Operation",
        body={"name": "backup0", "volume_only": False, "compression_algorithm": "gzip"},
        expect=202,
    )
    await rec.wait(response)


async def capture_gets(rec: Recorder, pool: str, network: str) -> None:
    """Every GET of the objects, and the refusals the sandbox gives."""
    await rec.record("GET", "/1.0", "Server")
    lists = [
        ("/1.0/network-acls", "NetworkACL"),
        ("/1.0/network-zones", "NetworkZone"),
        (f"/1.0/network-zones/{ZONE}/records", "NetworkZoneRecord"),
        (f"/1.0/networks/{BRIDGE}/forwards", "NetworkForward"),
        (f"/1.0/storage-pools/{pool}/volumes/custom/{VOLUME}/snapshots", "StorageVolumeSnapshot"),
        (f"/1.0/storage-pools/{pool}/volumes/custom/{VOLUME}/backups", "StoragePoolVolumeBackup"),
    ]
    for path, go_type in lists:
        await rec.record("GET", path, "[]string")
        await rec.record("GET", path, f"[]{go_type}", params={"recursion": 1}, variant="recursion1")
    volume = f"/1.0/storage-pools/{pool}/volumes/custom/{VOLUME}"
    for path, go_type in [
        (f"/1.0/network-acls/{ACL}", "NetworkACL"),
        (f"/1.0/network-zones/{ZONE}", "NetworkZone"),
        (f"/1.0/network-zones/{ZONE}/records/{RECORD}", "NetworkZoneRecord"),
        (f"/1.0/networks/{BRIDGE}/forwards/{LISTEN}", "NetworkForward"),
        (f"{volume}/snapshots/snap0", "StorageVolumeSnapshot"),
        (f"{volume}/snapshots/snap1", "StorageVolumeSnapshot"),
        (f"{volume}/backups/backup0", "StoragePoolVolumeBackup"),
    ]:
        await rec.record("GET", path, go_type)
    # What the sandbox refuses: recorded as error envelopes, or, where it answers, as objects.
    for path, go_type, variant in [
        (f"/1.0/network-acls/{ACL}/log", "Response", "no-ovn"),
        (f"/1.0/networks/{network}/peers", "[]NetworkPeer", "bridge"),
        (f"{volume}/state", "StorageVolumeState", "dir"),
    ]:
        response = await rec.call("GET", path)
        await rec.record(
            "GET",
            path,
            go_type,
            variant=variant,
            expect=response.status_code,
            name_path=path.replace(f"/networks/{network}/", "/networks/SANDBOX-NETWORK/"),
        )
    response = await rec.call(
        "POST", f"/1.0/networks/{network}/forwards", body={"listen_address": "127.0.0.98"}
    )
    if response.status_code < 300:
        await rec.sync("DELETE", f"/1.0/networks/{network}/forwards/127.0.0.98")
    else:
        await rec.record(
            "POST",
            f"/1.0/networks/{network}/forwards",
            "Response",
            body={"listen_address": "127.0.0.98"},
            variant="address-none",
            expect=response.status_code,
            name_path="/1.0/networks/SANDBOX-NETWORK/forwards",
        )


async def cleanup(rec: Recorder, pool: str) -> None:
    """Deletes whatever the capture created, in dependency order; reports, never raises."""
    volume = f"/1.0/storage-pools/{pool}/volumes/custom/{VOLUME}"
    paths = [
        f"{volume}/backups/backup0",
        f"{volume}/snapshots/snap0",
        f"{volume}/snapshots/snap1",
        volume,
        f"/1.0/networks/{BRIDGE}/forwards/{LISTEN}",
        f"/1.0/networks/{BRIDGE}",
        f"/1.0/network-zones/{ZONE}/records/{RECORD}",
        f"/1.0/network-zones/{ZONE}",
        f"/1.0/network-acls/{ACL}",
    ]
    await delete_all(rec, [("DELETE", path, None) for path in paths])


async def capture(sandbox: dict[str, Any], out: Path) -> Recorder:
    async with daemon_client(sandbox["socket"]) as client:
        rec = Recorder(client, out)
        pool = sandbox["storage_pool"]
        await cleanup(rec, pool)  # leftovers of an interrupted run
        try:
            await create_objects(rec, pool)
            await capture_gets(rec, pool, sandbox["network"])
        finally:
            await cleanup(rec, pool)
    return rec


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", choices=("lxd", "incus"), default="lxd")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    directory = Path(os.environ.get("SANDBOX_DIR") or DEFAULT_SANDBOX).absolute()
    try:
        sandbox, started = ensure_sandbox(args.family, directory)
    except CaptureError as e:
        print(f"capture_golden_network_storage: {e}", file=sys.stderr)
        return 1
    version = ".".join(sandbox["lxd_version"].split(".")[:2])
    out: Path = args.out or REPO / "tests" / "testdata" / f"{args.family}-{version}-network-storage"
    clear_output(out)
    try:
        rec = asyncio.run(capture(sandbox, out))
    except CaptureError as e:
        print(f"capture_golden_network_storage: {e}", file=sys.stderr)
        return 1
    finally:
        if started:
            stop_sandbox(args.family, directory)
    write_index(out, rec, family=args.family, lxd_version=sandbox["lxd_version"])
    size = sum(p.stat().st_size for p in out.glob("*.json"))
    print(f"capture_golden_network_storage: {len(rec.index)} files, {size / 1024:.0f} KiB in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
