"""Bad input gets a ConversionError naming the field and what was expected; never anything else."""

from __future__ import annotations

from typing import Any

import pytest

from bridge import codec

CASES = [
    # (type, payload, path, words the message must contain)
    ("ContainerPut", {"ephemeral": "true"}, "ContainerPut.ephemeral", "expected a boolean"),
    ("ContainerPut", {"ephemeral": 1}, "ContainerPut.ephemeral", "expected a boolean"),
    ("ContainerState", {"pid": True}, "ContainerState.pid", "expected an integer"),
    ("ContainerState", {"pid": "30"}, "ContainerState.pid", "expected an integer"),
    ("ContainerState", {"pid": 1.0}, "ContainerState.pid", "expected an integer"),
    ("ContainerState", {"pid": 2**63}, "ContainerState.pid", "from -9223372036854775808"),
    ("ResourcesMemory", {"total": -1}, "ResourcesMemory.total", "unsigned integer"),
    ("ResourcesMemory", {"total": 2**64}, "ResourcesMemory.total", "18446744073709551615"),
    ("ContainerBackupsPost", {"expiry": 3600}, "ContainerBackupsPost.expiry", "RFC 3339"),
    ("Operation", {"created_at": "yesterday"}, "Operation.created_at", "RFC 3339"),
    ("Operation", {"created_at": "2018-02-30T00:00:00Z"}, "Operation.created_at", "day 30"),
    ("Operation", {"created_at": "2018-01-01T25:00:00Z"}, "Operation.created_at", "time of day"),
    ("Operation", {"created_at": "0000-06-01T00:00:00Z"}, "Operation.created_at", "range"),
    ("ContainerPut", {"config": ["a"]}, "ContainerPut.config", "expected an object"),
    ("ContainerPut", {"config": {"a": 1}}, 'ContainerPut.config["a"]', "expected a string"),
    (
        "Container",
        {"devices": {"eth0": {"type": 5}}},
        'Container.devices["eth0"].type',
        "expected a string",
    ),
    ("ContainerPut", {"profiles": "default"}, "ContainerPut.profiles", "expected a list"),
    ("ContainerPut", {"profiles": ["a", 2]}, "ContainerPut.profiles[1]", "expected a string"),
    (
        "ContainerFull",
        {"snapshots": [{"name": "s"}, {"stateful": "no"}]},
        "ContainerFull.snapshots[1].stateful",
        "expected a boolean",
    ),
    ("ContainerFull", {"state": []}, "ContainerFull.state", "expected an object"),
    ("ContainerPost", {"live": "true"}, "ContainerPost.live", "expected a boolean"),
    ("Response", {"type": "later"}, "Response.type", "expected one of"),
    ("Operation", {"status_code": 2**40}, "Operation.status_code", "status code"),
    ("Container", [], "Container", "expected an object"),
    ("Container", "not json", "Container", "malformed JSON"),
    ("Container", b'{"name": "c1"', "Container", "malformed JSON"),
    ("Container", b'{"name": "\xff"}', "Container", "malformed JSON"),  # invalid UTF-8
    ("Container", {"name": "\ud800"}, "Container.name", "surrogate"),
    ("Container", "[" * 5000 + "]" * 5000, "Container", "malformed JSON"),  # absurd nesting
    ("Operation", {"metadata": {"a": float("nan")}}, 'Operation.metadata["a"]', "NaN"),
    # Parsed input can hold what JSON text cannot (found by tests/test_codec_properties.py):
    ("Operation", {"metadata": {"a": 10**400}}, 'Operation.metadata["a"]', "range of a double"),
    ("ResponseRaw", {"metadata": -(10**400)}, "ResponseRaw.metadata", "range of a double"),
    ("Operation", {"metadata": {"a": "\ud800"}}, "Operation.metadata", "surrogate"),
    ("Event", {"metadata": 2**64}, "Event.metadata", "64-bit"),
    ("Event", {"metadata": ["\ud800"]}, "Event.metadata", "surrogate"),
]


@pytest.mark.parametrize(
    ("type_name", "payload", "path", "words"), CASES, ids=[c[2] for c in CASES]
)
def test_bad_input_names_the_field_and_what_was_expected(
    type_name: str, payload: Any, path: str, words: str
) -> None:
    with pytest.raises(codec.ConversionError) as err:
        codec.from_json(type_name, payload)
    assert err.value.path == path
    assert words in str(err.value)
    assert isinstance(err.value, ValueError)


def test_untyped_values_nested_absurdly_deep_are_refused() -> None:
    deep: Any = "x"
    for _ in range(500):
        deep = {"a": deep}
    with pytest.raises(codec.ConversionError, match="nested deeper"):
        codec.from_json("Operation", {"metadata": deep})


def test_writing_refuses_raw_bytes_that_are_not_json() -> None:
    event = codec.from_json("Event", {"type": "logging"})
    event.metadata = b"{not json"
    with pytest.raises(codec.ConversionError) as err:
        codec.to_json(event)
    assert err.value.path == "Event.metadata"


def test_writing_refuses_a_response_type_lxd_has_no_string_for() -> None:
    response = codec.from_json("Response", {"type": "sync"})
    response.type = 42  # type: ignore[assignment]
    with pytest.raises(codec.ConversionError, match="no LXD string"):
        codec.to_json(response)


def test_an_unknown_type_name_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown LXD type 'Containr'"):
        codec.from_json("Containr", {})
