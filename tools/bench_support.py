"""What the benchmarks share: the sandbox LXD, the server processes they set side by side (the
bridge, the floor server of tools/bench_floor.py), the Node client, and /proc readings."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NODE_CLIENT = ROOT / "tools" / "bench_node" / "client.js"


def sandbox() -> dict[str, Any]:
    """The sandbox LXD (started if needed: ``tools/lxd-sandbox ensure``), as sandbox.json says."""
    env = {**os.environ, "SANDBOX_DIR": os.environ.get("SANDBOX_DIR", str(ROOT / "build/sandbox"))}
    result = subprocess.run(
        [str(ROOT / "tools" / "lxd-sandbox"), "ensure"],
        env=env, capture_output=True, text=True, check=True, timeout=900,
    )  # fmt: skip
    info: dict[str, Any] = json.loads(result.stdout)
    return info


def free_tcp_address() -> str:
    """A loopback address with a port nobody listens on (the kernel's pick)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{s.getsockname()[1]}"


def start_bridge(lxd_socket: str, listen: str, *options: str) -> subprocess.Popen[bytes]:
    """``python -m bridge serve`` in its own process on ``listen`` (loopback TCP): insecure,
    the same listener as the floor server's, unless ``options`` give TLS (``--tls-cert`` ...)."""
    security = () if "--tls-cert" in options else ("--insecure",)
    return subprocess.Popen(
        [sys.executable, "-m", "bridge", "serve", "--lxd", f"unix://{lxd_socket}",
         "--listen", listen, *security, "--log-level", "error", *options],
        cwd=ROOT,
    )  # fmt: skip


def self_signed(directory: Path) -> tuple[Path, Path]:
    """A certificate and key for 127.0.0.1 (openssl, one day), written in ``directory``: the
    certificate is its own CA."""
    cert, key = directory / "bench.crt", directory / "bench.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-days", "1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


def start_floor(lxd_socket: str, *args: str) -> tuple[subprocess.Popen[str], str]:
    """The floor server (tools/bench_floor.py) in its own process, and its address."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.bench_floor", "--lxd", lxd_socket, *args],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("port "):
        process.kill()
        raise RuntimeError(f"the floor server did not start: {line!r}")
    return process, f"127.0.0.1:{line.split()[1]}"


def stop(process: subprocess.Popen[Any]) -> None:
    """SIGTERM, then wait (kill after 30 s)."""
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def node() -> str:
    """The node executable."""
    found = shutil.which("node")
    if found is None:
        raise RuntimeError("node is not installed (make setup installs the Node packages)")
    return found


def cpu_seconds(pid: int) -> float:
    """CPU time of ``pid`` so far, all its threads (``/proc/<pid>/task/*/schedstat``: nanoseconds,
    where ``/proc/<pid>/stat`` counts 10 ms ticks). Threads that already ended are not counted:
    the servers measured keep theirs."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError, IndexError, ValueError):  # the thread ended meanwhile
            total += int((task / "schedstat").read_text().split()[0])
    return total / 1e9


def rss(pid: int) -> int:
    """Resident set size of ``pid`` in bytes (VmRSS)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def sockets(pid: int) -> int:
    """How many sockets ``pid`` holds open."""
    count = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):  # closed while we looked
            count += os.readlink(fd).startswith("socket:")
    return count


def percentile(values: list[float], p: float) -> float:
    """The ``p`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]
