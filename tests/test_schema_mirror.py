"""The protobuf schema mirrors LXD's Go package shared/api, struct by struct and field by field.

The source of truth is the godoc of shared/api as of LXD 3.4 (the seed), as the facts table
third_party/lxd/lxd-3.4/shared-api-structs.tsv holds it. The compiled descriptors in gen/ must
match it: one message per struct with the embedded structs flattened in Go order, the json tag as
json_name, and the Go facts (field name, type, omitempty, API extension) as options. The fields
LXD added up to 5.0 are checked against third_party/lxd/lxd-5.0/struct-changes-from-3.4.tsv.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

import pytest
from google.protobuf.descriptor import Descriptor, EnumDescriptor, FieldDescriptor

import lxd.api.v1
from lxd.api.v1 import options_pb2
from tests.reference import (
    STRUCT_CHANGES,
    GoStruct,
    flatten,
    read_tsv,
    seed_named_types,
    seed_structs,
)

# What the seed holds; the facts table must have exactly this much.
SEED_STRUCTS = 83
SEED_NAMED_TYPES = 2
SEED_FLATTENED_FIELDS = 411

# What StatusCode.String() returns (lxc/lxd tag lxd-3.4, shared/api/status_code.go); the godoc
# lists the constants but not the strings.
GO_STATUS_STRINGS = {
    "OperationCreated": "Operation created",
    "Started": "Started",
    "Stopped": "Stopped",
    "Running": "Running",
    "Cancelling": "Cancelling",
    "Pending": "Pending",
    "Starting": "Starting",
    "Stopping": "Stopping",
    "Aborting": "Aborting",
    "Freezing": "Freezing",
    "Frozen": "Frozen",
    "Thawed": "Thawed",
    "Error": "Error",
    "Success": "Success",
    "Failure": "Failure",
    "Cancelled": "Cancelled",
}

EMPTY_KEYS = "empty_keys"
EMPTY_KEYS_NUMBER = 100


STRUCTS = seed_structs()
NAMED_TYPES = seed_named_types()


# --- the compiled schema --------------------------------------------------------------------


def _load_package() -> tuple[dict[str, Descriptor], dict[str, EnumDescriptor]]:
    messages: dict[str, Descriptor] = {}
    enums: dict[str, EnumDescriptor] = {}
    for info in pkgutil.iter_modules(lxd.api.v1.__path__):
        if not info.name.endswith("_pb2"):
            continue
        module = importlib.import_module(f"lxd.api.v1.{info.name}")
        if module.DESCRIPTOR.services_by_name:
            continue  # *_service.proto: gRPC requests and responses, not mirrors of Go structs
        messages.update(module.DESCRIPTOR.message_types_by_name)
        enums.update(module.DESCRIPTOR.enum_types_by_name)
    return messages, enums


MESSAGES, ENUMS = _load_package()


def opt(descriptor: Any, ext: Any) -> Any:
    """A custom option (options.proto) of a field, message, enum or enum value."""
    return descriptor.GetOptions().Extensions[ext]


WRAPPERS = {n for n, d in MESSAGES.items() if opt(d, options_pb2.wrapper)}

_SCALARS = {
    FieldDescriptor.TYPE_STRING: "string",
    FieldDescriptor.TYPE_BOOL: "bool",
    FieldDescriptor.TYPE_INT64: "int64",
    FieldDescriptor.TYPE_UINT64: "uint64",
    FieldDescriptor.TYPE_UINT32: "uint32",
    FieldDescriptor.TYPE_BYTES: "bytes",
}


def _type_name(field: FieldDescriptor) -> str:
    if field.message_type is not None:
        full = field.message_type.full_name
        return full.removeprefix("lxd.api.v1.")
    if field.enum_type is not None:
        return field.enum_type.full_name.removeprefix("lxd.api.v1.")
    return _SCALARS.get(field.type, f"type#{field.type}")


def proto_type(field: FieldDescriptor) -> str:
    """The field's type as written in a .proto file: "repeated X", "map<string, X>", "X"."""
    entry = field.message_type
    if entry is not None and entry.GetOptions().map_entry:
        key, value = entry.fields_by_name["key"], entry.fields_by_name["value"]
        return f"map<{_type_name(key)}, {_type_name(value)}>"
    if field.is_repeated:
        return f"repeated {_type_name(field)}"
    return _type_name(field)


