"""The Go oracle's structs, generated from the protos' options: nothing of LXD's code is copied.

Every message of package lxd.api.v1 that mirrors a Go struct (not the services' requests, not the
wrappers) becomes a Go struct of the same name, once per server version the oracle speaks:

  lxd34    LXD 3.4 (the seed): the messages and fields without `since`, keys before any rename
  lxd50    LXD 5.0.2: what LXD added up to 5.0.2 (`since`), without what it removed or renamed
  incus60  Incus 6.0.4: the LXD keys up to 5.18 (the release Incus forked from) and those Incus
           has (`family`, `message_family`, `incus_since`), without LXD's own

A field is `GoName GoType `json:"key[,omitempty]"`` from its options (go_name, go_type, the
version's key, omitempty); a struct the message embeds (`embeds`) is an embedded field, placed
where its fields start in the message (the Go order for the seed's structs). A named type is an
enum's Go type with its constants (`go_underlying_type`, `go_const`, `go_string`), or a string
type a field names (InstanceType). A struct type a field names that no message mirrors (LXD 5.0's
resource trees the protos keep as raw JSON) is declared as json.RawMessage, as the proto keeps it.

The output is Go source text; tests/go_oracle.py writes it beside main.go and builds once per
content hash.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass

from google.protobuf.descriptor import Descriptor, EnumDescriptor, FieldDescriptor

import lxd.api.v1
from lxd.api.v1 import options_pb2

Version = tuple[int, int, int]


@dataclass(frozen=True)
class OracleVersion:
    """One server version the oracle declares structs for, as a Go package."""

    name: str  # what a request names: "lxd-3.4"
    package: str  # its Go package: "lxd34"
    family: str  # "lxd" or "incus"
    lxd_level: Version  # the LXD release whose keys the server writes
    incus_level: Version | None = None  # the Incus release, for incus_since


VERSIONS = [
    OracleVersion("lxd-3.4", "lxd34", "lxd", (3, 4, 0)),
    OracleVersion("lxd-5.0", "lxd50", "lxd", (5, 0, 2)),
    OracleVersion("incus-6.0", "incus60", "incus", (5, 18, 0), (6, 0, 4)),
]
DEFAULT_VERSION = "lxd-3.4"


def _release(text: str) -> Version | None:
    if not text:
        return None
    parts = [*(int(p) for p in text.split(".")), 0, 0]
    return (parts[0], parts[1], parts[2])


def _opt(descriptor: object, ext: object) -> object:
    return descriptor.GetOptions().Extensions[ext]  # type: ignore[attr-defined]


def _str(descriptor: object, ext: object) -> str:
    return str(_opt(descriptor, ext))


def schema() -> tuple[list[Descriptor], list[EnumDescriptor]]:
    """The messages mirroring Go structs and the enums mirroring Go named types, file by file."""
    messages: list[Descriptor] = []
    enums: list[EnumDescriptor] = []
    for info in sorted(pkgutil.iter_modules(lxd.api.v1.__path__), key=lambda i: i.name):
        if not info.name.endswith("_pb2"):
            continue
        module = importlib.import_module(f"lxd.api.v1.{info.name}")
        if module.DESCRIPTOR.services_by_name:
            continue  # requests and responses of the gRPC services, no Go struct
        for message in module.DESCRIPTOR.message_types_by_name.values():
            if not _opt(message, options_pb2.wrapper):
                messages.append(message)
        enums.extend(module.DESCRIPTOR.enum_types_by_name.values())
    return messages, enums


def _has_message(version: OracleVersion, message: Descriptor) -> bool:
    family = _str(message, options_pb2.message_family)
    if family and family != version.family:
        return False
    since = _release(_str(message, options_pb2.message_since))
    if family == "incus" or since is None:
        return True
    return since <= version.lxd_level


def _has_field(version: OracleVersion, field: FieldDescriptor) -> bool:
    if _opt(field, options_pb2.bridge_field):
        return False
    family = _str(field, options_pb2.family)
    if family and family != version.family:
        return False
    since = _release(_str(field, options_pb2.since))
    incus_since = _release(_str(field, options_pb2.incus_since))
    removed = _release(_str(field, options_pb2.removed_in))
    if removed is not None and removed <= version.lxd_level:
        return False
    if version.incus_level is not None and incus_since is not None:
        return incus_since <= version.incus_level
    if family == "incus":
        return version.family == "incus"
    return since is None or since <= version.lxd_level


def _key(version: OracleVersion, field: FieldDescriptor) -> str:
    renamed_in = _release(_str(field, options_pb2.renamed_in))
    if renamed_in is not None and renamed_in <= version.lxd_level:
        return _str(field, options_pb2.renamed_to)
    return _str(field, options_pb2.json_key) or field.json_name


@dataclass(frozen=True)
class _Member:
    embed: str = ""  # an embedded struct's name, or
    line: str = ""  # a field's declaration


def _fields(version: OracleVersion, message: Descriptor) -> list[FieldDescriptor]:
    return [f for f in sorted(message.fields, key=lambda f: f.number) if _has_field(version, f)]


def _members(
    version: OracleVersion, message: Descriptor, keys_of: Callable[[str], list[str]]
) -> list[_Member]:
    """The struct's members in order: an embed where its keys start, the other fields as own."""
    fields = _fields(version, message)
    keys = [_key(version, f) for f in fields]
    embeds = list(_opt(message, options_pb2.embeds))  # type: ignore[call-overload]
    embedded_keys = {k for e in embeds for k in keys_of(e)}
    placed: dict[int, list[str]] = {}
    for embed in embeds:
        own = keys_of(embed)
        starts = [i for i in range(len(keys)) if keys[i : i + len(own)] == own]
        first = [i for i, k in enumerate(keys) if k in own]
        at = starts[0] if starts else (first[0] if first else 0)
        placed.setdefault(at, []).append(embed)
    members: list[_Member] = []
    for i, (field, key) in enumerate(zip(fields, keys, strict=True)):
        members += [_Member(embed=e) for e in placed.pop(i, [])]
        if key in embedded_keys:
            continue
        omit = ",omitempty" if _opt(field, options_pb2.omitempty) else ""
        go_name, go_type = _str(field, options_pb2.go_name), _str(field, options_pb2.go_type)
        line = f'{go_name} {go_type} `json:"{key}{omit}"`'
        if extension := _str(field, options_pb2.api_extension):
            # A comment group of its own, as LXD writes it: the facts table's parser reads it.
            line = f"\n\t// API extension: {extension}\n\t{line}\n"
        members.append(_Member(line=line))
    for rest in placed.values():
        members += [_Member(embed=e) for e in rest]
    return members


