"""Projects, warnings, metrics and certificate add tokens recorded from a real LXD 5.0.2 and a
real Incus 6.0.4 (tools/capture_golden_projects.py) round-trip exactly, through the codec and
through Go's encoding/json with the structs generated from the protos (tests/go_oracle_source.py).

For each recorded object (the envelope as Response, its metadata as the Go type INDEX.json names):
the codec reads it with no unknown key, and writes it back in the dialect of the daemon that sent
it key for key; the Go oracle's structs of that daemon decode and re-encode it to the same JSON
(so the generated structs have every key the daemon sent). The token a client presents is the
base64 of exactly the bytes Go's json.Marshal writes for the CertificateAddToken.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import orjson
import pytest

from bridge import codec
from bridge.facade.certificates import add_token_of, token_string
from lxd.api.v1 import certificate_pb2
from tests.go_oracle import GoOracle
from tests.recordings import TESTDATA, recorded_objects
from tests.test_codec_vectors import as_instants

# (directory, the dialect the daemon writes, the Go oracle's structs of that daemon)
RECORDINGS = [
    ("lxd-5.0-projects", codec.LXD_5_0, "lxd-5.0"),
    ("incus-6.0-projects", codec.INCUS_6_0, "incus-6.0"),
]


def _index(directory: str) -> dict[str, Any]:
    return dict(orjson.loads((TESTDATA / directory / "INDEX.json").read_bytes()))


#: (id, Go type, dialect, oracle version, JSON object) for every recorded object.
OBJECTS = [
    (i, t, dialect, version, o)
    for directory, dialect, version in RECORDINGS
    for i, t, o in recorded_objects(TESTDATA / directory, prefix=f"{directory}/")
]
IDS = [o[0] for o in OBJECTS]


def test_both_daemons_were_recorded_with_every_new_type() -> None:
    for directory, _, _ in RECORDINGS:
        index = _index(directory)
        types = {t for i, t, *_ in OBJECTS if i.startswith(directory)}
        assert {"Project", "ProjectState", "Warning", "Operation", "Response"} <= types, directory
        assert index["family"] == directory.split("-")[0]
    assert _index("lxd-5.0-projects")["version"] == "5.0.2"
    assert _index("incus-6.0-projects")["version"] == "6.0.4"


@pytest.mark.parametrize(
    ("go_type", "dialect", "version", "obj"), [o[1:] for o in OBJECTS], ids=IDS
)
def test_recorded_object_round_trips_through_the_codec(
    go_type: str, dialect: codec.Dialect, version: str, obj: dict[str, Any]
) -> None:
    unknown: list[str] = []
    msg = codec.from_json(go_type, orjson.dumps(obj), unknown=unknown)
    assert unknown == [], f"keys the daemon sent that the schema lacks: {unknown}"
    again = type(msg).FromString(msg.SerializeToString())
    assert as_instants(codec.to_json(again, dialect)) == as_instants(obj)


@pytest.mark.parametrize(("directory", "version"), [(r[0], r[2]) for r in RECORDINGS])
def test_the_add_token_is_what_lxds_go_client_builds(
    go_oracle: GoOracle, directory: str, version: str
) -> None:
    body = json.loads((TESTDATA / directory / "POST_1.0_certificates.token.json").read_text())
    metadata = body["metadata"]["metadata"]
    token = add_token_of(metadata)
    assert token is not None
    assert token.client_name == metadata["request"]["name"] == "golden-token"
    assert (token.secret, token.fingerprint) == (metadata["secret"], metadata["fingerprint"])
    assert list(token.addresses) == metadata["addresses"]
    # Operation.ToCertificateAddToken's struct, then CertificateAddToken.String(): Go's bytes.
    go_struct = {
        "client_name": metadata["request"]["name"],
        "fingerprint": metadata["fingerprint"],
        "addresses": metadata["addresses"],
        "secret": metadata["secret"],
    }
    _, go_text = go_oracle.roundtrip_text(
        "CertificateAddToken", json.dumps(go_struct), version=version
    )
    assert token_string(token) == base64.b64encode(go_text.encode()).decode()
    assert json.loads(base64.b64decode(token_string(token)))["secret"] == metadata["secret"]


ADD_TOKEN_REFUSALS = [
    ("no metadata", None),
    ("no request", {"secret": "s", "fingerprint": "f", "addresses": []}),
    ("no secret", {"request": {"name": "n"}, "fingerprint": "f", "addresses": []}),
    (
        "addresses not strings",
        {"request": {"name": "n"}, "secret": "s", "fingerprint": "f", "addresses": [1]},
    ),
    (
        "a bad expiry",
        {
            "request": {"name": "n"},
            "secret": "s",
            "fingerprint": "f",
            "addresses": [],
            "expiresAt": "soon",
        },
    ),
]


@pytest.mark.parametrize(
    "metadata", [c[1] for c in ADD_TOKEN_REFUSALS], ids=[c[0] for c in ADD_TOKEN_REFUSALS]
)
def test_metadata_the_go_client_refuses_gives_no_token(metadata: Any) -> None:
    assert add_token_of(metadata) is None


def test_an_expiry_is_kept_as_the_instant() -> None:
    metadata = {
        "request": {"name": "n"},
        "secret": "s",
        "fingerprint": "f",
        "addresses": ["127.0.0.1:8443"],
        "expiresAt": "2026-12-01T10:00:00.5+02:00",
    }
    token = add_token_of(metadata)
    assert isinstance(token, certificate_pb2.CertificateAddToken)
    assert token.expires_at.ToJsonString() == "2026-12-01T08:00:00.500Z"


@pytest.mark.parametrize("directory", [r[0] for r in RECORDINGS])
def test_the_recorded_metrics_are_openmetrics_text_with_the_containers_lines(
    directory: str,
) -> None:
    text = (TESTDATA / directory / "GET_1.0_metrics.txt").read_text()
    family = _index(directory)["family"]
    assert text.endswith("# EOF\n")
    assert any(line.startswith(f"{family}_cpu_seconds_total{{") for line in text.splitlines())
    assert 'name="golden-c1"' in text