# The Go type -> proto type mapping of the design. Named struct types map to the message of the
# same name; the big LXD 5.0 resource trees are kept as raw JSON.
_GO_TO_PROTO = {
    "string": "string",
    "InstanceType": "string",
    "bool": "bool",
    "int": "int64",
    "int64": "int64",
    "uint64": "uint64",
    "uint32": "uint32",
    "time.Time": "google.protobuf.Timestamp",
    "*time.Time": "google.protobuf.Timestamp",
    "json.RawMessage": "bytes",
    "interface{}": "google.protobuf.Value",
    "map[string]interface{}": "google.protobuf.Struct",
    "map[string]map[string]string": "map<string, Device>",
    "map[string][]string": "map<string, StringList>",
}
RAW_JSON_TREES = {
    "ResourcesGPU",
    "ResourcesNetwork",
    "ResourcesStorage",
    "ResourcesUSB",
    "ResourcesPCI",
    "ResourcesSystem",
    "ResourcesLoad",  # Incus only; float64 load averages
}


def expected_proto_type(go_type: str) -> str:
    """What the design maps a Go type to."""
    if go_type in _GO_TO_PROTO:
        return _GO_TO_PROTO[go_type]
    if go_type in RAW_JSON_TREES:
        return "bytes"
    if m := re.fullmatch(r"map\[string\]\*?(\w+)", go_type):
        return f"map<string, {expected_proto_type(m.group(1))}>"
    if m := re.fullmatch(r"\[\](\w+)", go_type):
        return f"repeated {expected_proto_type(m.group(1))}"
    if m := re.fullmatch(r"\*?([A-Z]\w*)", go_type):
        return m.group(1)
    raise ValueError(f"no proto mapping for Go type {go_type!r}")


def is_bridge_field(field: FieldDescriptor) -> bool:
    return bool(opt(field, options_pb2.bridge_field))


def lxd_fields(message: Descriptor) -> list[FieldDescriptor]:
    """The fields that mirror LXD keys (not the bridge's bookkeeping), in field-number order."""
    return sorted((f for f in message.fields if not is_bridge_field(f)), key=lambda f: f.number)


def mirror_problems(struct: GoStruct) -> tuple[int, list[str]]:
    """Compare one seed struct with its message: (seed fields checked, problems found)."""
    message = MESSAGES.get(struct.name)
    if message is None:
        return 0, [f"no message {struct.name}"]
    problems = []
    if list(opt(message, options_pb2.embeds)) != struct.embeds:
        problems.append(f"embeds {list(opt(message, options_pb2.embeds))} != {struct.embeds}")
    if opt(message, options_pb2.message_api_extension) != struct.api_extension:
        problems.append(f"message_api_extension != {struct.api_extension!r}")
    if opt(message, options_pb2.message_since):
        problems.append("a struct of the seed has message_since")
    go_fields = flatten(STRUCTS, struct.name)
    proto_fields = lxd_fields(message)
    checked = 0
    for number, go in enumerate(go_fields, start=1):
        where = f"{struct.name}.{go.go_name}"
        field = message.fields_by_number.get(number)
        if field is None:
            problems.append(f"{where}: no field number {number}")
            continue
        checked += 1
        expected = {
            "name": go.json_key.replace("-", "_"),
            "json_name": go.json_key,
            "go_name": go.go_name,
            "go_type": go.go_type,
            "omitempty": go.omitempty,
            "api_extension": go.api_extension,
            "since": "",
            "proto type": expected_proto_type(go.go_type),
        }
        actual = {
            "name": field.name,
            "json_name": field.json_name,
            "go_name": opt(field, options_pb2.go_name),
            "go_type": opt(field, options_pb2.go_type),
            "omitempty": opt(field, options_pb2.omitempty),
            "api_extension": opt(field, options_pb2.api_extension),
            "since": opt(field, options_pb2.since),
            "proto type": proto_type(field),
        }
        for what, want in expected.items():
            if actual[what] != want:
                problems.append(f"{where}: {what} is {actual[what]!r}, Go says {want!r}")
    for field in proto_fields[len(go_fields) :]:
        # A key only Incus has is dated by incus_since (its family's release), not since.
        incus_only = opt(field, options_pb2.family) == "incus" and opt(
            field, options_pb2.incus_since
        )
        if not opt(field, options_pb2.since) and not incus_only:
            problems.append(f"{struct.name}.{field.name}: not in the seed and no since option")
    return checked, problems


