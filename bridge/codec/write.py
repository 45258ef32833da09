"""protobuf -> LXD JSON, as LXD's Go encoding/json writes it, in a given dialect.

Each message type gets, per dialect, a writer built once from the plan (see compiled_writer).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import orjson
from google.protobuf.message import Message
from google.protobuf.struct_pb2 import ListValue, Struct, Value

from lxd.api.v1 import options_pb2

from .dialect import Dialect
from .errors import Fail, entry_segment, index_segment, key_segment
from .plan import FieldPlan, Kind, MessagePlan, field_plan, option, plan_for
from .timefmt import MAX_SECONDS, ZERO_SECONDS, ZERO_TIME, format_time

Writer = Callable[[Any], Any]

_NEEDS_ZERO_OBJECT = object()  # template marker: a struct value, written as its zero object


def _write_time(ts: Any) -> Any:
    seconds, nanos = ts.seconds, ts.nanos
    if not (ZERO_SECONDS <= seconds <= MAX_SECONDS and 0 <= nanos <= 999_999_999):
        raise Fail(f"timestamp out of range: seconds={seconds} nanos={nanos}")
    if seconds == ZERO_SECONDS and nanos == 0:
        return ZERO_TIME
    return format_time(seconds, nanos)


def _number(n: float) -> int | float:
    """A double as Go writes a float64: integral values without a fraction, where orjson can
    write them as integers (64 bits), -0.0 excepted (an int has no negative zero)."""
    if n.is_integer() and -(2**63) <= n < 2**64 and (n or math.copysign(1.0, n) > 0):
        return int(n)
    return n


def value_to_json(v: Value) -> Any:
    """A google.protobuf.Value as the JSON value it holds."""
    kind = v.WhichOneof("kind")
    if kind == "string_value":
        return v.string_value
    if kind == "number_value":
        n = v.number_value
        if not math.isfinite(n):
            raise Fail("not a JSON number: NaN or infinity")
        return _number(n)
    if kind == "bool_value":
        return v.bool_value
    if kind == "struct_value":
        return struct_to_json(v.struct_value)
    if kind == "list_value":
        return list_to_json(v.list_value)
    return None  # null_value, or nothing set: Go's nil interface{}


def struct_to_json(s: Struct) -> dict[str, Any]:
    """A google.protobuf.Struct as a JSON object."""
    out = {}
    for k, v in s.fields.items():
        try:
            out[k] = value_to_json(v)
        except Fail as f:
            raise f.at(entry_segment(k)) from None
    return out


def list_to_json(lv: ListValue) -> list[Any]:
    """A google.protobuf.ListValue as a JSON list."""
    out = []
    for i, v in enumerate(lv.values):
        try:
            out.append(value_to_json(v))
        except Fail as f:
            raise f.at(index_segment(i)) from None
    return out


def _write_raw(raw: bytes) -> Any:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        raise Fail(f"expected raw JSON text, got bytes that do not parse: {e}") from None


def _enum_string_writer(fp: FieldPlan) -> Writer:
    assert fp.enum is not None
    strings = {v.number: option(v.GetOptions(), options_pb2.go_string) for v in fp.enum.values}

    def write(number: Any) -> Any:
        try:
            return strings[number]
        except KeyError:
            raise Fail(f"enum value {number} has no LXD string") from None

    return write


def _list_writer(item: Writer | None) -> Writer:
    if item is None:
        return list

    def write(values: Any) -> Any:
        out = []
        for i, v in enumerate(values):
            try:
                out.append(item(v))
            except Fail as f:
                raise f.at(index_segment(i)) from None
        return out

    return write


def _map_writer(item: Writer | None) -> Writer:
    if item is None:
        # Indexing a upb map by its keys is faster than iterating its items.
        return lambda values: {k: values[k] for k in values}

    def write(values: Any) -> Any:
        out = {}
        for k in values:
            try:
                out[k] = item(values[k])
            except Fail as f:
                raise f.at(entry_segment(k)) from None
        return out

    return write


def _field_writer(fp: FieldPlan, dialect: Dialect) -> Writer | None:
    """The writer of a field's set value in a dialect; None when the value is written as is."""
    kind = fp.kind
    if kind in (Kind.STRING, Kind.BOOL, Kind.INT, Kind.STATUS_CODE):
        return None
    if kind == Kind.STRING_ENUM:
        return _enum_string_writer(fp)
    if kind in (Kind.TIME, Kind.TIME_POINTER):
        return _write_time
    if kind in (Kind.MESSAGE, Kind.POINTER):
        assert fp.message is not None
        if fp.wrapper_field:
            name = fp.wrapper_field
            inner = _field_writer(field_plan(fp.message.fields_by_name[name]), dialect)
            inner = inner or (lambda v: v)
            return lambda msg: inner(getattr(msg, name))
        return compiled_writer(plan_for(fp.message), dialect)
    if kind == Kind.STRUCT:
        return struct_to_json
    if kind == Kind.VALUE:
        return value_to_json
    if kind == Kind.RAW:
        return _write_raw
    assert fp.item is not None
    item = _field_writer(fp.item, dialect)
    return _list_writer(item) if kind == Kind.LIST else _map_writer(item)


