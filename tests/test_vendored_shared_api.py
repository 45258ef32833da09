"""The shared/api facts tables of LXD 5.0.2 and Incus 6.0.4 (tools/vendor_shared_api.py).

The parser is checked on Go source written into the test (the gofmt'd style of LXD 5.0 and Incus:
doc comments above each field, trailing comments, fields without tags); the tables are checked
for what they must hold. Nothing here reads the mirrors the tool reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reference import (
    INCUS_6_0_STRUCTS,
    LXD_5_0_STRUCTS,
    GoField,
    flatten,
    incus_6_0_structs,
    lxd_5_0_structs,
    read_tsv,
)
from tools.vendor_lxd_reference import STRUCT_COLUMNS, load_structs, struct_rows, tsv
from tools.vendor_shared_api import SOURCES, parse_go_source

SOURCE = """\
package api

// ProjectPut represents the modifiable fields of a LXD project
//
// swagger:model
//
// API extension: projects.
type ProjectPut struct {
	// Project configuration map (refer to doc/projects.md)
	// Example: {"features.profiles": "true"}
	Config map[string]string `json:"config" yaml:"config"`

	// Description of the project
	// Example: My new project
	Description string `json:"description" yaml:"description"`
}

// Project represents a LXD project.
type Project struct {
	ProjectPut `yaml:",inline"`

	// API extension: a
	First string `json:"first" yaml:"first"`
	Second bool `json:"second,omitempty" yaml:"second,omitempty"` // Deprecated, use First.
	// The next one has its own comment group
	Third string `yaml:"third" json:"third"`

	Untagged string
	hidden   int
	Nested *Other `json:"nested" yaml:"nested"`
	Snap StorageVolumeSnapshotPut `json:",inline" yaml:",inline"`
	StorageVolumeSnapshotPut `json:",inline" yaml:",inline"`
}
"""

PARSED = [
    (
        "a doc comment field",
        "ProjectPut",
        0,
        GoField("Config", "map[string]string", "config", False, ""),
    ),
    (
        "the struct's own extension is not the field's",
        "ProjectPut",
        1,
        GoField("Description", "string", "description", False, ""),
    ),
    ("an embedded struct", "Project", 0, "ProjectPut"),
    ("an extension comment", "Project", 1, GoField("First", "string", "first", False, "a")),
    (
        "a trailing comment, same group",
        "Project",
        2,
        GoField("Second", "bool", "second", True, "a"),
    ),
    ("a new comment after a field", "Project", 3, GoField("Third", "string", "third", False, "")),
    ("no tag: the Go name", "Project", 4, GoField("Untagged", "string", "Untagged", False, "")),
    ("unexported: never encoded", "Project", 5, GoField("hidden", "int", "-", False, "")),
    ("a pointer type", "Project", 6, GoField("Nested", "*Other", "nested", False, "")),
    (
        "a named field with an inline tag",
        "Project",
        7,
        GoField("Snap", "StorageVolumeSnapshotPut", "Snap", False, ""),
    ),
    ("an embed with an inline json tag", "Project", 8, "StorageVolumeSnapshotPut"),
]


@pytest.mark.parametrize(
    ("struct", "index", "member"), [c[1:] for c in PARSED], ids=[c[0] for c in PARSED]
)
def test_the_source_parser_reads_a_member(struct: str, index: int, member: GoField | str) -> None:
    assert parse_go_source(SOURCE)[struct].members[index] == member


def test_the_source_parser_reads_the_struct_extension_from_its_doc_comment() -> None:
    structs = parse_go_source(SOURCE)
    assert [(s.name, s.api_extension) for s in structs.values()] == [
        ("ProjectPut", "projects"),
        ("Project", ""),
    ]


def test_a_source_table_reads_back_what_was_parsed(tmp_path: Path) -> None:
    structs = parse_go_source(SOURCE)
    table = tmp_path / "structs.tsv"
    table.write_text(tsv(STRUCT_COLUMNS, struct_rows(structs)))
    assert load_structs(read_tsv(table)) == structs


TABLES = [("lxd-5.0.2", LXD_5_0_STRUCTS, 212), ("incus-6.0.4", INCUS_6_0_STRUCTS, 208)]


@pytest.mark.parametrize(("path", "count"), [t[1:] for t in TABLES], ids=[t[0] for t in TABLES])
def test_a_table_holds_every_struct_the_tag_declares(path: Path, count: int) -> None:
    rows = read_tsv(path)
    assert list(rows[0]) == STRUCT_COLUMNS
    structs = load_structs(rows)
    assert len(structs) == count
    assert count == {s.out: s.structs for s in SOURCES}[str(path.relative_to(path.parents[3]))]


def test_the_lxd_5_0_table_has_the_structs_of_projects_warnings_and_tokens() -> None:
    structs = lxd_5_0_structs()
    assert structs["Project"].embeds == ["ProjectPut"]
    assert structs["ProjectPut"].api_extension == "projects"
    assert structs["Warning"].embeds == ["WarningPut"]
    token = {f.json_key: f for f in flatten(structs, "CertificateAddToken")}
    assert list(token) == ["client_name", "fingerprint", "addresses", "secret", "expires_at"]
    assert token["expires_at"].go_type == "time.Time"
    post = {f.json_key: f for f in flatten(structs, "CertificatesPost")}
    assert post["token"].api_extension == "certificate_token"
    instance = {f.json_key: f for f in flatten(structs, "Instance")}
    assert instance["expanded_config"].omitempty and instance["project"].api_extension


def test_the_incus_table_has_its_own_keys() -> None:
    structs = incus_6_0_structs()
    post = {f.json_key for f in flatten(structs, "CertificatesPost")}
    assert "trust_token" in post and "password" not in post
    assert "Container" not in structs
