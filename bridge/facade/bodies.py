"""Bodies: LXD JSON from the client's messages (PATCH bodies included) and messages from LXD's."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar, cast

from google.protobuf.field_mask_pb2 import FieldMask
from google.protobuf.message import Message

from bridge import codec
from bridge.codec.plan import Kind, plan_for
from bridge.errors import InvalidRequest, clip
from bridge.transport import JsonObject

__all__ = ["decode", "encode", "patch_body", "string_list"]

_log = logging.getLogger(__name__)

M = TypeVar("M", bound=Message)


def patch_body(put: Message, mask: FieldMask, dialect: codec.Dialect, *, field: str) -> JsonObject:
    """The JSON body of a PATCH: exactly the fields of ``put`` named in ``mask``.

    Fields are named by their proto name (top level only). A masked field is sent as the codec
    writes it for the dialect, except that an empty list or map is sent as ``[]`` or ``{}``
    rather than null, since that is what a client means by masking it (LXD: ``profiles: []``
    removes them all, null keeps them). A masked field the dialect has no key for, or an empty
    omitempty one, is left out, as Go would. Raises InvalidRequest for an empty mask or a name
    that is not a field.
    """
    if not mask.paths:
        raise InvalidRequest(
            "update_mask is empty: name the fields to send (a field left out is left alone)",
            field="update_mask",
        )
    plan = plan_for(put.DESCRIPTOR)
    full = encode(put, dialect, field=field)
    body: JsonObject = {}
    for path in mask.paths:
        fp = plan.by_name.get(path)
        if fp is None:
            known = ", ".join(plan.by_name)
            raise InvalidRequest(
                f"update_mask: {clip(path)!r} is not a field of {put.DESCRIPTOR.name} ({known})",
                field="update_mask",
            )
        if not fp.written_in(dialect):
            continue
        key = fp.key_in(dialect)
        value = full.get(key)
        if value is None and fp.kind in _EMPTY_VALUES:
            value = _EMPTY_VALUES[fp.kind]()
        if value is not None or key in full:
            body[key] = value
    return body


#: What an empty list or map (a Go slice, map or map[string]interface{}) is sent as in a PATCH.
_EMPTY_VALUES: dict[Kind, Callable[[], Any]] = {Kind.LIST: list, Kind.MAP: dict, Kind.STRUCT: dict}


def encode(message: Message, dialect: codec.Dialect, *, field: str) -> JsonObject:
    """LXD JSON for a message the client sent; a value LXD JSON cannot carry is InvalidRequest."""
    try:
        return codec.to_json(message, dialect)
    except codec.ConversionError as e:
        raise InvalidRequest(f"{field}: {e}", field=field) from e


def decode(message_type: type[M], payload: Any) -> M:
    """Read LXD's JSON into a message (a failure is INTERNAL: LXD sent it).

    Keys no field reads are kept out of the message and counted in ``codec.UNKNOWN_KEYS``; the
    first time a key turns up it is logged, since it means LXD has grown a field this schema
    lacks.
    """
    before = len(codec.UNKNOWN_KEYS)
    message = cast(M, codec.from_json(message_type, payload))
    if len(codec.UNKNOWN_KEYS) != before:
        new = list(codec.UNKNOWN_KEYS)[before:]  # a Counter keeps insertion order
        _log.warning("LXD sent keys the schema does not have (dropped): %s", ", ".join(new))
    return message


def string_list(metadata: Any) -> list[str]:
    """A list of strings from LXD (null is Go's nil slice)."""
    if metadata is None:
        return []
    if not isinstance(metadata, list) or not all(isinstance(e, str) for e in metadata):
        raise codec.ConversionError("[]string", "expected a list of strings from LXD")
    return metadata
