import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Certificate(_message.Message):
    __slots__ = ("name", "type", "certificate", "fingerprint", "restricted", "projects", "description", "empty_keys")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    RESTRICTED_FIELD_NUMBER: _ClassVar[int]
    PROJECTS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: str
    certificate: str
    fingerprint: str
    restricted: bool
    projects: _containers.RepeatedScalarFieldContainer[str]
    description: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., type: _Optional[str] = ..., certificate: _Optional[str] = ..., fingerprint: _Optional[str] = ..., restricted: _Optional[bool] = ..., projects: _Optional[_Iterable[str]] = ..., description: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class CertificatePut(_message.Message):
    __slots__ = ("name", "type", "restricted", "projects", "certificate", "description", "empty_keys")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    RESTRICTED_FIELD_NUMBER: _ClassVar[int]
    PROJECTS_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: str
    restricted: bool
    projects: _containers.RepeatedScalarFieldContainer[str]
    certificate: str
    description: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., type: _Optional[str] = ..., restricted: _Optional[bool] = ..., projects: _Optional[_Iterable[str]] = ..., certificate: _Optional[str] = ..., description: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class CertificatesPost(_message.Message):
    __slots__ = ("name", "type", "certificate", "password", "token", "restricted", "projects", "description", "empty_keys")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    RESTRICTED_FIELD_NUMBER: _ClassVar[int]
    PROJECTS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: str
    certificate: str
    password: str
    token: bool
    restricted: bool
    projects: _containers.RepeatedScalarFieldContainer[str]
    description: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., type: _Optional[str] = ..., certificate: _Optional[str] = ..., password: _Optional[str] = ..., token: _Optional[bool] = ..., restricted: _Optional[bool] = ..., projects: _Optional[_Iterable[str]] = ..., description: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class CertificateAddToken(_message.Message):
    __slots__ = ("client_name", "fingerprint", "addresses", "secret", "expires_at", "empty_keys")
    CLIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    client_name: str
    fingerprint: str
    addresses: _containers.RepeatedScalarFieldContainer[str]
    secret: str
    expires_at: _timestamp_pb2.Timestamp
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, client_name: _Optional[str] = ..., fingerprint: _Optional[str] = ..., addresses: _Optional[_Iterable[str]] = ..., secret: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...
