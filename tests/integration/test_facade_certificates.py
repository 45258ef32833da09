"""CertificateService through the real bridge and a real LXD: every RPC, as a client sees it.

Each test trusts its own freshly made certificate (never used to connect) and removes it
afterwards through the transport. The sandbox's own client certificate is only read.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import hashlib
from collections.abc import AsyncIterator, Callable

import grpc
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from google.protobuf.field_mask_pb2 import FieldMask

from bridge.errors import NotFound
from bridge.objects import writable
from bridge.transport import LxdClient
from lxd.api.v1 import certificate_pb2
from lxd.api.v1 import certificate_service_pb2 as pb
from lxd.api.v1.certificate_service_pb2_grpc import CertificateServiceStub
from tests.conftest import LxdSandbox
from tests.integration.conftest import error_details

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(scope="module")
def certificates(channel: grpc.aio.Channel) -> CertificateServiceStub:
    """CertificateService client."""
    return CertificateServiceStub(channel)


def make_certificate(name: str) -> tuple[str, str]:
    """A new self-signed client certificate: (base64 DER as LXD takes it, its fingerprint)."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    der = cert.public_bytes(serialization.Encoding.DER)
    return base64.b64encode(der).decode(), hashlib.sha256(der).hexdigest()


async def quiet_delete(lxd: LxdClient, fingerprint: str) -> None:
    """Remove a certificate through the transport; quiet if it is already gone."""
    with contextlib.suppress(NotFound):
        await lxd.request("DELETE", f"/1.0/certificates/{fingerprint}")


@pytest.fixture
async def trusted(
    lxd: LxdClient, certificates: CertificateServiceStub, unique_name: Callable[[str], str]
) -> AsyncIterator[str]:
    """A new restricted client certificate, trusted through the bridge: its fingerprint."""
    name = unique_name("cert")
    der64, fingerprint = make_certificate(name)
    post = certificate_pb2.CertificatesPost(
        name=name, type="client", certificate=der64, restricted=True, projects=["default"]
    )
    try:
        await certificates.CreateCertificate(pb.CreateCertificateRequest(certificate=post))
        yield fingerprint
    finally:
        await quiet_delete(lxd, fingerprint)


async def test_created_certificate_is_listed_and_read_with_its_etag(
    certificates: CertificateServiceStub, trusted: str, daemon: LxdSandbox
) -> None:
    names = await certificates.GetCertificateFingerprints(pb.GetCertificateFingerprintsRequest())
    assert {daemon.client_cert_fingerprint, trusted} <= set(names.names)

    listed = await certificates.GetCertificates(pb.GetCertificatesRequest())
    (mine,) = [c for c in listed.certificates if c.fingerprint == trusted]
    assert mine.type == "client" and mine.restricted

    got = await certificates.GetCertificate(pb.GetCertificateRequest(name=trusted))
    assert got.certificate.fingerprint == trusted
    assert got.certificate.name.startswith("t-cert-")
    assert list(got.certificate.projects) == ["default"]
    assert "BEGIN CERTIFICATE" in got.certificate.certificate, "LXD answers with the PEM"
    assert got.etag

    by_prefix = await certificates.GetCertificate(pb.GetCertificateRequest(name=trusted[:16]))
    assert by_prefix.certificate.fingerprint == trusted, "LXD accepts a unique prefix"


async def test_a_missing_certificate_is_not_found_with_lxds_message(
    certificates: CertificateServiceStub,
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await certificates.GetCertificate(pb.GetCertificateRequest(name="00" * 32))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    details = error_details(caught.value)
    assert details.info.reason == "NOT_FOUND"
    assert dict(details.info.metadata) == {"error_code": "404", "error": "Certificate not found"}


async def test_trusting_a_certificate_twice_is_refused(
    certificates: CertificateServiceStub, trusted: str
) -> None:
    got = await certificates.GetCertificate(pb.GetCertificateRequest(name=trusted))
    pem = got.certificate.certificate
    der64 = "".join(line for line in pem.splitlines() if "CERTIFICATE" not in line)
    post = certificate_pb2.CertificatesPost(name="again", type="client", certificate=der64)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await certificates.CreateCertificate(pb.CreateCertificateRequest(certificate=post))
    assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert error_details(caught.value).info.metadata["error_code"] == "409"


async def test_update_replaces_the_certificate_fields_and_a_stale_etag_is_aborted(
    certificates: CertificateServiceStub, trusted: str
) -> None:
    got = await certificates.GetCertificate(pb.GetCertificateRequest(name=trusted))
    put = writable(got.certificate)
    assert isinstance(put, certificate_pb2.CertificatePut)
    put.name = "renamed-by-put"
    put.restricted = False
    del put.projects[:]
    await certificates.UpdateCertificate(
        pb.UpdateCertificateRequest(name=trusted, certificate=put, etag=got.etag)
    )
    after = await certificates.GetCertificate(pb.GetCertificateRequest(name=trusted))
    assert after.certificate.name == "renamed-by-put"
    assert not after.certificate.restricted
    assert after.etag != got.etag

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await certificates.UpdateCertificate(
            pb.UpdateCertificateRequest(name=trusted, certificate=put, etag=got.etag)
        )
    assert caught.value.code() == grpc.StatusCode.ABORTED
    assert error_details(caught.value).info.metadata["error_code"] == "412"


async def test_patch_sends_only_the_masked_fields_and_an_empty_list_clears_it(
    certificates: CertificateServiceStub, trusted: str
) -> None:
    patch = certificate_pb2.CertificatePut(name="renamed-by-patch", restricted=False)
    await certificates.PatchCertificate(
        pb.PatchCertificateRequest(
            name=trusted, certificate=patch, update_mask=FieldMask(paths=["name"])
        )
    )
    after = (await certificates.GetCertificate(pb.GetCertificateRequest(name=trusted))).certificate
    assert after.name == "renamed-by-patch"
    assert after.restricted, "a field left out is left alone"
    assert list(after.projects) == ["default"]

    got = await certificates.GetCertificate(pb.GetCertificateRequest(name=trusted))
    await certificates.PatchCertificate(
        pb.PatchCertificateRequest(
            name=trusted,
            certificate=certificate_pb2.CertificatePut(),
            update_mask=FieldMask(paths=["projects"]),
            etag=got.etag,
        )
    )
    cleared = (
        await certificates.GetCertificate(pb.GetCertificateRequest(name=trusted))
    ).certificate
    assert list(cleared.projects) == [], "projects: [] was sent"
    assert cleared.restricted and cleared.name == "renamed-by-patch"

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await certificates.PatchCertificate(
            pb.PatchCertificateRequest(
                name=trusted,
                certificate=patch,
                update_mask=FieldMask(paths=["name"]),
                etag=got.etag,  # stale: the patch above changed the certificate
            )
        )
    assert caught.value.code() == grpc.StatusCode.ABORTED


async def test_delete_then_not_found(certificates: CertificateServiceStub, trusted: str) -> None:
    await certificates.DeleteCertificate(pb.DeleteCertificateRequest(name=trusted))
    names = await certificates.GetCertificateFingerprints(pb.GetCertificateFingerprintsRequest())
    assert trusted not in names.names
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await certificates.DeleteCertificate(pb.DeleteCertificateRequest(name=trusted))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


async def test_an_empty_fingerprint_is_invalid_argument_before_lxd_is_asked(
    certificates: CertificateServiceStub,
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await certificates.DeleteCertificate(pb.DeleteCertificateRequest(name=""))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).info.metadata["field"] == "name"
