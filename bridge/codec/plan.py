"""Per-message plans, built once from the descriptors and their options.

Nothing here lists LXD's fields: every key, Go type, omitempty flag and release comes from the
options in proto/lxd/api/v1 (see options.proto). A FieldPlan says what JSON shape a field takes
(its ``kind``) and when a dialect writes it.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any, cast

from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, EnumDescriptor, FieldDescriptor
from google.protobuf.message import Message

import lxd.api.v1
from lxd.api.v1 import options_pb2

from .dialect import Dialect, KeyRules, Version, parse_version


class Kind(Enum):
    """The JSON shape of a field, as LXD's Go types give it."""

    STRING = "string"
    BOOL = "bool"
    INT = "int"  # int, int64, uint32, uint64: a JSON number within the proto type's range
    STATUS_CODE = "status_code"  # an integer enum (StatusCode): LXD's number, unknown ones kept
    STRING_ENUM = "string_enum"  # a Go string type (ResponseType): the enum's go_string
    TIME = "time"  # time.Time: RFC 3339; the unset field is Go's zero time
    TIME_POINTER = "time_pointer"  # *time.Time: RFC 3339 or null
    MESSAGE = "message"  # a Go struct value: written even when unset (as its zero value)
    POINTER = "pointer"  # *Struct: null when unset
    STRUCT = "struct"  # map[string]interface{}: a google.protobuf.Struct
    VALUE = "value"  # interface{}: a google.protobuf.Value
    RAW = "raw"  # json.RawMessage (or a 5.0 tree kept opaque): bytes holding JSON text
    LIST = "list"  # []T
    MAP = "map"  # map[string]T


# Timestamp, Struct and Value have their own JSON shapes; Device and StringList are wrappers.
_TIMESTAMP = "google.protobuf.Timestamp"
_STRUCT = "google.protobuf.Struct"
_VALUE = "google.protobuf.Value"

_INT_RANGES: dict[int, tuple[int, int]] = {
    FieldDescriptor.TYPE_INT64: (-(2**63), 2**63 - 1),
    FieldDescriptor.TYPE_SINT64: (-(2**63), 2**63 - 1),
    FieldDescriptor.TYPE_INT32: (-(2**31), 2**31 - 1),
    FieldDescriptor.TYPE_UINT64: (0, 2**64 - 1),
    FieldDescriptor.TYPE_UINT32: (0, 2**32 - 1),
}


@dataclass(eq=False)
class FieldPlan:
    """How one proto field reads and writes its JSON key."""

    name: str
    key: str  # the key written (json_key or json_name; rules may rename it for a dialect)
    kind: Kind
    go_type: str
    omitempty: bool
    descriptor: FieldDescriptor
    # For LIST and MAP: the kind of the items; for MESSAGE-like kinds: the message plan.
    item: FieldPlan | None = None
    message: Descriptor | None = None
    int_range: tuple[int, int] | None = None
    enum: EnumDescriptor | None = None
    wrapper_field: str = ""  # set when the item is a wrapper message (Device, StringList)
    is_item: bool = False  # a list item or map value rather than a field of its own
    rules: KeyRules | None = None  # when and under which key a dialect writes it (fields only)

    @property
    def nilable(self) -> bool:
        """A Go slice or map without omitempty: written as null when nil, recorded in empty_keys."""
        return self.kind in (Kind.LIST, Kind.MAP) and not self.omitempty

    def written_in(self, dialect: Dialect) -> bool:
        """Whether a dialect has this key at all (the dialect decides, from the options)."""
        return self.rules is None or dialect.writes(self.rules)

    def key_in(self, dialect: Dialect) -> str:
        """The key this field has in a dialect."""
        return self.key if self.rules is None else dialect.key_of(self.rules)


@dataclass(eq=False)
class MessagePlan:
    """The fields of one message, by proto name and by every JSON key that reads them."""

    descriptor: Descriptor
    cls: type[Message]
    fields: list[FieldPlan]
    by_key: dict[str, list[FieldPlan]] = field(default_factory=dict)
    by_folded_key: dict[str, list[FieldPlan]] = field(default_factory=dict)
    by_name: dict[str, FieldPlan] = field(default_factory=dict)
    has_empty_keys: bool = False
    wrapper_field: str = ""


def option(options: Any, extension: Any) -> Any:
    """The value of a custom option (typed loosely: the extensions are generated)."""
    return options.Extensions[extension]


def _version(text: str) -> Version | None:
    return parse_version(text) if text else None


def _scalar_kind(fd: FieldDescriptor, go_type: str) -> tuple[Kind, Any]:
    """The kind of a non-repeated, non-map field (or of a list item / map value)."""
    t = fd.type
    if t == FieldDescriptor.TYPE_STRING:
        return Kind.STRING, None
    if t == FieldDescriptor.TYPE_BOOL:
        return Kind.BOOL, None
    if t == FieldDescriptor.TYPE_BYTES:
        return Kind.RAW, None
    if t in _INT_RANGES:
        return Kind.INT, _INT_RANGES[t]
    if t == FieldDescriptor.TYPE_ENUM:
        enum = fd.enum_type
        assert enum is not None
        string_typed = option(enum.GetOptions(), options_pb2.go_underlying_type) == "string"
        return (Kind.STRING_ENUM if string_typed else Kind.STATUS_CODE), enum
    if t == FieldDescriptor.TYPE_MESSAGE:
        assert fd.message_type is not None
        name = fd.message_type.full_name
        if name == _TIMESTAMP:
            return (Kind.TIME_POINTER if go_type.startswith("*") else Kind.TIME), None
        if name == _STRUCT:
            return Kind.STRUCT, None
        if name == _VALUE:
            return Kind.VALUE, None
        pointer = go_type.startswith("*") or go_type.startswith("map[string]*")
        return (Kind.POINTER if pointer else Kind.MESSAGE), fd.message_type
    raise TypeError(f"{fd.full_name}: proto type {t} has no LXD JSON mapping")


