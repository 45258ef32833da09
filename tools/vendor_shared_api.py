"""Derive the shared/api facts tables of LXD 5.0.2 and Incus 6.0.4 from their Go sources.

Usage: python -m tools.vendor_shared_api --lxd GIT_DIR --incus GIT_DIR [--check]

The tests read only the committed tables. This tool re-derives them from git clones of LXD
(https://github.com/canonical/lxd) and Incus (https://github.com/lxc/incus), bare or not, that
hold the pinned tags (each named explicitly: no path outside the repository is built in): it
reads every non-test Go file of shared/api at the tag with `git show` and keeps facts, not code:

  third_party/lxd/lxd-5.0/shared-api-structs.tsv        every struct of LXD 5.0.2's shared/api
  third_party/incus/incus-6.0.4/shared-api-structs.tsv  every struct of Incus 6.0.4's shared/api

with the columns of third_party/lxd/lxd-3.4/shared-api-structs.tsv: one `struct` row (the API
extension its doc comment names), then one `embed` or `field` row per member in Go order (Go
name, Go type, json key, omitempty, the API extension of the field's comment group).

What the JSON of a member is follows encoding/json: a field without a json tag has its Go name as
key; an unexported field is never encoded and has the key "-" (so has a `json:"-"` tag); an
embedded struct with a tag naming no key (`json:",inline"`) is still embedded.

--check writes nothing and exits 1 when a committed table differs from what would be derived.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import subprocess
import sys
from pathlib import Path

from tools.vendor_lxd_reference import STRUCT_COLUMNS, GoField, GoStruct, struct_rows, tsv

REPO = Path(__file__).resolve().parent.parent


@dataclasses.dataclass(frozen=True)
class Source:
    """One server family's shared/api at a pinned tag, and where its table goes."""

    family: str  # also the option naming its git clone: --lxd, --incus
    upstream: str  # the repository the clone is of
    tag: str
    out: str  # the table's path under the repository
    structs: int  # how many structs the tag declares: the parser must find exactly this many


SOURCES = [
    Source(
        "lxd",
        "https://github.com/canonical/lxd",
        "lxd-5.0.2",
        "third_party/lxd/lxd-5.0/shared-api-structs.tsv",
        212,
    ),
    Source(
        "incus",
        "https://github.com/lxc/incus",
        "v6.0.4",
        "third_party/incus/incus-6.0.4/shared-api-structs.tsv",
        208,
    ),
]

_STRUCT_START = re.compile(r"^type (\w+) struct \{$")
_FIELD = re.compile(r"^([A-Za-z_]\w*)\s+([^`\s][^`]*?)(?:\s+`([^`]*)`)?$")
_EMBED = re.compile(r"^\*?([A-Za-z_][\w.]*)(?:\s+`([^`]*)`)?$")
_EXTENSION = re.compile(r"API extension: (\w+)")


def _json_tag(tag: str | None) -> tuple[str | None, list[str]]:
    """The key and flags of a struct tag's json part; (None, []) when there is none."""
    m = re.search(r'(?:^|\s)json:"([^"]*)"', tag or "")
    if not m:
        return None, []
    key, *flags = m.group(1).split(",")
    return key, flags


def parse_go_source(text: str) -> dict[str, GoStruct]:
    """The structs of gofmt'd Go source, in declaration order.

    A struct's API extension is the one its doc comment (the comment lines right above `type`)
    names. A field's is the one named in its comment group: the comment lines since the previous
    member or blank line, or those of a group still open (no blank line since) above earlier
    fields, as in LXD 3.4's style of one comment for several fields.
    """
    lines = text.splitlines()
    structs: dict[str, GoStruct] = {}
    doc: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _STRUCT_START.match(line)
        if not m:
            doc = [*doc, line] if line.startswith("//") else []
            i += 1
            continue
        name = m.group(1)
        ext = _EXTENSION.search(" ".join(doc))
        members: list[GoField | str] = []
        extension = ""
        after_member = False
        i += 1
        while lines[i] != "}":
            body = re.sub(r"(`[^`]*`|^[^`/]*?)\s+//.*$", r"\1", lines[i].strip())
            i += 1
            if not body:
                extension, after_member = "", False
            elif body.startswith("//"):
                if after_member:  # a comment after a member opens a new group
                    extension, after_member = "", False
                if e := _EXTENSION.search(body):
                    extension = e.group(1)
            elif (e := _EMBED.match(body)) and _json_tag(e.group(2))[0] in (None, ""):
                members.append(e.group(1))
                after_member = True
            else:
                f = _FIELD.match(body)
                if not f:
                    raise ValueError(f"cannot parse member line {body!r} of {name}")
                go_name, go_type, tag = f.group(1), f.group(2), f.group(3)
                key, flags = _json_tag(tag)
                if not go_name[0].isupper():
                    key = "-"  # unexported: encoding/json never sees it
                elif key is None or key == "":
                    key = go_name
                members.append(GoField(go_name, go_type, key, "omitempty" in flags, extension))
                after_member = True
        i += 1
        doc = []
        structs[name] = GoStruct(name, tuple(members), ext.group(1) if ext else "")
    return structs


def _git(clone: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(clone), *args], capture_output=True, text=True, check=True
    ).stdout


def read_shared_api(clone: Path, tag: str) -> str:
    """Every non-test Go file of shared/api at the tag, concatenated in path order."""
    names = _git(clone, "ls-tree", "--name-only", tag, "shared/api/").split()
    files = [n for n in sorted(names) if n.endswith(".go") and not n.endswith("_test.go")]
    return "\n".join(_git(clone, "show", f"{tag}:{name}") for name in files)


def derive(source: Source, clone: Path) -> bytes:
    """One family's table from a git clone of its upstream, checked against the number of struct
    declarations at the tag."""
    text = read_shared_api(clone, source.tag)
    structs = parse_go_source(text)
    declared = len(re.findall(r"^type \w+ struct \{$", text, re.M))
    if len(structs) != declared or declared != source.structs:
        raise ValueError(
            f"{source.tag}: parsed {len(structs)} structs of {declared} declared, "
            f"expected {source.structs}"
        )
    return tsv(STRUCT_COLUMNS, struct_rows(structs)).encode()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for source in SOURCES:
        parser.add_argument(
            f"--{source.family}", type=Path, required=True, metavar="GIT_DIR",
            help=f"a git clone of {source.upstream} holding tag {source.tag}",
        )  # fmt: skip
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on a difference")
    args = parser.parse_args(argv)
    problems = []
    for source in SOURCES:
        clone: Path = getattr(args, source.family)
        if not clone.exists():
            print(f"vendor_shared_api: no git clone at {clone}", file=sys.stderr)
            return 2
        data = derive(source, clone)
        path = REPO / source.out
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                problems.append(f"differs: {source.out}")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {source.out} ({source.family} {source.tag})")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
