"""Wire compatibility is a contract: `buf breaking` against the last release's protos.

Clients in other languages are compiled against proto/, so a change that breaks them must fail
`make lint`. The baseline is an image of the released protos committed under api/baseline/ (the
tree at the release, `buf build --exclude-source-info`), never the tree itself: comparing the tree
with itself would check nothing. Each case below makes one breaking change in a copy of the tree
and proves buf catches it with the FILE rules of buf.yaml.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

BUF = REPO / "node_modules" / ".bin" / "buf"
# The baseline make lint uses: `BUF_BASELINE := api/baseline/vX.Y.Z.binpb` in the Makefile.
_BASELINE_LINE = re.search(r"^BUF_BASELINE := (\S+)$", (REPO / "Makefile").read_text(), re.M)
assert _BASELINE_LINE, "the Makefile names no BUF_BASELINE"
BASELINE = REPO / _BASELINE_LINE.group(1)


def buf_breaking(tree: Path) -> subprocess.CompletedProcess[str]:
    """Run `buf breaking` in ``tree`` against the release baseline, as `make lint` does."""
    assert BUF.exists(), "buf is missing: run `make setup`"
    return subprocess.run(
        [BUF, "breaking", "--against", BASELINE],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_baseline_is_a_committed_release_image() -> None:
    assert BASELINE.parent == REPO / "api" / "baseline"
    assert re.fullmatch(r"v\d+\.\d+\.\d+\.binpb", BASELINE.name)
    assert BASELINE.stat().st_size > 10_000, "an image of lxd.api.v1, not an empty file"
    changelog = (REPO / "CHANGELOG.md").read_text()
    version = BASELINE.name.removeprefix("v").removesuffix(".binpb")
    assert f"## {version}" in changelog, "the baseline is a release the CHANGELOG describes"


def test_the_tree_is_compatible_with_the_last_release() -> None:
    result = buf_breaking(REPO)
    assert result.returncode == 0, result.stdout + result.stderr


# (case, file, text in the release, breaking replacement, what buf must say)
BREAKING_CHANGES = [
    (
        "field_renumbered",
        "container.proto",
        "  string architecture = 1 [",
        "  string architecture = 99 [",
        'field "1" with name "architecture" on message "Container" was deleted',
    ),
    (
        "field_type_changed",
        "container.proto",
        "  bool ephemeral = 4 [",
        "  string ephemeral = 4 [",
        'Field "4" with name "ephemeral" on message "Container" changed type',
    ),
    (
        "json_name_changed",
        "container.proto",
        'json_name = "architecture"',
        'json_name = "arch"',
        'changed option "json_name" from "architecture" to "arch"',
    ),
    (
        "rpc_renamed",
        "container_service.proto",
        "  rpc GetContainer(GetContainerRequest)",
        "  rpc FetchContainer(GetContainerRequest)",
        'RPC "GetContainer" on service "ContainerService" was deleted',
    ),
]


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """proto/, third_party/ and buf.yaml copied; each case edits one file and restores it."""
    tree = tmp_path_factory.mktemp("tree")
    shutil.copytree(REPO / "proto", tree / "proto")
    shutil.copytree(REPO / "third_party", tree / "third_party")
    shutil.copy(REPO / "buf.yaml", tree / "buf.yaml")
    return tree


@pytest.mark.parametrize(
    ("file", "before", "after", "message"),
    [case[1:] for case in BREAKING_CHANGES],
    ids=[case[0] for case in BREAKING_CHANGES],
)
def test_a_breaking_change_fails_the_check(
    tree_copy: Path, file: str, before: str, after: str, message: str
) -> None:
    path = tree_copy / "proto" / "lxd" / "api" / "v1" / file
    original = path.read_text()
    assert before in original, f"{file} no longer has {before!r}: update the case"
    path.write_text(original.replace(before, after, 1))
    try:
        result = buf_breaking(tree_copy)
    finally:
        path.write_text(original)
    assert result.returncode != 0, f"buf breaking accepted {after!r}"
    assert message in result.stdout, result.stdout + result.stderr