def struct_changes() -> list[tuple[str, list[tuple[str, str]], list[str], list[str]]]:
    """Per 3.4 struct: (name, added (key, "type[, omitempty]"), removed keys, type changes)."""
    by_struct: dict[str, tuple[list[tuple[str, str]], list[str], list[str]]] = {}
    for row in read_tsv(STRUCT_CHANGES):
        added, removed, changed = by_struct.setdefault(row["struct"], ([], [], []))
        key, go_type = row["json_key"], row["go_type"]
        if row["change"] == "added":
            omit = ", omitempty" if row["omitempty"] == "yes" else ""
            added.append((key, go_type + omit))
        elif row["change"] == "removed":
            removed.append(key)
        elif row["change"] == "retyped":
            changed.append(f"`{key}`: {row['old_type']} -> {go_type}")
    return [(name, *lists) for name, lists in by_struct.items()]


CHANGES = struct_changes()


# --- tests: the seed's facts table ---------------------------------------------------------


def test_the_facts_table_has_every_struct_type_and_field_of_the_seed() -> None:
    assert len(STRUCTS) == SEED_STRUCTS
    assert len(NAMED_TYPES) == SEED_NAMED_TYPES
    assert sum(len(flatten(STRUCTS, n)) for n in STRUCTS) == SEED_FLATTENED_FIELDS


def test_the_facts_table_keeps_embeddings_omitempty_and_comment_groups() -> None:
    assert STRUCTS["Server"].embeds == ["ServerPut", "ServerUntrusted"]
    assert [f.json_key for f in flatten(STRUCTS, "ImageAliasesPost")] == [
        "description",
        "target",
        "name",
    ]
    source = {f.json_key: f for f in flatten(STRUCTS, "ContainerSource")}
    assert source["base-image"].omitempty and not source["type"].omitempty
    assert source["live"].api_extension == "container_push"
    assert source["source"].api_extension == ""
    assert STRUCTS["ContainerBackup"].api_extension == "container_backup"


# --- tests: every struct, field and named type of the seed is mirrored ----------------------


@pytest.mark.parametrize("name", sorted(STRUCTS))
def test_struct_is_mirrored_field_by_field(name: str) -> None:
    checked, problems = mirror_problems(STRUCTS[name])
    assert problems == []
    assert checked == len(flatten(STRUCTS, name))


def test_every_seed_field_was_checked() -> None:
    total = 0
    for struct in STRUCTS.values():
        checked, problems = mirror_problems(struct)
        assert problems == [], struct.name
        total += checked
    assert total == SEED_FLATTENED_FIELDS


def test_status_code_enum_keeps_lxd_numbers_names_and_strings() -> None:
    enum = ENUMS["StatusCode"]
    consts = NAMED_TYPES["StatusCode"].consts
    assert opt(enum, options_pb2.go_underlying_type) == NAMED_TYPES["StatusCode"].base == "int"
    values = {v.number: v for v in enum.values}
    assert values[0].name == "STATUS_CODE_UNSPECIFIED"
    assert not opt(values[0], options_pb2.go_const)
    assert len(enum.values) == len(consts) + 1
    for const, number in consts:
        value = values.get(int(number))
        assert value is not None, const
        assert opt(value, options_pb2.go_const) == const
        assert opt(value, options_pb2.go_string) == GO_STATUS_STRINGS[const]
        assert value.name == "STATUS_CODE_" + re.sub(r"(?<=[a-z])(?=[A-Z])", "_", const).upper()


