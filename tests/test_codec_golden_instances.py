"""Instance responses recorded from a real LXD 5.0.2 and a real Incus 6.0.4
(tools/capture_instances.py, tests/testdata/instances/<family>-<version>/) round-trip exactly.

Each recorded object is read as the LXD 5.0 Go type INDEX.json names (Instance, InstanceFull,
InstanceState, ...), must leave no key unread (so Incus's own keys, `started_at` or `os_info`,
are fields of the schema), goes through proto and binary and back, and is written in the dialect
of the server that sent it: the JSON must equal what the daemon sent, key for key. Times are
compared as instants (the daemon's UTC offset is the one documented thing not kept).
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from bridge import codec
from tests.recordings import TESTDATA, recorded_dialect, recorded_objects
from tests.test_codec_vectors import as_instants

GOLDEN = TESTDATA / "instances"
DIRECTORIES = sorted(p for p in GOLDEN.iterdir() if (p / "INDEX.json").is_file())


def _instance_api(go_type: str) -> bool:
    """The structs of the instance endpoints (the recorded Server is the server tests' own)."""
    return go_type.startswith("Instance") or go_type in ("ImageMetadata", "Response")


#: (id, directory, Go type, JSON object) for every object of the instance endpoints recorded.
OBJECTS = [
    (i, directory.name, t, o)
    for directory in DIRECTORIES
    for i, t, o in recorded_objects(directory, prefix=f"{directory.name}/", keep=_instance_api)
]


def _dialect(directory: str) -> codec.Dialect:
    return recorded_dialect(GOLDEN / directory)


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