def _item_plan(fd: FieldDescriptor, go_type: str) -> FieldPlan:
    """The plan of a list item or map value."""
    kind, extra = _scalar_kind(fd, go_type)
    plan = FieldPlan(
        name=fd.name,
        key="",
        kind=kind,
        go_type=go_type,
        omitempty=False,
        descriptor=fd,
        is_item=True,
    )
    _fill(plan, kind, extra)
    return plan


def _fill(plan: FieldPlan, kind: Kind, extra: Any) -> None:
    if kind == Kind.INT:
        plan.int_range = extra
    elif kind in (Kind.STATUS_CODE, Kind.STRING_ENUM):
        plan.enum = extra
    elif kind in (Kind.MESSAGE, Kind.POINTER):
        plan.message = extra
        if option(extra.GetOptions(), options_pb2.wrapper):
            plan.wrapper_field = "values"


def field_plan(fd: FieldDescriptor) -> FieldPlan:
    """The plan of one field of a message, from its descriptor and options."""
    opts = fd.GetOptions()
    go_type = option(opts, options_pb2.go_type)
    key = option(opts, options_pb2.json_key) or fd.json_name
    plan = FieldPlan(
        name=fd.name,
        key=key,
        kind=Kind.STRING,
        go_type=go_type,
        omitempty=option(opts, options_pb2.omitempty),
        descriptor=fd,
    )
    if fd.message_type is not None and fd.message_type.GetOptions().map_entry:
        value_fd = fd.message_type.fields_by_name["value"]
        plan.kind = Kind.MAP
        plan.item = _item_plan(value_fd, go_type.split("]", 1)[1] if "]" in go_type else "")
    elif fd.is_repeated:
        plan.kind = Kind.LIST
        plan.item = _item_plan(fd, go_type[2:] if go_type.startswith("[]") else go_type)
    else:
        kind, extra = _scalar_kind(fd, go_type)
        plan.kind = kind
        _fill(plan, kind, extra)
    # A field of a struct only one family has (message_family) is that family's too.
    struct = fd.message_type
    if struct is not None and struct.GetOptions().map_entry:
        struct = struct.fields_by_name["value"].message_type
    family = option(opts, options_pb2.family) or (
        option(struct.GetOptions(), options_pb2.message_family) if struct is not None else ""
    )
    plan.rules = KeyRules(
        key=key,
        since=_version(option(opts, options_pb2.since)),
        removed_in=_version(option(opts, options_pb2.removed_in)),
        renamed_to=option(opts, options_pb2.renamed_to),
        renamed_in=_version(option(opts, options_pb2.renamed_in)),
        family=family,
        incus_since=_version(option(opts, options_pb2.incus_since)),
        incus_renamed_to=option(opts, options_pb2.incus_renamed_to),
    )
    return plan


@cache
def plan_for(descriptor: Descriptor) -> MessagePlan:
    """The plan of a message, built once per message type."""
    cls = message_factory.GetMessageClass(descriptor)
    fields = [
        field_plan(fd)
        for fd in descriptor.fields
        if not option(fd.GetOptions(), options_pb2.bridge_field)
    ]
    plan = MessagePlan(descriptor, cls, fields)
    plan.has_empty_keys = "empty_keys" in descriptor.fields_by_name
    if option(descriptor.GetOptions(), options_pb2.wrapper):
        plan.wrapper_field = "values"
    for fp in fields:
        plan.by_name[fp.name] = fp
        keys = fp.rules.keys if fp.rules is not None else {fp.key}
        for key in keys:
            plan.by_key.setdefault(key, []).append(fp)
            plan.by_folded_key.setdefault(key.casefold(), []).append(fp)
    return plan


@cache
def message_types() -> dict[str, Descriptor]:
    """Every LXD type of package lxd.api.v1, by its name (the Go struct name).

    Files that declare a gRPC service (``*_service.proto``) are left out: their messages are the
    bridge's request and response envelopes, never LXD JSON.
    """
    found: dict[str, Descriptor] = {}
    for info in pkgutil.iter_modules(lxd.api.v1.__path__):
        if not info.name.endswith("_pb2"):
            continue
        module = importlib.import_module(f"lxd.api.v1.{info.name}")
        if module.DESCRIPTOR.services_by_name:
            continue
        found.update(module.DESCRIPTOR.message_types_by_name)
    return found


def descriptor_of(message_type: str | type[Message] | Descriptor) -> Descriptor:
    """Resolve a seed type name (``"Container"``), a message class or a descriptor."""
    if isinstance(message_type, Descriptor):
        return message_type
    if isinstance(message_type, str):
        try:
            return message_types()[message_type]
        except KeyError:
            raise ValueError(f"unknown LXD type {message_type!r}") from None
    return cast(Descriptor, message_type.DESCRIPTOR)
