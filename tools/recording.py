"""The plumbing every golden capture tool shares: the sandbox, the daemon's client, the output
directory and INDEX.json.

tools/capture_golden.py (with the `Recorder` the others use), capture_golden_projects.py,
capture_golden_network_storage.py and capture_instances.py each decide what to create and which
endpoints to record; how a daemon is reached and how a recording is written is said here once.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from tools.capture_golden import Recorder

REPO = Path(__file__).resolve().parent.parent
SANDBOX_TOOL = REPO / "tools" / "lxd-sandbox"


class CaptureError(Exception):
    """LXD did not answer as the capture expects."""


def _sandbox_env(directory: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if directory is not None:
        env["SANDBOX_DIR"] = str(directory)
    return env


def ensure_sandbox(family: str, directory: Path | None = None) -> tuple[dict[str, Any], bool]:
    """(sandbox.json, whether this call started the daemon) of the family's sandbox in
    ``directory`` (None: wherever SANDBOX_DIR or the sandbox tool's default puts it)."""
    env = _sandbox_env(directory)
    tool = [str(SANDBOX_TOOL), "--family", family]
    status = subprocess.run([*tool, "status"], env=env, capture_output=True, check=False)
    result = subprocess.run(
        [*tool, "ensure"], env=env, capture_output=True, text=True, timeout=900, check=False
    )
    if result.returncode != 0:
        raise CaptureError(f"tools/lxd-sandbox --family {family} ensure failed:\n{result.stderr}")
    return json.loads(result.stdout), status.returncode != 0


def stop_sandbox(family: str, directory: Path | None = None) -> None:
    """Stops the family's sandbox in ``directory`` (as ``ensure_sandbox`` found it)."""
    tool = [str(SANDBOX_TOOL), "--family", family, "stop"]
    subprocess.run(tool, env=_sandbox_env(directory), check=False, timeout=180)


def daemon_client(socket: str) -> httpx.AsyncClient:
    """A client of the daemon's unix socket that keeps bodies exactly as the daemon writes them."""
    return httpx.AsyncClient(
        transport=httpx.AsyncHTTPTransport(uds=socket),
        base_url="http://lxd",
        headers={"Accept-Encoding": "identity"},
        timeout=60,
    )


def clear_output(out: Path, patterns: Iterable[str] = ("*.json",)) -> None:
    """Creates ``out`` and deletes the files of an earlier recording there."""
    out.mkdir(parents=True, exist_ok=True)
    for pattern in patterns:
        for old in out.glob(pattern):
            old.unlink()


def write_index(out: Path, rec: Recorder, **head: Any) -> None:
    """INDEX.json: ``head`` (family, version), the time of the capture and every file's entry."""
    index = {
        **head,
        "captured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "files": dict(sorted(rec.index.items())),
    }
    (out / "INDEX.json").write_text(json.dumps(index, indent=2) + "\n")


async def delete_all(rec: Recorder, steps: Iterable[tuple[str, str, Any]]) -> None:
    """Sends each (method, path, body), in order, waiting for operations; a 404 is fine. Reports
    what failed and never raises: a cleanup must go on past what is already gone."""
    for method, path, body in steps:
        try:
            response = await rec.call(method, path, body=body)
            if response.status_code == 202:
                await rec.wait(response)
            elif response.status_code not in (200, 404):
                print(f"cleanup: {method} {path}: {response.text[:200]}", file=sys.stderr)
        except (httpx.HTTPError, CaptureError) as e:
            print(f"cleanup: {method} {path}: {e}", file=sys.stderr)
