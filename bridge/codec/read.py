"""LXD JSON -> protobuf: per-field readers compiled once from the plans.

Reading builds the keyword arguments of the message constructors (nested dicts and lists) and
constructs the whole message once, in C, at the end. Every value is checked against the Go type
first, so a message is either complete or not returned at all.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

from lxd.api.v1 import options_pb2

from .errors import Fail, describe, entry_segment, index_segment, key_segment
from .plan import FieldPlan, Kind, MessagePlan, field_plan, option, plan_for
from .timefmt import ZERO_SECONDS, ZERO_TIME
from .timefmt import parse as parse_time

Reader = Callable[[Any, "Context"], Any]

_JSON_SCALARS = (str, int, bool, type(None))

MAX_DEPTH = 100
"""How deep untyped JSON (interface{}, map[string]interface{}) may nest."""

UNKNOWN_KEYS: Counter[str] = Counter()
"""Keys LXD sent that no field reads, by ``Message.key``: LXD adds keys with every extension."""


@dataclass(slots=True)
class Context:
    """What one from_json call needs on its way down."""

    strict: bool
    unknown: list[str] | None
    parsed_by_orjson: bool = False  # then raw JSON needs no check: orjson made every value


def _expected(what: str, value: Any) -> Fail:
    return Fail(f"expected {what}, got {describe(value)}")


def _read_string(value: Any, ctx: Context) -> Any:
    if type(value) is str:
        return value
    raise _expected("a string", value)


def _read_bool(value: Any, ctx: Context) -> Any:
    if type(value) is bool:
        return value
    raise _expected("a boolean", value)


def _int_reader(low: int, high: int, what: str) -> Reader:
    def read(value: Any, ctx: Context) -> Any:
        if type(value) is int:
            if low <= value <= high:
                return value
            raise Fail(f"expected {what} from {low} to {high}, got {value}")
        raise _expected(what, value)

    return read


def _time_reader(value: Any, ctx: Context) -> Any:
    if value == ZERO_TIME:
        return None
    if type(value) is not str:
        raise _expected("an RFC 3339 time string", value)
    try:
        parsed = parse_time(value)
    except ValueError as e:
        raise Fail(f"{e}, got {describe(value)}") from None
    if parsed is None:
        return None
    return {"seconds": parsed[0], "nanos": parsed[1]}


def _time_pointer_reader(value: Any, ctx: Context) -> Any:
    """A Go *time.Time: JSON null is the unset field (never read here), so Go's zero time is a set
    Timestamp at 0001-01-01T00:00:00Z, written back as the zero time, not as null."""
    read = _time_reader(value, ctx)
    return {"seconds": ZERO_SECONDS, "nanos": 0} if read is None else read


_DOUBLE_LIMIT = 2**1024 - 2**970  # the smallest integer float() rounds to infinity


def _check_untyped(value: Any, depth: int) -> None:
    """Accept only JSON values (no NaN or infinity), nested at most MAX_DEPTH deep."""
    kind = type(value)
    if kind is dict:
        if depth > MAX_DEPTH:
            raise Fail(f"JSON nested deeper than {MAX_DEPTH} levels")
        for k, v in value.items():
            if type(k) is not str:
                raise Fail(f"expected string keys, got {describe(k)}")
            try:
                _check_untyped(v, depth + 1)
            except Fail as f:
                raise f.at(entry_segment(k)) from None
    elif kind is list:
        if depth > MAX_DEPTH:
            raise Fail(f"JSON nested deeper than {MAX_DEPTH} levels")
        for i, v in enumerate(value):
            try:
                _check_untyped(v, depth + 1)
            except Fail as f:
                raise f.at(index_segment(i)) from None
    elif kind is float:
        if not math.isfinite(value):
            raise Fail("not a JSON number: NaN or infinity")
    elif kind is int and not -_DOUBLE_LIMIT < value < _DOUBLE_LIMIT:
        # Go reads an untyped number as a float64, and a Struct holds doubles. (The number is
        # not shown: it may have thousands of digits.)
        raise Fail("number out of the range of a double")
    elif kind not in _JSON_SCALARS:
        raise Fail(f"not a JSON value: {describe(value)}")


def _read_struct(value: Any, ctx: Context) -> Any:
    if type(value) is not dict:
        raise _expected("an object", value)
    _check_untyped(value, 1)
    return value  # upb builds a google.protobuf.Struct from a dict


def _to_value_kwargs(value: Any) -> dict[str, Any]:
    if value is None:
        return {"null_value": 0}
    kind = type(value)
    if kind is bool:
        return {"bool_value": value}
    if kind is int or kind is float:
        return {"number_value": float(value)}
    if kind is str:
        return {"string_value": value}
    if kind is list:  # a ListValue's items are Values again; an object is a Struct, from a dict
        return {"list_value": {"values": [_to_value_kwargs(v) for v in value]}}
    return {"struct_value": value}


def _read_value(value: Any, ctx: Context) -> Any:
    _check_untyped(value, 1)
    return _to_value_kwargs(value)


def _read_raw(value: Any, ctx: Context) -> Any:
    if not ctx.parsed_by_orjson:
        _check_untyped(value, 1)
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError as e:  # from parsed input: an integer beyond 64 bits, a surrogate
        raise Fail(f"cannot be kept as JSON text: {e}") from None


def _enum_string_reader(fp: FieldPlan) -> Reader:
    assert fp.enum is not None
    numbers = {option(v.GetOptions(), options_pb2.go_string): v.number for v in fp.enum.values}
    numbers.setdefault("", 0)
    names = ", ".join(repr(k) for k in numbers if k)

    def read(value: Any, ctx: Context) -> Any:
        if type(value) is not str:
            raise _expected("a string", value)
        try:
            return numbers[value]
        except KeyError:
            raise Fail(f"expected one of {names}, got {describe(value)}") from None

    return read


def _message_reader(fp: FieldPlan) -> Reader:
    assert fp.message is not None
    descriptor = fp.message
    wrapper = fp.wrapper_field

    if wrapper:
        inner = field_plan(descriptor.fields_by_name[wrapper])
        # A device's keys read as fields in error paths: Container.devices["eth0"].type
        is_map = inner.kind == Kind.MAP
        inner_reader = _map_reader(inner, key_segment) if is_map else reader_for(inner)

        def read_wrapped(value: Any, ctx: Context) -> Any:
            return {wrapper: inner_reader(value, ctx)}

        return read_wrapped

    if fp.kind == Kind.POINTER or fp.is_item:
        pointed = plan_for(descriptor)

        def read_pointer(value: Any, ctx: Context) -> Any:
            if type(value) is not dict:
                raise _expected("an object", value)
            return read_message(pointed, value, ctx)

        return read_pointer

    plan = plan_for(descriptor)

    def read_struct_value(value: Any, ctx: Context) -> Any:
        if type(value) is not dict:
            raise _expected("an object", value)
        kwargs = read_message(plan, value, ctx)
        # A Go struct value has no presence: its zero value reads as the unset field, which is
        # what the writer turns back into the zero object.
        return None if _is_zero(plan, kwargs) else kwargs

    return read_struct_value


def _is_zero(plan: MessagePlan, kwargs: dict[str, Any]) -> bool:
    """Whether constructor arguments describe a message with nothing set (Go's zero struct)."""
    for name, value in kwargs.items():
        if value is None:
            continue
        fp = plan.by_name.get(name)
        if fp is not None and fp.kind == Kind.MESSAGE and fp.message is not None:
            if not _is_zero(plan_for(fp.message), value):
                return False
        elif fp is not None and fp.kind in (Kind.TIME, Kind.TIME_POINTER, Kind.POINTER):
            return False  # a set time (the zero time already reads as None) or pointer
        elif value:
            return False
    return True


_ZERO: dict[Kind, Callable[[], Any]] = {
    Kind.STRING: str,
    Kind.BOOL: bool,
    Kind.INT: int,
    Kind.STATUS_CODE: int,
    Kind.STRING_ENUM: int,
    Kind.MESSAGE: dict,
    Kind.POINTER: dict,
    Kind.LIST: list,
    Kind.MAP: dict,
}


def _list_reader(fp: FieldPlan) -> Reader:
    assert fp.item is not None
    item = reader_for(fp.item)
    zero = _ZERO.get(fp.item.kind if not fp.item.wrapper_field else Kind.MAP, dict)
    strings = fp.item.kind == Kind.STRING

    def read(value: Any, ctx: Context) -> Any:
        if type(value) is not list:
            raise _expected("a list", value)
        if strings:
            for x in value:
                if type(x) is not str:
                    break
            else:
                return value
        out = []
        for i, x in enumerate(value):
            try:
                # Go leaves a null item at its zero value.
                out.append(zero() if x is None else item(x, ctx))
            except Fail as f:
                raise f.at(index_segment(i)) from None
        return out

    return read


def _map_reader(fp: FieldPlan, segment: Callable[[str], str] = entry_segment) -> Reader:
    assert fp.item is not None
    item = reader_for(fp.item)
    zero = _ZERO.get(fp.item.kind, dict)
    strings = fp.item.kind == Kind.STRING

    def read(value: Any, ctx: Context) -> Any:
        if type(value) is not dict:
            raise _expected("an object", value)
        if strings:
            for x in value.values():
                if type(x) is not str:
                    break
            else:
                return value
        out = {}
        for k, x in value.items():
            try:
                # Go stores a null entry as the zero value (a nil pointer, a nil inner map).
                out[k] = zero() if x is None else item(x, ctx)
            except Fail as f:
                raise f.at(segment(k)) from None
        return out

    return read


def reader_for(fp: FieldPlan) -> Reader:
    """The reader of a field, compiled once and kept on the plan."""
    cached: Reader | None = getattr(fp, "_reader", None)
    if cached is not None:
        return cached
    kind = fp.kind
    reader: Reader
    if kind == Kind.STRING:
        reader = _read_string
    elif kind == Kind.BOOL:
        reader = _read_bool
    elif kind == Kind.INT:
        assert fp.int_range is not None
        what = "an unsigned integer" if fp.int_range[0] == 0 else "an integer"
        reader = _int_reader(*fp.int_range, what)
    elif kind == Kind.STATUS_CODE:
        reader = _int_reader(-(2**31), 2**31 - 1, "an integer status code")
    elif kind == Kind.STRING_ENUM:
        reader = _enum_string_reader(fp)
    elif kind == Kind.TIME:
        reader = _time_reader
    elif kind == Kind.TIME_POINTER:
        reader = _time_pointer_reader
    elif kind in (Kind.MESSAGE, Kind.POINTER):
        reader = _message_reader(fp)
    elif kind == Kind.STRUCT:
        reader = _read_struct
    elif kind == Kind.VALUE:
        reader = _read_value
    elif kind == Kind.RAW:
        reader = _read_raw
    elif kind == Kind.LIST:
        reader = _list_reader(fp)
    else:
        reader = _map_reader(fp)
    fp._reader = reader  # type: ignore[attr-defined]
    return reader


_SHAPES: dict[type, tuple[Kind, ...]] = {
    list: (Kind.LIST,),
    dict: (Kind.MAP, Kind.MESSAGE, Kind.POINTER, Kind.STRUCT, Kind.VALUE, Kind.RAW),
    int: (Kind.INT, Kind.STATUS_CODE, Kind.VALUE, Kind.RAW),
    float: (Kind.VALUE, Kind.RAW),
    str: (Kind.STRING, Kind.TIME, Kind.TIME_POINTER, Kind.STRING_ENUM, Kind.VALUE, Kind.RAW),
    bool: (Kind.BOOL, Kind.VALUE, Kind.RAW),
}


def _pick(candidates: list[FieldPlan], value: Any) -> FieldPlan:
    """Of the fields that share a key (resources v1 and v2 ``cores``), the one whose JSON shape
    the value has; the dialect's own field when none does, so the error names it."""
    shapes = _SHAPES.get(type(value), ())
    for fp in candidates:
        if fp.kind in shapes:
            return fp
    return candidates[-1]


def read_message(plan: MessagePlan, obj: dict[str, Any], ctx: Context) -> dict[str, Any]:
    """The constructor keyword arguments of a message, from a JSON object."""
    reader: Callable[[dict[str, Any], Context], dict[str, Any]] | None = plan.__dict__.get(
        "_compiled"
    )
    if reader is None:
        reader = plan.__dict__["_compiled"] = _compile(plan)
    return reader(obj, ctx)


def _read_message_slowly(plan: MessagePlan, obj: dict[str, Any], ctx: Context) -> dict[str, Any]:
    """The general reader: unknown keys, keys in another case, keys several fields share."""
    kwargs: dict[str, Any] = {}
    empties: set[str] = set()
    by_key = plan.by_key
    for key, value in obj.items():
        candidates = by_key.get(key)
        if candidates is None:
            candidates = plan.by_folded_key.get(key.casefold())  # Go matches keys case-blind
            if candidates is None:
                _unknown(plan, key, ctx)
                continue
        fp = candidates[0] if len(candidates) == 1 else _pick(candidates, value)
        if value is None:
            continue  # Go leaves the field at its zero value
        try:
            kwargs[fp.name] = reader_for(fp)(value, ctx)
        except Fail as f:
            raise f.at(key_segment(key)) from None
        if fp.nilable:
            if value:
                empties.discard(fp.key)  # the key came before in another case: the last counts
            else:
                empties.add(fp.key)
    if empties and plan.has_empty_keys:
        # In field order, whatever the order of the keys: as the fast reader gives them.
        keys = dict.fromkeys(fp.key for fp in plan.fields if fp.nilable)
        kwargs["empty_keys"] = [k for k in keys if k in empties]
    return kwargs


def _compile(plan: MessagePlan) -> Callable[[dict[str, Any], Context], dict[str, Any]]:
    """Generate the fast reader of a message: one ``get`` per key, scalar checks inline.

    It handles the common case, an object whose keys are all keys of the message exactly; any
    other object (an unknown key, a key in another case) goes to the general reader, which gives
    the same result more slowly.
    """
    names: dict[str, Any] = {
        "Fail": Fail,
        "at": key_segment,
        "expected": _expected,
        "slowly": _read_message_slowly,
        "plan": plan,
        "MISSING": _MISSING,
        "pick": _pick,
        "reader_for": reader_for,
    }
    lines = ["def read(obj, ctx):", "    kw = {}", "    empties = None", "    n = 0", "    try:"]
    for i, (key, candidates) in enumerate(plan.by_key.items()):
        fp = candidates[0]
        lines += [
            f"        k = {key!r}",
            f"        v = obj.get({key!r}, MISSING)",
            "        if v is not MISSING:",
            "            n += 1",
            "            if v is not None:",
        ]
        body = "                "
        if len(candidates) > 1:  # a key fields share (resources v1 and v2 "cores")
            names[f"c{i}"] = candidates
            lines += [f"{body}fp = pick(c{i}, v)", f"{body}kw[fp.name] = reader_for(fp)(v, ctx)"]
            if any(c.nilable for c in candidates) and plan.has_empty_keys:
                lines += [
                    f"{body}if fp.nilable and not v:",
                    f"{body}    empties = empties or []",
                    f"{body}    empties.append(fp.key)",
                ]
        elif fp.kind == Kind.STRING:
            lines += [
                f"{body}if type(v) is not str: raise expected('a string', v)",
                f"{body}kw[{fp.name!r}] = v",
            ]
        elif fp.kind == Kind.BOOL:
            lines += [
                f"{body}if type(v) is not bool: raise expected('a boolean', v)",
                f"{body}kw[{fp.name!r}] = v",
            ]
        else:
            names[f"r{i}"] = reader_for(fp)
            lines.append(f"{body}kw[{fp.name!r}] = r{i}(v, ctx)")
            if fp.nilable and plan.has_empty_keys:
                lines += [
                    f"{body}if not v:",
                    f"{body}    empties = empties or []",
                    f"{body}    empties.append({fp.key!r})",
                ]
    lines += [
        "    except Fail as f:",
        "        raise f.at(at(k)) from None",
        "    if n != len(obj):",
        "        return slowly(plan, obj, ctx)",
    ]
    if plan.has_empty_keys:
        lines += ["    if empties is not None:", "        kw['empty_keys'] = empties"]
    lines.append("    return kw")
    exec(compile("\n".join(lines), f"<reader of {plan.descriptor.name}>", "exec"), names)
    reader: Callable[[dict[str, Any], Context], dict[str, Any]] = names["read"]
    return reader


_MISSING = object()


def _unknown(plan: MessagePlan, key: str, ctx: Context) -> None:
    if ctx.strict:
        raise Fail(f"unknown key {key!r} (strict mode)").at(key_segment(key))
    UNKNOWN_KEYS[f"{plan.descriptor.name}.{key}"] += 1
    if ctx.unknown is not None:
        ctx.unknown.append(f"{plan.descriptor.name}.{key}")