def test_response_type_enum_carries_the_wire_strings() -> None:
    enum = ENUMS["ResponseType"]
    consts = NAMED_TYPES["ResponseType"].consts
    assert opt(enum, options_pb2.go_underlying_type) == NAMED_TYPES["ResponseType"].base == "string"
    assert enum.values[0].number == 0 and enum.values[0].name == "RESPONSE_TYPE_UNSPECIFIED"
    assert len(enum.values) == len(consts) + 1
    for value, (const, wire) in zip(enum.values[1:], consts, strict=True):
        assert (opt(value, options_pb2.go_const), opt(value, options_pb2.go_string)) == (
            const,
            wire,
        )
        assert value.name == f"RESPONSE_TYPE_{wire.upper()}"


def test_every_message_is_a_seed_struct_a_wrapper_or_a_dated_5_0_struct() -> None:
    for name, message in MESSAGES.items():
        if name in STRUCTS or name in WRAPPERS:
            continue
        # A struct only Incus has (InstanceStateOSInfo) is dated by its family instead.
        incus_only = opt(message, options_pb2.message_family) == "incus"
        assert opt(message, options_pb2.message_since) or incus_only, name
    assert set(ENUMS) == set(NAMED_TYPES)


@pytest.mark.parametrize("name", sorted(set(MESSAGES) - WRAPPERS))
def test_every_lxd_field_names_its_go_field_and_type(name: str) -> None:
    for field in lxd_fields(MESSAGES[name]):
        go_type = opt(field, options_pb2.go_type)
        assert opt(field, options_pb2.go_name), field.full_name
        assert proto_type(field) == expected_proto_type(str(go_type)), field.full_name
        assert field.name == field.json_name.replace("-", "_").lower(), field.full_name


# --- tests: what LXD added up to 5.0 -------------------------------------------------------


def _changes_ids() -> list[str]:
    return [row[0] for row in CHANGES]


def test_the_change_table_covers_only_seed_structs() -> None:
    assert len(CHANGES) > 40
    assert {row[0] for row in CHANGES} <= set(STRUCTS)


@pytest.mark.parametrize(("struct", "added", "removed", "changed"), CHANGES, ids=_changes_ids())
def test_keys_lxd_added_or_removed_by_5_0_are_declared(
    struct: str, added: list[tuple[str, str]], removed: list[str], changed: list[str]
) -> None:
    message = MESSAGES[struct]
    fields = lxd_fields(message)
    by_json = {f.json_name: f for f in fields}
    renamed_to = {
        opt(f, options_pb2.renamed_to): f for f in fields if opt(f, options_pb2.renamed_to)
    }
    seed_keys = {f.json_key for f in flatten(STRUCTS, struct)}
    for key, typ in added:
        if key in renamed_to:  # one field holds both names (backup timestamps, LXD 3.17)
            assert opt(renamed_to[key], options_pb2.renamed_in), key
            continue
        field = by_json.get(key)
        assert field is not None, f"{struct} lacks the 5.0 key {key!r}"
        assert key not in seed_keys
        assert opt(field, options_pb2.since), f"{struct}.{key} has no since"
        go_type, _, omit = typ.partition(",")
        assert opt(field, options_pb2.go_type) == go_type.strip(), key
        assert opt(field, options_pb2.omitempty) == (omit.strip() == "omitempty"), key
        assert field.number > len(flatten(STRUCTS, struct)), f"{key} numbered among seed fields"
    for key in removed:
        field = by_json[key]
        assert opt(field, options_pb2.removed_in) or opt(field, options_pb2.renamed_to), key
    for change in changed:
        # A key whose Go type changed shape (not just Container -> Instance, interface{} -> any,
        # or omitempty) is carried by a second field whose json_key is the key. The seed is the
        # truth for the old type (the table says json.RawMessage for ResponseRaw.metadata, the
        # seed's godoc interface{}).
        m = re.fullmatch(r"`([^`]+)`: (\S+) -> (\S+)", change)
        assert m, change
        key, new = m.group(1), m.group(3)
        (old,) = [f.go_type for f in flatten(STRUCTS, struct) if f.json_key == key]

        def norm(t: str) -> str:
            t = t.split("/", maxsplit=1)[0].replace("Instance", "Container")
            return re.sub(r"\bany\b", "interface{}", t)

        if norm(old) == norm(new):
            continue
        (v2,) = [f for f in fields if opt(f, options_pb2.json_key) == key]
        assert opt(v2, options_pb2.go_type) == new
        assert opt(v2, options_pb2.since)
        assert opt(by_json[key], options_pb2.removed_in)


