"""Shared fixtures: a real private LXD for the integration tests, and names that never collide.

The `lxd_sandbox` fixture starts the daemon with `tools/lxd-sandbox ensure` once per session (or
reuses one that is already running in $SANDBOX_DIR, default build/sandbox) and stops it at the end
only if it started it. When no LXD can be started the integration tests are skipped, unless
LXD_BRIDGE_REQUIRE_LXD is set (CI sets it): then they fail with the reason and the daemon log.
"""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
import re
import secrets
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

import httpx
import pytest

pytest_plugins = ["tests.go_oracle"]  # the go_oracle fixture

REPO = Path(__file__).resolve().parent.parent
SANDBOX_TOOL = REPO / "tools" / "lxd-sandbox"
INTEGRATION_DIR = Path(__file__).resolve().parent / "integration"
ENSURE_TIMEOUT = 900  # seconds; a cold CI machine installs LXD with apt-get first


@dataclasses.dataclass(frozen=True)
class LxdSandbox:
    """What a client needs to reach the sandbox daemon (the fields of sandbox.json)."""

    sandbox_dir: str
    lxd_dir: str
    socket: str
    https_address: str
    https_url: str
    server_cert: str
    client_cert: str
    client_key: str
    client_cert_fingerprint: str
    storage_pool: str
    network: str
    image_alias: str
    image_fingerprint: str
    lxd_version: str
    api_extensions: int
    pid: int
    log: str
    startup_seconds: float

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LxdSandbox:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})  # type: ignore[arg-type]


def sandbox_dir() -> Path:
    return Path(os.environ.get("SANDBOX_DIR") or REPO / "build" / "sandbox").absolute()


def _live_sandbox(directory: Path) -> LxdSandbox | None:
    """The sandbox described by sandbox.json, if its daemon answers on the unix socket."""
    try:
        sandbox = LxdSandbox.from_json(json.loads((directory / "sandbox.json").read_text()))
    except (OSError, ValueError, TypeError):
        return None
    transport = httpx.HTTPTransport(uds=sandbox.socket)
    try:
        with httpx.Client(transport=transport, base_url="http://lxd", timeout=5) as client:
            answered = client.get("/1.0").status_code == 200
    except httpx.HTTPError:
        return None
    return sandbox if answered else None


def _log_tail(directory: Path, lines: int = 40) -> str:
    try:
        return "\n".join((directory / "lxd.log").read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no daemon log)"


def _unavailable(reason: str, directory: Path) -> NoReturn:
    if os.environ.get("LXD_BRIDGE_REQUIRE_LXD"):
        pytest.fail(
            f"LXD sandbox unavailable and LXD_BRIDGE_REQUIRE_LXD is set: {reason}\n"
            f"--- daemon log tail ({directory / 'lxd.log'}) ---\n{_log_tail(directory)}",
            pytrace=False,
        )
    pytest.skip(f"no LXD sandbox (set LXD_BRIDGE_REQUIRE_LXD=1 to fail instead): {reason}")


@pytest.fixture(scope="session")
def lxd_sandbox() -> Iterator[LxdSandbox]:
    """A running private LXD; started (and later stopped) by this session unless already up."""
    directory = sandbox_dir()
    directory.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SANDBOX_DIR": str(directory)}
    # Every session that uses the sandbox holds a shared lock; the one that started the daemon
    # stops it at the end only if no other session still holds the lock.
    with (directory / ".users").open("w") as users:
        fcntl.flock(users, fcntl.LOCK_SH)
        sandbox = _live_sandbox(directory)
        started = sandbox is None
        if sandbox is None:
            try:
                result = subprocess.run(
                    [str(SANDBOX_TOOL), "ensure"],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=ENSURE_TIMEOUT,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as e:
                _unavailable(f"tools/lxd-sandbox ensure: {e}", directory)
            if result.returncode != 0:
                _unavailable(result.stderr.strip() or f"exit code {result.returncode}", directory)
            sandbox = LxdSandbox.from_json(json.loads(result.stdout))
        try:
            yield sandbox
        finally:
            if started:
                fcntl.flock(users, fcntl.LOCK_UN)
                try:
                    fcntl.flock(users, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    pass  # another session is using it; leave it running
                else:
                    subprocess.run(
                        [str(SANDBOX_TOOL), "stop"],
                        env=env,
                        capture_output=True,
                        timeout=180,
                        check=False,
                    )


_INVALID_NAME_CHARS = re.compile(r"[^a-z0-9-]+")


def make_unique_name(prefix: str) -> str:
    """`t-<prefix>-<8 hex>`: a valid LXD object name (<= 63 chars) that no other run will use."""
    cleaned = _INVALID_NAME_CHARS.sub("-", prefix.lower()).strip("-") or "x"
    return f"t-{cleaned[:50].rstrip('-')}-{secrets.token_hex(4)}"


@pytest.fixture
def unique_name() -> Callable[[str], str]:
    """The make_unique_name helper, as a fixture: `unique_name("exec")` -> `t-exec-1a2b3c4d`."""
    return make_unique_name


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/integration/ needs a real LXD: mark it `integration`."""
    for item in items:
        if INTEGRATION_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.integration)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Installs LXD (apt-get, as root) before any test runs, when integration tests will.

    Done here rather than in the fixture so that a slow apt-get on a fresh CI machine does not
    count against the first test's timeout. Failures are left to `lxd_sandbox` to report.
    """
    wanted = any(item.get_closest_marker("integration") for item in session.items)
    if wanted and os.geteuid() == 0 and not shutil.which("lxd"):
        subprocess.run([str(SANDBOX_TOOL), "install"], timeout=ENSURE_TIMEOUT, check=False)
