"""The codec: LXD JSON <-> the protobuf messages of lxd.api.v1, losslessly and fast.

    from bridge import codec
    msg = codec.from_json("Container", payload, strict=False)  # bytes | str | parsed JSON
    obj = codec.to_json(msg, dialect=codec.LXD_5_0)  # parsed JSON, as LXD's Go code emits it
    raw = codec.to_json_bytes(msg, dialect=codec.LXD_5_0)  # the same, as bytes for the wire
    d = codec.dialect_for(server)  # family and version from GET /1.0 (a dict) or a Server message

Keys are the Go json tags; embedded structs are flattened; wrapper messages (Device, StringList)
never appear in the JSON. Go's rules are kept: omitempty keys are left out when empty, every other
key is always written (null for nil slices and maps, Go's zero time for an unset time), integers
are JSON numbers over their whole range, and a null in the input leaves the field at its zero
value. Reading accepts every LXD release's keys; writing uses the dialect given. Unknown keys are
counted in ``UNKNOWN_KEYS`` (LXD adds keys with every extension) or, with ``strict=True``,
rejected. Any bad input raises ConversionError naming the field; nothing is returned half done.
"""

from __future__ import annotations

from typing import Any

import orjson
from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor
from google.protobuf.message import Message

from .dialect import INCUS_6_0, KNOWN_DIALECTS, LXD_3_4, LXD_5_0, Dialect, dialect_for
from .errors import ConversionError, Fail, describe
from .plan import MessagePlan, descriptor_of, plan_for
from .read import UNKNOWN_KEYS, Context, read_message
from .write import compiled_writer

__all__ = [
    "INCUS_6_0",
    "KNOWN_DIALECTS",
    "LXD_3_4",
    "LXD_5_0",
    "UNKNOWN_KEYS",
    "ConversionError",
    "Dialect",
    "dialect_for",
    "from_json",
    "to_json",
    "to_json_bytes",
]

_RAW_INPUT = (bytes, bytearray, memoryview, str)
_PLANS: dict[Any, MessagePlan] = {}  # from_json's message_type -> plan


def from_json(
    message_type: str | type[Message] | Descriptor,
    payload: Any,
    strict: bool = False,
    *,
    unknown: list[str] | None = None,
) -> Message:
    """Read LXD JSON into a new message.

    ``message_type`` is a seed type name (``"Container"``) or a message class; ``payload`` is
    JSON text (bytes or str) or already parsed JSON (a dict). Unknown keys are counted in
    UNKNOWN_KEYS and appended, as ``Message.key``, to ``unknown`` when a list is given; with
    ``strict=True`` they raise ConversionError instead. Raises ConversionError for malformed
    JSON and for any value the Go type does not accept.
    """
    plan = _PLANS.get(message_type)
    if plan is None:
        plan = _PLANS[message_type] = plan_for(descriptor_of(message_type))
    descriptor = plan.descriptor
    root = descriptor.name
    data = payload
    if isinstance(payload, _RAW_INPUT):
        try:
            data = orjson.loads(payload)
        except (orjson.JSONDecodeError, TypeError, ValueError) as e:
            raise ConversionError(root, f"malformed JSON: {e}") from None
    if data is None:
        return plan.cls()  # Go: decoding null into a struct leaves it at its zero value
    if type(data) is not dict:
        raise ConversionError(root, f"expected an object, got {describe(data)}")
    try:
        kwargs = read_message(plan, data, Context(strict, unknown, data is not payload))
    except Fail as f:
        raise f.to_error(root) from None
    except RecursionError:
        raise ConversionError(root, "JSON nested too deeply") from None
    try:
        return plan.cls(**kwargs)
    except (TypeError, ValueError, UnicodeError, RecursionError) as e:
        raise ConversionError(_locate(descriptor, kwargs, root), str(e)) from None


def to_json(message: Message, dialect: Dialect = LXD_5_0) -> dict[str, Any]:
    """The JSON object (dicts, lists, str, int, float, bool, None) LXD's Go code writes for a
    message in the given dialect. Raises ConversionError for a value LXD JSON cannot carry."""
    descriptor = message.DESCRIPTOR
    try:
        return compiled_writer(plan_for(descriptor), dialect)(message)
    except Fail as f:
        raise f.to_error(descriptor.name) from None


def to_json_bytes(message: Message, dialect: Dialect = LXD_5_0) -> bytes:
    """``to_json`` as compact UTF-8 JSON bytes, ready to send to LXD."""
    return orjson.dumps(to_json(message, dialect))


def _locate(descriptor: Descriptor, kwargs: dict[str, Any], path: str) -> str:
    """The path of the value the message constructor refused (only on the error path)."""
    cls = message_factory.GetMessageClass(descriptor)
    for name, value in kwargs.items():
        try:
            cls(**{name: value})
            continue
        except (TypeError, ValueError, UnicodeError, RecursionError):
            pass
        fd = descriptor.fields_by_name[name]
        here = f"{path}.{fd.json_name}"
        sub = fd.message_type
        if sub is not None and sub.full_name.startswith("google.protobuf."):
            return here  # a Struct or Value: its dict is JSON, not constructor arguments
        if sub is not None and not sub.GetOptions().map_entry and type(value) is dict:
            return _locate(sub, value, here)
        if sub is not None and sub.GetOptions().map_entry and type(value) is dict:
            inner = sub.fields_by_name["value"].message_type
            for k, v in value.items():
                try:
                    cls(**{name: {k: v}})
                except (TypeError, ValueError, UnicodeError, RecursionError):
                    if inner is not None and type(v) is dict:
                        return _locate(inner, v, f'{here}["{k}"]')
                    return f'{here}["{k}"]'
        if sub is not None and type(value) is list:
            for i, v in enumerate(value):
                try:
                    cls(**{name: [v]})
                except (TypeError, ValueError, UnicodeError, RecursionError):
                    return _locate(sub, v, f"{here}[{i}]") if type(v) is dict else f"{here}[{i}]"
        return here
    return path
