"""Who called: the caller's principal, read from its certificate as gRFC A43 reads it, and the
server's TLS material, re-read when it changes.

With mTLS, a caller's names are its certificate's URI SANs (e.g. SPIFFE IDs), else its DNS SANs,
else its subject (``O=ops,CN=alice``: RFC 4514, last RDN first, as grpc-go prints it); its
principal (the one name logs and audit show) is the first of them. Without mTLS there is one
anonymous caller (:data:`ANONYMOUS`), whose access is the listener's: grpcio does not expose a
unix peer's uid, so nothing is built on it. Behind a load balancer the bridge sees the caller's
certificate only with TLS passthrough.

:class:`ReloadingTls` gives grpc dynamic server credentials: grpc asks it before each new
handshake, it answers with the new certificate, key and client CA when a file changed or after
SIGHUP (:meth:`ReloadingTls.reload`), and open connections and streams keep theirs.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc

__all__ = ["ANONYMOUS", "Caller", "ReloadingTls", "caller_of"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Caller:
    """A caller: its certificate's URI SANs, DNS SANs and subject (``subject`` None: no
    certificate, the anonymous caller)."""

    uris: tuple[str, ...] = ()
    dns: tuple[str, ...] = ()
    subject: str | None = None

    @property
    def authenticated(self) -> bool:
        """Whether the caller presented a client certificate (mTLS)."""
        return self.subject is not None

    @property
    def principal(self) -> str | None:
        """The name logs and the audit show: the first URI SAN, else DNS SAN, else the subject."""
        return next(iter((*self.uris, *self.dns)), self.subject)

    @property
    def match_names(self) -> tuple[str, ...]:
        """Every name a policy's principal may match, in A43's order (as grpc-go matches)."""
        if self.subject is None:
            return ()
        return (*self.uris, *self.dns, self.subject)


#: The caller without a certificate: every caller on a listener without mTLS.
ANONYMOUS = Caller()


def _values(auth: Mapping[str, Iterable[bytes]], key: str) -> list[str]:
    return [v.decode(errors="replace") for v in auth.get(key, ())]


def caller_of(context: grpc.aio.ServicerContext[Any, Any]) -> Caller:
    """The caller of an RPC, from the auth context grpc filled in during the handshake."""
    auth = context.auth_context()
    if not auth.get("x509_pem_cert"):  # no client certificate: plain, TLS without mTLS, unix
        return ANONYMOUS
    subject = _values(auth, "x509_subject")
    return Caller(
        tuple(_values(auth, "peer_uri")),
        tuple(_values(auth, "peer_dns")),
        subject[0] if subject else "",
    )


@dataclass(frozen=True)
class _Files:
    cert: Path
    key: Path
    client_ca: Path | None


class ReloadingTls:
    """The server's certificate, key and client CA, re-read when a file changes or on SIGHUP.

    :meth:`credentials` are grpc dynamic credentials: grpc calls :meth:`_fetch` before each
    handshake (a ``stat`` of three files); a change makes grpc use the new configuration for the
    connections that follow, never for the open ones. A file that cannot be read keeps the old
    configuration and is logged.
    """

    def __init__(self, cert: Path, key: Path, client_ca: Path | None = None) -> None:
        self._files = _Files(cert, key, client_ca)
        self._lock = threading.Lock()  # grpc calls the fetcher from its own threads
        self._forced = False
        self._stamp = self._stamps()
        self._initial = self._configuration()

    def _paths(self) -> list[Path]:
        files = self._files
        return [files.cert, files.key, *([files.client_ca] if files.client_ca else [])]

    def _stamps(self) -> tuple[tuple[int, int, int], ...]:
        stamps = []
        for path in self._paths():
            try:
                st = os.stat(path)
            except OSError:
                stamps.append((0, 0, 0))
                continue
            stamps.append((st.st_mtime_ns, st.st_size, st.st_ino))
        return tuple(stamps)

    def _configuration(self) -> grpc.ServerCertificateConfiguration:
        files = self._files
        return grpc.ssl_server_certificate_configuration(
            [(files.key.read_bytes(), files.cert.read_bytes())],
            files.client_ca.read_bytes() if files.client_ca else None,
        )

    def reload(self) -> None:
        """Re-read the files before the next handshake (SIGHUP), changed or not."""
        with self._lock:
            self._forced = True

    def _fetch(self) -> grpc.ServerCertificateConfiguration | None:
        with self._lock:
            stamp = self._stamps()
            if not self._forced and stamp == self._stamp:
                return None
            self._forced = False
            self._stamp = stamp
            try:
                configuration = self._configuration()
            except OSError as e:
                _log.warning("TLS files not reloaded, the old ones stay: %s", e)
                return None
        _log.info("TLS certificate, key and client CA reloaded from %s", self._files.cert)
        return configuration

    def credentials(self) -> grpc.ServerCredentials:
        """Dynamic server credentials (mTLS when there is a client CA)."""
        return grpc.dynamic_ssl_server_credentials(
            self._initial,
            self._fetch,  # type: ignore[arg-type]  # grpc documents None as "unchanged"
            self._files.client_ca is not None,
        )
