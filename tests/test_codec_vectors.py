"""Every JSON example of LXD 3.4's REST docs survives JSON -> proto -> binary -> proto -> JSON, and
the JSON the codec writes is what Go's encoding/json writes for the same input (the Go oracle)."""

from __future__ import annotations

from typing import Any

import pytest

from bridge import codec
from bridge.codec import timefmt
from bridge.codec.plan import message_types
from tests.go_oracle import GoOracle
from tests.test_go_oracle_vectors import ACCEPTED, REJECTED, VECTORS_WHOLE, Vector

MESSAGES = set(message_types())
TYPED = [v for v in ACCEPTED if v.go_type in MESSAGES]
TYPED_REJECTED = [v for v in REJECTED if v.go_type in MESSAGES]


def as_instants(value: Any) -> Any:
    """The JSON with every RFC 3339 time replaced by its instant (offsets are not kept)."""
    if isinstance(value, dict):
        return {k: as_instants(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_instants(v) for v in value]
    if isinstance(value, str) and timefmt._RFC3339.fullmatch(value):
        return ("instant", timefmt.parse(value))
    return value


def test_the_vectors_cover_every_json_example() -> None:
    assert len(VECTORS_WHOLE) == 127
    assert {v.go_type for v in TYPED} >= {"Container", "Server", "Operation", "ContainerState"}
    assert len(TYPED_REJECTED) == 3


@pytest.mark.parametrize("vector", TYPED, ids=[v.file for v in TYPED])
def test_example_round_trips_and_is_written_as_go_writes_it(
    vector: Vector, go_oracle: GoOracle
) -> None:
    msg = codec.from_json(vector.go_type, vector.value)
    again = type(msg).FromString(msg.SerializeToString())
    assert again == msg
    ours = codec.to_json(again, codec.LXD_3_4)
    go = go_oracle.roundtrip(vector.go_type, vector.value)
    assert as_instants(ours) == as_instants(go)
    # Reading what we wrote gives the same message back: nothing was lost on the way.
    assert codec.from_json(vector.go_type, codec.to_json_bytes(again, codec.LXD_3_4)) == msg


@pytest.mark.parametrize("vector", TYPED_REJECTED, ids=[v.file for v in TYPED_REJECTED])
def test_examples_go_rejects_are_rejected_naming_the_field(vector: Vector) -> None:
    with pytest.raises(codec.ConversionError) as err:
        codec.from_json(vector.go_type, vector.value)
    assert err.value.path.startswith(f"{vector.go_type}.")
    assert err.value.path.split(".")[1] in vector.value
