"""Every message named like a struct of LXD 5.0.2's shared/api mirrors that struct.

The facts come from third_party/lxd/lxd-5.0/shared-api-structs.tsv and, for what only Incus has,
third_party/incus/incus-6.0.4/shared-api-structs.tsv (both derived from the Go sources by
tools/vendor_shared_api.py). The test walks the compiled descriptors, so a message added on any
branch is checked as soon as it is compiled, with no list to update here.

For a message M whose name is a struct of LXD 5.0.2:
- each Go field of the struct (embedded structs followed) is a field of M with the same json key,
  Go name, Go type and omitempty; a field that is not the seed's also carries the API extension
  the Go comment names;
- each field of M is a key of the struct, or of the struct LXD 5.0 serves in M's place (the seed's
  Container* are served as Instance*: struct-changes-from-3.4.tsv), or a key LXD added after 5.0.2
  (`since` later than 5.0.2), removed by 5.0.2 (`removed_in`), or only Incus has (`family`);
- a field with `(family) = "incus"` is a key of the Incus 6.0.4 struct of that name (or of the
  struct Incus serves in its place) with the same facts, and a message with
  `(message_family) = "incus"` mirrors the Incus struct as a whole.

The 3.4 seed's messages keep the seed's Go facts (tests/test_schema_mirror.py); where 5.0.2
writes a field differently the difference must not change the JSON: `any` for `interface{}`,
Instance* for Container*, omitempty on a struct value (never empty for encoding/json), or another
Go name for the same key (a Go-side rename: CreationDate became CreatedAt, the key stayed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from google.protobuf.descriptor import Descriptor, FieldDescriptor

from lxd.api.v1 import options_pb2
from tests.reference import (
    STRUCT_CHANGES,
    GoField,
    GoStruct,
    flatten,
    incus_6_0_structs,
    lxd_5_0_structs,
    read_tsv,
    seed_structs,
)
from tests.test_schema_mirror import MESSAGES, WRAPPERS, is_bridge_field, opt

LXD_5_0 = lxd_5_0_structs()
INCUS_6_0 = incus_6_0_structs()
SEED = seed_structs()
# The struct LXD 5.0 serves in place of a seed struct it renamed: Container -> Instance, ...
SERVED_AS = {r["struct"]: r["struct_5_0"] for r in read_tsv(STRUCT_CHANGES)}
RELEASE = (5, 0, 2)

# API extension names that LXD 5.0.2's Go comments misspell; the field carries the name the
# server lists in api_extensions (doc/api-extensions.md at the same tag).
COMMENT_TYPOS = {("container_user_group_cwd", "container_exec_user_group_cwd")}


def _release(value: str) -> tuple[int, ...]:
    return tuple(int(p) for p in value.split("."))


def _after_5_0_2(value: str) -> bool:
    return bool(value) and _release(value) > RELEASE


def _at_or_before_5_0_2(value: str) -> bool:
    return bool(value) and _release(value) <= RELEASE


@dataclass(frozen=True)
class ProtoField:
    """A field as the JSON sees it: its key on a 5.0.2-era server and its Go facts."""

    field: FieldDescriptor
    key: str

    @property
    def facts(self) -> tuple[str, str, bool]:
        f = self.field
        return (
            opt(f, options_pb2.go_name),
            opt(f, options_pb2.go_type),
            opt(f, options_pb2.omitempty),
        )

    def option(self, ext: object) -> str:
        return str(opt(self.field, ext))


def proto_fields(message: Descriptor, family: str) -> dict[str, ProtoField]:
    """The fields of a message a server of the family sends at 5.0.2 (LXD) or 6.0.4 (Incus),
    by JSON key: the key renamed before 5.0.2 under its new name, no removed key, no key of the
    other family, no bookkeeping."""
    out = {}
    for f in sorted(message.fields, key=lambda f: f.number):
        if is_bridge_field(f):
            continue
        only = opt(f, options_pb2.family)
        if only and only != family:
            continue
        if _at_or_before_5_0_2(opt(f, options_pb2.removed_in)):
            continue
        key = opt(f, options_pb2.json_key) or f.json_name
        if opt(f, options_pb2.renamed_to) and _at_or_before_5_0_2(opt(f, options_pb2.renamed_in)):
            key = opt(f, options_pb2.renamed_to)
        if key in out:
            raise AssertionError(f"{message.name}: two fields carry the key {key!r}")
        out[key] = ProtoField(f, key)
    return out


def _neutral_type(go_type: str) -> str:
    """A Go type as encoding/json sees it: `any` is `interface{}`, Instance* were Container*."""
    go_type = re.sub(r"\bany\b", "interface{}", go_type)
    return re.sub(r"\bInstance(?=[A-Z]|\b)", "Container", go_type)


def _is_struct_value(go_type: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\w*", go_type)) and go_type not in (
        "StatusCode",
        "InstanceType",
    )


def _seed_difference_is_neutral(pf: ProtoField, seed: GoField, go: GoField) -> str | None:
    """None when the seed's facts (which the proto keeps) and 5.0.2's write the same JSON;
    otherwise why not."""
    go_name, go_type, omitempty = pf.facts
    if (go_name, go_type, omitempty) != (seed.go_name, seed.go_type, seed.omitempty):
        return f"keeps neither 5.0.2's facts nor the seed's {seed}"
    if _neutral_type(go_type) != _neutral_type(go.go_type):
        return f"the seed's Go type {go_type!r} is not 5.0.2's {go.go_type!r}"
    if omitempty != go.omitempty and not _is_struct_value(go.go_type):
        return f"omitempty {omitempty} changes the JSON of 5.0.2's {go.go_type} ({go.omitempty})"
    return None


def _field_problems(where: str, pf: ProtoField, go: GoField, seed: GoField | None) -> list[str]:
    problems = []
    want = (go.go_name, go.go_type, go.omitempty)
    if pf.facts != want:
        why = "not a seed field" if seed is None else _seed_difference_is_neutral(pf, seed, go)
        if why is not None:
            problems.append(
                f"{where}: (go_name, go_type, omitempty) is {pf.facts}, Go 5.0.2 says {want}: {why}"
            )
    extension = pf.option(options_pb2.api_extension)
    if (
        (pf.option(options_pb2.since) or seed is None)
        and go.api_extension
        and extension != go.api_extension
        and (go.api_extension, extension) not in COMMENT_TYPOS
    ):
        problems.append(
            f"{where}: api_extension is {extension!r}, Go 5.0.2 says {go.api_extension!r}"
        )
    return problems


def struct_problems(
    message: Descriptor, structs: dict[str, GoStruct], family: str, served_as: str | None
) -> list[str]:
    """What differs between a message and the struct of the same name in `structs`."""
    name = message.name
    label = "LXD 5.0.2" if family == "lxd" else "Incus 6.0.4"
    fields = proto_fields(message, family)
    problems = []
    own = {g.json_key: g for g in flatten(structs, name)} if name in structs else {}
    seed = {g.json_key: g for g in flatten(SEED, name)} if name in SEED else {}
    # A seed field under a key LXD renamed keeps the seed's facts for its old key.
    seed_of = {key: seed.get(pf.field.json_name) for key, pf in fields.items()}
    other = (
        {g.json_key: g for g in flatten(structs, served_as)}
        if served_as and served_as in structs
        else {}
    )
    if name not in SEED:
        embeds = list(opt(message, options_pb2.embeds))
        if name in structs and embeds != structs[name].embeds:
            problems.append(f"{name}: embeds {embeds}, {label} says {structs[name].embeds}")
        ext = structs[name].api_extension if name in structs else ""
        if ext and opt(message, options_pb2.message_api_extension) != ext:
            problems.append(
                f"{name}: message_api_extension is "
                f"{opt(message, options_pb2.message_api_extension)!r}, {label} says {ext!r}"
            )
    for key, go in own.items():
        if go.json_key == "-":
            continue  # an unexported Go field: never in the JSON
        pf = fields.get(key)
        if pf is None:
            problems.append(
                f"{name}: no field for {label}'s {go.go_name} {go.go_type} (json {key!r})"
            )
            continue
        problems += _field_problems(f"{name}.{key}", pf, go, seed_of[key])
    for key, pf in fields.items():
        if key in own:
            continue
        where = f"{name}.{key}"
        if key in other:
            problems += _field_problems(f"{where} (as {served_as})", pf, other[key], seed_of[key])
        elif family == "lxd" and _after_5_0_2(pf.option(options_pb2.since)):
            continue  # a key of a later LXD 5.0.x: checked when its table is
        else:
            where_not = served_as if other else name
            problems.append(
                f"{where}: {label}'s {where_not} has no key {key!r} and since is not after 5.0.2"
            )
    return problems


def incus_field_problems(message: Descriptor) -> list[str]:
    """The Incus-only fields of a message shared by both families, against Incus's struct."""
    name = message.name
    served = SERVED_AS.get(name, name)
    struct = name if name in INCUS_6_0 else served if served in INCUS_6_0 else None
    problems = []
    for key, pf in proto_fields(message, "incus").items():
        if pf.option(options_pb2.family) != "incus":
            continue
        go = {g.json_key: g for g in flatten(INCUS_6_0, struct)}.get(key) if struct else None
        if go is None:
            problems.append(
                f"{name}.{key}: family incus, but Incus 6.0.4 has no such key in {struct or name}"
            )
        elif pf.facts != (go.go_name, go.go_type, go.omitempty):
            problems.append(
                f"{name}.{key}: (go_name, go_type, omitempty) is {pf.facts}, "
                f"Incus 6.0.4 says {(go.go_name, go.go_type, go.omitempty)}"
            )
    return problems


