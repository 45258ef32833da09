"""Properties of the codec, checked on random input (hypothesis).

1. Every valid message of every type survives proto -> LXD JSON -> proto exactly, in both
   dialects, as bytes, as parsed JSON and through the binary encoding. The strategy is built from
   the descriptors and plans, so a field added to the schema is covered without a change here.
2. Nothing but ConversionError comes out of ``from_json``, whatever it is given: arbitrary parsed
   JSON (NaN, huge integers, lone surrogates included), random bytes, and real LXD responses
   (tests/testdata/lxd-5.0) or written messages with values replaced, keys deleted or added, the
   text cut or a byte flipped. What is accepted is written again and reads back the same.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import orjson
import pytest
from google.protobuf.descriptor import Descriptor
from google.protobuf.message import Message
from google.protobuf.struct_pb2 import Struct, Value
from google.protobuf.timestamp_pb2 import Timestamp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bridge import codec
from bridge.codec.plan import FieldPlan, Kind, MessagePlan, message_types, option, plan_for
from bridge.codec.timefmt import MAX_SECONDS, ZERO_SECONDS
from lxd.api.v1 import options_pb2
from tests.test_codec_golden import OBJECTS as GOLDEN_OBJECTS

DIALECTS = [codec.LXD_3_4, codec.LXD_5_0]
TYPES = sorted(
    name
    for name, descriptor in message_types().items()
    if not option(descriptor.GetOptions(), options_pb2.wrapper)  # Device, StringList
)
MAX_DEPTH = 4  # messages nest only through Struct, which is generated separately
MAX_JSON_DEPTH = 5

# Reproducible enough for CI: a fixed number of examples, no example database.
ROUND_TRIP = settings(
    max_examples=25,
    deadline=None,
    database=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ROBUSTNESS = settings(ROUND_TRIP, max_examples=300)

# --- valid messages -----------------------------------------------------------------------------

TEXT = st.text(st.characters(codec="utf-8"), max_size=8)  # UTF-8: no lone surrogates
BOUNDARY_DOUBLES = st.sampled_from([-0.0, 2.0**63, 2.0**64, -(2.0**63) - 2048, 1e21, 5e-324])
UNTYPED_SCALARS = (
    st.none()
    | st.booleans()
    | st.text(st.characters(codec="utf-8"), max_size=6)
    | st.integers(-(2**53), 2**53)  # a double holds these exactly
    | st.floats(allow_nan=False, allow_infinity=False)
    | BOUNDARY_DOUBLES  # where Go writes an integer, or not
)
RAW_SCALARS = (
    st.none()
    | st.booleans()
    | st.text(st.characters(codec="utf-8"), max_size=6)
    | st.integers(-(2**63), 2**64 - 1)  # raw JSON keeps every 64-bit integer exactly
    | st.floats(allow_nan=False, allow_infinity=False)
)


def json_trees(scalars: st.SearchStrategy[Any], depth: int) -> st.SearchStrategy[Any]:
    """JSON values nested at most ``depth`` levels."""
    if depth == 0:
        return scalars
    inner = json_trees(scalars, depth - 1)
    return scalars | st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3)


def to_struct(obj: dict[str, Any]) -> Struct:
    struct = Struct()
    struct.update(obj)
    return struct


def to_value(obj: Any) -> Value:
    return to_struct({"v": obj}).fields["v"]


STRUCTS = st.dictionaries(TEXT, json_trees(UNTYPED_SCALARS, MAX_JSON_DEPTH - 1), max_size=4).map(
    to_struct
)
VALUES = json_trees(UNTYPED_SCALARS, MAX_JSON_DEPTH).filter(lambda v: v is not None).map(to_value)
RAW = json_trees(RAW_SCALARS, MAX_JSON_DEPTH).filter(lambda v: v is not None).map(orjson.dumps)
TIMESTAMPS = st.builds(
    Timestamp,
    seconds=st.integers(ZERO_SECONDS, MAX_SECONDS),
    nanos=st.integers(0, 999_999_999),
).filter(lambda t: (t.seconds, t.nanos) != (ZERO_SECONDS, 0))  # Go's zero time: the unset field


def enum_values(fp: FieldPlan) -> list[int]:
    """The numbers of a string enum that LXD has a string for (0 is "")."""
    assert fp.enum is not None
    return [
        v.number
        for v in fp.enum.values
        if v.number == 0 or option(v.GetOptions(), options_pb2.go_string)
    ]


def field_values(fp: FieldPlan, dialect: codec.Dialect, depth: int) -> st.SearchStrategy[Any]:
    """Values of a field (or list item, map value) that LXD JSON carries exactly; None is unset."""
    kind = fp.kind
    if kind == Kind.STRING:
        return TEXT
    if kind == Kind.BOOL:
        return st.booleans()
    if kind == Kind.INT:
        assert fp.int_range is not None
        return st.integers(*fp.int_range)
    if kind == Kind.STATUS_CODE:
        return st.integers(-(2**31), 2**31 - 1)  # unknown codes are kept
    if kind == Kind.STRING_ENUM:
        return st.sampled_from(enum_values(fp))
    if kind in (Kind.TIME, Kind.TIME_POINTER):
        return TIMESTAMPS
    if kind in (Kind.MESSAGE, Kind.POINTER):
        assert fp.message is not None
        messages = valid_messages(fp.message, dialect, depth + 1)
        if kind == Kind.MESSAGE and not fp.is_item:
            # A Go struct value has no presence: the all-zero struct is the unset field.
            return messages.map(lambda m: m if m.ListFields() else None)
        return messages
    if kind == Kind.STRUCT:
        return STRUCTS
    if kind == Kind.VALUE:
        return VALUES  # never null: an unset Value and a null one are both written as null
    if kind == Kind.RAW:
        return RAW
    assert fp.item is not None
    items = field_values(fp.item, dialect, depth)
    if kind == Kind.LIST:
        return st.lists(items, max_size=3)
    return st.dictionaries(TEXT, items, max_size=3)


@cache
def valid_messages(
    descriptor: Descriptor, dialect: codec.Dialect, depth: int = 0
) -> st.SearchStrategy[Message]:
    """Messages whose LXD JSON in ``dialect`` reads back to an equal message.

    Built from the plan, following the codec's documented rules:

    - only fields the dialect writes (``written_in``), so of two fields sharing a key (resources
      v1/v2 ``cores``) only the dialect's one;
    - strings without lone surrogates; integers within the proto type's range; StatusCode any
      int32; string enums (ResponseType) only values with a go_string (0 is "");
    - times from 0001-01-01 to 9999-12-31, never Go's zero time (that instant is the unset field);
    - struct values (Kind.MESSAGE) unset or not all zero (Go has no presence for a struct value);
      pointers, list items and map values any message, recursively valid; wrappers any content;
    - Struct: nested JSON of strings, booleans, nulls, finite floats and integers up to 2**53;
      Value: the same but not a top-level null; raw JSON: any JSON text but ``null``;
    - ``empty_keys``: a subset, in field order, of the keys of the nil-able lists and maps
      (no omitempty) the message leaves empty.
    """
    plan = plan_for(descriptor)
    if depth > MAX_DEPTH:
        return st.just(plan.cls())
    written = [fp for fp in plan.fields if fp.written_in(dialect)]
    fields = [(fp, field_values(fp, dialect, depth)) for fp in written]
    nilable = [fp for fp in written if fp.nilable] if plan.has_empty_keys else []

    @st.composite
    def build(draw: st.DrawFn) -> Message:
        kwargs: dict[str, Any] = {}
        for fp, values in fields:
            if draw(st.booleans()):
                value = draw(values)
                if value is not None:
                    kwargs[fp.name] = value
        empty_keys = [fp.key for fp in nilable if not kwargs.get(fp.name) and draw(st.booleans())]
        if empty_keys:
            kwargs["empty_keys"] = empty_keys
        return plan.cls(**kwargs)

    return build()


def test_a_dialect_writes_each_key_from_one_field_at_most() -> None:
    """What lets the strategy skip fields by ``written_in`` alone."""
    for name in TYPES:
        plan = plan_for(message_types()[name])
        for dialect in DIALECTS:
            keys = [fp.key_in(dialect) for fp in plan.fields if fp.written_in(dialect)]
            assert len(keys) == len(set(keys)), (name, dialect.name)


@pytest.mark.parametrize("dialect", DIALECTS, ids=[d.name for d in DIALECTS])
@pytest.mark.parametrize("type_name", TYPES)
@ROUND_TRIP
@given(data=st.data())
def test_valid_message_round_trips_exactly(
    type_name: str, dialect: codec.Dialect, data: st.DataObject
) -> None:
    msg = data.draw(valid_messages(message_types()[type_name], dialect), label="msg")
    assert codec.from_json(type_name, codec.to_json_bytes(msg, dialect)) == msg
    assert codec.from_json(type_name, codec.to_json(msg, dialect)) == msg  # parsed by the caller
    again = type(msg).FromString(msg.SerializeToString())
    assert codec.from_json(type_name, codec.to_json_bytes(again, dialect)) == msg


# --- anything else: ConversionError or a message that is written and read back -----------------

ANY_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-(2**80), 2**80)
    | st.sampled_from([2**63, 2**64, -(2**63) - 1, 10**400, -(10**400)])
    | st.floats()  # NaN and infinities included
    | st.text(max_size=6)  # lone surrogates included
    | st.sampled_from(["", "0001-01-01T00:00:00Z", "2018-08-24T10:00:00.5+01:00", "sync"])
)
ANY_JSON = st.recursive(
    ANY_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)


def project(msg: Message, dialect: codec.Dialect) -> Message:
    """A copy of a message without what the dialect does not write (fields it lacks, and struct
    values left all zero by that), i.e. what its JSON in that dialect can carry."""
    out = type(msg)()
    out.CopyFrom(msg)
    _project(out, dialect)
    return out


def _project(msg: Message, dialect: codec.Dialect) -> None:
    plan: MessagePlan = plan_for(msg.DESCRIPTOR)
    written: set[str] = set()
    for fp in plan.fields:
        if not fp.written_in(dialect):
            msg.ClearField(fp.name)
            continue
        written.add(fp.key)
        kind, item = fp.kind, fp.item
        if kind in (Kind.MESSAGE, Kind.POINTER) and msg.HasField(fp.name):
            sub = getattr(msg, fp.name)
            _project(sub, dialect)
            if kind == Kind.MESSAGE and not sub.ListFields():
                msg.ClearField(fp.name)
        elif kind == Kind.LIST and item is not None and item.kind in (Kind.MESSAGE, Kind.POINTER):
            for sub in getattr(msg, fp.name):
                _project(sub, dialect)
        elif kind == Kind.MAP and item is not None and item.kind in (Kind.MESSAGE, Kind.POINTER):
            values = getattr(msg, fp.name)
            for key in values:
                _project(values[key], dialect)
    if plan.has_empty_keys:
        kept = [k for k in msg.empty_keys if k in written]  # type: ignore[attr-defined]
        del msg.empty_keys[:]  # type: ignore[attr-defined]
        msg.empty_keys.extend(kept)  # type: ignore[attr-defined]


def check_read(type_name: str, payload: Any) -> None:
    """``from_json`` raises ConversionError or returns a message that survives a round trip in
    the newest dialect (the golden data is LXD 5.0) as far as that dialect carries it."""
    try:
        msg = codec.from_json(type_name, payload)
    except codec.ConversionError:
        return
    written = codec.to_json_bytes(msg, codec.LXD_5_0)
    assert codec.from_json(type_name, written) == project(msg, codec.LXD_5_0)


def slots(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a JSON value, depth first."""
    found: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        for k, v in value.items():
            found.append((value, k))
            found.extend(slots(v))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found.append((value, i))
            found.extend(slots(v))
    return found


