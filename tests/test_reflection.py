"""The grpc.reflection.v1 descriptor the bridge serves is the canonical one.

bridge/reflection.py makes it from grpcio-reflection's v1alpha descriptor; here it is compared
with the vendored third_party/grpc-proto/grpc/reflection/v1/reflection.proto compiled by protoc.
"""

from __future__ import annotations

from pathlib import Path

import grpc_tools
import pytest
from google.protobuf import descriptor_pb2, descriptor_pool
from grpc_tools import protoc

from bridge import reflection
from tests.conftest import REPO

VENDORED = REPO / "third_party" / "grpc-proto"


def compile_vendored(out: Path) -> descriptor_pb2.FileDescriptorProto:
    """The vendored reflection.proto as protoc compiles it (no source info)."""
    wkt = Path(grpc_tools.__file__).parent / "_proto"
    args = [
        "protoc",
        f"-I{VENDORED}",
        f"-I{wkt}",
        f"--descriptor_set_out={out}",
        reflection.V1_FILE,
    ]
    assert protoc.main(args) == 0
    (only,) = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes()).file
    return only


def test_the_v1_descriptor_equals_the_vendored_proto(tmp_path: Path) -> None:
    vendored = compile_vendored(tmp_path / "v1.binpb")
    for message in vendored.message_type:
        for field in message.field:
            # protoc writes the default json_name (lowerCamel of the name) into descriptor sets;
            # the descriptors compiled into Python modules, like v1alpha's, leave it implied.
            field.ClearField("json_name")
    made = reflection.v1_file_descriptor()
    assert made == vendored, f"made:\n{made}\nvendored:\n{vendored}"


def test_the_v1_descriptor_names_no_v1alpha_type() -> None:
    assert "v1alpha" not in str(reflection.v1_file_descriptor())


@pytest.mark.parametrize("message", ["ServerReflectionRequest", "ServerReflectionResponse"])
def test_v1_and_v1alpha_messages_are_the_same_on_the_wire(message: str) -> None:
    # Why one servicer can answer both: the same fields, numbers, types and oneofs.
    pool = descriptor_pool.DescriptorPool()
    pool.Add(reflection.v1_file_descriptor())
    v1 = descriptor_pb2.DescriptorProto()
    pool.FindMessageTypeByName(f"grpc.reflection.v1.{message}").CopyToProto(v1)
    v1alpha = descriptor_pb2.DescriptorProto()
    pool_alpha = descriptor_pool.Default()
    pool_alpha.FindMessageTypeByName(f"grpc.reflection.v1alpha.{message}").CopyToProto(v1alpha)
    for field in v1alpha.field:
        if field.HasField("type_name"):
            field.type_name = field.type_name.replace(".v1alpha.", ".v1.")
    assert v1 == v1alpha
