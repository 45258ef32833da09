"""CertificateService: LXD's trust store, /1.0/certificates (proto: certificate_service)."""

from __future__ import annotations

import base64
from typing import Any, cast

from bridge import codec
from bridge.facade.common import (
    CallContext,
    Facade,
    Get,
    ListNames,
    ListObjects,
    Patch,
    Sync,
    decode,
    encode,
    scope_query,
    service_descriptor,
)
from bridge.transport import JsonObject
from lxd.api.v1 import certificate_pb2, certificate_service_pb2, operation_pb2
from lxd.api.v1.certificate_service_pb2 import CreateCertificateRequest, CreateCertificateResponse

__all__ = ["CertificateFacade", "add_token_of"]


class CertificateFacade(Facade):
    """GET/POST /1.0/certificates and GET/PUT/PATCH/DELETE /1.0/certificates/<fingerprint>."""

    service = service_descriptor(certificate_service_pb2, "CertificateService")

    GetCertificateFingerprints = ListNames()
    GetCertificates = ListObjects()
    GetCertificate = Get()
    UpdateCertificate = Sync()
    PatchCertificate = Patch()
    DeleteCertificate = Sync()

    async def CreateCertificate(
        self, request: CreateCertificateRequest, call: CallContext
    ) -> CreateCertificateResponse:
        """POST /1.0/certificates. LXD answers at once, or (``token: true``) with an operation
        that holds a certificate add token: the operation is returned as LXD sent it, with the
        token read from it."""
        route = self.route("CreateCertificate")
        answer = await call.request(
            route.method,
            route.path(request),
            json=encode(request.certificate, call.dialect, field="certificate"),
            query=scope_query(request),
        )
        reply = CreateCertificateResponse()
        if answer.kind != "async" or not isinstance(answer.metadata, dict):
            return reply
        reply.operation.CopyFrom(decode(operation_pb2.Operation, answer.metadata))
        token = add_token_of(answer.metadata.get("metadata"))
        if token is not None:
            reply.add_token.CopyFrom(token)
            reply.token = token_string(token)
        return reply


def add_token_of(metadata: Any) -> certificate_pb2.CertificateAddToken | None:
    """The add token a certificate token operation's metadata holds, read as LXD's Go client
    reads it (Operation.ToCertificateAddToken): ``request.name``, ``secret``, ``fingerprint``,
    ``addresses`` and, when present, ``expiresAt``. None when a value is missing or of another
    type (the Go client fails there; the operation is still returned)."""
    if not isinstance(metadata, dict):
        return None
    request = metadata.get("request")
    if not isinstance(request, dict):
        return None
    values: JsonObject = {
        "client_name": request.get("name"),
        "secret": metadata.get("secret"),
        "fingerprint": metadata.get("fingerprint"),
        "addresses": metadata.get("addresses"),
    }
    if not all(isinstance(values[k], str) for k in ("client_name", "secret", "fingerprint")):
        return None
    addresses = values["addresses"]
    if not isinstance(addresses, list) or not all(isinstance(a, str) for a in addresses):
        return None
    if isinstance(metadata.get("expiresAt"), str):
        values["expires_at"] = metadata["expiresAt"]
    try:
        token = codec.from_json(certificate_pb2.CertificateAddToken, values)
    except codec.ConversionError:
        return None
    return cast(certificate_pb2.CertificateAddToken, token)


def token_string(token: certificate_pb2.CertificateAddToken) -> str:
    """The token a client presents: the base64 of the token's JSON, as LXD's Go client writes
    it (CertificateAddToken.String: base64.StdEncoding of json.Marshal)."""
    return base64.b64encode(codec.to_json_bytes(token)).decode("ascii")
