"""The Go oracle agrees with the LXD 3.4 doc examples, so the codec can trust it.

Every JSON example of LXD 3.4's REST documentation (third_party/lxd/lxd-3.4/rest-api-examples)
goes through Go's encoding/json as the Go type INDEX.md names. The examples FIXES.md lists as
type errors must be rejected with an error that points at the field; all others must decode, and
Go's re-encoding must be a fixed point.
Examples that show the whole envelope are also unwrapped: their ``metadata`` decodes as the type
INDEX.md names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.go_oracle import GoDecodeError, GoOracle
from tests.go_oracle_source import VERSIONS, generate
from tests.reference import REST_API_EXAMPLES as VECTORS
from tests.reference import parse_go_types, seed_named_types, seed_structs

# INDEX.md's "Go type" column → the type expression sent to Go. A body LXD ignores is still
# JSON that Go's decoder must parse, so it is decoded untyped.
_TYPE_ALIASES = {"(empty body)": "interface{}"}


@dataclass(frozen=True)
class Vector:
    """One doc example: its file, the Go type to decode it as, and what Go must say."""

    file: str
    go_type: str
    value: Any
    # Substring of Go's error when the example must be rejected (FIXES.md type errors).
    rejected_with: str | None = None
    # Keys Go ignores silently; DisallowUnknownFields must name the first one.
    unknown_keys: tuple[str, ...] = ()


def _index_rows() -> list[dict[str, str]]:
    rows = []
    for line in (VECTORS / "INDEX.md").read_text().splitlines():
        if not line.startswith("| `"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == 7, f"INDEX.md row has {len(cells)} cells: {line}"
        name, _line, _endpoint, _label, go_type, envelope, _absent = cells
        rows.append({"name": name.strip("`"), "go_type": go_type, "envelope": envelope})
    return rows


def _expected_error(go_type: str, path: str, problem: str) -> str:
    """What Go 1.19 writes for FIXES.md's "$.field: expected T, got V"."""
    field = path.removeprefix("$.")
    match = re.fullmatch(r"expected (.+), got (.+)", problem)
    assert match, f"FIXES.md problem not understood: {problem}"
    expected, got = match.groups()
    if expected.startswith("RFC3339 time"):
        # time.Time decodes itself; Go does not wrap an Unmarshaler's error with the field name,
        # so the offending value is the only pointer to the field.
        return f"parsing time {json.dumps(got.strip(chr(34)))}"
    return f"Go struct field {go_type}.{field} of type {expected}"


def _fixes() -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """FIXES.md's "do NOT decode" list: file → (expected Go error, silently ignored keys)."""
    text = (VECTORS / "FIXES.md").read_text()
    section = text.split("## Examples that parse as JSON but do NOT decode", 1)[1]
    fixes = {}
    for match in re.finditer(r"^\* `([^`]+)\.json` → `api\.(\w+)`: (.+)$", section, re.M):
        name, go_type, problems = match.groups()
        rejected, unknown = None, []
        for problem in problems.split("; "):
            path, message = problem.split(": ", 1)
            if "silently ignored by Go" in message:
                unknown.append(path.removeprefix("$."))
            else:
                rejected = _expected_error(go_type, path, message)
        fixes[name] = (rejected, tuple(unknown))
    return fixes


def _vectors() -> tuple[list[Vector], list[Vector]]:
    """(every example as its INDEX.md type, the envelope examples' metadata as its own type)."""
    if not VECTORS.is_dir():
        return [], []
    fixes = _fixes()
    whole, metadata = [], []
    for row in _index_rows():
        if row["go_type"] == "(not JSON)":
            continue
        path = VECTORS / f"{row['name']}.json"
        value = json.loads(path.read_text())
        go_type = _TYPE_ALIASES.get(row["go_type"], row["go_type"])
        inner = re.fullmatch(r"ResponseRaw \(metadata: api\.(\w+)\)", go_type)
        go_type = "ResponseRaw" if inner else go_type.split(" (", 1)[0]
        rejected, unknown = fixes.get(row["name"], (None, ()))
        whole.append(Vector(path.name, go_type, value, rejected, unknown))
        if row["envelope"] == "yes":
            assert inner, f"{row['name']}: full envelope without a metadata type"
            metadata.append(Vector(f"{path.name}:metadata", inner.group(1), value["metadata"]))
    return whole, metadata


