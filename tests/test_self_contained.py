"""The repository is self-contained: nothing tracked in it reads, or tells a reader to use, the
team's reference folder kept beside the repository, or a path of this workplace. A clone on its
own must run `make test`; what the tests and tools need of LXD is vendored under third_party/lxd/
(see its README.md), with the sources its tables are derived from.

In code, mentions in comments and docstrings (where data came from) are fine; a path that code
builds is not. In Markdown every line counts: a README's command or prose that sends a reader to
such a path is the same dependency. The tools that re-derive third_party/ read vendored sources
or take their source as an argument; nothing has a default path outside the repository. The
detector's own cases below are written with `<REF>` and `<WORK>` for the two names, filled in
from FOLDER and WORKPLACE when the test runs: those two constants are the only mentions the scan
lets this file have.
"""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: The name of the team's reference folder beside the repository: what the detector looks for.
FOLDER = "shared"
#: The root of this workplace (its mirrors, its checkouts): no clone elsewhere has it.
WORKPLACE = "/work"
_OUTSIDE = re.compile(rf"\.\./{FOLDER}\b|(?<![\w.~-]){WORKPLACE}/")
#: What starts a comment, by suffix (else "#"); "" for Markdown, where every line counts.
_COMMENT = {".go": "//", ".js": "//", ".mjs": "//", ".proto": "//", ".md": ""}


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (module, class, function)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def python_uses(source: str) -> list[str]:
    """String literals in Python code (not docstrings, not comments) that name the reference
    folder beside the repository."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and (node.value.strip("/") in (FOLDER, WORKPLACE.strip("/")) or _OUTSIDE.search(node.value))
    ]


def text_uses(source: str, comment: str) -> list[str]:
    """Lines of any other tracked text (Makefile, shell, Go, JS, proto, Markdown) that name the
    reference folder beside the repository or a workplace path outside a comment."""
    return [
        line.strip()
        for line in source.splitlines()
        if _OUTSIDE.search(line.split(comment, 1)[0] if comment else line)
    ]


def uses(path: str, source: str) -> list[str]:
    if path.endswith(".py") or source.startswith("#!/usr/bin/env python"):
        return python_uses(source)
    suffix = Path(path).suffix
    return text_uses(source, _COMMENT.get(suffix, "#"))


DETECTOR_CASES = [
    ("a path joined from the parent", "x.py", 'ROOT.parent / "<REF>" / "seed"\n', True),
    ("a relative path", "x.py", 'open("../<REF>/reference/endpoints.md")\n', True),
    ("a path inside an f-string", "x.py", 'f"{root}/../<REF>/vectors"\n', True),
    ("a python script without .py", "tool", '#!/usr/bin/env python3\nP = "../<REF>"\n', True),
    ("a Makefile recipe", "Makefile", "test:\n\tcp ../<REF>/x build/\n", True),
    ("a module docstring", "x.py", '"""Derived from ../<REF>/seed."""\n', False),
    ("a function docstring", "x.py", 'def f():\n    """See ../<REF>."""\n', False),
    ("a Python comment", "x.py", "x = 1  # from ../<REF>/reference\n", False),
    ("a shell comment", "run", "# ../<REF> is not needed\nmake test\n", False),
    ("a Go comment", "api.go", "// copied from ../<REF>/seed\npackage main\n", False),
    ("LXD's shared package", "x.py", 'NOTE = "LXD\'s shared.Jmap and shared/api"\n', False),
    ("a README command", "README.md", "```sh\ntool --shared ../<REF>\n```\n", True),
    (
        "README prose",
        "third_party/x/README.md",
        "kept beside the repository as `../<REF>/`\n",
        True,
    ),
    ("a Markdown heading", "docs/x.md", "## From ../<REF>/seed\n", True),
    ("a workplace path in Markdown", "README.md", "mirrors live under `<WORK>/.mirror`\n", True),
    ("a workplace path in code", "x.py", 'MIRRORS = Path("<WORK>/.mirror")\n', True),
    ("a path that only ends alike", "x.py", 'P = "build/work/x"\n', False),
    ("Markdown naming LXD's package", "docs/x.md", "the Go package `shared/api`\n", False),
]


@pytest.mark.parametrize(
    ("path", "source", "flagged"),
    [
        (path, source.replace("<REF>", FOLDER).replace("<WORK>", WORKPLACE), flagged)
        for _, path, source, flagged in DETECTOR_CASES
    ],
    ids=[case[0] for case in DETECTOR_CASES],
)
def test_the_detector_flags_code_that_reads_shared(path: str, source: str, flagged: bool) -> None:
    assert bool(uses(path, source)) == flagged


def _tracked_files() -> list[str]:
    result = subprocess.run(
        ["git", "ls-files", "-z"],
        cwd=REPO,
        capture_output=True,
        check=True,
    )
    return [name.decode() for name in result.stdout.split(b"\0") if name]


def test_nothing_tracked_reads_or_points_outside_the_repository() -> None:
    files = _tracked_files()
    # The scan sees the tests that once read the folder and the READMEs that once pointed there.
    assert {"tests/test_schema_mirror.py", "third_party/lxd/README.md", "README.md"} <= set(files)
    found = {}
    for name in files:
        path = REPO / name
        if "testdata/" in name or not path.is_file():
            continue
        try:
            source = path.read_text()
        except UnicodeDecodeError:
            continue  # binary data is not code
        if hits := uses(name, source):
            found[name] = hits
    # This file names the two once each, as FOLDER and WORKPLACE, to look for them: nothing else.
    assert found.pop("tests/test_self_contained.py", None) == [FOLDER, WORKPLACE]
    assert found == {}
