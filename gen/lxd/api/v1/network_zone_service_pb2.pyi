from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import network_zone_pb2 as _network_zone_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetNetworkZoneNamesRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetNetworkZoneNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetNetworkZonesRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetNetworkZonesResponse(_message.Message):
    __slots__ = ("zones",)
    ZONES_FIELD_NUMBER: _ClassVar[int]
    zones: _containers.RepeatedCompositeFieldContainer[_network_zone_pb2.NetworkZone]
    def __init__(self, zones: _Optional[_Iterable[_Union[_network_zone_pb2.NetworkZone, _Mapping]]] = ...) -> None: ...

class GetNetworkZoneRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkZoneResponse(_message.Message):
    __slots__ = ("zone", "etag")
    ZONE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    zone: _network_zone_pb2.NetworkZone
    etag: str
    def __init__(self, zone: _Optional[_Union[_network_zone_pb2.NetworkZone, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateNetworkZoneRequest(_message.Message):
    __slots__ = ("zone", "project")
    ZONE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    zone: _network_zone_pb2.NetworkZonesPost
    project: str
    def __init__(self, zone: _Optional[_Union[_network_zone_pb2.NetworkZonesPost, _Mapping]] = ..., project: _Optional[str] = ...) -> None: ...

class CreateNetworkZoneResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateNetworkZoneRequest(_message.Message):
    __slots__ = ("name", "zone", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ZONE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    zone: _network_zone_pb2.NetworkZonePut
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., zone: _Optional[_Union[_network_zone_pb2.NetworkZonePut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class UpdateNetworkZoneResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchNetworkZoneRequest(_message.Message):
    __slots__ = ("name", "zone", "update_mask", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ZONE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    zone: _network_zone_pb2.NetworkZonePut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., zone: _Optional[_Union[_network_zone_pb2.NetworkZonePut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchNetworkZoneResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteNetworkZoneRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteNetworkZoneResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetNetworkZoneRecordNamesRequest(_message.Message):
    __slots__ = ("zone", "project")
    ZONE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    zone: str
    project: str
    def __init__(self, zone: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkZoneRecordNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetNetworkZoneRecordsRequest(_message.Message):
    __slots__ = ("zone", "project")
    ZONE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    zone: str
    project: str
    def __init__(self, zone: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkZoneRecordsResponse(_message.Message):
    __slots__ = ("records",)
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[_network_zone_pb2.NetworkZoneRecord]
    def __init__(self, records: _Optional[_Iterable[_Union[_network_zone_pb2.NetworkZoneRecord, _Mapping]]] = ...) -> None: ...

class GetNetworkZoneRecordRequest(_message.Message):
    __slots__ = ("zone", "name", "project")
    ZONE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    zone: str
    name: str
    project: str
    def __init__(self, zone: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkZoneRecordResponse(_message.Message):
    __slots__ = ("record", "etag")
    RECORD_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    record: _network_zone_pb2.NetworkZoneRecord
    etag: str
    def __init__(self, record: _Optional[_Union[_network_zone_pb2.NetworkZoneRecord, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateNetworkZoneRecordRequest(_message.Message):
    __slots__ = ("zone", "record", "project")
    ZONE_FIELD_NUMBER: _ClassVar[int]
    RECORD_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    zone: str
    record: _network_zone_pb2.NetworkZoneRecordsPost
    project: str
    def __init__(self, zone: _Optional[str] = ..., record: _Optional[_Union[_network_zone_pb2.NetworkZoneRecordsPost, _Mapping]] = ..., project: _Optional[str] = ...) -> None: ...

class CreateNetworkZoneRecordResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateNetworkZoneRecordRequest(_message.Message):
    __slots__ = ("zone", "name", "record", "etag", "project")
    ZONE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    RECORD_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    zone: str
    name: str
    record: _network_zone_pb2.NetworkZoneRecordPut
    etag: str
    project: str
    def __init__(self, zone: _Optional[str] = ..., name: _Optional[str] = ..., record: _Optional[_Union[_network_zone_pb2.NetworkZoneRecordPut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class UpdateNetworkZoneRecordResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchNetworkZoneRecordRequest(_message.Message):
    __slots__ = ("zone", "name", "record", "update_mask", "etag", "project")
    ZONE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    RECORD_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    zone: str
    name: str
    record: _network_zone_pb2.NetworkZoneRecordPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    project: str
    def __init__(self, zone: _Optional[str] = ..., name: _Optional[str] = ..., record: _Optional[_Union[_network_zone_pb2.NetworkZoneRecordPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchNetworkZoneRecordResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteNetworkZoneRecordRequest(_message.Message):
    __slots__ = ("zone", "name", "project")
    ZONE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    zone: str
    name: str
    project: str
    def __init__(self, zone: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteNetworkZoneRecordResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
