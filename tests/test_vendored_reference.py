"""The vendored LXD reference data (third_party/lxd/) is complete and reads back as it was derived.

tools/vendor_lxd_reference.py derives the tables from the sources vendored beside them
(third_party/lxd/sources/); the tables are checked against that derivation here, and its parser
on a godoc excerpt written into the test. Nothing outside the repository is read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reference import (
    ENDPOINTS_3_4,
    ENDPOINTS_5_0,
    REST_API_EXAMPLES,
    STRUCT_CHANGES,
    GoField,
    parse_go_types,
    read_tsv,
    seed_structs,
)
from tools.vendor_lxd_reference import (
    STRUCT_COLUMNS,
    derive,
    differences,
    endpoint_rows,
    load_structs,
    struct_change_rows,
    struct_rows,
    tsv,
)

# The shape of the seed (godoc text): 4-space indent, comment groups, the struct's doc after it.
GODOC = """\
type ContainerSource struct {
    Type  string `json:"type" yaml:"type"`
    Alias string `json:"alias,omitempty" yaml:"alias,omitempty"`

    // For "migration" and "copy" types
    // API extension: container_push
    Live bool `json:"live,omitempty" yaml:"live,omitempty"`
    Mode string `json:"mode,omitempty" yaml:"mode,omitempty"`

    Source string `json:"source,omitempty" yaml:"source,omitempty"`
}

ContainerSource represents the creation source for a new container

type ContainerBackup struct {
    ContainerPut `yaml:",inline"`

    Name string `json:"name" yaml:"name"`
}

ContainerBackup represents a LXD container backup API extension: container_backup

type StatusCode int

StatusCode represents a valid LXD operation and container status

