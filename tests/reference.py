"""The vendored LXD reference data (third_party/lxd/, see its README.md), loaded for the tests.

Tests read LXD's facts from here and from nothing outside the repository. The loaders and the
Go-declaration parser are the ones tools/vendor_lxd_reference.py derives the tables with.
"""

from __future__ import annotations

from pathlib import Path

from tools.vendor_lxd_reference import (
    GoField,
    GoNamedType,
    GoStruct,
    flatten,
    load_structs,
    load_types,
    parse_go_types,
    read_tsv,
)

__all__ = [
    "ENDPOINTS_3_4",
    "ENDPOINTS_5_0",
    "INCUS_6_0_STRUCTS",
    "LXD_5_0_STRUCTS",
    "REST_API_EXAMPLES",
    "STRUCT_CHANGES",
    "GoField",
    "GoNamedType",
    "GoStruct",
    "flatten",
    "incus_6_0_structs",
    "lxd_5_0_structs",
    "parse_go_types",
    "read_tsv",
    "seed_named_types",
    "seed_structs",
]

REPO = Path(__file__).resolve().parent.parent
LXD = REPO / "third_party" / "lxd"

ENDPOINTS_3_4 = LXD / "lxd-3.4" / "endpoints.tsv"
REST_API_EXAMPLES = LXD / "lxd-3.4" / "rest-api-examples"
SEED_STRUCTS = LXD / "lxd-3.4" / "shared-api-structs.tsv"
SEED_NAMED_TYPES = LXD / "lxd-3.4" / "shared-api-types.tsv"
ENDPOINTS_5_0 = LXD / "lxd-5.0" / "endpoints.tsv"
STRUCT_CHANGES = LXD / "lxd-5.0" / "struct-changes-from-3.4.tsv"
LXD_5_0_STRUCTS = LXD / "lxd-5.0" / "shared-api-structs.tsv"
INCUS_6_0_STRUCTS = REPO / "third_party" / "incus" / "incus-6.0.4" / "shared-api-structs.tsv"


def seed_structs() -> dict[str, GoStruct]:
    """LXD 3.4's shared/api structs (the seed), by name, in the seed's order."""
    return load_structs(read_tsv(SEED_STRUCTS))


def seed_named_types() -> dict[str, GoNamedType]:
    """LXD 3.4's shared/api named types (StatusCode, ResponseType) with their constants."""
    return load_types(read_tsv(SEED_NAMED_TYPES))


def lxd_5_0_structs() -> dict[str, GoStruct]:
    """LXD 5.0.2's shared/api structs (every one, from its Go source), by name."""
    return load_structs(read_tsv(LXD_5_0_STRUCTS))


def incus_6_0_structs() -> dict[str, GoStruct]:
    """Incus 6.0.4's shared/api structs (every one, from its Go source), by name."""
    return load_structs(read_tsv(INCUS_6_0_STRUCTS))
