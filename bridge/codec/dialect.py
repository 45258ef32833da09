"""Which LXD the JSON is for: the codec reads every dialect and writes the one it is given.

LXD renamed, retyped and added keys after 3.4 (backup ``creation_date`` became ``created_at`` in
3.17, resources v2 turned ``cores`` into a list in 3.15, 5.0 added ``type`` and ``project`` to
instances, ...). The proto fields carry the release in their ``since``, ``removed_in`` and
``renamed_in`` options; a Dialect is the release the JSON is written for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from google.protobuf.message import Message

Version = tuple[int, int, int]

_VERSION = re.compile(r"^\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?")

# The first release each API extension shipped in, for servers that do not say their version
# (an untrusted GET /1.0 has no "environment"). Only extensions that change the JSON matter.
_EXTENSION_RELEASES: dict[str, Version] = {
    "resources_v2": (3, 15, 0),
    "backup_compression_algorithm": (3, 17, 0),
    "instances": (3, 18, 0),
    "network_counters_errors_dropped": (4, 18, 0),
    "instance_all_projects": (4, 21, 0),
}


def parse_version(text: str) -> Version:
    """``"5.0.2"`` -> ``(5, 0, 2)``; ``"3.4"`` -> ``(3, 4, 0)``. Raises ValueError otherwise."""
    match = _VERSION.match(text)
    if not match:
        raise ValueError(f"not an LXD version: {text!r}")
    major, minor, patch = match.groups()
    return (int(major), int(minor or 0), int(patch or 0))


@dataclass(frozen=True)
class Dialect:
    """The LXD release whose JSON the codec writes: keys added after it are left out, keys it
    renamed use its names, keys removed before it are left out."""

    name: str
    version: Version
    api_extensions: frozenset[str] = field(default_factory=frozenset, compare=False, repr=False)

    def at_least(self, version: Version) -> bool:
        """Whether this dialect is at or after ``version``."""
        return self.version >= version


LXD_3_4 = Dialect("LXD 3.4", (3, 4, 0))
"""LXD 3.4 (August 2018), the release the seed describes."""

LXD_5_0 = Dialect("LXD 5.0", (5, 0, 2))
"""LXD 5.0 LTS as Debian 12 ships it (5.0.2); ``to_json``'s default."""


def dialect_for(server: Mapping[str, Any] | Message) -> Dialect:
    """The dialect of a server, from the metadata of its ``GET /1.0`` (a dict) or a Server message.

    The version comes from ``environment.server_version``; a server that does not show it (an
    untrusted client's view) is placed at the first release that has all its API extensions.
    """
    if isinstance(server, Message):
        extensions = list(getattr(server, "api_extensions", ()))
        environment = getattr(server, "environment", None)
        server_version = str(getattr(environment, "server_version", "") or "")
    else:
        extensions = list(server.get("api_extensions") or ())
        environment = server.get("environment") or {}
        server_version = str(environment.get("server_version") or "") if environment else ""
    known = frozenset(str(e) for e in extensions)
    version: Version | None = None
    if server_version:
        try:
            version = parse_version(server_version)
        except ValueError:
            version = None
    if version is None:
        version = max(
            [(3, 4, 0)] + [v for ext, v in _EXTENSION_RELEASES.items() if ext in known],
        )
    return Dialect(f"LXD {'.'.join(map(str, version))}", version, known)