def objects(value: Any) -> list[dict[str, Any]]:
    """Every JSON object in a JSON value, the value itself included."""
    found = [value] if isinstance(value, dict) else []
    for container, key in slots(value):
        if isinstance(container[key], dict):
            found.append(container[key])
    return found


@st.composite
def mutated(draw: st.DrawFn, obj: Any, values: st.SearchStrategy[Any]) -> Any:
    """A copy of a JSON value with one to three edits: a value replaced, a key deleted, a key
    added (a new one, or an existing one in another case: Go matches keys case-blind)."""
    obj = orjson.loads(orjson.dumps(obj))
    for _ in range(draw(st.integers(1, 3))):
        edit = draw(st.sampled_from(["replace", "delete", "add", "recase"]))
        places = slots(obj)
        if edit == "replace" and places:
            container, key = draw(st.sampled_from(places))
            container[key] = draw(values)
            continue
        targets = objects(obj)
        if not targets:
            obj = draw(values)
            continue
        target = draw(st.sampled_from(targets))
        if edit == "delete" and target:
            del target[draw(st.sampled_from(sorted(target)))]
        elif edit == "recase" and target:
            key = draw(st.sampled_from(sorted(target)))
            target[draw(st.sampled_from([key.upper(), key.title(), key.swapcase()]))] = draw(
                st.sampled_from([target[key], None]) | values
            )
        else:
            target[draw(st.text(max_size=6))] = draw(values)
    return obj


