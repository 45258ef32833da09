"""`--lxd-identities` with several servers: an entry names its server. A caller mapped on s2 to a
certificate s2 restricts to one project reaches s2 with it (LXD's own 403 elsewhere on s2), and
reaches s1, where it has no entry, as the bridge. An entry for a server the bridge lacks stops
the bridge at startup, naming the entry.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import orjson
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from bridge.authz import PolicyError
from bridge.lxd_identities import IdentityResolver, load_identities
from bridge.server import ServerTls, start
from bridge.servers import ServerSelector
from bridge.transport import LxdClient
from lxd.api.v1 import container_service_pb2 as cs
from lxd.api.v1 import container_service_pb2_grpc
from tests.conftest import LxdGroup
from tests.integration.conftest import error_details
from tests.integration.servers.conftest import on, specs_of
from tests.integration.test_identity import Pki, make_pki

pytestmark = pytest.mark.timeout(120)

CI_ID = "spiffe://example.org/ci"


@dataclass(frozen=True)
class OnS2:
    project: str
    identities: Path
    pki: Pki


@pytest.fixture(scope="module")
async def on_s2(s2: LxdClient, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[OnS2]:
    """A project on s2, and CI_ID mapped on s2 to a certificate s2 restricts to it."""
    directory = tmp_path_factory.mktemp("servers-identities")
    pki = make_pki(directory)
    lxd_cert = pki.ca.issue("ci-lxd", "ci")
    der = x509.load_pem_x509_certificate(lxd_cert.cert.read_bytes()).public_bytes(
        serialization.Encoding.DER
    )
    project = f"team-{secrets.token_hex(3)}"
    await s2.request("POST", "/1.0/projects", json={"name": project, "config": {}})
    trusted = {
        "type": "client",
        "name": f"bridge-test-{project}",
        "certificate": base64.b64encode(der).decode(),
        "restricted": True,
        "projects": [project],
    }
    await s2.request("POST", "/1.0/certificates", json=trusted)
    identities = directory / "identities.json"
    entry = {
        "name": "ci",
        "principals": [CI_ID],
        "client_cert": lxd_cert.cert.name,
        "client_key": lxd_cert.key.name,
        "server": "s2",
    }
    identities.write_bytes(orjson.dumps({"unmapped": "bridge", "identities": [entry]}))
    try:
        yield OnS2(project, identities, pki)
    finally:
        await s2.request("DELETE", f"/1.0/certificates/{hashlib.sha256(der).hexdigest()}")
        await s2.request("DELETE", f"/1.0/projects/{project}")


async def test_an_identity_is_used_on_its_server_only(
    selector: ServerSelector, lxd_servers: LxdGroup, on_s2: OnS2
) -> None:
    identities = await IdentityResolver.open(
        load_identities(on_s2.identities),
        selector.default.client,
        servers=specs_of(lxd_servers),
    )
    resolver = ServerSelector(selector.upstreams, identities)
    pki = on_s2.pki
    tls = ServerTls(pki.server.cert, pki.server.key, pki.ca.cert)
    bridge = await start(selector.default.client, "127.0.0.1:0", tls=tls, resolver=resolver)
    credentials = pki.credentials(pki.ca.issue("caller-ci", "ci", uris=(CI_ID,)))
    try:
        async with grpc.aio.secure_channel(bridge.address, credentials) as channel:
            stub = container_service_pb2_grpc.ContainerServiceStub(channel)

            async def names(project: str, server: str) -> Any:
                request = cs.GetContainerNamesRequest(project=project)
                return await stub.GetContainerNames(request, metadata=on(server), timeout=10)

            assert list((await names(on_s2.project, "s2")).names) == []
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await names("default", "s2")
            assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
            assert error_details(caught.value).info.metadata["error_code"] == "403", "LXD's"
            # On s1 the caller has no entry: the bridge's own identity (unmapped: bridge).
            await names("default", "s1")
    finally:
        await bridge.stop(grace=0)
        await identities.aclose()


async def test_an_identity_for_a_server_the_bridge_lacks_is_refused(
    selector: ServerSelector, lxd_servers: LxdGroup, on_s2: OnS2, tmp_path: Path
) -> None:
    raw = orjson.loads(on_s2.identities.read_bytes())
    raw["identities"][0]["server"] = "s9"
    path = tmp_path / "identities.json"
    path.write_bytes(orjson.dumps(raw))
    with pytest.raises(PolicyError) as caught:
        await IdentityResolver.open(
            load_identities(path), selector.default.client, servers=specs_of(lxd_servers)
        )
    message = str(caught.value)
    assert "identities[0] ('ci')" in message and "'s9'" in message and "s1, s2" in message