def _zero_json(fp: FieldPlan) -> Any:
    """What Go writes for the field's zero value."""
    kind = fp.kind
    if kind == Kind.STRING:
        return ""
    if kind == Kind.BOOL:
        return False
    if kind in (Kind.INT, Kind.STATUS_CODE):
        return 0
    if kind == Kind.STRING_ENUM:
        return _enum_string_writer(fp)(0)
    if kind == Kind.TIME:
        return ZERO_TIME
    if kind == Kind.MESSAGE:
        return _NEEDS_ZERO_OBJECT
    return None  # pointers, slices, maps, interface{} and json.RawMessage: nil is null


MessageWriter = Callable[[Message], dict[str, Any]]


def compiled_writer(plan: MessagePlan, dialect: Dialect) -> MessageWriter:
    """The writer of a message type in a dialect, built once: it copies the JSON of the zero
    message (every key without omitempty, in declaration order) and overwrites the fields the
    message has set (``ListFields``), so unset fields cost nothing."""
    # Cached per dialect: equal dialects (same family and LXD level) write the same JSON.
    writers: dict[Dialect, MessageWriter] = plan.__dict__.setdefault("_writers", {})
    found = writers.get(dialect)
    if found is not None:
        return found

    base: dict[str, Any] = {}
    as_is: dict[Any, str] = {}  # field -> key, for values written as they are (scalars)
    converted: dict[Any, tuple[str, Writer]] = {}  # field -> (key, writer)
    empties: dict[str, tuple[str, type]] = {}
    zero_objects: list[tuple[str, MessagePlan]] = []
    empty_keys_field = plan.descriptor.fields_by_name.get("empty_keys")

    def write(msg: Message) -> dict[str, Any]:
        out = base.copy()
        key = ""
        try:
            for fd, value in msg.ListFields():
                key_as_is = as_is.get(fd)
                if key_as_is is not None:
                    out[key_as_is] = value
                    continue
                entry = converted.get(fd)
                if entry is not None:
                    key, fn = entry
                    out[key] = fn(value)
                elif fd is empty_keys_field:
                    for name in value:
                        empty = empties.get(name)
                        if empty is not None and out[empty[0]] is None:
                            out[empty[0]] = empty[1]()
                # else: not in this dialect
        except Fail as f:
            raise f.at(key_segment(key)) from None
        for k, sub in zero_objects:
            if out[k] is _NEEDS_ZERO_OBJECT:
                out[k] = compiled_writer(sub, dialect)(sub.cls())
        return out

    writers[dialect] = write  # before the fields: messages may nest (through Struct only)
    for fp in plan.fields:
        if not fp.written_in(dialect):
            continue
        key = fp.key_in(dialect)
        fn = _field_writer(fp, dialect)
        if fn is None:
            as_is[fp.descriptor] = key
        else:
            converted[fp.descriptor] = (key, fn)
        # omitempty has no effect on struct values (a struct is never empty), time.Time included.
        if fp.omitempty and fp.kind not in (Kind.MESSAGE, Kind.TIME):
            continue
        zero = _zero_json(fp)
        if key in base and zero is None:
            continue  # another field of the same key (resources v1/v2) already gives the zero
        base[key] = zero
        if zero is _NEEDS_ZERO_OBJECT:
            assert fp.message is not None
            zero_objects.append((key, plan_for(fp.message)))
        if fp.nilable and plan.has_empty_keys:
            empties[fp.key] = (key, list if fp.kind == Kind.LIST else dict)
    return write
