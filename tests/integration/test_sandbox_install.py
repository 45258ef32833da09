"""How tools/lxd-sandbox decides that apt already has the suite Incus comes from.

`make system-deps` adds bookworm-backports to apt's sources only when no source names it; a
wrong answer either duplicates a source (apt then warns on every run) or installs nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.sandbox.install import suite_configured

SUITE = "bookworm-backports"
# (file name, content) -> whether the suite is configured
SOURCES = {
    "one-line source": (
        "sources.list",
        "deb http://deb.debian.org/debian bookworm-backports main\n",
        True,
    ),
    "deb822 source among other suites": (
        "debian.sources",
        "Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-backports\n",
        True,
    ),
    "only the release itself": (
        "debian.sources",
        "Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\n",
        False,
    ),
    "commented out": (
        "sources.list",
        "# deb http://deb.debian.org/debian bookworm-backports main\n",
        False,
    ),
    "a longer suite name that contains it": (
        "sources.list",
        "deb http://example.invalid/debian bookworm-backports-sloppy main\n",
        False,
    ),
}


@pytest.mark.parametrize(("name", "content", "expected"), SOURCES.values(), ids=SOURCES.keys())
def test_suite_is_found_only_where_a_source_names_it(
    tmp_path: Path, name: str, content: str, expected: bool
) -> None:
    source = tmp_path / name
    source.write_text(content)
    assert suite_configured(SUITE, [source, tmp_path / "missing.list"]) is expected
