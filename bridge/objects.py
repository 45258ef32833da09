"""Go semantics of LXD's shared/api helpers, on the protobuf messages.

    writable(obj)        Go's obj.Writable(): the modifiable part (the embedded ...Put struct)
    is_active(container) Go's Container.IsActive()
    is_final(code)       Go's StatusCode.IsFinal()
    status_name(code)    Go's StatusCode.String()

Everything is read from the descriptors and their custom options (embeds, go_string), so a field
added to the protos needs no change here.
"""

from __future__ import annotations

from typing import Any, cast

from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message

from lxd.api.v1 import container_full_pb2, container_pb2, options_pb2, status_code_pb2

__all__ = ["is_active", "is_final", "status_name", "writable"]

# The structs that have a Writable() method in LXD's shared/api (LXD 3.4; then those of network
# ACLs, zones, records, forwards, peers and volume snapshots, LXD 5.0.2). Each embeds <Name>Put.
_WRITABLE = frozenset(
    {
        "Certificate",
        "Container",
        "Image",
        "Network",
        "Profile",
        "Server",
        "StoragePool",
        "StorageVolume",
    }
) | frozenset(
    {
        "NetworkACL",
        "NetworkForward",
        "NetworkPeer",
        "NetworkZone",
        "NetworkZoneRecord",
        "StorageVolumeSnapshot",
    }
)

_EMPTY_KEYS = "empty_keys"


def _option(options: Any, extension: Any) -> Any:
    """A custom option (options.proto) from a descriptor's options; typeshed cannot type these."""
    return options.Extensions[extension]


# Go's StatusCode.String(): the go_string option of each StatusCode value; unknown codes give "".
_STATUS_NAMES: dict[int, str] = {
    value.number: cast(str, _option(value.GetOptions(), options_pb2.go_string))
    for value in status_code_pb2.DESCRIPTOR.enum_types_by_name["StatusCode"].values
}
# Go's Container.IsActive() is false for exactly these codes.
_INACTIVE = frozenset({status_code_pb2.STATUS_CODE_STOPPED, status_code_pb2.STATUS_CODE_ERROR})
_FINAL_FROM = 200


def _put_descriptor(descriptor: Descriptor) -> Descriptor:
    """The message of the embedded Put struct, named by the message's embeds option."""
    embeds = cast(list[str], _option(descriptor.GetOptions(), options_pb2.embeds))
    put_name = f"{descriptor.name}Put"
    if put_name not in embeds:
        raise TypeError(f"{descriptor.full_name} does not embed {put_name}")
    return descriptor.file.pool.FindMessageTypeByName(f"{descriptor.file.package}.{put_name}")


def _json_key(field: FieldDescriptor) -> str:
    """The LXD JSON key of a field: its json_key option when set, else its json_name."""
    return cast(str, _option(field.GetOptions(), options_pb2.json_key)) or field.json_name


def _shape(field: FieldDescriptor) -> tuple[object, ...]:
    """What must agree for a field to be copied as is: list-ness, wire type, message/enum type.

    A map's entry message is named after its field's message (ContainerPut.ConfigEntry), so maps
    compare by their key and value shapes.
    """
    entry = field.message_type
    if entry is not None and entry.GetOptions().map_entry:
        fields = entry.fields_by_name
        return ("map", _shape(fields["key"]), _shape(fields["value"]))
    named = entry or field.enum_type
    return field.is_repeated, field.type, named.full_name if named else ""


def _copy_field(source: Message, target: Message, src: FieldDescriptor) -> None:
    """Copy one field by name, keeping presence: unset message fields stay unset."""
    name = src.name
    if src.is_repeated:  # lists and maps
        getattr(target, name).MergeFrom(getattr(source, name))
    elif src.message_type is not None:
        if source.HasField(name):
            getattr(target, name).CopyFrom(getattr(source, name))
    else:
        setattr(target, name, getattr(source, name))


def writable(obj: Message) -> Message:
    """Return the modifiable part of an LXD object, as Go's Writable() does.

    For the objects that have Writable() in LXD (Certificate, Container, Image, Network, Profile,
    Server, StoragePool, StorageVolume; NetworkACL, NetworkForward, NetworkPeer, NetworkZone,
    NetworkZoneRecord, StorageVolumeSnapshot) this is a new <Name>Put message holding the fields
    of the embedded Put struct, copied by name, with the empty_keys entries that name its keys.
    Raises TypeError for any other message.
    """
    descriptor = cast(Descriptor, obj.DESCRIPTOR)
    if descriptor.name not in _WRITABLE or descriptor.file.package != "lxd.api.v1":
        raise TypeError(f"{descriptor.full_name} has no Writable() in LXD")
    put_descriptor = _put_descriptor(descriptor)
    put = message_factory.GetMessageClass(put_descriptor)()
    for field in put_descriptor.fields:
        if field.name == _EMPTY_KEYS:
            continue
        src = descriptor.fields_by_name.get(field.name)
        if src is None or _shape(src) != _shape(field):
            raise TypeError(f"{descriptor.full_name} lacks {put_descriptor.name}.{field.name}")
        _copy_field(obj, put, src)
    if _EMPTY_KEYS in put_descriptor.fields_by_name:
        keys = {_json_key(f) for f in put_descriptor.fields if f.name != _EMPTY_KEYS}
        empty = [key for key in getattr(obj, _EMPTY_KEYS) if key in keys]
        getattr(put, _EMPTY_KEYS).extend(empty)
    return put


def is_active(container: container_pb2.Container | container_full_pb2.ContainerFull) -> bool:
    """Go's Container.IsActive(): False when the status code is Stopped or Error, else True.

    Like Go, an unknown or unset code (0, LXD's "no liblxc state") counts as active.
    """
    return container.status_code not in _INACTIVE


def is_final(status_code: int) -> bool:
    """Go's StatusCode.IsFinal(): True for codes of 200 and more (Success, Failure, Cancelled)."""
    return status_code >= _FINAL_FROM


def status_name(status_code: int) -> str:
    """Go's StatusCode.String(), e.g. "Operation created" for 100; "" for unknown codes."""
    return _STATUS_NAMES.get(status_code, "")
