"""Every key of Incus 6.0.4's shared/api has a field in the message the bridge reads it into.

The facts come from third_party/incus/incus-6.0.4/shared-api-structs.tsv (every struct of Incus
6.0.4's shared/api, derived from the Go source by tools/vendor_shared_api.py). The test walks the
compiled descriptors, so a message added on any branch is checked as soon as it is compiled.

Which messages are checked, against which Incus struct:
- a message named like an Incus 6.0.4 struct, against that struct;
- a seed Container* message, against the Instance* struct Incus serves in its place
  (third_party/lxd/lxd-5.0/struct-changes-from-3.4.tsv): the bridge serves the container RPCs
  on Incus through ``/1.0/instances?instance-type=container`` (``Dialect.locate``), so the
  Container* messages read and write what Incus's Instance* structs carry, and must lose none
  of it.

Every json key of that struct (embedded structs followed) must be a field of the message, either
common to both families (no ``family``) or marked ``(family) = "incus"`` with an
``incus_since``, or a field whose ``incus_renamed_to`` is that key, or be listed in NOT_CARRIED
with the reason it cannot be. A key of the other family (``(family) = "lxd"``) does not count.

The LXD direction needs no test here: tests/test_schema_5_0.py already fails on any key of an
LXD 5.0.2 struct that the message of that name lacks ("no field for LXD 5.0.2's ...").
"""

from __future__ import annotations

import pytest
from google.protobuf.descriptor import Descriptor, FieldDescriptor

from lxd.api.v1 import options_pb2
from tests.reference import STRUCT_CHANGES, flatten, incus_6_0_structs, read_tsv
from tests.test_schema_mirror import MESSAGES, WRAPPERS, is_bridge_field, opt

INCUS_6_0 = incus_6_0_structs()
# The struct Incus (like LXD 5.0) serves in place of a seed struct: Container -> Instance, ...
SERVED_AS = {r["struct"]: r["struct_5_0"] for r in read_tsv(STRUCT_CHANGES)}

#: (message, Incus json key) -> why the message does not carry the key, and why nothing is lost.
NOT_CARRIED: dict[tuple[str, str], str] = {
    ("ServerUntrusted", "config"): (
        "Incus 6.0.2 made ServerUntrusted embed ServerPut; no RPC reads or writes a ServerUntrusted"
        " alone, only inside Server (GET /1.0), where Go's shallower Server.ServerPut.Config wins"
        " and Server's own config field carries the key. A flattened config here would sit beside"
        " ServerPut's at the same depth in Server, and Go drops a key two embeds bring at one"
        " depth."
    ),
}


def incus_struct(message: Descriptor) -> str | None:
    """The Incus 6.0.4 struct a message reads on Incus, or None when Incus has none."""
    name = message.name
    if name in INCUS_6_0:
        return name
    served = SERVED_AS.get(name)
    return served if served in INCUS_6_0 else None


def _keys_on_incus(field: FieldDescriptor) -> set[str]:
    """The keys under which an Incus daemon sends this field: its own, and Incus's rename."""
    keys = {str(opt(field, options_pb2.json_key) or field.json_name)}
    for ext in (options_pb2.renamed_to, options_pb2.incus_renamed_to):
        if opt(field, ext):
            keys.add(str(opt(field, ext)))
    return keys


def completeness_problems(message: Descriptor) -> list[str]:
    """Each Incus 6.0.4 key the message lacks, or carries without the options Incus needs."""
    struct = incus_struct(message)
    if struct is None:
        return []
    name = message.name
    where = name if struct == name else f"{name} (served on Incus as {struct})"
    by_key: dict[str, FieldDescriptor] = {}
    for f in message.fields:
        if is_bridge_field(f) or opt(f, options_pb2.family) == "lxd":
            continue
        for key in _keys_on_incus(f):
            by_key.setdefault(key, f)
    problems = []
    for go in flatten(INCUS_6_0, struct):
        if go.json_key == "-":
            continue  # an unexported Go field: never in the JSON
        if (name, go.json_key) in NOT_CARRIED:
            continue
        field = by_key.get(go.json_key)
        if field is None:
            problems.append(
                f"{where}: no field for Incus 6.0.4's {struct}.{go.go_name} {go.go_type} "
                f'(json {go.json_key!r}): add it with (family) = "incus" and (incus_since), '
                f"or list it in NOT_CARRIED with the reason"
            )
        elif opt(field, options_pb2.family) == "incus" and not opt(field, options_pb2.incus_since):
            problems.append(f'{where}.{go.json_key}: (family) = "incus" without (incus_since)')
    return problems


