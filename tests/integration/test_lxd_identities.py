"""LXD-side confinement (issue 11, item 4), on the real LXD: a caller mapped to a restricted LXD
client certificate confined to one project reaches that project, and gets LXD's own 403, i.e.
PERMISSION_DENIED, on another. The project and the restricted certificate are created here
through LXD's REST API (the certificates are minted with `cryptography`, tests/pki.py).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import grpc
import orjson
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from bridge.authz import PolicyError
from bridge.lxd_identities import IdentityResolver, load_identities
from bridge.server import ServerTls, start
from bridge.transport import LxdClient
from lxd.api.v1 import container_service_pb2, container_service_pb2_grpc
from tests.conftest import LxdSandbox
from tests.integration.conftest import error_details
from tests.integration.test_identity import Pki, make_pki

pytestmark = pytest.mark.timeout(120)

CI_ID = "spiffe://example.org/ci"


@dataclass(frozen=True)
class Confined:
    """A project and a file mapping CI_ID to a certificate LXD restricts to that project."""

    project: str
    identities: Path
    pki: Pki


@pytest.fixture(scope="module")
async def confined(
    lxd: LxdClient, daemon: LxdSandbox, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Confined]:
    directory = tmp_path_factory.mktemp("lxd-identities")
    pki = make_pki(directory)
    lxd_cert = pki.ca.issue("ci-lxd", "ci")  # what the bridge presents to LXD for CI_ID
    der = x509.load_pem_x509_certificate(lxd_cert.cert.read_bytes()).public_bytes(
        serialization.Encoding.DER
    )
    project = f"team-{secrets.token_hex(3)}"
    await lxd.request("POST", "/1.0/projects", json={"name": project, "config": {}})
    await lxd.request(
        "POST",
        "/1.0/certificates",
        json={
            "type": "client",
            "name": f"bridge-test-{project}",
            "certificate": base64.b64encode(der).decode(),
            "restricted": True,
            "projects": [project],
        },
    )
    identities = directory / "identities.json"
    identities.write_bytes(
        orjson.dumps(
            {
                "lxd": daemon.https_url,
                "server_cert": daemon.server_cert,
                "unmapped": "refuse",
                "identities": [
                    {
                        "name": "ci",
                        "principals": [CI_ID],
                        "client_cert": lxd_cert.cert.name,
                        "client_key": lxd_cert.key.name,
                    }
                ],
            }
        )
    )
    try:
        yield Confined(project, identities, pki)
    finally:
        await lxd.request("DELETE", f"/1.0/certificates/{hashlib.sha256(der).hexdigest()}")
        await lxd.request("DELETE", f"/1.0/projects/{project}")


@pytest.mark.parametrize(
    ("caller", "project", "code", "reason"),
    [
        ("ci", "PROJECT", grpc.StatusCode.OK, None),
        ("ci", "default", grpc.StatusCode.PERMISSION_DENIED, "PERMISSION_DENIED"),
        ("ci", "", grpc.StatusCode.PERMISSION_DENIED, "PERMISSION_DENIED"),
        ("admin", "default", grpc.StatusCode.PERMISSION_DENIED, "NO_LXD_IDENTITY"),
    ],
    ids=[
        "confined-caller-in-its-project",
        "confined-caller-in-another-project-gets-lxds-403",
        "confined-caller-in-the-default-project-gets-lxds-403",
        "unmapped-caller-is-refused",
    ],
)
async def test_a_mapped_caller_is_confined_by_lxd_itself(
    lxd: LxdClient,
    confined: Confined,
    daemon: LxdSandbox,
    *,
    caller: str,
    project: str,
    code: grpc.StatusCode,
    reason: str | None,
) -> None:
    if reason == "PERMISSION_DENIED" and daemon.family == "incus":
        # Incus refuses a restricted client outside its projects with a 500, not a 403:
        # 'User does not have permissions for project "default"'.
        code, reason = grpc.StatusCode.INTERNAL, "INTERNAL"
    pki = confined.pki
    credentials = pki.credentials(
        pki.ca.issue(f"caller-{caller}", caller, uris=(CI_ID,)) if caller == "ci" else pki.admin
    )
    resolver = await IdentityResolver.open(load_identities(confined.identities), lxd)
    tls = ServerTls(pki.server.cert, pki.server.key, pki.ca.cert)
    bridge = await start(lxd, "127.0.0.1:0", tls=tls, resolver=resolver)
    try:
        async with grpc.aio.secure_channel(bridge.address, credentials) as channel:
            stub = container_service_pb2_grpc.ContainerServiceStub(channel)
            request = container_service_pb2.GetContainerNamesRequest(
                project=project.replace("PROJECT", confined.project)
            )
            try:
                reply = await stub.GetContainerNames(request, timeout=10)
                assert list(reply.names) == []
                got = grpc.StatusCode.OK
            except grpc.aio.AioRpcError as e:
                got = e.code()
                info = error_details(e).info
                assert info.reason == reason, e.details()
                if reason == "PERMISSION_DENIED":  # LXD's own answer, not the bridge's
                    assert info.metadata["error_code"] == "403"
                if reason == "INTERNAL":
                    assert info.metadata["error"] == (
                        'User does not have permissions for project "default"'
                    )
    finally:
        await bridge.stop(grace=0)
        await resolver.aclose()
    assert got == code


async def test_an_unmapped_caller_may_use_the_bridges_identity(
    lxd: LxdClient, confined: Confined, tmp_path: Path
) -> None:
    identities = orjson.loads(confined.identities.read_bytes())
    identities["unmapped"] = "bridge"
    path = confined.identities.parent / "identities-bridge.json"
    path.write_bytes(orjson.dumps(identities))
    resolver = await IdentityResolver.open(load_identities(path), lxd)
    pki = confined.pki
    tls = ServerTls(pki.server.cert, pki.server.key, pki.ca.cert)
    bridge = await start(lxd, "127.0.0.1:0", tls=tls, resolver=resolver)
    try:
        async with grpc.aio.secure_channel(bridge.address, pki.credentials(pki.admin)) as chan:
            stub = container_service_pb2_grpc.ContainerServiceStub(chan)
            await stub.GetContainerNames(
                container_service_pb2.GetContainerNamesRequest(), timeout=10
            )
    finally:
        await bridge.stop(grace=0)
        await resolver.aclose()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not JSON"),
        ('{"identities": []}', "identities must be a non-empty list"),
        ('{"identities": [{"name": "a"}], "unmapped": "x"}', '"unmapped" must be "bridge" or'),
        ('{"identities": [{"name": "a", "principals": ["p"]}]}', '"client_cert" is missing'),
        ('{"identities": [], "extra": 1}', "unknown field 'extra'"),
    ],
    ids=["not-json", "no-identities", "bad-unmapped", "no-certificate", "unknown-field"],
)
def test_an_identities_file_that_does_not_parse_names_the_field(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "identities.json"
    path.write_text(content)
    with pytest.raises(PolicyError) as caught:
        load_identities(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
