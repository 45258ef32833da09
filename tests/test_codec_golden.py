"""Responses recorded from a real LXD 5.0 (tools/capture_golden.py) round-trip exactly.

Each recorded body is read as the Go type it is (the envelope as Response, its metadata as the
type INDEX.json names), goes through proto and binary and back, and is written in the dialect of
the server that sent it: the JSON must equal what LXD sent, key for key and value for value.
Times are compared as instants: the daemon's UTC offset is the one documented thing not kept.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from bridge import codec
from tests.recordings import TESTDATA, recorded_dialect, recorded_objects
from tests.test_codec_vectors import as_instants

GOLDEN = TESTDATA / "lxd-5.0"
INDEX = orjson.loads((GOLDEN / "INDEX.json").read_bytes())
DIALECT = recorded_dialect(GOLDEN)


OBJECTS = recorded_objects(GOLDEN)


def test_the_recording_covers_the_seed_objects() -> None:
    assert INDEX["lxd_version"].startswith("5.0")
    assert DIALECT.version[:2] == (5, 0)
    recorded = {t for _, t, _ in OBJECTS}
    for needed in (
        "Server", "Certificate", "Container", "ContainerFull", "ContainerState",
        "ContainerSnapshot", "ContainerBackup", "Image", "ImageAliasesEntry", "Network",
        "NetworkState", "Operation", "Profile", "StoragePool", "StorageVolume", "Resources",
        "ResourcesStoragePool", "Cluster", "Event", "Response", "ImageMetadata",
    ):  # fmt: skip
        assert needed in recorded, f"no recorded {needed}"


@pytest.mark.parametrize(
    ("type_name", "obj"), [o[1:] for o in OBJECTS], ids=[o[0] for o in OBJECTS]
)
def test_recorded_object_round_trips_exactly(type_name: str, obj: dict[str, Any]) -> None:
    unknown: list[str] = []
    msg = codec.from_json(type_name, orjson.dumps(obj), unknown=unknown)
    assert unknown == [], f"keys LXD 5.0 sent that the schema lacks: {unknown}"
    again = type(msg).FromString(msg.SerializeToString())
    assert as_instants(codec.to_json(again, DIALECT)) == as_instants(obj)
