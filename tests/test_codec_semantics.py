"""The codec keeps what LXD's Go code keeps: a specification by cases (quirks.md has evidence)."""

from __future__ import annotations

import math
from typing import Any

import orjson
import pytest

from bridge import codec
from bridge.codec.dialect import Version

INT64_MIN, INT64_MAX, UINT64_MAX = -(2**63), 2**63 - 1, 2**64 - 1


def roundtrip(type_name: str, obj: Any, dialect: codec.Dialect = codec.LXD_3_4) -> Any:
    """LXD JSON -> proto -> binary -> proto -> LXD JSON."""
    msg = codec.from_json(type_name, obj)
    again = type(msg).FromString(msg.SerializeToString())
    assert again == msg
    return codec.to_json(again, dialect)


# --- keys and embedding ------------------------------------------------------------------------


def test_hyphenated_and_renamed_go_tags_are_the_keys() -> None:
    msg = codec.from_json(
        "ContainerExecPost",
        {"command": ["sh"], "wait-for-websocket": True, "record-output": True},
    )
    assert msg.wait_for_websocket and msg.record_output
    out = codec.to_json(msg, codec.LXD_3_4)
    assert out["wait-for-websocket"] is True and out["record-output"] is True


def test_embedded_structs_are_flattened_both_ways() -> None:
    obj = {"name": "c1", "config": {"limits.cpu": "2"}, "ephemeral": True, "profiles": ["default"]}
    msg = codec.from_json("Container", obj)
    assert msg.name == "c1" and msg.config["limits.cpu"] == "2" and msg.ephemeral
    out = codec.to_json(msg, codec.LXD_3_4)
    assert "put" not in out and out["config"] == {"limits.cpu": "2"}


def test_device_wrappers_never_appear_in_the_json() -> None:
    devices = {"eth0": {"type": "nic", "nictype": "bridged"}, "root": {"type": "disk"}}
    msg = codec.from_json("ContainerPut", {"devices": devices})
    assert msg.devices["eth0"].values["nictype"] == "bridged"
    assert roundtrip("ContainerPut", {"devices": devices})["devices"] == devices


# --- omitempty, nil and empty --------------------------------------------------------------------


def test_omitempty_keys_are_left_out_when_empty_and_others_are_always_written() -> None:
    out = codec.to_json(codec.from_json("ContainerSource", {"type": "image"}), codec.LXD_3_4)
    assert out == {"type": "image", "certificate": ""}


def test_nil_lists_and_maps_are_null_and_empty_ones_stay_empty() -> None:
    # A stopped container's state has null disk and network; a running one has objects.
    stopped = roundtrip("ContainerState", {"disk": None, "network": None, "status": "Stopped"})
    assert stopped["disk"] is None and stopped["network"] is None
    running = roundtrip("ContainerState", {"disk": {}, "network": {}})
    assert running["disk"] == {} and running["network"] == {}
    listed = roundtrip("Profile", {"used_by": [], "config": {}})
    assert listed["used_by"] == [] and listed["config"] == {}
    # A key left out is nil for Go, and written back as null.
    assert roundtrip("Profile", {})["used_by"] is None


@pytest.mark.parametrize(
    "obj",
    [
        {"auth_methods": [], "api_extensions": []},
        {"auth_methods": [], "api_extensions": [], "future_key": 1},  # read by the general reader
        {"api_extensions": [], "auth_methods": [], "API_EXTENSIONS": []},  # Go matches case-blind
    ],
    ids=["key-order", "key-order-unknown-key", "same-key-twice"],
)
def test_empty_collections_are_recorded_once_in_field_order(obj: dict[str, Any]) -> None:
    msg = codec.from_json("ServerUntrusted", obj)
    assert list(msg.empty_keys) == ["api_extensions", "auth_methods"]


def test_of_a_key_sent_twice_in_other_cases_the_last_counts() -> None:
    msg = codec.from_json("ContainerExecPost", {"command": [], "COMMAND": ["sh"]})
    assert list(msg.command) == ["sh"] and list(msg.empty_keys) == []
    assert codec.to_json(msg, codec.LXD_3_4)["command"] == ["sh"]


def test_a_message_built_by_a_client_writes_empty_collections_as_go_nil() -> None:
    msg = codec.from_json("ProfilePut", {})
    assert codec.to_json(msg, codec.LXD_3_4) == {"config": None, "description": "", "devices": None}


