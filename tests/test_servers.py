"""The servers file (``serve --servers FILE``): what it accepts, and errors that name the field."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from bridge.cli import StartupError, build_parser, server_specs
from bridge.server import Keepalive
from bridge.servers import DEFAULT_NAME, ServersError, ServerSpec, listener_access, load_servers
from bridge.transport import Endpoint

TWO_SERVERS = """
[[servers]]
name = "s1"
url = "https://127.0.0.2:8443"
client_cert = "client.crt"
client_key = "client.key"
server_cert = "s1.crt"

[[servers]]
name = "local"
url = "unix:///var/snap/lxd/common/lxd/unix.socket"

[[servers]]
name = "s3"
url = "https://lxd3.example.org:8443"
client_cert = "/etc/bridge/client.crt"
client_key = "/etc/bridge/client.key"
ca = "ca.crt"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "servers.toml"
    path.write_text(text)
    return path


def test_a_servers_file_lists_the_servers_in_order_with_paths_relative_to_it(
    tmp_path: Path,
) -> None:
    specs = load_servers(write(tmp_path, TWO_SERVERS))
    assert [s.name for s in specs] == ["s1", "local", "s3"], "the file's order: s1 is the default"
    assert specs[0] == ServerSpec(
        "s1",
        "https://127.0.0.2:8443",
        tmp_path / "client.crt",
        tmp_path / "client.key",
        tmp_path / "s1.crt",
        None,
    )
    assert specs[1] == ServerSpec("local", "unix:///var/snap/lxd/common/lxd/unix.socket")
    assert specs[2].client_cert == Path("/etc/bridge/client.crt"), "absolute paths stay"
    assert specs[2].ca == tmp_path / "ca.crt"
    assert specs[2].server_cert is None


S1 = '[[servers]]\nname = "s1"\nurl = "unix:///run/lxd.socket"\n'
HTTPS = 'client_cert = "c.crt"\nclient_key = "c.key"\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "servers: give at least one [[servers]] table"),
        ("servers = []", "servers: give at least one"),
        ('servers = ["s1"]', "servers[0] must be a table"),
        ("[[server]]\nname = 's1'", "unknown field 'server'"),
        ('[[servers]]\nurl = "unix:///run/lxd.socket"', "servers[0].name is missing"),
        ('[[servers]]\nname = "a b"\nurl = "unix:///x"', "servers[0].name 'a b' is not a server"),
        ("[[servers]]\nname = 3", "servers[0].name must be a string"),
        ('[[servers]]\nname = "s1"', "servers[0] ('s1').url is missing"),
        (S1 + 'colour = "red"', "servers[0].colour: unknown field"),
        (S1 + S1, "servers[1].name 's1' is given twice"),
        (S1 + 'client_cert = "c.crt"', "servers[0] ('s1').client_cert: a unix socket takes no"),
        ('[[servers]]\nname = "s1"\nurl = "unix://run/x"', "('s1').url 'unix://run/x' needs an"),
        (
            '[[servers]]\nname = "s1"\nurl = "http://x:8443"',
            "('s1').url 'http://x:8443' is neither",
        ),
        (
            '[[servers]]\nname = "s1"\nurl = "https://x:8443"\nclient_key = "k"\nca = "ca"',
            "servers[0] ('s1').client_cert is missing",
        ),
        (
            '[[servers]]\nname = "s1"\nurl = "https://x:8443"\n' + HTTPS,
            "servers[0] ('s1'): give one of server_cert (pinned) or ca",
        ),
        (
            '[[servers]]\nname = "s1"\nurl = "https://x:8443"\n'
            + HTTPS
            + 'ca = "a"\nserver_cert = "b"',
            "servers[0] ('s1'): give one of server_cert (pinned) or ca",
        ),
        ("[[servers]\n", "not TOML"),
    ],
    ids=lambda v: v if len(v) < 40 and "\n" not in v else None,
)
def test_a_wrong_servers_file_is_an_error_naming_the_field(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ServersError) as caught:
        load_servers(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_an_unreadable_servers_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ServersError, match=r"cannot read .*missing\.toml"):
        load_servers(tmp_path / "missing.toml")


def test_lxd_and_its_credentials_are_the_short_form_of_one_server_named_default() -> None:
    opts = build_parser().parse_args(
        ["serve", "--lxd", "https://h:8443", "--client-cert", "c", "--client-key", "k",
         "--server-cert", "s"]
    )  # fmt: skip
    (spec,) = server_specs(opts)
    assert spec == ServerSpec(DEFAULT_NAME, "https://h:8443", Path("c"), Path("k"), Path("s"))


def test_servers_and_lxd_together_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, S1)
    opts = build_parser().parse_args(["serve", "--servers", str(path), "--lxd", "unix:///x"])
    with pytest.raises(StartupError, match="--servers and --lxd do not go together"):
        server_specs(opts)


def test_keepalive_options_are_grpc_channel_arguments() -> None:
    options = dict(Keepalive(max_connection_age=2.5, max_connection_age_grace=1).options())
    assert options["grpc.max_connection_age_ms"] == 2500
    assert options["grpc.max_connection_age_grace_ms"] == 1000
    assert options["grpc.keepalive_permit_without_calls"] == 1
    assert options["grpc.http2.min_ping_interval_without_data_ms"] == 10_000
    never = dict(Keepalive(max_connection_age=0).options())
    assert "grpc.max_connection_age_ms" not in never, "0: connections are never aged out"


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["--keepalive-time", "0"], "must be more than 0 seconds"),
        (["--max-connection-age", "-1"], "must be 0 or more seconds"),
        (["--max-connection-age-grace", "soon"], "not a number of seconds"),
        (["--keepalive-permit-without-calls", "maybe"], "invalid choice"),
    ],
)
def test_bad_keepalive_flags_are_refused_naming_the_option(
    argv: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", *argv])
    err = capsys.readouterr().err
    assert argv[0] in err and error in err


class _Client:
    """What listener_access reads of a client: its endpoint."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint


def _socket(path: Path, mode: int) -> Endpoint:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
    path.chmod(mode)
    return Endpoint.unix(path)


def test_the_listener_grants_what_every_servers_door_grants_alike(tmp_path: Path) -> None:
    a = _socket(tmp_path / "a.sock", 0o660)
    b = _socket(tmp_path / "b.sock", 0o660)
    alike = listener_access({"a": _Client(a), "b": _Client(b)})  # type: ignore[dict-item]
    assert (alike.mode, alike.source) == (0o660, f"as LXD's socket {a.socket_path}")


@pytest.mark.parametrize("other", ["stricter-socket", "https"])
def test_the_listener_is_owner_only_when_the_servers_doors_differ(
    tmp_path: Path, other: str
) -> None:
    a = _socket(tmp_path / "a.sock", 0o666)  # HTTPS grants root:root 0660: not alike either
    b = (
        _socket(tmp_path / "b.sock", 0o600)
        if other == "stricter-socket"
        else Endpoint(url="https://lxd.example:8443")
    )
    access = listener_access({"a": _Client(a), "b": _Client(b)})  # type: ignore[dict-item]
    assert (access.uid, access.gid, access.mode) == (os.geteuid(), os.getegid(), 0o600)
    assert "different access" in access.source
