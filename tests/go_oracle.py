"""Ask Go itself what LXD's ``encoding/json`` accepts and emits.

``tests/go_oracle/`` is a small stdlib-only Go program that answers, one JSON line per request,
"decode this JSON into that Go type and marshal it back". The types are not copied from LXD: they
are generated from the protos' options (``tests/go_oracle_source.py``: Go names, Go types, json
keys, omitempty, embeds) as one Go package per server version (``lxd-3.4``, the default,
``lxd-5.0``, ``incus-6.0``). This module writes the generated files beside a copy of the program in
``build/go-oracle/``, builds it once (cached by a hash of every source file and the Go version),
runs one process per test session and exposes it as the ``go_oracle`` fixture::

    def test_live_must_be_a_bool(go_oracle):
        with pytest.raises(GoDecodeError, match=r"ContainerPost\\.live"):
            go_oracle.roundtrip("ContainerPost", {"live": "true"})

The build installs nothing: ``go`` (Debian's ``golang-go``) must be on PATH. Without it the
fixture skips, or fails when ``LXD_BRIDGE_REQUIRE_LXD`` is set (CI).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import go_oracle_source

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "tests" / "go_oracle"
BUILD_DIR = ROOT / "build" / "go-oracle"
REQUIRE_ENV = "LXD_BRIDGE_REQUIRE_LXD"
DEFAULT_VERSION = go_oracle_source.DEFAULT_VERSION


class GoDecodeError(Exception):
    """Go's encoding/json rejected the input; ``message`` is Go's error text, unchanged."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class GoOracleUnavailable(RuntimeError):
    """The Go toolchain is missing, so the oracle cannot be built."""


def _go_env() -> dict[str, str]:
    """Everything `go` reads from the environment, pinned under build/ (works as root, no HOME)."""
    env = dict(os.environ)
    env.update(
        GOCACHE=str(BUILD_DIR / "gocache"),
        GOPATH=str(BUILD_DIR / "gopath"),
        GOMODCACHE=str(BUILD_DIR / "gopath" / "pkg" / "mod"),
        GOENV="off",
        GOFLAGS="",
        GO111MODULE="on",
        GOTOOLCHAIN="local",
        GOPROXY="off",
        GOSUMDB="off",
        CGO_ENABLED="0",
        TZ="UTC",
    )
    return env


def find_go() -> str:
    """Returns the path of the `go` command, or raises GoOracleUnavailable."""
    go = shutil.which("go") or shutil.which("go", path="/usr/lib/go/bin")
    if go is None:
        raise GoOracleUnavailable(
            "the Go toolchain is not installed (`apt-get install -y golang-go`); "
            "it is needed to check the codec against Go's encoding/json"
        )
    return go


def oracle_sources() -> dict[str, bytes]:
    """Every file of the oracle's Go module: tests/go_oracle/ and the generated api packages."""
    files = {
        path.name: path.read_bytes()
        for path in sorted(SOURCE_DIR.iterdir())
        if path.suffix == ".go" or path.name in ("go.mod", "go.sum")
    }
    files.update((name, text.encode()) for name, text in go_oracle_source.sources().items())
    return files


def build(go: str | None = None) -> Path:
    """Builds the oracle unless a binary for the same sources and Go version exists; returns it."""
    go = go or find_go()
    env = _go_env()
    version = subprocess.run(
        [go, "version"], env=env, check=True, capture_output=True, text=True
    ).stdout
    digest = hashlib.sha256(version.encode())
    files = oracle_sources()
    for name, data in sorted(files.items()):
        digest.update(name.encode() + b"\0" + data + b"\0")
    tag = digest.hexdigest()[:16]
    binary = BUILD_DIR / f"gooracle-{tag}"
    if binary.exists():
        return binary
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    module = Path(tempfile.mkdtemp(prefix=f"src-{tag}-", dir=BUILD_DIR))
    for name, data in files.items():
        (module / name).parent.mkdir(parents=True, exist_ok=True)
        (module / name).write_bytes(data)
    # Build under a temporary name and rename, so parallel sessions never run half a binary.
    fd, tmp = tempfile.mkstemp(prefix=".gooracle-", dir=BUILD_DIR)
    os.close(fd)
    try:
        result = subprocess.run(
            [go, "build", "-trimpath", "-o", tmp, "."],
            cwd=module,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"go build of {module} failed:\n{result.stderr}")
        os.replace(tmp, binary)
    finally:
        Path(tmp).unlink(missing_ok=True)
        shutil.rmtree(module, ignore_errors=True)
    return binary


