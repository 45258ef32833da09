"""The listen policy's small parts: the default address, --listen-mode and -group, overrides."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bridge.listener import (
    DEFAULT_SOCKET,
    HTTPS_ACCESS,
    SocketAccess,
    default_listen,
    lxd_access,
    parse_group,
    parse_mode,
    unix_path,
    with_overrides,
)
from bridge.transport import Endpoint


@pytest.mark.parametrize(
    ("runtime_directory", "expected"),
    [
        (None, f"unix:{DEFAULT_SOCKET}"),
        ("", f"unix:{DEFAULT_SOCKET}"),
        ("/run/lxd-grpc-bridge", "unix:/run/lxd-grpc-bridge/bridge.sock"),
        ("/run/a:/run/b", "unix:/run/a/bridge.sock"),  # systemd lists several with ':'
    ],
    ids=["unset", "empty", "systemd", "several"],
)
def test_the_default_listener_is_a_unix_socket(
    monkeypatch: pytest.MonkeyPatch, runtime_directory: str | None, expected: str
) -> None:
    if runtime_directory is None:
        monkeypatch.delenv("RUNTIME_DIRECTORY", raising=False)
    else:
        monkeypatch.setenv("RUNTIME_DIRECTORY", runtime_directory)
    assert default_listen() == expected
    assert unix_path(expected) is not None


@pytest.mark.parametrize(
    ("value", "mode"),
    [("0660", 0o660), ("660", 0o660), ("0o600", 0o600), ("0", 0), ("0777", 0o777)],
)
def test_listen_mode_reads_octal_permission_bits(value: str, mode: int) -> None:
    assert parse_mode(value) == mode


@pytest.mark.parametrize("value", ["0999", "rw-rw----", "", "01777", "-1"])
def test_listen_mode_refuses_anything_else_naming_the_option(value: str) -> None:
    with pytest.raises(ValueError, match=f"--listen-mode {value}: expected octal"):
        parse_mode(value)


@pytest.mark.parametrize(("value", "gid"), [("root", 0), ("0", 0), ("nogroup", 65534)])
def test_listen_group_reads_a_name_or_a_number(value: str, gid: int) -> None:
    assert parse_group(value) == gid


def test_listen_group_refuses_an_unknown_name_naming_the_option() -> None:
    with pytest.raises(ValueError, match="--listen-group no-such-group: no such group"):
        parse_group("no-such-group")


LXD = SocketAccess(0, 105, 0o660, "as LXD's socket")


@pytest.mark.parametrize(
    ("gid", "mode", "expected"),
    [
        (None, None, LXD),
        (7, None, SocketAccess(0, 7, 0o660, "from --listen-group/--listen-mode")),
        (None, 0o600, SocketAccess(0, 105, 0o600, "from --listen-group/--listen-mode")),
    ],
    ids=["none", "group", "mode"],
)
def test_overrides_replace_only_what_they_name(
    gid: int | None, mode: int | None, expected: SocketAccess
) -> None:
    assert with_overrides(LXD, gid=gid, mode=mode) == expected


def test_lxd_access_copies_lxds_socket_or_says_why_not(tmp_path: Path) -> None:
    lxd_socket = tmp_path / "unix.socket"
    lxd_socket.touch()  # the mode is what matters here; a real socket is in the integration tests
    lxd_socket.chmod(0o640)
    cases = {
        "unix socket": (
            Endpoint.unix(lxd_socket),
            SocketAccess(os.getuid(), os.getgid(), 0o640, f"as LXD's socket {lxd_socket}"),
        ),
        "https": (
            Endpoint(url="https://127.0.0.1:8443"),
            HTTPS_ACCESS,
        ),
        "socket gone": (
            Endpoint.unix(tmp_path / "gone.socket"),
            SocketAccess(os.geteuid(), os.getegid(), 0o600, "owner only: LXD's socket is gone"),
        ),
    }
    for name, (endpoint, expected) in cases.items():
        assert lxd_access(endpoint) == expected, name
