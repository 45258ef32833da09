from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import image_pb2 as _image_pb2
from lxd.api.v1 import operation_pb2 as _operation_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetImageFingerprintsRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetImageFingerprintsResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetImagesRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetImagesResponse(_message.Message):
    __slots__ = ("images",)
    IMAGES_FIELD_NUMBER: _ClassVar[int]
    images: _containers.RepeatedCompositeFieldContainer[_image_pb2.Image]
    def __init__(self, images: _Optional[_Iterable[_Union[_image_pb2.Image, _Mapping]]] = ...) -> None: ...

class GetImageRequest(_message.Message):
    __slots__ = ("name", "secret", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    secret: str
    project: str
    def __init__(self, name: _Optional[str] = ..., secret: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetImageResponse(_message.Message):
    __slots__ = ("image", "etag")
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    image: _image_pb2.Image
    etag: str
    def __init__(self, image: _Optional[_Union[_image_pb2.Image, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateImageRequest(_message.Message):
    __slots__ = ("image", "project", "wait")
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    image: _image_pb2.ImagesPost
    project: str
    wait: bool
    def __init__(self, image: _Optional[_Union[_image_pb2.ImagesPost, _Mapping]] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class CreateImageResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class UpdateImageRequest(_message.Message):
    __slots__ = ("name", "image", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    image: _image_pb2.ImagePut
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., image: _Optional[_Union[_image_pb2.ImagePut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class UpdateImageResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchImageRequest(_message.Message):
    __slots__ = ("name", "image", "update_mask", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    image: _image_pb2.ImagePut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., image: _Optional[_Union[_image_pb2.ImagePut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchImageResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteImageRequest(_message.Message):
    __slots__ = ("name", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class DeleteImageResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class RefreshImageRequest(_message.Message):
    __slots__ = ("name", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class RefreshImageResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class ExportImageRequest(_message.Message):
    __slots__ = ("name", "image", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    image: _image_pb2.ImageExportPost
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., image: _Optional[_Union[_image_pb2.ImageExportPost, _Mapping]] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class ExportImageResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class CreateImageSecretRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class CreateImageSecretResponse(_message.Message):
    __slots__ = ("operation", "secret")
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    secret: str
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ..., secret: _Optional[str] = ...) -> None: ...

class GetImageAliasNamesRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetImageAliasNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetImageAliasesRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetImageAliasesResponse(_message.Message):
    __slots__ = ("aliases",)
    ALIASES_FIELD_NUMBER: _ClassVar[int]
    aliases: _containers.RepeatedCompositeFieldContainer[_image_pb2.ImageAliasesEntry]
    def __init__(self, aliases: _Optional[_Iterable[_Union[_image_pb2.ImageAliasesEntry, _Mapping]]] = ...) -> None: ...

class GetImageAliasRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetImageAliasResponse(_message.Message):
    __slots__ = ("alias", "etag")
    ALIAS_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    alias: _image_pb2.ImageAliasesEntry
    etag: str
    def __init__(self, alias: _Optional[_Union[_image_pb2.ImageAliasesEntry, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateImageAliasRequest(_message.Message):
    __slots__ = ("alias", "project")
    ALIAS_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    alias: _image_pb2.ImageAliasesPost
    project: str
    def __init__(self, alias: _Optional[_Union[_image_pb2.ImageAliasesPost, _Mapping]] = ..., project: _Optional[str] = ...) -> None: ...

class CreateImageAliasResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateImageAliasRequest(_message.Message):
    __slots__ = ("name", "alias", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ALIAS_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    alias: _image_pb2.ImageAliasesEntryPut
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., alias: _Optional[_Union[_image_pb2.ImageAliasesEntryPut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class UpdateImageAliasResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchImageAliasRequest(_message.Message):
    __slots__ = ("name", "alias", "update_mask", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ALIAS_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    alias: _image_pb2.ImageAliasesEntryPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., alias: _Optional[_Union[_image_pb2.ImageAliasesEntryPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchImageAliasResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RenameImageAliasRequest(_message.Message):
    __slots__ = ("name", "alias", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ALIAS_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    alias: _image_pb2.ImageAliasesEntryPost
    project: str
    def __init__(self, name: _Optional[str] = ..., alias: _Optional[_Union[_image_pb2.ImageAliasesEntryPost, _Mapping]] = ..., project: _Optional[str] = ...) -> None: ...

class RenameImageAliasResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteImageAliasRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteImageAliasResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UploadImageRequest(_message.Message):
    __slots__ = ("project", "fingerprint", "filename", "public", "properties", "wait", "data", "metadata", "rootfs")
    class PropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    ROOTFS_FIELD_NUMBER: _ClassVar[int]
    project: str
    fingerprint: str
    filename: str
    public: bool
    properties: _containers.ScalarMap[str, str]
    wait: bool
    data: bytes
    metadata: bytes
    rootfs: bytes
    def __init__(self, project: _Optional[str] = ..., fingerprint: _Optional[str] = ..., filename: _Optional[str] = ..., public: _Optional[bool] = ..., properties: _Optional[_Mapping[str, str]] = ..., wait: _Optional[bool] = ..., data: _Optional[bytes] = ..., metadata: _Optional[bytes] = ..., rootfs: _Optional[bytes] = ...) -> None: ...

class UploadImageResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetImageFileRequest(_message.Message):
    __slots__ = ("name", "secret", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    secret: str
    project: str
    def __init__(self, name: _Optional[str] = ..., secret: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetImageFileResponse(_message.Message):
    __slots__ = ("part", "filename", "data")
    PART_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    part: str
    filename: str
    data: bytes
    def __init__(self, part: _Optional[str] = ..., filename: _Optional[str] = ..., data: _Optional[bytes] = ...) -> None: ...

class CopyImageRequest(_message.Message):
    __slots__ = ("name", "source_server", "source_project", "args", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_SERVER_FIELD_NUMBER: _ClassVar[int]
    SOURCE_PROJECT_FIELD_NUMBER: _ClassVar[int]
    ARGS_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    source_server: str
    source_project: str
    args: ImageCopyArgs
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., source_server: _Optional[str] = ..., source_project: _Optional[str] = ..., args: _Optional[_Union[ImageCopyArgs, _Mapping]] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class ImageCopyArgs(_message.Message):
    __slots__ = ("aliases", "auto_update", "copy_aliases", "public", "type", "mode", "profiles")
    ALIASES_FIELD_NUMBER: _ClassVar[int]
    AUTO_UPDATE_FIELD_NUMBER: _ClassVar[int]
    COPY_ALIASES_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    aliases: _containers.RepeatedCompositeFieldContainer[_image_pb2.ImageAlias]
    auto_update: bool
    copy_aliases: bool
    public: bool
    type: str
    mode: str
    profiles: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, aliases: _Optional[_Iterable[_Union[_image_pb2.ImageAlias, _Mapping]]] = ..., auto_update: _Optional[bool] = ..., copy_aliases: _Optional[bool] = ..., public: _Optional[bool] = ..., type: _Optional[str] = ..., mode: _Optional[str] = ..., profiles: _Optional[_Iterable[str]] = ...) -> None: ...

class CopyImageResponse(_message.Message):
    __slots__ = ("operation", "operation_server")
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    OPERATION_SERVER_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    operation_server: str
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ..., operation_server: _Optional[str] = ...) -> None: ...
