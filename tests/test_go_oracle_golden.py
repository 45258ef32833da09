"""Responses recorded from real daemons round-trip through Go's encoding/json with the structs
generated from the protos (tests/go_oracle_source.py), and the codec writes what Go writes.

For each object of tests/testdata/lxd-5.0 (the recordings tests/test_codec_golden.py reads) the
Go oracle's lxd-5.0 structs decode and re-encode it: the result must be the recorded object, key
for key (so the generated structs have every key LXD 5.0.2 sent, with its omitempty), and the
codec's JSON for the same object in the LXD 5.0 dialect must equal Go's.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from bridge import codec
from tests.go_oracle import GoOracle
from tests.test_codec_golden import DIALECT, OBJECTS
from tests.test_codec_vectors import as_instants


@pytest.mark.parametrize(
    ("type_name", "obj"), [o[1:] for o in OBJECTS], ids=[o[0] for o in OBJECTS]
)
def test_recorded_5_0_object_round_trips_through_go(
    go_oracle: GoOracle, type_name: str, obj: dict[str, Any]
) -> None:
    go = go_oracle.roundtrip(type_name, obj, strict=True, version="lxd-5.0")
    assert as_instants(go) == as_instants(obj)
    msg = codec.from_json(type_name, orjson.dumps(obj))
    assert as_instants(codec.to_json(msg, DIALECT)) == as_instants(go)
