"""The .proto files of lxd.api.v1, written out of the installed package for other languages.

The wheel carries ``lxd/api/v1/*.proto`` beside the generated Python (in the tree they are
links to proto/ made by tools/generate.py; the wheel packs the files); the ``google/api`` files
they import come from googleapis-common-protos, which ships its sources the same way, as do
``google/rpc/status.proto`` and ``error_details.proto``: the error
model of every failed call (``grpc-status-details-bin``), which a client decodes to read LXD's
``ErrorInfo``. Google's well-known types (``google/protobuf/*.proto``) are not written:
every protoc and buf has them built in.

    lxd-grpc-bridge protos ./protos
    protoc -I ./protos --go_out=. --go-grpc_out=. ./protos/lxd/api/v1/*.proto
"""

from __future__ import annotations

import importlib
from importlib import resources
from pathlib import Path

from google.protobuf import descriptor_pool

import lxd.api.v1

__all__ = ["API_PACKAGE_DIR", "ERROR_MODEL", "export", "proto_files"]

API_PACKAGE_DIR = "lxd/api/v1"
_BUILT_IN = "google/protobuf/"  # protoc's own well-known types
#: Not imported by the API, but what its errors carry (google.rpc.Status with an ErrorInfo).
ERROR_MODEL = ("google/rpc/status.proto", "google/rpc/error_details.proto")


def proto_files() -> list[str]:
    """Every file to write: lxd/api/v1/*.proto, the error model (:data:`ERROR_MODEL`) and,
    transitively, what they import (paths relative to the include root), without protoc's
    built-in well-known types."""
    ours = sorted(
        f"{API_PACKAGE_DIR}/{entry.name}"
        for entry in resources.files(lxd.api.v1).iterdir()
        if entry.name.endswith(".proto")
    )
    if not ours:
        raise FileNotFoundError(f"no .proto files in the installed {lxd.api.v1.__name__} package")
    for name in ours:  # each generated module puts its file (and imports) in the default pool
        importlib.import_module(name.removesuffix(".proto").replace("/", ".") + "_pb2")
    for name in ERROR_MODEL:
        importlib.import_module(name.removesuffix(".proto").replace("/", ".") + "_pb2")
    pool = descriptor_pool.Default()
    wanted: set[str] = set()
    pending = [*ours, *ERROR_MODEL]
    while pending:
        name = pending.pop()
        if name in wanted or name.startswith(_BUILT_IN):
            continue
        wanted.add(name)
        pending.extend(dep.name for dep in pool.FindFileByName(name).dependencies)
    return sorted(wanted)


def _source(name: str) -> bytes:
    """The text of ``name`` (e.g. ``google/api/http.proto``) from the package that ships it."""
    folder, _, base = name.rpartition("/")
    return resources.files(folder.replace("/", ".")).joinpath(base).read_bytes()


def export(out: Path) -> list[Path]:
    """Write every file of :func:`proto_files` under ``out``; returns the paths written."""
    written = []
    for name in proto_files():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_source(name))
        written.append(target)
    return written
