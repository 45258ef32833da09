"""Responses recorded from a real Incus 6.0.4 for the container endpoints round-trip.

tools/capture_golden.py --family incus recorded them where the bridge sends the container RPCs on
Incus (``/1.0/instances?instance-type=container``: INDEX.json has the real paths). Each body is
read as the Go type the container RPC reads it as, goes through proto and binary and back, and is
written in Incus's dialect: the JSON must equal what Incus sent, key for key, but for the
Incus-only keys the container messages do not have yet (listed below, by name: the test fails
when one is added to the schema, or when Incus sends one more).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from bridge import codec
from bridge.codec.plan import message_types
from tests.test_codec_vectors import as_instants

GOLDEN = Path(__file__).parent / "testdata" / "incus-6.0"
INDEX = orjson.loads((GOLDEN / "INDEX.json").read_bytes())
FILES: dict[str, dict[str, Any]] = INDEX["files"]
SERVER = orjson.loads((GOLDEN / "GET_1.0.json").read_bytes())["metadata"]
DIALECT = codec.dialect_for(SERVER)
MESSAGES = set(message_types())

#: Keys Incus 6.0.4 sends on the container endpoints that the Container* messages do not have:
#: Incus's own additions to the instance state (read, counted as unknown, not given back). The
#: lossless limit these tests prove; the Instance* messages of issue 12 carry them.
INCUS_ONLY_KEYS_NOT_IN_THE_CONTAINER_MESSAGES = {
    "ContainerState.started_at",
    "ContainerState.os_info",
    "ContainerStateCPU.allocated_time",
}


def _objects() -> list[tuple[str, str, Any]]:
    """(id, Go type, JSON object) for every object in the recorded metadata."""
    found = []
    for name, entry in sorted(FILES.items()):
        if entry.get("content_type") != "application/json":
            continue
        body = orjson.loads((GOLDEN / name).read_bytes())
        go_type = entry["go_type"]
        if entry.get("envelope") in ("sync", "async", "error"):
            found.append((f"{name}:envelope", "Response", body))
            body = body["metadata"]
            if entry.get("envelope") == "async":
                go_type = "Operation"
        if go_type.startswith("[]"):
            for i, item in enumerate(body or []):
                found.append((f"{name}[{i}]", go_type[2:], item))
        elif body is not None:
            found.append((name, go_type, body))
    return [(i, t, o) for i, t, o in found if t in MESSAGES and isinstance(o, dict)]


OBJECTS = _objects()


def _without(obj: Any, type_name: str, unknown: list[str]) -> Any:
    """``obj`` without the keys named in ``unknown`` (``Message.key``), wherever they are."""
    keys = {u.split(".", 1)[1] for u in unknown}
    if isinstance(obj, dict):
        return {k: _without(v, type_name, unknown) for k, v in obj.items() if k not in keys}
    if isinstance(obj, list):
        return [_without(v, type_name, unknown) for v in obj]
    return obj


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
    assert set(unknown) <= INCUS_ONLY_KEYS_NOT_IN_THE_CONTAINER_MESSAGES, unknown
    again = type(msg).FromString(msg.SerializeToString())
    expected = _without(obj, type_name, unknown)
    assert as_instants(codec.to_json(again, DIALECT)) == as_instants(expected)


def test_every_incus_only_key_listed_is_still_sent_and_still_unknown() -> None:
    seen: set[str] = set()
    for _, type_name, obj in OBJECTS:
        unknown: list[str] = []
        codec.from_json(type_name, orjson.dumps(obj), unknown=unknown)
        seen.update(unknown)
    assert seen == INCUS_ONLY_KEYS_NOT_IN_THE_CONTAINER_MESSAGES
