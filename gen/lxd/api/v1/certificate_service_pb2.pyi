from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import certificate_pb2 as _certificate_pb2
from lxd.api.v1 import operation_pb2 as _operation_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetCertificateFingerprintsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetCertificateFingerprintsResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetCertificatesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetCertificatesResponse(_message.Message):
    __slots__ = ("certificates",)
    CERTIFICATES_FIELD_NUMBER: _ClassVar[int]
    certificates: _containers.RepeatedCompositeFieldContainer[_certificate_pb2.Certificate]
    def __init__(self, certificates: _Optional[_Iterable[_Union[_certificate_pb2.Certificate, _Mapping]]] = ...) -> None: ...

class GetCertificateRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetCertificateResponse(_message.Message):
    __slots__ = ("certificate", "etag")
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    certificate: _certificate_pb2.Certificate
    etag: str
    def __init__(self, certificate: _Optional[_Union[_certificate_pb2.Certificate, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateCertificateRequest(_message.Message):
    __slots__ = ("certificate",)
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    certificate: _certificate_pb2.CertificatesPost
    def __init__(self, certificate: _Optional[_Union[_certificate_pb2.CertificatesPost, _Mapping]] = ...) -> None: ...

class CreateCertificateResponse(_message.Message):
    __slots__ = ("operation", "add_token", "token")
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    ADD_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    add_token: _certificate_pb2.CertificateAddToken
    token: str
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ..., add_token: _Optional[_Union[_certificate_pb2.CertificateAddToken, _Mapping]] = ..., token: _Optional[str] = ...) -> None: ...

class UpdateCertificateRequest(_message.Message):
    __slots__ = ("name", "certificate", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    certificate: _certificate_pb2.CertificatePut
    etag: str
    def __init__(self, name: _Optional[str] = ..., certificate: _Optional[_Union[_certificate_pb2.CertificatePut, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateCertificateResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchCertificateRequest(_message.Message):
    __slots__ = ("name", "certificate", "update_mask", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    certificate: _certificate_pb2.CertificatePut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    def __init__(self, name: _Optional[str] = ..., certificate: _Optional[_Union[_certificate_pb2.CertificatePut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class PatchCertificateResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteCertificateRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DeleteCertificateResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