def test_struct_values_are_written_even_when_unset_and_pointers_are_null() -> None:
    out = codec.to_json(codec.from_json("ContainerFull", {}), codec.LXD_3_4)
    assert out["state"] is None  # *ContainerState
    state = codec.to_json(codec.from_json("ContainerState", {}), codec.LXD_3_4)
    assert state["memory"] == {"usage": 0, "usage_peak": 0, "swap_usage": 0, "swap_usage_peak": 0}
    assert state["cpu"] == {"usage": 0}


def test_null_leaves_a_field_at_its_zero_value_as_in_go() -> None:
    out = roundtrip("Container", {"name": None, "ephemeral": None, "status_code": None})
    assert out["name"] == "" and out["ephemeral"] is False and out["status_code"] == 0


# --- numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("type_name", "key", "value"),
    [
        ("ContainerState", "pid", INT64_MAX),
        ("ContainerState", "pid", INT64_MIN),
        ("ContainerState", "processes", -1),  # the pids cgroup could not be read
        ("ContainerStateMemory", "swap_usage", -4096),
        ("ContainerStateCPU", "usage", -1),  # cpuacct could not be read
        ("ResourcesMemory", "total", UINT64_MAX),
        ("Image", "size", 2**53 + 1),  # beyond a double's exact range
    ],
    ids=str,
)
def test_integers_are_exact_json_numbers_over_their_whole_range(
    type_name: str, key: str, value: int
) -> None:
    out = codec.to_json_bytes(codec.from_json(type_name, {key: value}), codec.LXD_3_4)
    assert f'"{key}":{value}'.encode() in out
    assert roundtrip(type_name, {key: value})[key] == value


def test_status_codes_are_integers_and_unknown_ones_survive() -> None:
    assert roundtrip("Operation", {"status_code": 200})["status_code"] == 200
    assert roundtrip("Operation", {"status_code": 999})["status_code"] == 999
    assert roundtrip("Container", {"status_code": 0})["status_code"] == 0


# --- times ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "written"),
    [
        ("2018-08-24T10:00:00Z", "2018-08-24T10:00:00Z"),
        ("2018-08-24T10:00:00.500000000Z", "2018-08-24T10:00:00.5Z"),  # RFC3339Nano trims zeros
        ("2015-11-17T22:32:02.226176091-05:00", "2015-11-18T03:32:02.226176091Z"),  # same instant
        ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),  # the epoch sentinel is a value
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),  # Go's zero time: the unset field
    ],
)
def test_times_are_instants_written_as_go_writes_them(sent: str, written: str) -> None:
    assert roundtrip("Operation", {"created_at": sent})["created_at"] == written


def test_zero_time_is_the_unset_field_and_the_epoch_is_set() -> None:
    assert not codec.from_json("Image", {"expires_at": "0001-01-01T00:00:00Z"}).HasField(
        "expires_at"
    )
    epoch = codec.from_json("Image", {"expires_at": "1970-01-01T00:00:00Z"})
    assert epoch.HasField("expires_at") and epoch.expires_at.seconds == 0
    assert codec.to_json(codec.from_json("Image", {}), codec.LXD_3_4)["last_used_at"] == (
        "0001-01-01T00:00:00Z"
    )


def test_the_utc_offset_the_daemon_wrote_is_not_kept() -> None:
    """A documented limit: Timestamp holds the instant only (see the Timestamp field comments)."""
    msg = codec.from_json("Event", {"timestamp": "2016-02-17T11:44:28.572721913-05:00"})
    assert codec.to_json(msg)["timestamp"] == "2016-02-17T16:44:28.572721913Z"


# --- untyped values ------------------------------------------------------------------------------


def test_server_config_keeps_the_hidden_key_true_and_strings() -> None:
    config = {"core.https_address": "[::]:8443", "core.trust_password": True, "user.x": None}
    out = roundtrip("ServerPut", {"config": config})
    assert out["config"] == config
    assert out["config"]["core.trust_password"] is True  # not "true": PUT would reset it


def test_operation_metadata_keeps_json_types() -> None:
    metadata = {"return": 0, "output": {"1": "/1.0/x", "2": "/1.0/y"}, "progress": 0.5, "ok": False}
    out = roundtrip("Operation", {"metadata": metadata, "resources": {"containers": ["/1.0/c"]}})
    assert out["metadata"] == metadata and isinstance(out["metadata"]["return"], int)
    assert out["resources"] == {"containers": ["/1.0/c"]}


