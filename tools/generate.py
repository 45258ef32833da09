"""Generate gen/ from proto/ with the pinned grpcio-tools, or check that gen/ is up to date.

python tools/generate.py gen            # write gen/
python tools/generate.py --check gen    # exit 1 and list the differences when gen/ is stale
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import sys
import tempfile
from pathlib import Path

import grpc_tools
from grpc_tools import protoc

ROOT = Path(__file__).resolve().parent.parent
PROTO_ROOT = ROOT / "proto"
GOOGLEAPIS_ROOT = ROOT / "third_party" / "googleapis"
PACKAGES = ("lxd", "lxd/api", "lxd/api/v1")


def _include_dirs() -> list[Path]:
    """proto/, the vendored google/api protos, and the well-known types of grpcio-tools.

    Only proto/ is generated: the generated services import google.api.annotations_pb2 from the
    pinned googleapis-common-protos at run time, the same files third_party/ vendors for buf.
    """
    wkt = Path(grpc_tools.__file__).parent / "_proto"
    return [PROTO_ROOT, GOOGLEAPIS_ROOT, wkt]


def generate(out: Path) -> None:
    """Write the Python modules, gRPC stubs and .pyi stubs of every proto under proto/ to out."""
    protos = sorted(str(p.relative_to(PROTO_ROOT)) for p in PROTO_ROOT.rglob("*.proto"))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    args = ["protoc", *(f"-I{d}" for d in _include_dirs())]
    args += [f"--python_out={out}", f"--pyi_out={out}", f"--grpc_python_out={out}", *protos]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed")
    for pkg in PACKAGES:
        (out / pkg / "__init__.py").write_text(
            '"""Generated from proto/ by tools/generate.py."""\n'
        )
    (out / "lxd/api/v1/py.typed").write_text("")
    link_sources(out)


def _source_links(out: Path) -> dict[Path, str]:
    """Each link gen/lxd/api/v1/<file>.proto -> its relative target in proto/."""
    links = {}
    for proto in sorted(PROTO_ROOT.rglob("*.proto")):
        link = out / proto.relative_to(PROTO_ROOT)
        links[link] = os.path.relpath(proto, link.parent)
    return links


def link_sources(out: Path) -> None:
    """The sources ride along as package data (as googleapis-common-protos ships its .proto
    files), so `lxd-grpc-bridge protos DIR` can write them out of an installed wheel. In the
    tree they are relative symbolic links to proto/, not copies: one text per file. The wheel
    build follows them and packs the files themselves."""
    for link, target in _source_links(out).items():
        link.unlink(missing_ok=True)
        link.symlink_to(target)


def _stale_links(out: Path) -> list[str]:
    problems = []
    for link, target in _source_links(out).items():
        if not link.is_symlink() or os.readlink(link) != target:
            problems.append(f"not a link to {target}: {link.relative_to(out)}")
    listed = set(_source_links(out))
    problems += [
        f"no such proto: {extra.relative_to(out)}"
        for extra in out.rglob("*.proto")
        if extra not in listed
    ]
    return problems


def _diff(a: Path, b: Path) -> list[str]:
    cmp = filecmp.dircmp(a, b, ignore=["__pycache__"])
    out = [f"only in {a.name}: {n}" for n in cmp.left_only]
    out += [f"only in fresh output: {n}" for n in cmp.right_only]
    out += [f"differs: {n}" for n in cmp.diff_files]
    for sub in cmp.common_dirs:
        out += [f"{sub}/{line}" for line in _diff(a / sub, b / sub)]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    opts = parser.parse_args()
    out = opts.out if opts.out.is_absolute() else ROOT / opts.out
    if not opts.check:
        generate(out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "gen"
        generate(fresh)
        if out.exists():
            # The source links are checked on their own: in the fresh copy they point nowhere.
            problems = [line for line in _diff(out, fresh) if not line.endswith(".proto")]
            problems += _stale_links(out)
        else:
            problems = ["gen/ is missing"]
    for line in problems:
        print(f"gen/ is stale: {line}", file=sys.stderr)
    if problems:
        print("run `make generate` and commit gen/", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