def message_problems(message: Descriptor) -> list[str]:
    """Everything the 5.0 facts say is wrong with one message."""
    name = message.name
    family = opt(message, options_pb2.message_family)
    if family == "incus":
        if name not in INCUS_6_0:
            return [f"{name}: message_family incus, but Incus 6.0.4 has no struct {name}"]
        return struct_problems(message, INCUS_6_0, "incus", None)
    served = SERVED_AS.get(name)
    if name not in LXD_5_0 and served not in LXD_5_0:
        if _after_5_0_2(opt(message, options_pb2.message_since)):
            return []
        return [
            f"{name}: no struct {name} in LXD 5.0.2's shared/api, message_since not after 5.0.2"
        ]
    return struct_problems(message, LXD_5_0, "lxd", served) + incus_field_problems(message)


CHECKED = sorted(set(MESSAGES) - WRAPPERS)


@pytest.mark.parametrize("name", CHECKED)
def test_message_mirrors_lxd_5_0_2(name: str) -> None:
    assert message_problems(MESSAGES[name]) == []


def test_every_go_field_of_a_mirrored_5_0_struct_was_compared() -> None:
    """Guards the walk: the messages named like 5.0.2 structs cover this many of their keys."""
    mirrored = [n for n in CHECKED if n in LXD_5_0]
    keys = sum(len([g for g in flatten(LXD_5_0, n) if g.json_key != "-"]) for n in mirrored)
    assert len(mirrored) >= 93
    assert keys >= 500