def test_untyped_numbers_are_exact_up_to_2_53_and_rounded_beyond() -> None:
    """A documented limit, as in Go (interface{} holds float64): Struct numbers are doubles."""
    exact = roundtrip("Operation", {"metadata": {"n": 2**53}})
    assert exact["metadata"]["n"] == 2**53
    rounded = roundtrip("Operation", {"metadata": {"n": 2**53 + 1}})
    assert rounded["metadata"]["n"] == 2**53


@pytest.mark.parametrize(
    "number",
    [
        -0.0,  # Go writes -0
        2.0**63,  # written as an integer, as Go does
        2.0**64,  # beyond 64 bits: written as a float (the same double), not an integer
        -(2.0**63) - 2048,
        1e300,
    ],
    ids=str,
)
def test_untyped_numbers_are_written_so_they_read_back_the_same_double(number: float) -> None:
    msg = codec.from_json("Operation", {"metadata": {"n": number}})
    again = codec.from_json("Operation", codec.to_json_bytes(msg))
    assert again == msg
    assert math.copysign(1.0, again.metadata["n"]) == math.copysign(1.0, number)


@pytest.mark.parametrize(
    "metadata",
    [["/1.0/a", 1, None, {"x": [True, 2.5]}], 5, "text", True, None, {"a": {"b": []}}],
    ids=["list", "number", "string", "bool", "null", "object"],
)
def test_an_untyped_value_keeps_any_json_shape(metadata: Any) -> None:
    assert roundtrip("ResponseRaw", {"type": "sync", "metadata": metadata})["metadata"] == metadata


def test_raw_json_keeps_every_value_and_integer_exactly() -> None:
    metadata = {"id": "x", "big": INT64_MAX, "nested": [1, {"a": None}], "f": 1.25}
    out = roundtrip("Event", {"type": "operation", "metadata": metadata})
    assert out["metadata"] == metadata
    raw = codec.from_json("Event", orjson.dumps({"metadata": metadata})).metadata
    assert orjson.loads(raw) == metadata


# --- dialects ------------------------------------------------------------------------------------


def test_backup_keys_are_read_in_both_dialects_and_written_in_the_one_given() -> None:
    old = codec.from_json("ContainerBackup", {"creation_date": "2018-08-24T10:00:00Z"})
    new = codec.from_json("ContainerBackup", {"created_at": "2018-08-24T10:00:00Z"})
    assert old == new
    assert codec.to_json(old, codec.LXD_3_4)["creation_date"] == "2018-08-24T10:00:00Z"
    out_5 = codec.to_json(old, codec.LXD_5_0)
    assert out_5["created_at"] == "2018-08-24T10:00:00Z" and "creation_date" not in out_5
    post = codec.from_json("ContainerBackupsPost", {"expiry": "2018-08-24T10:00:00Z"})
    assert "expires_at" in codec.to_json(post, codec.LXD_5_0)
    assert "expiry" in codec.to_json(post, codec.LXD_3_4)


def test_resources_cores_is_a_number_in_v1_and_a_list_in_v2() -> None:
    v1 = codec.from_json("ResourcesCPUSocket", {"cores": 4, "threads": 8})
    assert codec.to_json(v1, codec.LXD_3_4)["cores"] == 4
    v2 = codec.from_json("ResourcesCPUSocket", {"cores": [{"core": 0}, {"core": 1}]})
    assert [c["core"] for c in codec.to_json(v2, codec.LXD_5_0)["cores"]] == [0, 1]
    assert "threads" not in codec.to_json(v2, codec.LXD_5_0)


def test_keys_added_after_a_dialect_are_not_written_in_it() -> None:
    msg = codec.from_json("Container", {"type": "container", "project": "default"})
    assert "type" not in codec.to_json(msg, codec.LXD_3_4)
    assert codec.to_json(msg, codec.LXD_5_0)["type"] == "container"


