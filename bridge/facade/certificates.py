"""CertificateService: LXD's trust store, /1.0/certificates (proto: certificate_service)."""

from __future__ import annotations

from bridge.facade.common import (
    Facade,
    Get,
    ListNames,
    ListObjects,
    Patch,
    Sync,
    service_descriptor,
)
from lxd.api.v1 import certificate_service_pb2

__all__ = ["CertificateFacade"]


class CertificateFacade(Facade):
    """GET/POST /1.0/certificates and GET/PUT/PATCH/DELETE /1.0/certificates/<fingerprint>."""

    service = service_descriptor(certificate_service_pb2, "CertificateService")

    GetCertificateFingerprints = ListNames()
    GetCertificates = ListObjects()
    GetCertificate = Get()
    CreateCertificate = Sync()
    UpdateCertificate = Sync()
    PatchCertificate = Patch()
    DeleteCertificate = Sync()