class GoOracle:
    """A running oracle process. Thread-safe; one request at a time."""

    def __init__(self, binary: Path) -> None:
        # Kept open for the life of the process; read back only to explain a crash.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self._proc = subprocess.Popen(
            [str(binary)],
            env=_go_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
        )
        self._lock = threading.Lock()

    def _ask(self, go_type: str, json_text: str, strict: bool, version: str) -> dict[str, Any]:
        # A literal newline in JSON text can only be whitespace, so folding it keeps the value.
        json_text = json_text.replace("\r", " ").replace("\n", " ")
        line = f'{{"type": {json.dumps(go_type)}, "strict": {json.dumps(strict)}, '
        line += f'"version": {json.dumps(version)}, "json": {json_text}}}\n'
        assert self._proc.stdin is not None
        assert self._proc.stdout is not None
        with self._lock:
            try:
                self._proc.stdin.write(line)
                self._proc.stdin.flush()
                reply = self._proc.stdout.readline()
            except BrokenPipeError:
                reply = ""
        if not reply:
            self._stderr.seek(0)
            err = self._stderr.read().decode(errors="replace")
            raise RuntimeError(f"the Go oracle exited ({self._proc.poll()}): {err}")
        answer: dict[str, Any] = json.loads(reply)
        if not answer["ok"]:
            raise GoDecodeError(answer["error"])
        return answer

    def roundtrip(
        self, go_type: str, value: Any, strict: bool = False, version: str = DEFAULT_VERSION
    ) -> Any:
        """Decodes ``value`` (sent as JSON) into a new ``go_type`` and returns Go's re-encoding.

        ``go_type`` is an api type name or a Go type expression such as ``[]Container``,
        ``map[string][]Operation``, ``map[string]interface{}``. ``strict`` turns on
        DisallowUnknownFields. ``version`` picks the structs: ``"lxd-3.4"`` (the seed's),
        ``"lxd-5.0"`` (LXD 5.0.2's) or ``"incus-6.0"``. Go's output is parsed with ``json.loads``,
        so integers stay exact. Raises GoDecodeError with Go's message when Go rejects the value.
        """
        return self.roundtrip_text(go_type, json.dumps(value), strict, version)[0]

    def roundtrip_text(
        self, go_type: str, json_text: str, strict: bool = False, version: str = DEFAULT_VERSION
    ) -> tuple[Any, str]:
        """Like roundtrip, from raw JSON text (duplicate keys, ``1.0`` vs ``1``, ... reach Go as
        written); returns the parsed value and the exact text json.Marshal wrote."""
        answer = self._ask(go_type, json_text, strict, version)
        return answer["json"], answer["text"]

    def close(self) -> None:
        """Stops the process (EOF on stdin ends it) and waits for it."""
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()
        self._stderr.close()


@pytest.fixture(scope="session")
def go_oracle() -> Iterator[GoOracle]:
    """The Go encoding/json oracle, built once and started once per session."""
    try:
        go = find_go()
    except GoOracleUnavailable as exc:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{exc} ({REQUIRE_ENV} is set)")
        pytest.skip(str(exc))
    oracle = GoOracle(build(go))
    try:
        yield oracle
    finally:
        oracle.close()