def test_since_values_are_lxd_releases_after_3_4() -> None:
    release = re.compile(r"^(\d+)\.(\d+)(?:\.(\d+))?$")
    for message in MESSAGES.values():
        values = [opt(f, options_pb2.since) for f in message.fields]
        values += [opt(f, options_pb2.removed_in) for f in message.fields]
        values += [opt(f, options_pb2.renamed_in) for f in message.fields]
        values.append(opt(message, options_pb2.message_since))
        for value in filter(None, values):
            m = release.match(str(value))
            assert m, f"{message.name}: {value!r}"
            assert (int(m.group(1)), int(m.group(2))) > (3, 4), f"{message.name}: {value!r}"


def test_backup_keys_renamed_in_3_17_are_one_field_each() -> None:
    backup = MESSAGES["ContainerBackup"].fields_by_name
    post = MESSAGES["ContainerBackupsPost"].fields_by_name
    for field, new in [
        (backup["creation_date"], "created_at"),
        (backup["expiry_date"], "expires_at"),
        (post["expiry"], "expires_at"),
    ]:
        assert (opt(field, options_pb2.renamed_to), opt(field, options_pb2.renamed_in)) == (
            new,
            "3.17",
        )
    assert "created_at" not in backup and "expires_at" not in backup and "expires_at" not in post


def test_resources_v2_cores_share_the_json_key_with_the_v1_count() -> None:
    socket = MESSAGES["ResourcesCPUSocket"].fields_by_name
    assert opt(socket["cores"], options_pb2.removed_in) == "3.15"
    assert opt(socket["threads"], options_pb2.removed_in) == "3.15"
    v2 = socket["cores_v2"]
    assert (v2.json_name, opt(v2, options_pb2.json_key)) == ("cores_v2", "cores")
    assert (opt(v2, options_pb2.since), opt(v2, options_pb2.api_extension)) == (
        "3.15",
        "resources_v2",
    )
    assert proto_type(v2) == "repeated ResourcesCPUCore"


# --- tests: nil versus empty ----------------------------------------------------------------


def _nilable(field: FieldDescriptor) -> bool:
    """A list or map LXD may send as null or as [] / {} (no omitempty to hide the difference)."""
    shape = proto_type(field)
    return shape.startswith(("repeated ", "map<")) and not opt(field, options_pb2.omitempty)


@pytest.mark.parametrize("name", sorted(set(MESSAGES) - WRAPPERS))
def test_empty_keys_exists_exactly_where_a_list_or_map_can_be_null(name: str) -> None:
    message = MESSAGES[name]
    needs = any(_nilable(f) for f in lxd_fields(message))
    field = message.fields_by_name.get(EMPTY_KEYS)
    assert (field is not None) == needs
    bridge = [f for f in message.fields if is_bridge_field(f)]
    assert bridge == ([field] if needs else [])
    if field is not None:
        assert field.number == EMPTY_KEYS_NUMBER
        assert proto_type(field) == "repeated string"
        assert max(f.number for f in message.fields) == EMPTY_KEYS_NUMBER
