"""Calls the bridge from Python with the generated stubs in gen/ (installed with the package).

python examples/python/list_containers.py [unix:/run/lxd-grpc-bridge/bridge.sock]

The bridge's default listener is that unix socket, with the owner, group and mode of LXD's own:
whoever may use LXD's socket may call it, nobody else. No TLS is needed on it; a TCP listener
needs TLS (grpc.secure_channel with grpc.ssl_channel_credentials).
"""

from __future__ import annotations

import sys

import grpc

from lxd.api.v1 import (
    container_service_pb2,
    container_service_pb2_grpc,
    server_service_pb2,
    server_service_pb2_grpc,
)


def main(address: str) -> None:
    """Print the server's version and its containers with their status."""
    with grpc.insecure_channel(address) as channel:
        servers = server_service_pb2_grpc.ServerServiceStub(channel)
        containers = container_service_pb2_grpc.ContainerServiceStub(channel)
        server = servers.GetServer(server_service_pb2.GetServerRequest(), timeout=10).server
        family = "Incus" if server.environment.server == "incus" else "LXD"
        print(f"{family} {server.environment.server_version}, API {server.api_version}")
        listed = containers.GetContainers(container_service_pb2.GetContainersRequest(), timeout=10)
        for container in listed.containers:
            print(f"{container.name}: {container.status} ({container.architecture})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "unix:/run/lxd-grpc-bridge/bridge.sock")
