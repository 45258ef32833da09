"""ServerService.GetMetrics and CertificateService.CreateCertificate's add token, through the real
bridge and a real daemon.

Metrics: the bridge reaches the daemon on its unix socket, which is trusted, so the daemon's
default `core.metrics_authentication=true` lets it read them (over HTTPS it takes a trusted client
certificate or one of type "metrics"). A daemon with no running instance answers only "# EOF",
so the test runs a container for the length of the test.

Certificate add token: the pending token is an operation of the daemon; the test deletes it
(which revokes the token) and checks that it is gone and that no certificate was added.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
from collections.abc import AsyncIterator, Callable

import grpc
import pytest

from bridge.errors import NotFound
from bridge.transport import LxdClient
from lxd.api.v1 import certificate_pb2, operation_service_pb2, server_service_pb2
from lxd.api.v1 import certificate_service_pb2 as cpb
from lxd.api.v1.certificate_service_pb2_grpc import CertificateServiceStub
from lxd.api.v1.operation_service_pb2_grpc import OperationServiceStub
from lxd.api.v1.server_service_pb2_grpc import ServerServiceStub
from tests.integration.instance_support import instance
from tests.integration.test_facade_certificates import make_certificate

pytestmark = pytest.mark.timeout(120)


async def _family(server: ServerServiceStub) -> str:
    reply = await server.GetServer(server_service_pb2.GetServerRequest())
    return reply.server.environment.server or "lxd"


@pytest.fixture
async def running(lxd: LxdClient) -> AsyncIterator[str]:
    """A running busybox container (through /1.0/instances, which LXD 5.0 and Incus route)."""
    async with instance(lxd, "mt", start=True) as name:
        yield name


async def metrics_naming(
    server: ServerServiceStub, name: str, project: str = ""
) -> server_service_pb2.GetMetricsResponse:
    """GetMetrics until the text has the instance's lines: the daemon keeps the metrics of a
    project for 8 seconds (LXD 5.0.2's metricsCache), so a container started since may be
    missing from the first answers."""
    request = server_service_pb2.GetMetricsRequest(project=project)
    for _ in range(30):
        reply = await server.GetMetrics(request)
        if f'name="{name}"' in reply.metrics:
            return reply
        await asyncio.sleep(1)
    raise AssertionError(f"no metrics of {name} after 30 s:\n{reply.metrics[:2000]}")


async def test_metrics_are_the_daemons_text_with_the_containers_lines(
    server: ServerServiceStub, running: str
) -> None:
    reply = await metrics_naming(server, running)
    prefix = f"{await _family(server)}_"  # lxd_cpu_seconds_total, incus_cpu_seconds_total
    lines = reply.metrics.splitlines()
    mine = [line for line in lines if line.startswith(prefix) and f'name="{running}"' in line]
    assert any(line.startswith(f"{prefix}cpu_seconds_total{{") for line in mine), lines[:20]
    assert any(line.startswith(f"{prefix}memory_") for line in mine)
    assert lines[-1] == "# EOF"
    assert reply.content_type.startswith("text/plain")

    # One project's metrics (one running container serves both checks: see metrics_naming).
    reply = await metrics_naming(server, running, project="default")
    assert 'project="default"' in reply.metrics
    # LXD 5.0.2 does not check the project: a missing one has no instances, so no lines.
    missing = await server.GetMetrics(server_service_pb2.GetMetricsRequest(project="t-mt-missing"))
    assert f'name="{running}"' not in missing.metrics


@pytest.fixture(scope="module")
def certificates(channel: grpc.aio.Channel) -> CertificateServiceStub:
    """CertificateService client."""
    return CertificateServiceStub(channel)


async def test_a_certificate_add_token_is_returned_and_revoked_by_deleting_its_operation(
    lxd: LxdClient,
    certificates: CertificateServiceStub,
    operations: OperationServiceStub,
    unique_name: Callable[[str], str],
) -> None:
    name = unique_name("tok")
    post = certificate_pb2.CertificatesPost(name=name, type="client", token=True)
    reply = await certificates.CreateCertificate(cpb.CreateCertificateRequest(certificate=post))
    op_id = reply.operation.id
    try:
        assert getattr(reply.operation, "class") == "token"  # a Python keyword
        assert reply.operation.status == "Running"
        # The operation as the daemon sent it, and the token read from it as LXD's client does.
        metadata = reply.operation.metadata
        assert reply.add_token.client_name == name
        assert reply.add_token.secret == metadata["secret"]
        assert reply.add_token.fingerprint == metadata["fingerprint"]
        assert list(reply.add_token.addresses) == list(metadata["addresses"])
        decoded = json.loads(base64.b64decode(reply.token))
        assert (decoded["client_name"], decoded["secret"]) == (name, reply.add_token.secret)
        assert decoded["addresses"] and decoded["fingerprint"] == reply.add_token.fingerprint
        # Pending: listed among the daemon's operations, and no certificate added yet.
        pending = await lxd.get(f"/1.0/operations/{op_id}")
        assert pending.metadata["metadata"]["secret"] == reply.add_token.secret
    finally:
        await operations.DeleteOperation(operation_service_pb2.DeleteOperationRequest(name=op_id))
    with contextlib.suppress(NotFound):
        gone = await lxd.get(f"/1.0/operations/{op_id}")
        assert gone.metadata["status"] == "Cancelled"
    trusted = (await lxd.get("/1.0/certificates", query={"recursion": 1})).metadata or []
    assert name not in {c["name"] for c in trusted}


async def test_a_certificate_added_at_once_returns_no_operation_and_no_token(
    lxd: LxdClient, certificates: CertificateServiceStub, unique_name: Callable[[str], str]
) -> None:
    name = unique_name("tok")
    der64, fingerprint = make_certificate(name)
    post = certificate_pb2.CertificatesPost(name=name, type="client", certificate=der64)
    try:
        reply = await certificates.CreateCertificate(cpb.CreateCertificateRequest(certificate=post))
        assert not reply.HasField("operation") and not reply.HasField("add_token")
        assert reply.token == ""
        assert (await lxd.get(f"/1.0/certificates/{fingerprint}")).metadata["name"] == name
    finally:
        with contextlib.suppress(NotFound):
            await lxd.request("DELETE", f"/1.0/certificates/{fingerprint}")
