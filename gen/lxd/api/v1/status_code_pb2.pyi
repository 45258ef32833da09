from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor

class StatusCode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    STATUS_CODE_UNSPECIFIED: _ClassVar[StatusCode]
    STATUS_CODE_OPERATION_CREATED: _ClassVar[StatusCode]
    STATUS_CODE_STARTED: _ClassVar[StatusCode]
    STATUS_CODE_STOPPED: _ClassVar[StatusCode]
    STATUS_CODE_RUNNING: _ClassVar[StatusCode]
    STATUS_CODE_CANCELLING: _ClassVar[StatusCode]
    STATUS_CODE_PENDING: _ClassVar[StatusCode]
    STATUS_CODE_STARTING: _ClassVar[StatusCode]
    STATUS_CODE_STOPPING: _ClassVar[StatusCode]
    STATUS_CODE_ABORTING: _ClassVar[StatusCode]
    STATUS_CODE_FREEZING: _ClassVar[StatusCode]
    STATUS_CODE_FROZEN: _ClassVar[StatusCode]
    STATUS_CODE_THAWED: _ClassVar[StatusCode]
    STATUS_CODE_ERROR: _ClassVar[StatusCode]
    STATUS_CODE_SUCCESS: _ClassVar[StatusCode]
    STATUS_CODE_FAILURE: _ClassVar[StatusCode]
    STATUS_CODE_CANCELLED: _ClassVar[StatusCode]
STATUS_CODE_UNSPECIFIED: StatusCode
STATUS_CODE_OPERATION_CREATED: StatusCode
STATUS_CODE_STARTED: StatusCode
STATUS_CODE_STOPPED: StatusCode
STATUS_CODE_RUNNING: StatusCode
STATUS_CODE_CANCELLING: StatusCode
STATUS_CODE_PENDING: StatusCode
STATUS_CODE_STARTING: StatusCode
STATUS_CODE_STOPPING: StatusCode
STATUS_CODE_ABORTING: StatusCode
STATUS_CODE_FREEZING: StatusCode
STATUS_CODE_FROZEN: StatusCode
STATUS_CODE_THAWED: StatusCode
STATUS_CODE_ERROR: StatusCode
STATUS_CODE_SUCCESS: StatusCode
STATUS_CODE_FAILURE: StatusCode
STATUS_CODE_CANCELLED: StatusCode
