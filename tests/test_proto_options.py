"""Every file of lxd.api.v1 carries each language's options, the googleapis way.

The files are compiled here from proto/ with the pinned protoc of grpcio-tools into a descriptor
set, so what is checked is what `protoc --go_out` (or --java_out, ...) would read: with
go_package set, no `M` flag is needed. buf lint (PACKAGE_SAME_*) checks that the files agree;
this checks that the options are there at all, with these values, which buf has no rule for.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import grpc_tools
import pytest
from google.protobuf import descriptor_pb2
from grpc_tools import protoc

from tests.conftest import REPO

PROTO_ROOT = REPO / "proto"
API_FILES = sorted(str(p.relative_to(PROTO_ROOT)) for p in PROTO_ROOT.glob("lxd/api/v1/*.proto"))

# option -> value every file of lxd.api.v1 must give it
PACKAGE_OPTIONS = {
    "go_package": "github.com/lxd-grpc-bridge/lxd-grpc-bridge/gen/go/lxd/api/v1;lxdv1",
    "java_package": "com.lxd.api.v1",
    "java_multiple_files": True,
    "csharp_namespace": "Lxd.Api.V1",
    "php_namespace": "Lxd\\Api\\V1",
    "ruby_package": "Lxd::Api::V1",
    "objc_class_prefix": "LAX",
}


@pytest.fixture(scope="module")
def api_files(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, descriptor_pb2.FileDescriptorProto]:
    """The FileDescriptorProto of every proto/lxd/api/v1 file, compiled by protoc now."""
    out = tmp_path_factory.mktemp("descriptors") / "api.binpb"
    wkt = Path(grpc_tools.__file__).parent / "_proto"
    includes = [PROTO_ROOT, REPO / "third_party" / "googleapis", wkt]
    args = ["protoc", *(f"-I{d}" for d in includes), f"--descriptor_set_out={out}", *API_FILES]
    assert protoc.main(args) == 0, "protoc failed on proto/"
    files = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes()).file
    return {f.name: f for f in files}


def test_every_api_file_is_compiled(
    api_files: dict[str, descriptor_pb2.FileDescriptorProto],
) -> None:
    assert len(API_FILES) >= 31
    assert sorted(api_files) == API_FILES


@pytest.mark.parametrize(("option", "value"), PACKAGE_OPTIONS.items(), ids=PACKAGE_OPTIONS.keys())
def test_every_file_has_the_package_option(
    api_files: dict[str, descriptor_pb2.FileDescriptorProto], option: str, value: object
) -> None:
    wrong = {
        name: getattr(f.options, option) if f.options.HasField(option) else "(unset)"
        for name, f in api_files.items()
        if not f.options.HasField(option) or getattr(f.options, option) != value
    }
    assert not wrong, f"option {option} must be {value!r} in every file: {wrong}"


def test_java_outer_classname_is_the_file_name_in_camel_case(
    api_files: dict[str, descriptor_pb2.FileDescriptorProto],
) -> None:
    # googleapis: container_service.proto -> ContainerServiceProto, never clashing with a message
    expected = {
        name: "".join(w.capitalize() for w in Path(name).stem.split("_")) + "Proto"
        for name in api_files
    }
    actual = {name: f.options.java_outer_classname for name, f in api_files.items()}
    assert actual == expected
    messages = {m.name for f in api_files.values() for m in f.message_type}
    assert not messages & set(actual.values()), "an outer class name clashes with a message"


def test_plain_protoc_go_out_needs_no_m_flags(tmp_path: Path) -> None:
    # The issue's first symptom: without go_package, protoc-gen-go stops with "unable to
    # determine Go import path" unless given one M flag per file. The plugins are Debian's
    # (`make system-deps` installs them).
    for plugin in ("protoc-gen-go", "protoc-gen-go-grpc"):
        assert shutil.which(plugin), f"{plugin} is missing: run `make system-deps`"
    wkt = Path(grpc_tools.__file__).parent / "_proto"
    includes = [PROTO_ROOT, REPO / "third_party" / "googleapis", wkt]
    args = ["protoc", *(f"-I{d}" for d in includes)]
    args += [f"--go_out={tmp_path}", f"--go-grpc_out={tmp_path}", *API_FILES]
    assert protoc.main(args) == 0, "protoc --go_out failed (see its message above)"
    package_dir = tmp_path / "github.com/lxd-grpc-bridge/lxd-grpc-bridge/gen/go/lxd/api/v1"
    written = {p.name for p in package_dir.iterdir()}
    assert "container.pb.go" in written
    assert "container_service_grpc.pb.go" in written
    assert (package_dir / "server.pb.go").read_text().count("package lxdv1\n") == 1
