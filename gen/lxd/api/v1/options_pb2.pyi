from google.protobuf import descriptor_pb2 as _descriptor_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor
GO_NAME_FIELD_NUMBER: _ClassVar[int]
go_name: _descriptor.FieldDescriptor
GO_TYPE_FIELD_NUMBER: _ClassVar[int]
go_type: _descriptor.FieldDescriptor
OMITEMPTY_FIELD_NUMBER: _ClassVar[int]
omitempty: _descriptor.FieldDescriptor
API_EXTENSION_FIELD_NUMBER: _ClassVar[int]
api_extension: _descriptor.FieldDescriptor
SINCE_FIELD_NUMBER: _ClassVar[int]
since: _descriptor.FieldDescriptor
REMOVED_IN_FIELD_NUMBER: _ClassVar[int]
removed_in: _descriptor.FieldDescriptor
RENAMED_TO_FIELD_NUMBER: _ClassVar[int]
renamed_to: _descriptor.FieldDescriptor
RENAMED_IN_FIELD_NUMBER: _ClassVar[int]
renamed_in: _descriptor.FieldDescriptor
JSON_KEY_FIELD_NUMBER: _ClassVar[int]
json_key: _descriptor.FieldDescriptor
BRIDGE_FIELD_FIELD_NUMBER: _ClassVar[int]
bridge_field: _descriptor.FieldDescriptor
FAMILY_FIELD_NUMBER: _ClassVar[int]
family: _descriptor.FieldDescriptor
INCUS_SINCE_FIELD_NUMBER: _ClassVar[int]
incus_since: _descriptor.FieldDescriptor
INCUS_RENAMED_TO_FIELD_NUMBER: _ClassVar[int]
incus_renamed_to: _descriptor.FieldDescriptor
EMBEDS_FIELD_NUMBER: _ClassVar[int]
embeds: _descriptor.FieldDescriptor
MESSAGE_API_EXTENSION_FIELD_NUMBER: _ClassVar[int]
message_api_extension: _descriptor.FieldDescriptor
MESSAGE_SINCE_FIELD_NUMBER: _ClassVar[int]
message_since: _descriptor.FieldDescriptor
WRAPPER_FIELD_NUMBER: _ClassVar[int]
wrapper: _descriptor.FieldDescriptor
MESSAGE_FAMILY_FIELD_NUMBER: _ClassVar[int]
message_family: _descriptor.FieldDescriptor
GO_CONST_FIELD_NUMBER: _ClassVar[int]
go_const: _descriptor.FieldDescriptor
GO_STRING_FIELD_NUMBER: _ClassVar[int]
go_string: _descriptor.FieldDescriptor
GO_UNDERLYING_TYPE_FIELD_NUMBER: _ClassVar[int]
go_underlying_type: _descriptor.FieldDescriptor

class Device(_message.Message):
    __slots__ = ("values",)
    class ValuesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.ScalarMap[str, str]
    def __init__(self, values: _Optional[_Mapping[str, str]] = ...) -> None: ...

class StringList(_message.Message):
    __slots__ = ("values",)
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, values: _Optional[_Iterable[str]] = ...) -> None: ...