const (
    OperationCreated StatusCode = 100
    Started          StatusCode = 101

    Success StatusCode = 200
)
"""

PARSED_FIELDS = [
    ("a plain field", "ContainerSource", 0, GoField("Type", "string", "type", False, "")),
    ("omitempty", "ContainerSource", 1, GoField("Alias", "string", "alias", True, "")),
    (
        "an extension comment",
        "ContainerSource",
        2,
        GoField("Live", "bool", "live", True, "container_push"),
    ),
    (
        "the rest of its comment group",
        "ContainerSource",
        3,
        GoField("Mode", "string", "mode", True, "container_push"),
    ),
    ("after a blank line", "ContainerSource", 4, GoField("Source", "string", "source", True, "")),
    ("an embedded struct", "ContainerBackup", 0, "ContainerPut"),
    ("a field after it", "ContainerBackup", 1, GoField("Name", "string", "name", False, "")),
]


@pytest.mark.parametrize(
    ("struct", "index", "member"),
    [case[1:] for case in PARSED_FIELDS],
    ids=[case[0] for case in PARSED_FIELDS],
)
def test_the_parser_reads_a_member(struct: str, index: int, member: GoField | str) -> None:
    structs, _ = parse_go_types(GODOC)
    assert structs[struct].members[index] == member


def test_the_parser_reads_struct_extensions_and_named_types() -> None:
    structs, types = parse_go_types(GODOC)
    assert [s.api_extension for s in structs.values()] == ["", "container_backup"]
    assert types["StatusCode"].base == "int"
    assert types["StatusCode"].consts == (
        ("OperationCreated", "100"),
        ("Started", "101"),
        ("Success", "200"),
    )


def test_the_facts_table_reads_back_what_was_parsed(tmp_path: Path) -> None:
    structs, _ = parse_go_types(GODOC)
    table = tmp_path / "structs.tsv"
    table.write_text(tsv(STRUCT_COLUMNS, struct_rows(structs)))
    assert load_structs(read_tsv(table)) == structs


def test_an_endpoint_row_keeps_what_the_code_does_not_what_the_doc_says() -> None:
    line = (
        "| 107 | DELETE | `/1.0/cluster/members/<name>` | doc says **async**; code is **sync** "
        "`{}` | \u2013 | `{}` | force=1 | client `DeleteClusterMember` returns only `error` |"
    )
    assert endpoint_rows(line) == [
        {
            "row": "107",
            "method": "DELETE",
            "path": "/1.0/cluster/members/<name>",
            "kind": "sync",
            "request": "",
            "response": "",
            "query": "force",
        }
    ]


def test_a_struct_change_row_splits_added_removed_and_retyped_keys() -> None:
    line = (
        "| ContainerBackupsPost | InstanceBackupsPost | `expires_at` (time.Time); "
        "`instance_only` (bool, omitempty) | `expiry` | `cores`: uint64 -> []ResourcesCPUCore |"
    )
    base = {"struct": "ContainerBackupsPost", "struct_5_0": "InstanceBackupsPost"}
    assert struct_change_rows(line) == [
        {**base, "change": "added", "json_key": "expires_at", "go_type": "time.Time"}
        | {"omitempty": "no"},
        {**base, "change": "added", "json_key": "instance_only", "go_type": "bool"}
        | {"omitempty": "yes"},
        {**base, "change": "removed", "json_key": "expiry"},
        {**base, "change": "retyped", "json_key": "cores", "go_type": "[]ResourcesCPUCore"}
        | {"old_type": "uint64"},
    ]


TABLES = [
    ("LXD 3.4 endpoints", ENDPOINTS_3_4, 107, {"GET", "PUT", "POST", "PATCH", "DELETE"}),
    ("LXD 5.0.2 endpoints", ENDPOINTS_5_0, 185, {"GET", "HEAD", "PUT", "POST", "PATCH", "DELETE"}),
]


@pytest.mark.parametrize(
    ("path", "rows", "methods"), [t[1:] for t in TABLES], ids=[t[0] for t in TABLES]
)
def test_an_endpoint_table_is_complete(path: Path, rows: int, methods: set[str]) -> None:
    table = read_tsv(path)
    assert len(table) == rows
    assert {r["method"] for r in table} <= methods
    assert all(r["path"].startswith("/") for r in table)
    assert len({(r["method"], r["path"]) for r in table}) == rows


def test_the_5_0_endpoints_carry_a_capability_group() -> None:
    groups = {r["group"] for r in read_tsv(ENDPOINTS_5_0)}
    assert {"instances", "images & aliases", "server", "projects", "warnings"} <= groups
    assert "" not in groups


def test_the_struct_changes_name_only_seed_structs() -> None:
    changes = read_tsv(STRUCT_CHANGES)
    assert {r["struct"] for r in changes} <= set(seed_structs())
    assert {r["change"] for r in changes} == {"added", "removed", "retyped", "none"}


def test_every_doc_example_is_vendored_with_its_index_and_fixes() -> None:
    examples = sorted(p.name for p in REST_API_EXAMPLES.glob("*.json"))
    assert len(examples) == 127
    index = (REST_API_EXAMPLES / "INDEX.md").read_text()
    assert all(f"`{name.removesuffix('.json')}`" in index for name in examples)
    assert (REST_API_EXAMPLES / "FIXES.md").is_file()
    notice = (REST_API_EXAMPLES.parent.parent / "README.md").read_text()
    assert "Apache-2.0" in notice
    assert "Apache License" in (REST_API_EXAMPLES.parent.parent / "LICENSE").read_text()


def test_every_derived_table_is_what_the_tool_derives_from_the_vendored_sources() -> None:
    derived = derive()  # third_party/lxd/sources/, counted (83 structs, 107 endpoints ...)
    assert set(derived) == {
        "lxd-3.4/shared-api-structs.tsv",
        "lxd-3.4/shared-api-types.tsv",
        "lxd-3.4/endpoints.tsv",
        "lxd-5.0/struct-changes-from-3.4.tsv",
    }
    assert differences(derived) == []