VECTORS_WHOLE, VECTORS_METADATA = _vectors()
ACCEPTED = [v for v in VECTORS_WHOLE + VECTORS_METADATA if v.rejected_with is None]
REJECTED = [v for v in VECTORS_WHOLE if v.rejected_with is not None]
WITH_UNKNOWN_KEYS = [v for v in ACCEPTED if v.unknown_keys]


def _lost(given: Any, out: Any, path: str = "$") -> Iterator[str]:
    """Paths of the values in ``given`` that ``out`` does not repeat exactly."""
    if isinstance(given, dict) and isinstance(out, dict):
        for key, value in given.items():
            if key in out:
                yield from _lost(value, out[key], f"{path}.{key}")
            else:
                yield f"{path}.{key}"
    elif isinstance(given, list) and isinstance(out, list) and len(given) == len(out):
        for i, (value, back) in enumerate(zip(given, out, strict=True)):
            yield from _lost(value, back, f"{path}[{i}]")
    elif type(given) is not type(out) or given != out:
        yield path


def _ids(vectors: list[Vector]) -> list[str]:
    return [v.file for v in vectors]


def test_vectors_are_all_here() -> None:
    """Guards the tables below against silently shrinking: 127 JSON examples, 4 in FIXES.md."""
    assert VECTORS.is_dir(), f"{VECTORS} is missing"
    assert len(VECTORS_WHOLE) == 127
    assert len(VECTORS_METADATA) == 5
    assert len(REJECTED) == 3
    assert len(WITH_UNKNOWN_KEYS) == 1


@pytest.mark.parametrize("vector", ACCEPTED, ids=_ids(ACCEPTED))
def test_go_accepts_example(go_oracle: GoOracle, vector: Vector) -> None:
    out = go_oracle.roundtrip(vector.go_type, vector.value)
    # Every value the example gives comes back unchanged, under the same key; only the keys
    # that are no field of the struct are lost.
    assert sorted(_lost(vector.value, out)) == sorted(f"$.{key}" for key in vector.unknown_keys)
    # Go's own output must decode to itself: the oracle is stable input for the codec tests.
    assert go_oracle.roundtrip(vector.go_type, out, strict=True) == out


@pytest.mark.parametrize("vector", REJECTED, ids=_ids(REJECTED))
def test_go_rejects_example_with_wrong_type(go_oracle: GoOracle, vector: Vector) -> None:
    with pytest.raises(GoDecodeError) as excinfo:
        go_oracle.roundtrip(vector.go_type, vector.value)
    assert vector.rejected_with is not None
    assert vector.rejected_with in excinfo.value.message


@pytest.mark.parametrize("vector", WITH_UNKNOWN_KEYS, ids=_ids(WITH_UNKNOWN_KEYS))
def test_unknown_keys_are_dropped_unless_strict(go_oracle: GoOracle, vector: Vector) -> None:
    out = go_oracle.roundtrip(vector.go_type, vector.value)
    assert not set(vector.unknown_keys) & set(out)
    with pytest.raises(GoDecodeError, match=f'unknown field "{vector.unknown_keys[0]}"'):
        go_oracle.roundtrip(vector.go_type, vector.value, strict=True)


def _generated(version: str) -> str:
    (match,) = [v for v in VERSIONS if v.name == version]
    return generate(match)


def test_oracle_declares_exactly_the_seed_types() -> None:
    """The lxd-3.4 structs generated from the protos have the seed's members (Go name, type, json
    key, omitempty, embeds) in the seed's order, and its named types the seed's constants: what
    encoding/json acts on."""
    structs, named = parse_go_types(_generated("lxd-3.4"))
    seed = seed_structs()
    assert len(structs) == len(seed) == 83
    assert {n: s.members for n, s in structs.items()} == {n: s.members for n, s in seed.items()}
    assert named == seed_named_types()


@pytest.mark.parametrize("version", [v.name for v in VERSIONS])
def test_every_generated_type_is_registered(go_oracle: GoOracle, version: str) -> None:
    text = _generated(version)
    structs = re.findall(r"^type (\w+) struct", text, re.M)
    named = dict(re.findall(r"^type (\w+) (int|string)$", text, re.M))
    assert structs
    zero = {"int": 0, "string": ""}
    for name in [*structs, *named]:
        go_oracle.roundtrip(name, zero.get(named.get(name, ""), {}), version=version)


def test_an_unknown_version_is_refused(go_oracle: GoOracle) -> None:
    with pytest.raises(GoDecodeError, match=r'unknown version "lxd-9\.9"'):
        go_oracle.roundtrip("Container", {}, version="lxd-9.9")
