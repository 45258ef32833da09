"""Record what a real LXD 5.0 and a real Incus 6.0 answer on /1.0/instances, as golden files.

Usage (as root, from the repository root, after `make setup`):

    .venv/bin/python tools/capture_instances.py [--family lxd|incus ...] [--out DIR]

For each family it uses the development sandbox of that family (`tools/lxd-sandbox [--family
incus] ensure`: started when it is not running, and then stopped again), creates one container
`golden-i1` with a snapshot `snap0` and a backup `backup0`, and records the responses of the
instance endpoints in the format of tools/capture_golden.py (the same Recorder, file names and
INDEX.json, `go_type` in LXD 5.0's naming: `Instance`, `[]InstanceFull`, `InstanceState`, ...)
under `<out>/<family>-<major.minor>/` (default out: tests/testdata/instances). Lists are
filtered to `golden-i1`, so other instances of the sandbox do not show. The state is recorded
stopped and running. What the tool created is deleted at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script, too
from tools.capture_golden import Recorder
from tools.recording import (
    REPO,
    CaptureError,
    clear_output,
    daemon_client,
    ensure_sandbox,
    stop_sandbox,
    write_index,
)

DEFAULT_OUT = REPO / "tests" / "testdata" / "instances"

INSTANCE = "golden-i1"
PATH = f"/1.0/instances/{INSTANCE}"
ONLY = {"filter": f"name eq {INSTANCE}"}


async def capture(rec: Recorder) -> None:
    """Create golden-i1 with a snapshot and a backup; record its endpoints stopped and running."""
    body = {"name": INSTANCE, "type": "container", "source": {"type": "image", "alias": "busybox"}}
    await rec.sync("POST", "/1.0/instances", body)
    await rec.sync("POST", f"{PATH}/snapshots", {"name": "snap0"})
    await rec.sync("POST", f"{PATH}/backups", {"name": "backup0", "instance_only": True})
    await rec.record("GET", "/1.0", "Server")
    await rec.record("GET", "/1.0/instances", "[]string", params=ONLY, variant="filtered")
    await rec.record(
        "GET", "/1.0/instances", "[]Instance", params={**ONLY, "recursion": 1}, variant="recursion1"
    )
    await rec.record(
        "GET",
        "/1.0/instances",
        "[]InstanceFull",
        params={**ONLY, "recursion": 2},
        variant="recursion2",
    )
    await rec.record("GET", PATH, "Instance")
    await rec.record("GET", PATH, "InstanceFull", params={"recursion": 1}, variant="recursion1")
    await rec.record("GET", f"{PATH}/state", "InstanceState", variant="stopped")
    await rec.record("GET", f"{PATH}/snapshots", "[]InstanceSnapshot", params={"recursion": 1})
    await rec.record("GET", f"{PATH}/snapshots/snap0", "InstanceSnapshot")
    await rec.record("GET", f"{PATH}/backups", "[]InstanceBackup", params={"recursion": 1})
    await rec.record("GET", f"{PATH}/backups/backup0", "InstanceBackup")
    await rec.record("GET", f"{PATH}/metadata", "ImageMetadata")
    await rec.sync("PUT", f"{PATH}/state", {"action": "start", "timeout": 30})
    await rec.record("GET", f"{PATH}/state", "InstanceState", variant="running")
    await rec.record("GET", PATH, "InstanceFull", params={"recursion": 1}, variant="running")
    await rec.record("GET", "/1.0/instances/golden-missing", "Response", expect=404)


async def cleanup(rec: Recorder) -> None:
    """Force-stop and delete golden-i1 (quiet when it is not there)."""
    response = await rec.call("GET", f"{PATH}/state")
    if response.status_code == 404:
        return
    if response.json()["metadata"]["status"] != "Stopped":
        await rec.sync("PUT", f"{PATH}/state", {"action": "stop", "force": True, "timeout": 30})
    await rec.sync("DELETE", PATH)


async def capture_family(sandbox: dict[str, Any], out: Path) -> Recorder:
    async with daemon_client(sandbox["socket"]) as client:
        rec = Recorder(client, out)
        await cleanup(rec)  # leftovers of an interrupted run
        try:
            await capture(rec)
        finally:
            await cleanup(rec)
    return rec


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", action="append", choices=["lxd", "incus"])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    for family in args.family or ["lxd", "incus"]:
        try:
            sandbox, started = ensure_sandbox(family)  # the development sandbox
        except CaptureError as e:
            print(f"capture_instances: {family}: {e}", file=sys.stderr)
            return 1
        version = sandbox["lxd_version"]
        out: Path = args.out / f"{family}-{'.'.join(version.split('.')[:2])}"
        clear_output(out)
        try:
            rec = asyncio.run(capture_family(sandbox, out))
        except CaptureError as e:
            print(f"capture_instances: {family}: {e}", file=sys.stderr)
            return 1
        finally:
            if started:
                stop_sandbox(family)
        write_index(out, rec, family=family, lxd_version=version)
        print(f"capture_instances: {family} {version}: {len(rec.index)} files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