@pytest.mark.parametrize(
    ("server", "family", "version", "lxd_level"),
    [
        pytest.param(
            {"environment": {"server": "lxd", "server_version": "5.0.2"}, "api_extensions": []},
            "lxd",
            (5, 0, 2),
            (5, 0, 2),
            id="lxd-5.0.2",
        ),
        pytest.param(
            {"environment": {"server_version": "3.4"}, "api_extensions": []},
            "lxd",
            (3, 4, 0),
            (3, 4, 0),
            id="lxd-3.4-without-server-name",
        ),
        pytest.param(
            {"api_extensions": ["resources_v2", "instances"]},
            "lxd",
            (3, 18, 0),
            (3, 18, 0),
            id="untrusted-view-by-extensions",
        ),
        pytest.param({"api_extensions": []}, "lxd", (3, 4, 0), (3, 4, 0), id="nothing-said"),
        pytest.param(
            {"environment": {"server": "incus", "server_version": "6.0.4"}, "api_extensions": []},
            "incus",
            (6, 0, 4),
            (5, 18, 0),
            id="incus-6.0.4-writes-what-lxd-5.18-wrote",
        ),
        pytest.param(
            {"environment": {"server": "lxd", "server_version": "5.21.3"}, "api_extensions": []},
            "lxd",
            (5, 21, 3),
            (5, 0, 9),
            id="newer-lxd-served-as-newest-known",
        ),
    ],
)
def test_dialect_for_reads_family_version_and_extensions(
    server: dict[str, Any], family: str, version: Version, lxd_level: Version
) -> None:
    for source in (server, codec.from_json("Server", server)):
        dialect = codec.dialect_for(source)
        assert (dialect.family, dialect.version, dialect.lxd_level) == (family, version, lxd_level)


def test_an_incus_server_is_never_taken_for_lxd() -> None:
    incus = codec.dialect_for(
        {"environment": {"server": "incus", "server_version": "6.0.4"}, "api_extensions": ["x"]}
    )
    assert incus == codec.INCUS_6_0
    assert incus.name == "Incus 6.0.4"
    assert incus.header("uid") == "X-Incus-uid"
    assert codec.LXD_5_0.header("uid") == "X-LXD-uid"
    assert incus.instances == "/1.0/instances"
    assert (codec.LXD_3_4.instances, codec.LXD_5_0.instances) == ("/1.0/containers",) * 2
    assert incus.has("x") and not incus.has("instances")
    # Incus's 6.0 must not be read as an LXD 6.0 that has dropped the keys LXD removed later:
    # it writes every key LXD 5.18 wrote, such as instances' "type" and "project".
    msg = codec.from_json("Container", {"type": "container", "project": "default"})
    assert codec.to_json(msg, incus)["type"] == "container"


def test_a_newer_server_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    server = {"environment": {"server": "incus", "server_version": "7.9.1"}}
    with caplog.at_level("WARNING", logger="bridge.codec.dialect"):
        first = codec.dialect_for(server)
        codec.dialect_for(server)
    assert first.newer_than_known and first.lxd_level == codec.INCUS_6_0.lxd_level
    assert [r.getMessage() for r in caplog.records] == [
        "Incus 7.9.1 is newer than any release this bridge knows; serving it as Incus 6.0.4"
    ]


def test_dialects_are_equal_when_they_write_the_same_json() -> None:
    """An Incus 6.0 and an LXD 6.0 (were there one) share a version number, not their JSON."""
    lxd_6 = codec.dialect_for({"environment": {"server": "lxd", "server_version": "6.0.4"}})
    assert lxd_6 != codec.INCUS_6_0
    assert lxd_6.version == codec.INCUS_6_0.version
    assert codec.dialect_for({"environment": {"server": "lxd", "server_version": "5.0.2"}}) == (
        codec.LXD_5_0
    )


# --- unknown keys --------------------------------------------------------------------------------


def test_unknown_keys_are_tolerated_and_counted_or_rejected_in_strict_mode() -> None:
    seen: list[str] = []
    before = codec.UNKNOWN_KEYS["Profile.future_key"]
    codec.from_json("Profile", {"name": "p", "future_key": 1}, unknown=seen)
    assert seen == ["Profile.future_key"]
    assert codec.UNKNOWN_KEYS["Profile.future_key"] == before + 1
    with pytest.raises(codec.ConversionError) as err:
        codec.from_json("Profile", {"name": "p", "future_key": 1}, strict=True)
    assert err.value.path == "Profile.future_key"


def test_keys_match_case_insensitively_as_in_go() -> None:
    assert codec.from_json("Profile", {"NAME": "p"}).name == "p"
