"""Derive the LXD 3.4 reference tables the tests read (third_party/lxd/) from vendored sources.

Usage: python -m tools.vendor_lxd_reference [--sources DIR] [--check]

The tests read only the tables. This tool derives them from the sources vendored beside them in
third_party/lxd/sources/ (DIR by default; see third_party/lxd/README.md for where each came
from): tables of facts, not the prose they come from.

  lxd-3.4/shared-api-structs.tsv   every struct of the seed (the godoc of LXD 3.4's shared/api):
                                   its API extension, embedded structs and fields in Go order, each
                                   field's Go name, Go type, json key, omitempty and API extension
  lxd-3.4/shared-api-types.tsv     the seed's named types (StatusCode, ResponseType) and constants
  lxd-3.4/endpoints.tsv            the 107 REST endpoints of LXD 3.4 (sources/endpoints-3.4.md):
                                   method, path, response kind, request and response types, query
  lxd-5.0/struct-changes-from-3.4.tsv  keys LXD added, removed or retyped in each 3.4 struct by 5.0

--check writes nothing and exits 1 when a table differs from what would be derived (a test runs
the same comparison). The other files under third_party/lxd/ are vendored as they are (the
3.4 doc examples, LXD 5.0.2's endpoint list) or derived from LXD's Go sources by
tools/vendor_shared_api.py.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "third_party" / "lxd"
SOURCES = OUT / "sources"
SEED_FILE = "lxd-shared-api-godoc-2018-08-24.txt"
ENDPOINTS_FILE = "endpoints-3.4.md"
STRUCT_CHANGES_FILE = "struct-changes-3.4-to-5.0.md"

# What the seed holds; the parser must find exactly this much.
SEED_STRUCTS = 83
SEED_NAMED_TYPES = 2
SEED_FLATTENED_FIELDS = 411
ENDPOINTS_3_4 = 107


# --- the seed: Go structs ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class GoField:
    """One field of a Go struct, as the seed declares it."""

    go_name: str
    go_type: str
    json_key: str
    omitempty: bool
    api_extension: str


@dataclasses.dataclass(frozen=True)
class GoStruct:
    """A Go struct: its members in order (a GoField, or the name of an embedded struct)."""

    name: str
    members: tuple[GoField | str, ...]
    api_extension: str

    @property
    def embeds(self) -> list[str]:
        return [m for m in self.members if isinstance(m, str)]


@dataclasses.dataclass(frozen=True)
class GoNamedType:
    """A named Go type with its constants, in declaration order: (name, value)."""

    name: str
    base: str
    consts: tuple[tuple[str, str], ...]


_STRUCT_START = re.compile(r"^type (\w+) struct \{$")
_NAMED_TYPE = re.compile(r"^type (\w+) (int|string)$")
_FIELD = re.compile(r"^(\w+)\s+(\S.*?)\s+`([^`]*)`$")
_EMBED = re.compile(r"^(\w+)(?:\s+`[^`]*`)?$")
_EXTENSION = re.compile(r"API extension: (\w+)")
_CONST = re.compile(r"^\s*(\w+)\s+\w+\s*=\s*(\S+)$")


def parse_go_types(text: str) -> tuple[dict[str, GoStruct], dict[str, GoNamedType]]:
    """Parse Go type declarations (godoc text or gofmt'd source): structs and named types.

    A `// API extension: X` comment applies to the fields that follow it up to the next blank
    line (Go's comment group). A struct's own extension is in the godoc text after its block.
    """
    lines = text.splitlines()
    structs: dict[str, GoStruct] = {}
    types: dict[str, GoNamedType] = {}
    i = 0
    while i < len(lines):
        if m := _STRUCT_START.match(lines[i]):
            name, members, extension = m.group(1), [], ""
            i += 1
            while lines[i] != "}":
                line = lines[i].strip()
                i += 1
                if not line:
                    extension = ""
                elif line.startswith("//"):
                    if e := _EXTENSION.search(line):
                        extension = e.group(1)
                elif e := _EMBED.match(line):
                    members.append(e.group(1))
                else:
                    f = _FIELD.match(line)
                    if not f:
                        raise ValueError(f"cannot parse field line {line!r} of {name}")
                    tag = re.search(r'json:"([^"]*)"', f.group(3))
                    if not tag:
                        raise ValueError(f"no json tag in {line!r} of {name}")
                    key, *flags = tag.group(1).split(",")
                    members.append(
                        GoField(f.group(1), f.group(2), key, "omitempty" in flags, extension)
                    )
            i += 1
            doc = []
            while i < len(lines) and not lines[i].startswith(("type ", "func ")):
                doc.append(lines[i])
                i += 1
            e = _EXTENSION.search(" ".join(doc))
            structs[name] = GoStruct(name, tuple(members), e.group(1) if e else "")
        elif m := _NAMED_TYPE.match(lines[i]):
            name, base = m.group(1), m.group(2)
            while not lines[i].startswith("const ("):
                i += 1
            consts = []
            i += 1
            while lines[i] != ")":
                if c := _CONST.match(lines[i]):
                    consts.append((c.group(1), c.group(2).strip('"')))
                i += 1
            types[name] = GoNamedType(name, base, tuple(consts))
        else:
            i += 1
    return structs, types


def flatten(structs: dict[str, GoStruct], name: str) -> list[GoField]:
    """The fields of a struct with embedded structs expanded where they are declared."""
    out: list[GoField] = []
    for member in structs[name].members:
        out.extend(flatten(structs, member) if isinstance(member, str) else [member])
    return out


STRUCT_COLUMNS = ["struct", "kind", "go_name", "go_type", "json_key", "omitempty", "api_extension"]
TYPE_COLUMNS = ["type", "base", "const", "value"]


def struct_rows(structs: dict[str, GoStruct]) -> list[dict[str, str]]:
    """One `struct` row per struct, then one `embed` or `field` row per member, in Go order."""
    rows = []
    for s in structs.values():
        rows.append({"struct": s.name, "kind": "struct", "api_extension": s.api_extension})
        for m in s.members:
            if isinstance(m, str):
                rows.append({"struct": s.name, "kind": "embed", "go_type": m})
            else:
                rows.append(
                    {
                        "struct": s.name,
                        "kind": "field",
                        "go_name": m.go_name,
                        "go_type": m.go_type,
                        "json_key": m.json_key,
                        "omitempty": "yes" if m.omitempty else "no",
                        "api_extension": m.api_extension,
                    }
                )
    return rows


def load_structs(rows: list[dict[str, str]]) -> dict[str, GoStruct]:
    """The inverse of struct_rows."""
    members: dict[str, list[GoField | str]] = {}
    extensions: dict[str, str] = {}
    for row in rows:
        name, kind = row["struct"], row["kind"]
        if kind == "struct":
            members[name], extensions[name] = [], row["api_extension"]
        elif kind == "embed":
            members[name].append(row["go_type"])
        elif kind == "field":
            omitempty = {"yes": True, "no": False}[row["omitempty"]]
            members[name].append(
                GoField(
                    row["go_name"], row["go_type"], row["json_key"], omitempty, row["api_extension"]
                )
            )
        else:
            raise ValueError(f"unknown kind {kind!r} in the row of {name}")
    return {n: GoStruct(n, tuple(m), extensions[n]) for n, m in members.items()}


def type_rows(types: dict[str, GoNamedType]) -> list[dict[str, str]]:
    return [
        {"type": t.name, "base": t.base, "const": const, "value": value}
        for t in types.values()
        for const, value in t.consts
    ]


def load_types(rows: list[dict[str, str]]) -> dict[str, GoNamedType]:
    """The inverse of type_rows."""
    bases: dict[str, str] = {}
    consts: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        bases[row["type"]] = row["base"]
        consts.setdefault(row["type"], []).append((row["const"], row["value"]))
    return {n: GoNamedType(n, bases[n], tuple(c)) for n, c in consts.items()}


# --- the reference tables -------------------------------------------------------------------

ENDPOINT_COLUMNS = ["row", "method", "path", "kind", "request", "response", "query"]
_ENDPOINT_ROW = re.compile(r"^\| (\d+) \| (GET|PUT|POST|PATCH|DELETE) \| `([^`]+)` \|")
_KINDS = ("sync", "async", "raw", "websocket")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _kinds(cell: str) -> str:
    """How the 3.4 code answers, as a `|` list (doc remarks and parentheses are left out)."""
    cell = re.sub(r"\([^)]*\)", "", cell)
    cell = re.sub(r"doc says \*?\*?\w+\*?\*?", "", cell)
    found = [w for w in re.findall(r"[a-z]+", cell) if w in _KINDS]
    return "|".join(dict.fromkeys(found))


def _type_names(cell: str) -> str:
    """The api types (and `[]string`) a cell names in backquotes, as a `|` list."""
    names = [
        t for t in re.findall(r"`([^`]+)`", cell) if re.fullmatch(r"(\[\])?[A-Z]\w*|\[\]string", t)
    ]
    return "|".join(dict.fromkeys(names))


def endpoint_rows(text: str) -> list[dict[str, str]]:
    """The endpoint table of reference/endpoints.md, as data."""
    rows = []
    for line in text.splitlines():
        if not _ENDPOINT_ROW.match(line):
            continue
        number, method, path, code, request, response, query, _notes = _cells(line)
        query = re.sub(r"\([^)]*\)", "", query).replace("*", "")
        params = [m.group(1) for p in query.split(",") if (m := re.match(r"\s*(\w+)", p))]
        rows.append(
            {
                "row": number,
                "method": method,
                "path": path.strip("`"),
                "kind": _kinds(code),
                "request": _type_names(request),
                "response": _type_names(response),
                "query": "|".join(params),
            }
        )
    return rows


CHANGE_COLUMNS = ["struct", "struct_5_0", "change", "json_key", "go_type", "omitempty", "old_type"]


def struct_change_rows(text: str) -> list[dict[str, str]]:
    """The 3.4 -> 5.0 struct table: one row per key added, removed or retyped."""
    rows = []
    for line in text.splitlines():
        cells = _cells(line)
        if len(cells) != 5 or cells[0] in ("3.4 struct", "") or set(cells[0]) <= {"-"}:
            continue
        struct, renamed, added, removed, changed = cells
        base = {"struct": struct, "struct_5_0": struct if renamed == "=" else renamed}
        for key, typ in re.findall(r"`([^`]+)` \(([^)]*)\)", added):
            go_type, _, omit = typ.partition(",")
            omitempty = "yes" if omit.strip() == "omitempty" else "no"
            rows.append(
                {**base, "change": "added", "json_key": key, "go_type": go_type.strip()}
                | {"omitempty": omitempty}
            )
        for key in re.findall(r"`([^`]+)`", removed):
            rows.append({**base, "change": "removed", "json_key": key})
        for change in filter(None, (c.strip() for c in changed.split(";"))):
            m = re.fullmatch(r"`([^`]+)`: (\S+) -> (\S+)", change)
            if not m:
                raise ValueError(f"{struct}: type change not understood: {change!r}")
            rows.append(
                {**base, "change": "retyped", "json_key": m.group(1), "go_type": m.group(3)}
                | {"old_type": m.group(2)}
            )
        if not (added or removed or changed):
            rows.append({**base, "change": "none"})
    return rows


def tsv(columns: list[str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, columns, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, restval=""
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a vendored table, as dicts by column name (empty cells are "")."""
    with path.open(newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


# --- derive and compare ---------------------------------------------------------------------


def derive(sources: Path = SOURCES) -> dict[str, bytes]:
    """Every derived table, by path under third_party/lxd/, from the sources in ``sources``."""
    seed_text = (sources / SEED_FILE).read_text()
    structs, types = parse_go_types(seed_text)
    index_count = len(re.findall(r"^type \w+ Uses$", seed_text, re.M))
    flattened = sum(len(flatten(structs, n)) for n in structs)
    found = (len(structs), len(types), flattened, index_count)
    want = (SEED_STRUCTS, SEED_NAMED_TYPES, SEED_FLATTENED_FIELDS, SEED_STRUCTS + SEED_NAMED_TYPES)
    if found != want:
        raise ValueError(
            f"the seed parser found (structs, types, fields, index) {found}, not {want}"
        )
    endpoints = endpoint_rows((sources / ENDPOINTS_FILE).read_text())
    if len(endpoints) != ENDPOINTS_3_4:
        raise ValueError(
            f"{ENDPOINTS_FILE} has {len(endpoints)} endpoint rows, not {ENDPOINTS_3_4}"
        )
    changes = struct_change_rows((sources / STRUCT_CHANGES_FILE).read_text())
    return {
        "lxd-3.4/shared-api-structs.tsv": tsv(STRUCT_COLUMNS, struct_rows(structs)).encode(),
        "lxd-3.4/shared-api-types.tsv": tsv(TYPE_COLUMNS, type_rows(types)).encode(),
        "lxd-3.4/endpoints.tsv": tsv(ENDPOINT_COLUMNS, endpoints).encode(),
        "lxd-5.0/struct-changes-from-3.4.tsv": tsv(CHANGE_COLUMNS, changes).encode(),
    }


def differences(files: dict[str, bytes]) -> list[str]:
    """The derived tables that are missing under third_party/lxd/ or differ from ``files``."""
    problems = []
    for name, data in files.items():
        path = OUT / name
        if not path.exists():
            problems.append(f"missing: {path.relative_to(REPO)}")
        elif path.read_bytes() != data:
            problems.append(f"differs: {path.relative_to(REPO)}")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sources", type=Path, default=SOURCES, help="the sources (default: the vendored ones)"
    )
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on a difference")
    args = parser.parse_args(argv)
    if not args.sources.is_dir():
        print(f"vendor_lxd_reference: no sources at {args.sources}", file=sys.stderr)
        return 2
    files = derive(args.sources)
    if args.check:
        problems = differences(files)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    for name, data in files.items():
        path = OUT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"wrote {len(files)} tables under {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
