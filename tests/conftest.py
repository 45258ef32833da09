"""Shared fixtures: real private daemons for the integration tests, and names that never collide.

The `lxd_sandbox` fixture starts the daemon with `tools/lxd-sandbox ensure` once per session (or
reuses one that is already running in $SANDBOX_DIR, default build/sandbox) and stops it at the end
only if it started it. `incus_sandbox` (a private Incus 6.0), `lxd_cluster` and `incus_cluster`
(3-member clusters) and `lxd_servers` (two independent LXD servers) do the same with their own
directories beside it, and start only when a test asks for them. When a sandbox cannot be
started its tests are skipped, unless LXD_BRIDGE_REQUIRE_LXD is set (CI sets it): then they fail
with the reason and the daemon log.
"""

from __future__ import annotations

import contextlib
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

from tools.sandbox.daemon import INCUS

pytest_plugins = ["tests.go_oracle"]  # the go_oracle fixture

REPO = Path(__file__).resolve().parent.parent
SANDBOX_TOOL = REPO / "tools" / "lxd-sandbox"
INTEGRATION_DIR = Path(__file__).resolve().parent / "integration"
ENSURE_TIMEOUT = 900  # seconds; a cold CI machine installs LXD with apt-get first


@dataclasses.dataclass(frozen=True)
class LxdSandbox:
    """What a client needs to reach one sandbox daemon (the fields of sandbox.json).

    `family` is `lxd` or `incus` (`lxd_dir` and `lxd_version` are then Incus's); `name` is a
    cluster member's or server's name (m1, s1), empty for the single sandboxes.
    """

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
    startup_seconds: float = 0.0
    family: str = "lxd"
    name: str = ""

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LxdSandbox:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})  # type: ignore[arg-type]


@dataclasses.dataclass(frozen=True)
class LxdGroup:
    """Several sandbox daemons started together: a cluster's members or independent servers.

    `members` are in order (m1, m2, ... or s1, s2, ...); each is reached like a single sandbox.
    A cluster's members share one trust store, image store and client certificate.
    """

    kind: str  # "cluster" or "servers"
    sandbox_dir: str
    members: tuple[LxdSandbox, ...]
    startup_seconds: float
    family: str = "lxd"

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LxdGroup:
        kind = str(data["kind"])
        entries = data["members" if kind == "cluster" else "servers"]
        assert isinstance(entries, list)
        return cls(
            kind=kind,
            sandbox_dir=str(data["sandbox_dir"]),
            members=tuple(LxdSandbox.from_json(entry) for entry in entries),
            startup_seconds=float(data["startup_seconds"]),  # type: ignore[arg-type]
            family=str(data.get("family", "lxd")),
        )


def sandbox_dir() -> Path:
    return Path(os.environ.get("SANDBOX_DIR") or REPO / "build" / "sandbox").absolute()


def sibling_sandbox_dir(kind: str) -> Path:
    """Where tools/lxd-sandbox puts the Incus sandbox, the cluster and the servers."""
    base = sandbox_dir()
    return base.parent / f"{base.name}-{kind}"


def _answers(socket: str) -> bool:
    transport = httpx.HTTPTransport(uds=socket)
    try:
        with httpx.Client(transport=transport, base_url="http://lxd", timeout=5) as client:
            return client.get("/1.0").status_code == 200
    except httpx.HTTPError:
        return False


def _live_state(directory: Path) -> dict[str, object] | None:
    """sandbox.json of the sandbox in directory, if every daemon it lists answers."""
    try:
        state = json.loads((directory / "sandbox.json").read_text())
        entries = state.get("members") or state.get("servers") or [state]
        sockets = [str(entry["socket"]) for entry in entries]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return dict(state) if sockets and all(_answers(s) for s in sockets) else None


def _live_sandbox(directory: Path) -> LxdSandbox | None:
    """The sandbox described by sandbox.json, if its daemon answers on the unix socket."""
    state = _live_state(directory)
    try:
        return None if state is None else LxdSandbox.from_json(state)
    except TypeError:
        return None


def _log_tail(log: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no daemon log)"


def _unavailable(reason: str, log: Path, what: str = "LXD sandbox") -> NoReturn:
    if os.environ.get("LXD_BRIDGE_REQUIRE_LXD"):
        pytest.fail(
            f"{what} unavailable and LXD_BRIDGE_REQUIRE_LXD is set: {reason}\n"
            f"--- daemon log tail ({log}) ---\n{_log_tail(log)}",
            pytrace=False,
        )
    pytest.skip(f"no {what} (set LXD_BRIDGE_REQUIRE_LXD=1 to fail instead): {reason}")


