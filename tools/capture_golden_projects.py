"""Record what a real LXD 5.0 or Incus 6.0 answers for projects, warnings, metrics and certificate
add tokens, byte for byte, as golden files for the codec and Go oracle tests.

Usage (as root, from the repository root, after `make setup`, with a sandbox running):

    .venv/bin/python tools/capture_golden_projects.py [--family lxd|incus] [--out DIR]

It talks to the family's sandbox of this worktree (tools/lxd-sandbox [--family incus] ensure;
SANDBOX_DIR as the sandbox tool reads it) through its unix socket, creates a project
`golden-p1` (renamed to `golden-p2` on the way) and a certificate add token, GETs the project,
warning and metrics endpoints and writes each response body exactly as received, with
INDEX.json in the format of tools/capture_golden.py (method, path, query, HTTP status, ETag,
Content-Type, envelope, Go type of the metadata), to tests/testdata/<family>-<major.minor>-projects
unless --out is given. Every *.json and *.txt file in the output directory is replaced. What the
tool created is deleted at the end (the token's operation is cancelled). Warnings are whatever
the daemon has raised itself (a sandbox has a few: no AppArmor, missing cgroup controllers);
none is made up.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script, too
from tools.capture_golden import Recorder
from tools.recording import (
    REPO,
    SANDBOX_TOOL,
    CaptureError,
    clear_output,
    daemon_client,
    write_index,
)

PROJECT = "golden-p1"
RENAMED = "golden-p2"
CLIENT = "golden-token"
CONTAINER = "golden-c1"


async def capture_projects(rec: Recorder) -> None:
    r1 = {"recursion": 1}
    # The default project's images and profiles serve this one, so a container can be made in it.
    config = {"features.images": "false", "features.profiles": "false"}
    body = {"name": PROJECT, "description": "golden", "config": config}
    await rec.record("POST", "/1.0/projects", "null", body=body, variant="create", expect=201)
    await rec.record("GET", "/1.0/projects", "[]string")
    await rec.record("GET", "/1.0/projects", "[]Project", params=r1, variant="recursion1")
    await rec.record("GET", f"/1.0/projects/{PROJECT}", "Project", name_path="/1.0/projects/NAME")
    await rec.record(
        "GET",
        f"/1.0/projects/{PROJECT}/state",
        "ProjectState",
        name_path="/1.0/projects/NAME/state",
    )
    renamed = await rec.record(
        "POST",
        f"/1.0/projects/{PROJECT}",
        "Operation",
        body={"name": RENAMED},
        name_path="/1.0/projects/NAME",
        variant="rename",
        expect=202,
    )
    await rec.wait(renamed)
    await rec.record("GET", "/1.0/projects/golden-missing", "Response", variant="404", expect=404)
    # A duplicate name: LXD 5.0 answers 409, Incus 6.0 500; recorded as each daemon answers.
    duplicate = {"name": RENAMED}
    code = (await rec.call("POST", "/1.0/projects", body=duplicate)).status_code
    await rec.record(
        "POST", "/1.0/projects", "Response", body=duplicate, variant=str(code), expect=code
    )
    await rec.record("DELETE", "/1.0/projects/default", "Response", variant="403", expect=403)


async def capture_warnings(rec: Recorder) -> None:
    await rec.record("GET", "/1.0/warnings", "[]string")
    listed = await rec.record(
        "GET", "/1.0/warnings", "[]Warning", params={"recursion": 1}, variant="recursion1"
    )
    warnings = listed.json()["metadata"] or []
    if warnings:
        uuid = warnings[0]["uuid"]
        await rec.record("GET", f"/1.0/warnings/{uuid}", "Warning", name_path="/1.0/warnings/UUID")
    missing = "/1.0/warnings/00000000-0000-0000-0000-000000000000"
    await rec.record(
        "GET", missing, "Response", name_path="/1.0/warnings/UUID", variant="404", expect=404
    )


async def capture_token(rec: Recorder) -> None:
    body = {"name": CLIENT, "type": "client", "token": True}
    started = await rec.record(
        "POST", "/1.0/certificates", "Operation", body=body, variant="token", expect=202
    )
    await rec.call("DELETE", started.json()["operation"])


async def capture_metrics(rec: Recorder) -> None:
    """The metrics of a running container of the renamed project (a daemon without running
    instances answers only "# EOF")."""
    query = f"?project={RENAMED}"
    source = {"type": "image", "alias": "busybox"}
    await rec.sync("POST", f"/1.0/instances{query}", {"name": CONTAINER, "source": source})
    await rec.sync("PUT", f"/1.0/instances/{CONTAINER}/state{query}", {"action": "start"})
    response = await rec.client.get("/1.0/metrics", params={"project": RENAMED})
    if response.status_code != 200:
        raise CaptureError(f"GET /1.0/metrics: {response.status_code} {response.text[:300]}")
    rec.write(
        "GET_1.0_metrics.txt",
        response.content,
        method="GET",
        path="/1.0/metrics",
        query=f"project={RENAMED}",
        status=200,
        content_type=response.headers.get("content-type"),
        envelope="raw",
    )


async def cleanup(rec: Recorder) -> None:
    """Deletes the container and projects the capture made; reports, never raises."""
    instance = f"/1.0/instances/{CONTAINER}?project={RENAMED}"
    stop = await rec.call(
        "PUT", instance.replace("?", "/state?"), body={"action": "stop", "force": True}
    )
    if stop.status_code == 202:
        await rec.wait(stop)
    deleted = await rec.call("DELETE", instance)
    if deleted.status_code == 202:
        await rec.wait(deleted)
    for name in (PROJECT, RENAMED):
        response = await rec.call("DELETE", f"/1.0/projects/{name}")
        if response.status_code not in (200, 404):
            print(f"cleanup: project {name}: {response.text[:200]}", file=sys.stderr)


async def capture(socket: str, out: Path) -> tuple[Recorder, dict[str, Any]]:
    async with daemon_client(socket) as client:
        rec = Recorder(client, out)
        server = (await client.get("/1.0")).json()["metadata"]
        await cleanup(rec)
        try:
            await capture_projects(rec)
            await capture_warnings(rec)
            await capture_token(rec)
            await capture_metrics(rec)
        finally:
            await cleanup(rec)
    return rec, server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", choices=("lxd", "incus"), default="lxd")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    status = subprocess.run(
        [SANDBOX_TOOL, "--family", args.family, "status"],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        check=False,
    )
    if status.returncode != 0:
        print(f"capture_golden_projects: no {args.family} sandbox answers", file=sys.stderr)
        return 1
    sandbox = json.loads(status.stdout[: status.stdout.rindex("}") + 1])
    version = sandbox["lxd_version"]
    major_minor = ".".join(version.split(".")[:2])
    out: Path = args.out or REPO / "tests" / "testdata" / f"{args.family}-{major_minor}-projects"
    clear_output(out, ("*.json", "*.txt"))
    try:
        rec, server = asyncio.run(capture(sandbox["socket"], out))
    except CaptureError as e:
        print(f"capture_golden_projects: {e}", file=sys.stderr)
        return 1
    environment = server["environment"]
    write_index(
        out,
        rec,
        family=environment.get("server", "lxd"),
        version=environment["server_version"],
    )
    print(f"capture_golden_projects: {len(rec.index)} files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
