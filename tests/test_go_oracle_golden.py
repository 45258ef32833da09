"""Every response recorded from a real daemon round-trips through Go's encoding/json with the
structs of that daemon's own family and version (generated from the protos by
tests/go_oracle_source.py), and the codec writes what Go writes.

The objects are those each golden module reads (tests/testdata/<dir>, one module per kind of
recording); this module gathers them all, so every recorded directory goes through the oracle:
- the Go oracle's structs of the recording's family (``lxd-5.0`` for an LXD 5.0.2 recording,
  ``incus-6.0`` for an Incus 6.0.4 one) decode and re-encode the object in strict mode (an
  unknown key is Go's error): the result must be the recorded object, key for key, so the
  generated structs have every key the daemon sent, with its omitempty;
- the codec's JSON for the same object in that daemon's dialect must equal Go's.
A recorded directory no module reads fails test_every_recorded_directory_goes_through_go.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from bridge import codec
from tests import (
    test_codec_golden,
    test_codec_golden_incus,
    test_codec_golden_instances,
    test_codec_golden_network_storage,
    test_golden_projects,
)
from tests.go_oracle import GoOracle
from tests.test_codec_vectors import as_instants

TESTDATA = Path(__file__).parent / "testdata"
#: The Go oracle's package of each family's recorded release (LXD 5.0.2, Incus 6.0.4).
ORACLE_VERSION = {"lxd": "lxd-5.0", "incus": "incus-6.0"}


def _cases() -> tuple[list[tuple[str, str, str, Any]], dict[str, codec.Dialect]]:
    """(id, recorded directory, Go type, JSON object) for every object of every recording, and
    the dialect each directory's module reads it in."""
    cases, dialects = [], {}
    for module in (test_codec_golden, test_codec_golden_incus):
        directory = module.GOLDEN.relative_to(TESTDATA).as_posix()
        dialects[directory] = module.DIALECT
        cases += [(f"{directory}/{i}", directory, t, o) for i, t, o in module.OBJECTS]
    for i, t, dialect, _, o in test_golden_projects.OBJECTS:
        dialects[i.split("/", 1)[0]] = dialect
        cases.append((i, i.split("/", 1)[0], t, o))
    for d, i, t, o in test_codec_golden_network_storage.CASES:
        dialects[d.name] = test_codec_golden_network_storage._dialect(d)
        cases.append((i, d.name, t, o))
    for i, d, t, o in test_codec_golden_instances.OBJECTS:
        dialects[f"instances/{d}"] = test_codec_golden_instances._dialect(d)
        cases.append((f"instances/{i}", f"instances/{d}", t, o))
    return cases, dialects


CASES, DIALECTS = _cases()


def test_every_recorded_directory_goes_through_go() -> None:
    recorded = {p.parent.relative_to(TESTDATA).as_posix() for p in TESTDATA.rglob("INDEX.json")}
    assert recorded == set(DIALECTS)
    assert {(d.family, d.name) for d in DIALECTS.values()} == {
        ("lxd", "LXD 5.0.2"),
        ("incus", "Incus 6.0.4"),
    }
    assert len(recorded) == 8 and len(CASES) >= 350, (len(recorded), len(CASES))


@pytest.mark.parametrize(
    ("directory", "type_name", "obj"), [pytest.param(*c[1:], id=c[0]) for c in CASES]
)
def test_recorded_object_round_trips_through_go_of_its_family(
    go_oracle: GoOracle, directory: str, type_name: str, obj: dict[str, Any]
) -> None:
    dialect = DIALECTS[directory]
    go = go_oracle.roundtrip(type_name, obj, strict=True, version=ORACLE_VERSION[dialect.family])
    assert as_instants(go) == as_instants(obj)
    unknown: list[str] = []
    msg = codec.from_json(type_name, orjson.dumps(obj), unknown=unknown)
    assert unknown == [], f"keys {directory} sent that the schema lacks: {unknown}"
    assert as_instants(codec.to_json(msg, dialect)) == as_instants(go)
