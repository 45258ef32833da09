"""Responses recorded from a real LXD 5.0 (tools/capture_golden.py) round-trip exactly.

Each recorded body is read as the Go type it is (the envelope as Response, its metadata as the
type INDEX.json names), goes through proto and binary and back, and is written in the dialect of
the server that sent it: the JSON must equal what LXD sent, key for key and value for value.
Times are compared as instants: the daemon's UTC offset is the one documented thing not kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from bridge import codec
from bridge.codec.plan import message_types
from tests.test_codec_vectors import as_instants

GOLDEN = Path(__file__).parent / "testdata" / "lxd-5.0"
INDEX = orjson.loads((GOLDEN / "INDEX.json").read_bytes())
FILES: dict[str, dict[str, Any]] = INDEX["files"]
SERVER = orjson.loads((GOLDEN / "GET_1.0.json").read_bytes())["metadata"]
DIALECT = codec.dialect_for(SERVER)
MESSAGES = set(message_types())


def _objects() -> list[tuple[str, str, Any]]:
    """(id, Go type, JSON object) for every object in the recorded metadata."""
    found = []
    for name, entry in sorted(FILES.items()):
        if entry.get("content_type") != "application/json" and entry.get("envelope") != "event":
            continue
        body = orjson.loads((GOLDEN / name).read_bytes())
        go_type = entry["go_type"]
        if entry.get("envelope") in ("sync", "async", "error"):
            found.append((f"{name}:envelope", "Response", body))
            body = body["metadata"]
            if entry.get("envelope") == "async":
                go_type = "Operation"
        if go_type.startswith("map[string][]"):
            for status, items in (body or {}).items():
                for i, item in enumerate(items):
                    found.append(
                        (f"{name}[{status}][{i}]", go_type.removeprefix("map[string][]"), item)
                    )
        elif go_type.startswith("[]"):
            for i, item in enumerate(body or []):
                found.append((f"{name}[{i}]", go_type[2:], item))
        elif body is not None:
            found.append((name, go_type, body))
    return [(i, t, o) for i, t, o in found if t in MESSAGES and isinstance(o, dict)]


OBJECTS = _objects()


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