# --- the checker itself: each rule fails when it should -----------------------------------


def _problems_with(name: str, **changes: object) -> list[str]:
    """message_problems of a copy of a message with one field's options changed."""
    from google.protobuf import descriptor_pb2, descriptor_pool

    message = MESSAGES[name]
    file_proto = descriptor_pb2.FileDescriptorProto()
    message.file.CopyToProto(file_proto)
    (proto,) = [m for m in file_proto.message_type if m.name == name]
    field_name = str(changes.pop("field"))
    (field,) = [f for f in proto.field if f.name == field_name]
    for ext_name, value in changes.items():
        ext = getattr(options_pb2, ext_name)
        if value is None:
            field.options.ClearExtension(ext)
        else:
            field.options.Extensions[ext] = value
    pool = descriptor_pool.DescriptorPool()
    deps = {}

    def add(fd: object) -> None:
        for dep in fd.dependencies:  # type: ignore[attr-defined]
            add(dep)
        if fd.name not in deps:  # type: ignore[attr-defined]
            p = descriptor_pb2.FileDescriptorProto()
            fd.CopyToProto(p)  # type: ignore[attr-defined]
            deps[fd.name] = p  # type: ignore[attr-defined]

    add(message.file)
    for n, p in deps.items():
        pool.Add(file_proto if n == message.file.name else p)
    return message_problems(pool.FindMessageTypeByName(message.full_name))


CHECKER_CASES = [
    ("a wrong Go type", "Server", {"field": "auth", "go_type": "int"}, "Go 5.0.2 says"),
    (
        "a wrong Go name",
        "ServerEnvironment",
        {"field": "kernel", "go_name": "Kern"},
        "Go 5.0.2 says",
    ),
    (
        "omitempty on a 5.0 field",
        "Server",
        {"field": "auth_methods", "omitempty": True},
        "Go 5.0.2 says",
    ),
    (
        "a key of a later 5.0.x (5.0.4) is allowed",
        "ServerEnvironment",
        {"field": "instance_types", "since": "5.0.4"},
        "",
    ),
    (
        "a key 5.0.2 lacks without a later since",
        "ServerEnvironment",
        {"field": "instance_types", "since": "5.0.0"},
        "has no key 'instance_types'",
    ),
    (
        "a missing key",
        "ServerEnvironment",
        {"field": "project", "family": "incus"},
        "no field for LXD 5.0.2's Project",
    ),
    (
        "a wrong API extension of a 5.0 field",
        "ServerEnvironment",
        {"field": "project", "api_extension": "projects_x"},
        "api_extension is 'projects_x'",
    ),
    (
        "an Incus-only key Incus lacks",
        "CertificatesPost",
        {"field": "password", "family": "incus"},
        "family incus, but Incus 6.0.4 has no such key",
    ),
    (
        "a seed field whose omitempty changes the JSON",
        "Container",
        {"field": "expanded_config", "omitempty": True},
        "keeps neither",
    ),
]


@pytest.mark.parametrize(
    ("name", "changes", "expected"),
    [c[1:] for c in CHECKER_CASES],
    ids=[c[0] for c in CHECKER_CASES],
)
def test_the_checker_finds_a_wrong_field(
    name: str, changes: dict[str, object], expected: str
) -> None:
    problems = _problems_with(name, **dict(changes))
    if expected:
        assert any(expected in p for p in problems), problems
    else:
        assert problems == []
