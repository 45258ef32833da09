"""gRPC server reflection in both protocols: ``grpc.reflection.v1`` and the older ``v1alpha``.

grpcio-reflection serves only v1alpha, so clients that ask v1 first (buf curl, grpcurl, grpc-go's
reflection client) fall back or fail. The two protocols have the same messages under two package
names (``third_party/grpc-proto/grpc/reflection/v1/reflection.proto``): a v1 request's bytes
parse as a v1alpha request and a v1alpha reply's bytes are a valid v1 reply, so one servicer
answers both, from the same descriptors. The v1 file itself is derived from v1alpha's and added to
the pool, so that reflection can describe its own v1 service; tests/test_reflection.py proves it
equals the vendored proto (tests/integration/test_reflection_v1.py: over a real channel).
"""

from __future__ import annotations

from collections.abc import Iterable

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool
from grpc_reflection.v1alpha import reflection, reflection_pb2

__all__ = ["V1ALPHA_SERVICE_NAME", "V1_FILE", "V1_SERVICE_NAME", "enable", "v1_file_descriptor"]

V1_FILE = "grpc/reflection/v1/reflection.proto"
V1_SERVICE_NAME = "grpc.reflection.v1.ServerReflection"
V1ALPHA_SERVICE_NAME: str = reflection.SERVICE_NAME

_V1ALPHA_PREFIX = ".grpc.reflection.v1alpha."
_V1_PREFIX = ".grpc.reflection.v1."


def v1_file_descriptor() -> descriptor_pb2.FileDescriptorProto:
    """The FileDescriptorProto of grpc/reflection/v1/reflection.proto, made from v1alpha's:
    same messages and service, the v1 package, name and options."""
    proto = descriptor_pb2.FileDescriptorProto()
    reflection_pb2.DESCRIPTOR.CopyToProto(proto)
    proto.name = V1_FILE
    proto.package = "grpc.reflection.v1"
    proto.options.Clear()  # v1alpha's say deprecated and name v1alpha packages
    proto.options.go_package = "google.golang.org/grpc/reflection/grpc_reflection_v1"
    proto.options.java_multiple_files = True
    proto.options.java_package = "io.grpc.reflection.v1"
    proto.options.java_outer_classname = "ServerReflectionProto"
    for message in proto.message_type:
        for field in message.field:
            if field.HasField("type_name"):  # scalars have none: assigning "" would add one
                field.type_name = field.type_name.replace(_V1ALPHA_PREFIX, _V1_PREFIX)
    for service in proto.service:
        for method in service.method:
            method.input_type = method.input_type.replace(_V1ALPHA_PREFIX, _V1_PREFIX)
            method.output_type = method.output_type.replace(_V1ALPHA_PREFIX, _V1_PREFIX)
    return proto


def enable(
    server: grpc.aio.Server,
    service_names: Iterable[str],
    pool: descriptor_pool.DescriptorPool | None = None,
) -> None:
    """Serve reflection v1 and v1alpha on ``server`` for ``service_names`` (and themselves)."""
    pool = descriptor_pool.Default() if pool is None else pool
    try:
        pool.FindFileByName(V1_FILE)
    except KeyError:
        pool.Add(v1_file_descriptor())
    names = [*service_names, V1_SERVICE_NAME, V1ALPHA_SERVICE_NAME]
    servicer = reflection.aio.ReflectionServicer(names, pool=pool)
    handler = grpc.stream_stream_rpc_method_handler(
        servicer.ServerReflectionInfo,
        request_deserializer=reflection_pb2.ServerReflectionRequest.FromString,
        response_serializer=reflection_pb2.ServerReflectionResponse.SerializeToString,
    )
    server.add_generic_rpc_handlers(
        [
            grpc.method_handlers_generic_handler(name, {"ServerReflectionInfo": handler})
            for name in (V1_SERVICE_NAME, V1ALPHA_SERVICE_NAME)
        ]
    )
