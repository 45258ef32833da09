"""Instance responses recorded from a real LXD 5.0.2 and a real Incus 6.0.4
(tools/capture_instances.py, tests/testdata/instances/<family>-<version>/) round-trip exactly.

Each recorded object is read as the LXD 5.0 Go type INDEX.json names (Instance, InstanceFull,
InstanceState, ...), must leave no key unread (so Incus's own keys, `started_at` or `os_info`,
are fields of the schema), goes through proto and binary and back, and is written in the dialect
of the server that sent it: the JSON must equal what the daemon sent, key for key. Times are
compared as instants (the daemon's UTC offset is the one documented thing not kept).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from bridge import codec
from bridge.codec.plan import message_types
from tests.test_codec_vectors import as_instants

GOLDEN = Path(__file__).parent / "testdata" / "instances"
DIRECTORIES = sorted(p for p in GOLDEN.iterdir() if (p / "INDEX.json").is_file())
MESSAGES = set(message_types())


def _objects() -> list[tuple[str, str, str, Any]]:
    """(id, directory, Go type, JSON object) for every object in the recorded metadata."""
    found = []
    for directory in DIRECTORIES:
        index = orjson.loads((directory / "INDEX.json").read_bytes())
        for name, entry in sorted(index["files"].items()):
            body = orjson.loads((directory / name).read_bytes())
            where = f"{directory.name}/{name}"
            found.append((f"{where}:envelope", directory.name, "Response", body))
            go_type, metadata = entry["go_type"], body["metadata"]
            if go_type.startswith("[]"):
                for i, item in enumerate(metadata or []):
                    found.append((f"{where}[{i}]", directory.name, go_type[2:], item))
            elif metadata is not None:
                found.append((where, directory.name, go_type, metadata))
    return [o for o in found if _instance_api(o[2]) and isinstance(o[3], dict)]


def _instance_api(go_type: str) -> bool:
    """The structs of the instance endpoints (the recorded Server is the server tests' own)."""
    return go_type in MESSAGES and (
        go_type.startswith("Instance") or go_type in ("ImageMetadata", "Response")
    )


OBJECTS = _objects()


def _dialect(directory: str) -> codec.Dialect:
    server = orjson.loads((GOLDEN / directory / "GET_1.0.json").read_bytes())["metadata"]
    return codec.dialect_for(server)


def test_both_daemons_were_recorded_with_every_instance_type() -> None:
    assert [d.name for d in DIRECTORIES] == ["incus-6.0", "lxd-5.0"]
    for directory in DIRECTORIES:
        recorded = {t for _, d, t, _ in OBJECTS if d == directory.name}
        for needed in (
            "Instance", "InstanceFull", "InstanceState", "InstanceSnapshot", "InstanceBackup",
            "ImageMetadata", "Response",
        ):  # fmt: skip
            assert needed in recorded, f"{directory.name}: no recorded {needed}"
    assert _dialect("incus-6.0").family == "incus" and _dialect("lxd-5.0").family == "lxd"


@pytest.mark.parametrize(
    ("directory", "type_name", "obj"),
    [pytest.param(*o[1:], id=o[0]) for o in OBJECTS],
)
def test_recorded_instance_object_round_trips_exactly(
    directory: str, type_name: str, obj: dict[str, Any]
) -> None:
    unknown: list[str] = []
    msg = codec.from_json(type_name, orjson.dumps(obj), unknown=unknown)
    assert unknown == [], f"keys {directory} sent that the schema lacks: {unknown}"
    again = type(msg).FromString(msg.SerializeToString())
    assert as_instants(codec.to_json(again, _dialect(directory))) == as_instants(obj)