_IDENT = re.compile(r"(?<![\w.])([A-Z]\w*)")
_BUILTIN_PACKAGES = {"time", "json"}


def generate(version: OracleVersion) -> str:
    """The Go source of one version's package."""
    messages, enums = schema()
    present = {m.name: m for m in messages if _has_message(version, m)}
    keys_cache: dict[str, list[str]] = {}

    def keys_of(name: str) -> list[str]:
        """The JSON keys of a struct, embedded structs' included (what an embed brings)."""
        if name not in keys_cache:
            message = present[name]
            keys_cache[name] = [_key(version, f) for f in _fields(version, message)]
        return keys_cache[name]

    out = [
        "// Code generated by tests/go_oracle_source.py from the protos' options. DO NOT EDIT.",
        f"// The Go structs of {version.name}'s shared/api as the protos of lxd.api.v1 say.",
        "",
        f"package {version.package}",
        "",
        "import (",
        '\t"encoding/json"',
        '\t"time"',
        ")",
        "",
        "var _ = time.Time{}",
        "var _ json.RawMessage",
        "",
    ]
    referenced: dict[str, str] = {}  # Go type names fields use -> the proto kind behind them
    for name, message in present.items():
        out.append(f"type {name} struct {{")
        for member in _members(version, message, keys_of):
            out.append(f"\t{member.embed or member.line}")
        out.append("}")
        out.append("")
        for field in _fields(version, message):
            for ident in _IDENT.findall(_str(field, options_pb2.go_type)):
                if field.message_type is not None and field.message_type.GetOptions().map_entry:
                    value = field.message_type.fields_by_name["value"]
                    kind = "string" if value.type == FieldDescriptor.TYPE_STRING else "other"
                else:
                    kind = "string" if field.type == FieldDescriptor.TYPE_STRING else "other"
                referenced.setdefault(ident, kind)
    enum_names = set()
    for enum in enums:
        base = _str(enum, options_pb2.go_underlying_type)
        if enum.name not in referenced and enum.name not in present:
            continue
        enum_names.add(enum.name)
        out.append(f"type {enum.name} {base}")
        out.append("")
        out.append("const (")
        for value in enum.values:
            const = _str(value, options_pb2.go_const)
            if not const:
                continue
            literal = (
                f'"{_str(value, options_pb2.go_string)}"' if base == "string" else value.number
            )
            out.append(f"\t{const} {enum.name} = {literal}")
        out.append(")")
        out.append("")
    for ident, kind in sorted(referenced.items()):
        if ident in present or ident in enum_names or ident in _BUILTIN_PACKAGES:
            continue
        if kind == "string":
            out.append(f"// {ident} is a named string type of LXD's; the proto holds a string.")
            out.append(f"type {ident} string")
        else:
            out.append(f"// {ident} is a struct the protos keep as raw JSON text.")
            out.append(f"type {ident} = json.RawMessage")
        out.append("")
    return "\n".join(out)


def type_names(version: OracleVersion) -> list[str]:
    """The names the version's package declares, in declaration order."""
    return re.findall(r"^type (\w+) ", generate(version), re.M)


def registry() -> str:
    """registry_gen.go: every version's declared types, for main.go's lookup by name."""
    out = [
        "// Code generated by tests/go_oracle_source.py from the protos' options. DO NOT EDIT.",
        "",
        "package main",
        "",
        "import (",
        '\t"reflect"',
        "",
    ]
    out += [f'\t"lxdbridge/gooracle/{v.package}"' for v in VERSIONS]
    out += [")", "", f'const defaultVersion = "{DEFAULT_VERSION}"', ""]
    out += ["// versions maps a version name to the types its package declares, by name."]
    out += ["var versions = map[string]map[string]reflect.Type{"]
    for version in VERSIONS:
        out.append(f'\t"{version.name}": {{')
        for name in type_names(version):
            go = f"reflect.TypeOf((*{version.package}.{name})(nil)).Elem()"
            out.append(f'\t\t"{name}": {go},')
        out.append("\t},")
    out += ["}", ""]
    return "\n".join(out)


def sources() -> dict[str, str]:
    """Every generated file, by its path in the oracle's module."""
    files = {f"{v.package}/api_gen.go": generate(v) for v in VERSIONS}
    files["registry_gen.go"] = registry()
    return files