def as_text(obj: Any) -> bytes:
    """JSON text as Python writes it: big integers, NaN and lone surrogates (as escapes) too."""
    return json.dumps(obj).encode()


@st.composite
def damaged(draw: st.DrawFn, text: bytes) -> bytes:
    """JSON text cut short or with one byte changed, or as it is."""
    edit = draw(st.sampled_from(["none", "cut", "flip"]))
    if edit == "cut":
        return text[: draw(st.integers(0, max(len(text) - 1, 0)))]
    if edit == "flip" and text:
        i = draw(st.integers(0, len(text) - 1))
        return text[:i] + bytes([draw(st.integers(0, 255))]) + text[i + 1 :]
    return text


GOLDEN = st.sampled_from([(t, o) for _, t, o in GOLDEN_OBJECTS])
TYPE_NAMES = st.sampled_from(TYPES)


@ROBUSTNESS
@given(type_name=TYPE_NAMES, obj=ANY_JSON)
def test_arbitrary_parsed_json_is_read_or_refused_with_conversion_error(
    type_name: str, obj: Any
) -> None:
    check_read(type_name, obj)


@ROBUSTNESS
@given(data=st.data())
def test_written_json_with_arbitrary_values_is_read_or_refused_with_conversion_error(
    data: st.DataObject,
) -> None:
    type_name = data.draw(TYPE_NAMES, label="type_name")
    dialect = data.draw(st.sampled_from(DIALECTS), label="dialect")
    msg = data.draw(valid_messages(message_types()[type_name], dialect), label="msg")
    obj = data.draw(mutated(codec.to_json(msg, dialect), ANY_JSON), label="obj")
    check_read(type_name, obj)


@ROBUSTNESS
@given(data=st.data())
def test_mutated_lxd_responses_are_read_or_refused_with_conversion_error(
    data: st.DataObject,
) -> None:
    type_name, obj = data.draw(GOLDEN, label="golden")
    obj = data.draw(mutated(obj, ANY_JSON), label="obj")
    text = data.draw(damaged(as_text(obj)), label="text")
    check_read(type_name, text)
    check_read(type_name, obj)


@ROBUSTNESS
@given(type_name=TYPE_NAMES, payload=st.binary(max_size=64) | st.text(max_size=64))
def test_random_bytes_are_read_or_refused_with_conversion_error(
    type_name: str, payload: bytes | str
) -> None:
    check_read(type_name, payload)
