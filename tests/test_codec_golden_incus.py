"""Responses recorded from a real Incus 6.0.4 for the container endpoints round-trip.

tools/capture_golden.py --family incus recorded them where the bridge sends the container RPCs on
Incus (``/1.0/instances?instance-type=container``: INDEX.json has the real paths). Each body is
read as the Go type the container RPC reads it as, goes through proto and binary and back, and is
written in Incus's dialect: the JSON must equal what Incus sent, key for key, with no key left
unread (the container messages carry Incus's own keys, e.g. the state's started_at and os_info:
tests/test_schema_incus_6_0.py). tests/test_go_oracle_golden.py puts the same objects through
Go's encoding/json with the Incus 6.0 structs.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from bridge import codec
from tests.recordings import TESTDATA, recorded_dialect, recorded_objects
from tests.test_codec_vectors import as_instants

GOLDEN = TESTDATA / "incus-6.0"
INDEX = orjson.loads((GOLDEN / "INDEX.json").read_bytes())
FILES: dict[str, dict[str, Any]] = INDEX["files"]
DIALECT = recorded_dialect(GOLDEN)
OBJECTS = recorded_objects(GOLDEN)


def test_the_recording_is_incus_and_covers_the_container_objects() -> None:
    assert INDEX["family"] == "incus" and INDEX["lxd_version"] == "6.0.4"
    assert (DIALECT.family, DIALECT.name) == ("incus", "Incus 6.0.4")
    recorded = {t for _, t, _ in OBJECTS}
    for needed in (
        "Container", "ContainerFull", "ContainerState", "ContainerSnapshot", "ContainerBackup",
        "ImageMetadata", "Operation", "Response", "Server",
    ):  # fmt: skip
        assert needed in recorded, f"no recorded {needed}"


def test_the_container_endpoints_were_recorded_where_the_bridge_sends_them() -> None:
    containers = [e for e in FILES.values() if "golden-c1" in e["path"] or "golden-m" in e["path"]]
    assert containers
    for entry in containers:
        path, _ = DIALECT.locate(entry["path"].replace("instances", "containers", 1), None)
        assert entry["path"] == path and "instance-type=container" in entry["query"]
    missing = FILES["GET_1.0_containers_golden-missing.404.json"]
    body = orjson.loads((GOLDEN / "GET_1.0_containers_golden-missing.404.json").read_bytes())
    assert (missing["status"], body["error"]) == (
        404,
        'Failed to fetch instance "golden-missing" in project "default": Instance not found',
    )


@pytest.mark.parametrize(
    ("type_name", "obj"), [o[1:] for o in OBJECTS], ids=[o[0] for o in OBJECTS]
)
def test_recorded_incus_object_round_trips_exactly(type_name: str, obj: dict[str, Any]) -> None:
    unknown: list[str] = []
    msg = codec.from_json(type_name, orjson.dumps(obj), unknown=unknown)
    assert unknown == [], f"keys Incus sent that the schema lacks: {unknown}"
    again = type(msg).FromString(msg.SerializeToString())
    assert as_instants(codec.to_json(again, DIALECT)) == as_instants(obj)