CHECKED = sorted(n for n in set(MESSAGES) - WRAPPERS if incus_struct(MESSAGES[n]))


@pytest.mark.parametrize("name", CHECKED)
def test_message_carries_every_incus_6_0_4_key(name: str) -> None:
    assert completeness_problems(MESSAGES[name]) == []


def test_the_walk_covers_the_incus_structs_the_bridge_reads() -> None:
    """Guards the walk: the Container* messages are checked against Incus's Instance* structs,
    and the messages checked cover this many Incus keys."""
    assert incus_struct(MESSAGES["Container"]) == "Instance"
    assert incus_struct(MESSAGES["ContainerState"]) == "InstanceState"
    keys = sum(len(flatten(INCUS_6_0, incus_struct(MESSAGES[n]) or n)) for n in CHECKED)
    assert len(CHECKED) >= 120 and keys >= 700, (len(CHECKED), keys)


def test_every_not_carried_key_is_still_an_incus_key() -> None:
    for name, key in NOT_CARRIED:
        struct = incus_struct(MESSAGES[name])
        assert struct and key in {g.json_key for g in flatten(INCUS_6_0, struct)}, (name, key)


# --- the checker itself: each rule fails when it should -----------------------------------


def _without_field(name: str, field_name: str, **options: object) -> Descriptor:
    """A copy of a message with one field removed (options None) or its options changed."""
    from google.protobuf import descriptor_pb2, descriptor_pool

    message = MESSAGES[name]
    protos: dict[str, descriptor_pb2.FileDescriptorProto] = {}

    def add(fd: object) -> None:
        for dep in fd.dependencies:  # type: ignore[attr-defined]
            add(dep)
        if fd.name not in protos:  # type: ignore[attr-defined]
            p = descriptor_pb2.FileDescriptorProto()
            fd.CopyToProto(p)  # type: ignore[attr-defined]
            protos[fd.name] = p  # type: ignore[attr-defined]

    add(message.file)
    (proto,) = [m for m in protos[message.file.name].message_type if m.name == name]
    (field,) = [f for f in proto.field if f.name == field_name]
    if not options:
        proto.field.remove(field)
    for ext_name, value in options.items():
        ext = getattr(options_pb2, ext_name)
        if value is None:
            field.options.ClearExtension(ext)
        else:
            field.options.Extensions[ext] = value
    pool = descriptor_pool.DescriptorPool()
    for p in protos.values():
        pool.Add(p)
    return pool.FindMessageTypeByName(message.full_name)


CHECKER_CASES = [
    ("a missing key", "InstanceState", "started_at", {}, "no field for Incus 6.0.4's"),
    (
        "a missing key of a Container* message served as Instance*",
        "ContainerState",
        "network",
        {},
        "ContainerState (served on Incus as InstanceState): no field",
    ),
    (
        "an Incus-only key without incus_since",
        "InstanceState",
        "started_at",
        {"incus_since": None},
        "without (incus_since)",
    ),
    (
        "a key of LXD's family only does not count",
        "InstanceState",
        "started_at",
        {"family": "lxd"},
        "no field for Incus 6.0.4's InstanceState.StartedAt",
    ),
    (
        "a key Incus renamed is carried by incus_renamed_to, and only by it",
        "CertificatesPost",
        "password",
        {"incus_renamed_to": None},
        "(json 'trust_token')",
    ),
]


@pytest.mark.parametrize(
    ("name", "field", "options", "expected"),
    [c[1:] for c in CHECKER_CASES],
    ids=[c[0] for c in CHECKER_CASES],
)
def test_the_checker_finds_a_missing_key(
    name: str, field: str, options: dict[str, object], expected: str
) -> None:
    problems = completeness_problems(_without_field(name, field, **options))
    if expected:
        assert any(expected in p for p in problems), problems
    else:
        assert problems == []
