"""Where the bridge listens, and who may connect: the listen policy (docs/security.md).

LXD's unix socket is root-equivalent and guarded only by its owner, group and mode. The bridge
must never grant more than the door it fronts, so:

- the default listener is a unix socket whose owner, group and mode are those of LXD's socket
  (``root:root 0660`` when LXD is reached over HTTPS, where there is no socket to copy), unless
  ``--listen-group``/``--listen-mode`` say otherwise;
- a TCP listener (loopback included: every local account can reach it) needs TLS, unless the
  operator says ``--insecure`` and so makes whoever can connect LXD's administrator.

``unix-abstract:`` sockets have no file mode, so they count as network listeners.
"""

from __future__ import annotations

import grp
import os
import pwd
import socket
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import grpc

from bridge.transport import Endpoint

__all__ = [
    "DEFAULT_SOCKET",
    "HTTPS_ACCESS",
    "ListenRefused",
    "SocketAccess",
    "default_listen",
    "lxd_access",
    "needs_tls",
    "parse_group",
    "parse_mode",
    "unix_path",
    "with_overrides",
]

DEFAULT_SOCKET = "/run/lxd-grpc-bridge/bridge.sock"


class ListenRefused(ValueError):
    """The listen address is refused: TCP without TLS, a socket already served, ..."""


def default_listen() -> str:
    """``unix:`` + the default socket: in ``$RUNTIME_DIRECTORY`` when systemd gives one
    (``RuntimeDirectory=lxd-grpc-bridge`` is ``/run/lxd-grpc-bridge``), else :data:`DEFAULT_SOCKET`.
    """
    runtime = os.environ.get("RUNTIME_DIRECTORY", "").split(":")[0]
    return f"unix:{Path(runtime) / 'bridge.sock'}" if runtime else f"unix:{DEFAULT_SOCKET}"


def unix_path(address: str) -> Path | None:
    """The file of a ``unix:path`` or ``unix:///abs/path`` address (gRPC's two spellings)."""
    if address.startswith("unix://"):
        return Path(address.removeprefix("unix://"))
    if address.startswith("unix:"):
        return Path(address.removeprefix("unix:"))
    return None


def needs_tls(address: str) -> bool:
    """Whether ``address`` is a network listener, which only TLS (or ``--insecure``) may serve.

    Loopback counts: every local account can connect to it. Only a unix socket file is guarded
    by its mode; an abstract socket is not.
    """
    return unix_path(address) is None


@dataclass(frozen=True)
class SocketAccess:
    """Who may connect to a unix listener: the socket file's owner, group and mode, and why."""

    uid: int
    gid: int
    mode: int
    source: str = ""

    def __str__(self) -> str:
        return f"{_user(self.uid)}:{_group(self.gid)} {self.mode:04o}"


#: The access of the listener when LXD is reached over HTTPS (no LXD socket to copy).
HTTPS_ACCESS = SocketAccess(0, 0, 0o660, "the default when LXD is reached over HTTPS")


def lxd_access(endpoint: Endpoint) -> SocketAccess:
    """The owner, group and mode of the LXD socket ``endpoint`` reaches (HTTPS_ACCESS for https)."""
    if endpoint.socket_path is None:
        return HTTPS_ACCESS
    try:
        st = os.stat(endpoint.socket_path)
    except OSError:  # gone since it answered: grant nobody else rather than guess
        return SocketAccess(os.geteuid(), os.getegid(), 0o600, "owner only: LXD's socket is gone")
    return SocketAccess(
        st.st_uid,
        st.st_gid,
        stat.S_IMODE(st.st_mode) & 0o777,
        f"as LXD's socket {endpoint.socket_path}",
    )


def parse_group(value: str) -> int:
    """A group name or number as a gid; ValueError naming ``--listen-group`` otherwise."""
    if value.isdigit():
        return int(value)
    try:
        return grp.getgrnam(value).gr_gid
    except KeyError:
        raise ValueError(f"--listen-group {value}: no such group") from None


def parse_mode(value: str) -> int:
    """Octal permission bits (``0660``, ``660``, ``0o660``); ValueError naming ``--listen-mode``."""
    try:
        mode = int(value.removeprefix("0o"), 8)
    except ValueError:
        mode = -1
    if not 0 <= mode <= 0o777:
        raise ValueError(f"--listen-mode {value}: expected octal permission bits such as 0660")
    return mode


def with_overrides(access: SocketAccess, *, gid: int | None, mode: int | None) -> SocketAccess:
    """``access`` with ``--listen-group``/``--listen-mode`` applied (and said in ``source``)."""
    if gid is None and mode is None:
        return access
    return replace(
        access,
        gid=access.gid if gid is None else gid,
        mode=access.mode if mode is None else mode,
        source="from --listen-group/--listen-mode",
    )


def prepare_socket_path(path: Path) -> None:
    """Make ``path`` free to bind: create its directory (0755) if missing, remove the socket of a
    bridge that died; refuse a socket someone still serves, or a file that is not a socket.

    gRPC itself unlinks whatever is at the path before binding, live or not: this is the check.
    """
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True)
        path.parent.chmod(0o755)  # traversable: the socket's own mode decides who gets in
    try:
        st = path.lstat()
    except FileNotFoundError:
        return
    if not stat.S_ISSOCK(st.st_mode):
        raise ListenRefused(f"cannot listen on unix:{path}: it exists and is not a socket")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(path))
        except ConnectionRefusedError:
            path.unlink()  # nobody listens: a stale socket
            return
        except OSError as e:
            raise ListenRefused(f"cannot listen on unix:{path}: {e.strerror or e}") from e
    raise ListenRefused(f"cannot listen on unix:{path}: another process is serving on it")


@contextmanager
def _owner_only_files() -> Iterator[None]:
    # bind() creates the socket file with 0777 & ~umask: under 0177 it is born 0600, and
    # apply_access then widens it to exactly the access wanted, never wider in between.
    old = os.umask(0o177)
    try:
        yield
    finally:
        os.umask(old)


def apply_access(path: Path, access: SocketAccess) -> SocketAccess:
    """Give the socket file ``access``; returns what it got.

    Only root can give a file away: a bridge run by another user keeps the socket as its own (it
    reaches LXD already), takes the group if it may, and otherwise drops the group bits rather
    than grant them to its own group.
    """
    uid = access.uid if os.geteuid() == 0 else os.geteuid()
    mode = access.mode
    try:
        os.chown(path, uid, access.gid)
        gid = access.gid
    except PermissionError:
        gid = path.stat().st_gid
        mode &= ~0o070
    os.chmod(path, mode)
    return replace(access, uid=uid, gid=gid, mode=mode)


def bind(
    server: grpc.aio.Server,
    address: str,
    credentials: grpc.ServerCredentials | None,
    access: SocketAccess,
) -> tuple[int, SocketAccess | None]:
    """Add ``address`` to ``server``; a unix socket gets ``access``. Returns the port (0 for a
    socket) and the socket's access (None for TCP)."""
    path = unix_path(address)
    try:
        if path is not None:
            prepare_socket_path(path)
        with _owner_only_files():
            if credentials is None:
                port = server.add_insecure_port(address)
            else:
                port = server.add_secure_port(address, credentials)
        if path is None:
            return port, None
        return 0, apply_access(path, access)
    except RuntimeError as e:  # what grpc says when it cannot bind
        raise ListenRefused(f"cannot listen on {address}: {e}") from e
    except OSError as e:  # the socket's directory or file: not ours to make or change
        raise ListenRefused(f"cannot listen on {address}: {e.strerror or e}") from e


def _user(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _group(gid: int) -> str:
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)