@contextlib.contextmanager
def _session_sandbox(
    directory: Path, ensure: list[str], stop: list[str], log: Path, what: str
) -> Iterator[dict[str, object]]:
    """Runs `tools/lxd-sandbox <ensure>` unless the sandbox in directory is up; yields its state.

    Every session that uses the sandbox holds a shared lock on directory/.users; the one that
    started the daemons runs `<stop>` at the end, only if no other session still holds the lock.
    """
    directory.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SANDBOX_DIR": str(sandbox_dir())}
    with (directory / ".users").open("w") as users:
        fcntl.flock(users, fcntl.LOCK_SH)
        state = _live_state(directory)
        started = state is None
        if state is None:
            try:
                result = subprocess.run(
                    [str(SANDBOX_TOOL), *ensure],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=ENSURE_TIMEOUT,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as e:
                _unavailable(f"tools/lxd-sandbox {' '.join(ensure)}: {e}", log, what)
            if result.returncode != 0:
                reason = result.stderr.strip() or f"exit code {result.returncode}"
                _unavailable(reason, log, what)
            state = json.loads(result.stdout)
        try:
            yield state
        finally:
            if started:
                fcntl.flock(users, fcntl.LOCK_UN)
                try:
                    fcntl.flock(users, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    pass  # another session is using it; leave it running
                else:
                    subprocess.run(
                        [str(SANDBOX_TOOL), *stop],
                        env=env,
                        capture_output=True,
                        timeout=180,
                        check=False,
                    )


@pytest.fixture(scope="session")
def lxd_sandbox() -> Iterator[LxdSandbox]:
    """A running private LXD; started (and later stopped) by this session unless already up."""
    directory = sandbox_dir()
    log = directory / "lxd.log"
    with _session_sandbox(directory, ["ensure"], ["stop"], log, "LXD sandbox") as state:
        yield LxdSandbox.from_json(state)


@pytest.fixture(scope="session")
def incus_sandbox() -> Iterator[LxdSandbox]:
    """A running private Incus 6.0 beside the LXD one (<SANDBOX_DIR>-incus), started on demand."""
    directory = sibling_sandbox_dir("incus")
    with _session_sandbox(
        directory,
        ["--family", "incus", "ensure"],
        ["--family", "incus", "stop"],
        directory / "incus.log",
        "Incus sandbox",
    ) as state:
        yield LxdSandbox.from_json(state)


CLUSTER_SIZE = 3
SERVERS = 2


def _cluster(family: str) -> Iterator[LxdGroup]:
    kind = "cluster" if family == "lxd" else f"{family}-cluster"
    directory = sibling_sandbox_dir(kind)
    with _session_sandbox(
        directory,
        ["--family", family, "cluster", str(CLUSTER_SIZE)],
        ["--family", family, "cluster", "stop"],
        directory / "m1" / f"{family}.log",
        f"{CLUSTER_SIZE}-member {family} cluster",
    ) as state:
        cluster = LxdGroup.from_json(state)
        if len(cluster.members) != CLUSTER_SIZE:
            pytest.fail(f"the cluster has {len(cluster.members)} members, not {CLUSTER_SIZE}")
        yield cluster


@pytest.fixture(scope="session")
def lxd_cluster() -> Iterator[LxdGroup]:
    """A running 3-member LXD cluster (<SANDBOX_DIR>-cluster), started on demand."""
    yield from _cluster("lxd")


@pytest.fixture(scope="session")
def incus_cluster() -> Iterator[LxdGroup]:
    """A running 3-member Incus cluster (<SANDBOX_DIR>-incus-cluster), started on demand."""
    yield from _cluster("incus")


@pytest.fixture(scope="session")
def lxd_servers() -> Iterator[LxdGroup]:
    """Two running independent LXD servers (<SANDBOX_DIR>-servers), started on demand."""
    directory = sibling_sandbox_dir("servers")
    with _session_sandbox(
        directory,
        ["servers", str(SERVERS)],
        ["servers", "stop"],
        directory / "s1" / "lxd.log",
        f"{SERVERS} LXD servers",
    ) as state:
        servers = LxdGroup.from_json(state)
        if len(servers.members) != SERVERS:
            pytest.fail(f"the servers sandbox has {len(servers.members)} servers, not {SERVERS}")
        yield servers


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
    incus = any(
        name.startswith("incus_")
        for item in session.items
        for name in getattr(item, "fixturenames", ())
    ) or any(  # the facade tests' `daemon` fixture, parametrized over LXD_BRIDGE_DAEMONS
        getattr(getattr(item, "callspec", None), "params", {}).get("daemon") == "incus"
        for item in session.items
    )
    if incus and os.geteuid() == 0 and not INCUS.installed():
        install = [str(SANDBOX_TOOL), "--family", "incus", "install"]
        subprocess.run(install, timeout=ENSURE_TIMEOUT, check=False)
