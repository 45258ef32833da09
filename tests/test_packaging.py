"""Installs are reproducible and the wheel serves other languages.

- requirements/lock.txt pins every transitive Python dependency with hashes, and agrees with the
  pins of pyproject.toml (`make lock` refreshes it; `make setup` installs with --require-hashes).
- The wheel carries lxd/api/v1/*.proto, and `lxd-grpc-bridge protos DIR`, run from that wheel,
  writes files that protoc compiles with nothing else on its include path.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import grpc_tools
import pytest
from google.protobuf import descriptor_pb2
from grpc_tools import protoc

from bridge.cli import main
from tests.conftest import REPO

LOCK = REPO / "requirements" / "lock.txt"
API_PROTOS = sorted(p.name for p in (REPO / "proto" / "lxd" / "api" / "v1").glob("*.proto"))


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", requirement).lower()


def locked() -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) for every requirement of the lock file."""
    entries: dict[str, tuple[str, int]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text()):
        match = re.match(r"([A-Za-z0-9_.-]+)==([^ ;\\\n]+)", block)
        if match:
            entries[_name(match[1])] = (match[2], block.count("--hash=sha256:"))
    return entries


def pinned() -> dict[str, str]:
    """name -> version of every direct dependency in pyproject.toml, dev extras included."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    pins = {}
    for requirement in requirements:
        name, _, version = requirement.partition("==")
        assert version, f"{requirement}: pyproject.toml pins everything with =="
        pins[_name(name)] = version
    return pins


def test_the_lock_pins_every_direct_dependency_at_its_pyproject_version() -> None:
    lock = locked()
    wrong = {
        name: (version, lock.get(name, ("missing", 0))[0])
        for name, version in pinned().items()
        if lock.get(name, ("", 0))[0] != version
    }
    assert not wrong, f"pyproject vs lock (run `make lock`): {wrong}"


def test_every_locked_requirement_has_hashes() -> None:
    lock = locked()
    assert len(lock) > len(pinned()), "the lock holds the transitive dependencies too"
    assert not [name for name, (_, hashes) in lock.items() if hashes == 0]


def test_setup_installs_from_the_lock_with_hashes() -> None:
    makefile = (REPO / "Makefile").read_text()
    assert "pip install -q --require-hashes -r requirements/lock.txt" in makefile
    assert "pip install -q --no-deps --no-build-isolation -e ." in makefile


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources (so no build/ or egg-info lands in the tree)."""
    src = tmp_path_factory.mktemp("src")
    for name in ("bridge", "gen"):
        shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, src / name)
    dist = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
    subprocess.run([*command, "-w", str(dist), str(src)], check=True, timeout=300)
    (built,) = dist.glob("lxd_grpc_bridge-*.whl")
    return built


def test_the_wheel_carries_the_protos_unchanged(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        protos = {
            Path(n).name: archive.read(n)
            for n in archive.namelist()
            if n.startswith("lxd/api/v1/") and n.endswith(".proto")
        }
    assert sorted(protos) == API_PROTOS
    for name, text in protos.items():
        assert text == (REPO / "proto" / "lxd" / "api" / "v1" / name).read_bytes(), name


def test_the_protos_command_of_the_wheel_writes_files_protoc_compiles(
    wheel: Path, tmp_path: Path
) -> None:
    out = tmp_path / "protos"
    # The wheel first on the path, run from elsewhere: the package used is the wheel's.
    script = (
        "import sys, bridge, lxd.api.v1\n"
        "print(bridge.__file__, lxd.api.v1.__file__)\n"
        "from bridge.cli import main\n"
        "sys.exit(main(['protos', sys.argv[1]]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(wheel)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(out)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    imported_from = result.stdout.splitlines()[0].split()
    assert all(path.startswith(str(wheel)) for path in imported_from), imported_from
    # The API's files and the four google/api and google/rpc files they import or carry.
    assert f"wrote {len(API_PROTOS) + 4} .proto files" in result.stdout

    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.proto"))
    assert written == sorted(
        [
            *(f"lxd/api/v1/{n}" for n in API_PROTOS),
            "google/api/annotations.proto",
            "google/api/http.proto",
            # the error model a client needs to read LXD's ErrorInfo
            "google/rpc/error_details.proto",
            "google/rpc/status.proto",
        ]
    )
    # Only what the command wrote, plus protoc's built-in well-known types.
    wkt = Path(grpc_tools.__file__).parent / "_proto"
    descriptors = tmp_path / "api.binpb"
    args = ["protoc", f"-I{out}", f"-I{wkt}", f"--descriptor_set_out={descriptors}"]
    assert protoc.main([*args, *(f"lxd/api/v1/{n}" for n in API_PROTOS)]) == 0
    files = descriptor_pb2.FileDescriptorSet.FromString(descriptors.read_bytes()).file
    services = [s.name for f in files for s in f.service]
    assert len(services) == sum(n.endswith("_service.proto") for n in API_PROTOS)
    assert "ContainerService" in services


def test_the_protos_command_names_the_directory_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert main(["protos", str(blocker / "protos")]) == 1
    error = capsys.readouterr().err
    assert f"cannot write the .proto files under {blocker / 'protos'}" in error
