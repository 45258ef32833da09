import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Image(_message.Message):
    __slots__ = ("auto_update", "properties", "public", "aliases", "architecture", "cached", "filename", "fingerprint", "size", "update_source", "created_at", "expires_at", "last_used_at", "uploaded_at", "type", "profiles", "project", "empty_keys")
    class PropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    AUTO_UPDATE_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_FIELD_NUMBER: _ClassVar[int]
    ALIASES_FIELD_NUMBER: _ClassVar[int]
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    CACHED_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_SOURCE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_USED_AT_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_AT_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    auto_update: bool
    properties: _containers.ScalarMap[str, str]
    public: bool
    aliases: _containers.RepeatedCompositeFieldContainer[ImageAlias]
    architecture: str
    cached: bool
    filename: str
    fingerprint: str
    size: int
    update_source: ImageSource
    created_at: _timestamp_pb2.Timestamp
    expires_at: _timestamp_pb2.Timestamp
    last_used_at: _timestamp_pb2.Timestamp
    uploaded_at: _timestamp_pb2.Timestamp
    type: str
    profiles: _containers.RepeatedScalarFieldContainer[str]
    project: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, auto_update: _Optional[bool] = ..., properties: _Optional[_Mapping[str, str]] = ..., public: _Optional[bool] = ..., aliases: _Optional[_Iterable[_Union[ImageAlias, _Mapping]]] = ..., architecture: _Optional[str] = ..., cached: _Optional[bool] = ..., filename: _Optional[str] = ..., fingerprint: _Optional[str] = ..., size: _Optional[int] = ..., update_source: _Optional[_Union[ImageSource, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_used_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., uploaded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., type: _Optional[str] = ..., profiles: _Optional[_Iterable[str]] = ..., project: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ImageAlias(_message.Message):
    __slots__ = ("name", "description")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class ImageAliasesEntry(_message.Message):
    __slots__ = ("description", "target", "name", "type")
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    description: str
    target: str
    name: str
    type: str
    def __init__(self, description: _Optional[str] = ..., target: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ...) -> None: ...

class ImageAliasesEntryPost(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ImageAliasesEntryPut(_message.Message):
    __slots__ = ("description", "target")
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    description: str
    target: str
    def __init__(self, description: _Optional[str] = ..., target: _Optional[str] = ...) -> None: ...

class ImageAliasesPost(_message.Message):
    __slots__ = ("description", "target", "name", "type")
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    description: str
    target: str
    name: str
    type: str
    def __init__(self, description: _Optional[str] = ..., target: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ...) -> None: ...

class ImageMetadata(_message.Message):
    __slots__ = ("architecture", "creation_date", "expiry_date", "properties", "templates", "empty_keys")
    class PropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class TemplatesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: ImageMetadataTemplate
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[ImageMetadataTemplate, _Mapping]] = ...) -> None: ...
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    CREATION_DATE_FIELD_NUMBER: _ClassVar[int]
    EXPIRY_DATE_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    architecture: str
    creation_date: int
    expiry_date: int
    properties: _containers.ScalarMap[str, str]
    templates: _containers.MessageMap[str, ImageMetadataTemplate]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, architecture: _Optional[str] = ..., creation_date: _Optional[int] = ..., expiry_date: _Optional[int] = ..., properties: _Optional[_Mapping[str, str]] = ..., templates: _Optional[_Mapping[str, ImageMetadataTemplate]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ImageMetadataTemplate(_message.Message):
    __slots__ = ("when", "create_only", "template", "properties", "uid", "gid", "mode", "empty_keys")
    class PropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    WHEN_FIELD_NUMBER: _ClassVar[int]
    CREATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    UID_FIELD_NUMBER: _ClassVar[int]
    GID_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    when: _containers.RepeatedScalarFieldContainer[str]
    create_only: bool
    template: str
    properties: _containers.ScalarMap[str, str]
    uid: str
    gid: str
    mode: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, when: _Optional[_Iterable[str]] = ..., create_only: _Optional[bool] = ..., template: _Optional[str] = ..., properties: _Optional[_Mapping[str, str]] = ..., uid: _Optional[str] = ..., gid: _Optional[str] = ..., mode: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ImagePut(_message.Message):
    __slots__ = ("auto_update", "properties", "public", "expires_at", "profiles", "empty_keys")
    class PropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    AUTO_UPDATE_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    auto_update: bool
    properties: _containers.ScalarMap[str, str]
    public: bool
    expires_at: _timestamp_pb2.Timestamp
    profiles: _containers.RepeatedScalarFieldContainer[str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, auto_update: _Optional[bool] = ..., properties: _Optional[_Mapping[str, str]] = ..., public: _Optional[bool] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., profiles: _Optional[_Iterable[str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ImageSource(_message.Message):
    __slots__ = ("alias", "certificate", "protocol", "server", "image_type")
    ALIAS_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_FIELD_NUMBER: _ClassVar[int]
    SERVER_FIELD_NUMBER: _ClassVar[int]
    IMAGE_TYPE_FIELD_NUMBER: _ClassVar[int]
    alias: str
    certificate: str
    protocol: str
    server: str
    image_type: str
    def __init__(self, alias: _Optional[str] = ..., certificate: _Optional[str] = ..., protocol: _Optional[str] = ..., server: _Optional[str] = ..., image_type: _Optional[str] = ...) -> None: ...

class ImagesPost(_message.Message):
    __slots__ = ("auto_update", "properties", "public", "filename", "source", "compression_algorithm", "aliases", "expires_at", "profiles", "empty_keys")
    class PropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    AUTO_UPDATE_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    COMPRESSION_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    ALIASES_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    auto_update: bool
    properties: _containers.ScalarMap[str, str]
    public: bool
    filename: str
    source: ImagesPostSource
    compression_algorithm: str
    aliases: _containers.RepeatedCompositeFieldContainer[ImageAlias]
    expires_at: _timestamp_pb2.Timestamp
    profiles: _containers.RepeatedScalarFieldContainer[str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, auto_update: _Optional[bool] = ..., properties: _Optional[_Mapping[str, str]] = ..., public: _Optional[bool] = ..., filename: _Optional[str] = ..., source: _Optional[_Union[ImagesPostSource, _Mapping]] = ..., compression_algorithm: _Optional[str] = ..., aliases: _Optional[_Iterable[_Union[ImageAlias, _Mapping]]] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., profiles: _Optional[_Iterable[str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ImagesPostSource(_message.Message):
    __slots__ = ("alias", "certificate", "protocol", "server", "mode", "type", "url", "name", "fingerprint", "secret", "project", "image_type")
    ALIAS_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_FIELD_NUMBER: _ClassVar[int]
    SERVER_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    IMAGE_TYPE_FIELD_NUMBER: _ClassVar[int]
    alias: str
    certificate: str
    protocol: str
    server: str
    mode: str
    type: str
    url: str
    name: str
    fingerprint: str
    secret: str
    project: str
    image_type: str
    def __init__(self, alias: _Optional[str] = ..., certificate: _Optional[str] = ..., protocol: _Optional[str] = ..., server: _Optional[str] = ..., mode: _Optional[str] = ..., type: _Optional[str] = ..., url: _Optional[str] = ..., name: _Optional[str] = ..., fingerprint: _Optional[str] = ..., secret: _Optional[str] = ..., project: _Optional[str] = ..., image_type: _Optional[str] = ...) -> None: ...

class ImageExportPost(_message.Message):
    __slots__ = ("target", "secret", "certificate", "aliases", "project", "profiles", "empty_keys")
    TARGET_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    ALIASES_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    target: str
    secret: str
    certificate: str
    aliases: _containers.RepeatedCompositeFieldContainer[ImageAlias]
    project: str
    profiles: _containers.RepeatedScalarFieldContainer[str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, target: _Optional[str] = ..., secret: _Optional[str] = ..., certificate: _Optional[str] = ..., aliases: _Optional[_Iterable[_Union[ImageAlias, _Mapping]]] = ..., project: _Optional[str] = ..., profiles: _Optional[_Iterable[str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...
