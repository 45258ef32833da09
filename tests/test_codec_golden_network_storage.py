"""Network ACL, zone, forward, peer and volume snapshot, backup and state responses recorded from
the real daemons (tools/capture_golden_network_storage.py) round-trip exactly.

Each directory tests/testdata/<family>-<x.y>-network-storage/ holds one daemon's answers and its
INDEX.json. As in test_codec_golden: every recorded body is read as the Go type INDEX.json names
(the envelope as Response), goes through proto and binary and back, and is written in the dialect
of the daemon that sent it; the JSON must equal what it sent. Times compare as instants.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from bridge import codec
from lxd.api.v1 import storage_pool_volume_snapshot_pb2
from tests.recordings import TESTDATA, recorded_dialect, recorded_objects
from tests.test_codec_vectors import as_instants

DIRECTORIES = sorted(TESTDATA.glob("*-network-storage"))


def _not_server(go_type: str) -> bool:
    return go_type != "Server"  # GET /1.0 only names the dialect here; test_codec_golden has it


_dialect = recorded_dialect


CASES = [
    (d, *o) for d in DIRECTORIES for o in recorded_objects(d, prefix=f"{d.name}/", keep=_not_server)
]


@pytest.mark.parametrize("name", ["lxd-5.0-network-storage", "incus-6.0-network-storage"])
def test_the_recordings_cover_every_struct_a_daemon_sent(name: str) -> None:
    directory = TESTDATA / name
    assert directory in DIRECTORIES
    recorded = {t for d, _, t, _ in CASES if d == directory}
    for needed in (
        "NetworkACL", "NetworkZone", "NetworkZoneRecord", "NetworkForward",
        "StorageVolumeSnapshot", "StoragePoolVolumeBackup", "Operation", "Response",
    ):  # fmt: skip
        assert needed in recorded, f"no recorded {needed}"
    if name.startswith("incus"):
        assert "StorageVolumeState" in recorded, "Incus answers the dir pool's state"


@pytest.mark.parametrize(
    ("directory", "type_name", "obj"),
    [pytest.param(c[0], c[2], c[3], id=c[1]) for c in CASES],
)
def test_recorded_object_round_trips_exactly(
    directory: Path, type_name: str, obj: dict[str, Any]
) -> None:
    unknown: list[str] = []
    msg = codec.from_json(type_name, orjson.dumps(obj), unknown=unknown)
    assert unknown == [], f"keys the daemon sent that the schema lacks: {unknown}"
    again = type(msg).FromString(msg.SerializeToString())
    assert as_instants(codec.to_json(again, _dialect(directory))) == as_instants(obj)


def test_a_go_pointer_to_the_zero_time_is_kept_apart_from_null() -> None:
    # StorageVolumeSnapshot.ExpiresAt is a *time.Time: LXD 5.0.2 sends null in a list and Go's
    # zero time for the same snapshot read alone. Both must come back as sent (a regression: the
    # zero time used to read as the unset field, and came back as null).
    for sent in (b'{"expires_at":null}', b'{"expires_at":"0001-01-01T00:00:00Z"}'):
        msg = codec.from_json("StorageVolumeSnapshotPut", sent)
        assert isinstance(msg, storage_pool_volume_snapshot_pb2.StorageVolumeSnapshotPut)
        written = codec.to_json(msg, _dialect(TESTDATA / "lxd-5.0-network-storage"))
        assert written["expires_at"] == orjson.loads(sent)["expires_at"]
    zero = codec.from_json("StorageVolumeSnapshotPut", b'{"expires_at":"0001-01-01T00:00:00Z"}')
    assert zero.HasField("expires_at") and zero.expires_at == Timestamp(seconds=-62135596800)
