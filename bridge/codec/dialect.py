"""Which server the JSON is for: the codec reads every dialect and writes the one it is given.

A dialect is a server **family** (LXD, or Incus, the community fork of LXD 5.18) and a version,
picked once from the server's ``GET /1.0``. It is the one place that knows what differs between
servers; nothing else asks "which server is this?":

- which keys a write may send: LXD renamed, retyped and added keys after 3.4 (backup
  ``creation_date`` became ``created_at`` in 3.17, resources v2 turned ``cores`` into a list in
  3.15, 5.0 added ``type`` and ``project`` to instances, ...). The proto fields carry the LXD
  release in their ``since``, ``removed_in`` and ``renamed_in`` options, and a dialect answers
  them through :attr:`Dialect.lxd_level`, the LXD release whose JSON the server writes (an
  Incus server writes the JSON of the LXD it forked from, and more);
- the names of LXD's own HTTP headers (``X-LXD-uid`` or ``X-Incus-uid``): :meth:`Dialect.header`;
- which API extensions the server has: :meth:`Dialect.has`;
- where containers live: :attr:`Dialect.instances` (``/1.0/containers``; Incus has only
  ``/1.0/instances``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from google.protobuf.message import Message

__all__ = [
    "INCUS_6_0",
    "KNOWN_DIALECTS",
    "LXD_3_4",
    "LXD_5_0",
    "Dialect",
    "Version",
    "dialect_for",
    "parse_version",
]

_log = logging.getLogger(__name__)

Version = tuple[int, int, int]

_VERSION = re.compile(r"^\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?")

#: ``environment.server`` of each family (LXD has said "lxd" since 3.x; Incus says "incus").
LXD = "lxd"
INCUS = "incus"

# The first release each API extension shipped in, for servers that do not say their version
# (an untrusted GET /1.0 has no "environment"). Only extensions that change the JSON matter.
_EXTENSION_RELEASES: dict[str, Version] = {
    "resources_v2": (3, 15, 0),
    "backup_compression_algorithm": (3, 17, 0),
    "instances": (3, 18, 0),
    "network_counters_errors_dropped": (4, 18, 0),
    "instance_all_projects": (4, 21, 0),
}

#: Incus 0.1 (October 2023) is "roughly equivalent to LXD 5.18" (its release notes): every key
#: LXD wrote up to then, Incus writes too. Keys Incus renamed or dropped after the fork are the
#: family's own business, answered here as they are added to the schema.
_INCUS_LXD_LEVEL: Version = (5, 18, 0)


def parse_version(text: str) -> Version:
    """``"5.0.2"`` -> ``(5, 0, 2)``; ``"3.4"`` -> ``(3, 4, 0)``. Raises ValueError otherwise."""
    match = _VERSION.match(text)
    if not match:
        raise ValueError(f"not an LXD version: {text!r}")
    major, minor, patch = match.groups()
    return (int(major), int(minor or 0), int(patch or 0))


@dataclass(frozen=True)
class Dialect:
    """A server family and version: what the codec writes for it and what its HTTP looks like.

    Two dialects are equal when they write the same JSON and speak the same HTTP (family and
    ``lxd_level``); the codec caches its writers per dialect.
    """

    #: ``"lxd"`` or ``"incus"`` (``environment.server`` of ``GET /1.0``).
    family: str
    #: The server's own version (Incus numbers its releases on its own: 6.0.4).
    version: Version = field(compare=False)
    #: The LXD release whose JSON the server writes; the ``since``, ``removed_in`` and
    #: ``renamed_in`` options of the protos are compared with it.
    lxd_level: Version
    #: The server's API extensions (empty for the named dialects).
    api_extensions: frozenset[str] = field(default_factory=frozenset, compare=False, repr=False)
    #: Set when the server is newer than every dialect known here: it is served with the newest
    #: known dialect of its family (and that is logged once, by :func:`dialect_for`).
    newer_than_known: bool = field(default=False, compare=False)

    @property
    def name(self) -> str:
        """``"LXD 5.0.2"``, ``"Incus 6.0.4"``: the family and the server's version."""
        family = "Incus" if self.family == INCUS else "LXD"
        return f"{family} {'.'.join(map(str, self.version))}"

    def at_least(self, version: Version) -> bool:
        """Whether the server writes the JSON of LXD ``version`` or later."""
        return self.lxd_level >= version

    def has(self, extension: str) -> bool:
        """Whether the server announced API extension ``extension``."""
        return extension in self.api_extensions

    def header(self, name: str) -> str:
        """LXD's HTTP header ``name`` in this family (``uid``: ``X-LXD-uid``, ``X-Incus-uid``)."""
        return f"X-{'Incus' if self.family == INCUS else 'LXD'}-{name}"

    @property
    def instances(self) -> str:
        """The collection containers are under: ``/1.0/containers`` (every LXD, 3.4 included:
        ``/1.0/instances`` came in 3.18), ``/1.0/instances`` for Incus, which dropped the other."""
        return "/1.0/instances" if self.family == INCUS else "/1.0/containers"


LXD_3_4 = Dialect(LXD, (3, 4, 0), (3, 4, 0))
"""LXD 3.4 (August 2018), the release the seed describes."""

LXD_5_0 = Dialect(LXD, (5, 0, 2), (5, 0, 2))
"""LXD 5.0 LTS as Debian 12 ships it (5.0.2); ``to_json``'s default."""

INCUS_6_0 = Dialect(INCUS, (6, 0, 4), _INCUS_LXD_LEVEL)
"""Incus 6.0 LTS as Debian 12's backports ship it (6.0.4)."""

#: The dialects this bridge knows, oldest first per family.
KNOWN_DIALECTS: tuple[Dialect, ...] = (LXD_3_4, LXD_5_0, INCUS_6_0)

#: The newest release of each family checked against this schema: a newer server is served as
#: this one (its new keys are read and counted as unknown, never written).
_NEWEST_KNOWN: dict[str, Version] = {LXD: (5, 0, 9), INCUS: (6, 0, 4)}

_warned: set[tuple[str, Version]] = set()


def dialect_for(server: Mapping[str, Any] | Message) -> Dialect:
    """The dialect of a server, from the metadata of its ``GET /1.0`` (a dict) or a Server message.

    The family comes from ``environment.server`` (absent before LXD 3.x said it, and in an
    untrusted client's view: LXD). The version comes from ``environment.server_version``; an LXD
    that does not show it is placed at the first release that has all its API extensions. A
    version newer than any known one of its family is served with the newest known dialect of
    that family, and logged once.
    """
    if isinstance(server, Message):
        extensions = list(getattr(server, "api_extensions", ()))
        environment: Any = getattr(server, "environment", None)
        server_version = str(getattr(environment, "server_version", "") or "")
        family = str(getattr(environment, "server", "") or "")
    else:
        extensions = list(server.get("api_extensions") or ())
        environment = server.get("environment") or {}
        if not isinstance(environment, Mapping):
            environment = {}
        server_version = str(environment.get("server_version") or "")
        family = str(environment.get("server") or "")
    family = INCUS if family.strip().lower() == INCUS else LXD
    known = frozenset(str(e) for e in extensions)
    version: Version | None = None
    if server_version:
        try:
            version = parse_version(server_version)
        except ValueError:
            version = None
    newest = _NEWEST_KNOWN[family]
    if version is None:
        if family == INCUS:
            version = newest  # every Incus says its version; if one does not, assume the newest
        else:
            version = max(
                [(3, 4, 0)] + [v for ext, v in _EXTENSION_RELEASES.items() if ext in known],
            )
    newer = version > newest
    if newer and (family, version) not in _warned:
        _warned.add((family, version))
        _log.warning(
            "%s %s is newer than any release this bridge knows; serving it as %s %s",
            "Incus" if family == INCUS else "LXD",
            ".".join(map(str, version)),
            "Incus" if family == INCUS else "LXD",
            ".".join(map(str, newest)),
        )
    # An Incus writes what the LXD it forked from wrote; a newer LXD what the newest known one does.
    lxd_level = _INCUS_LXD_LEVEL if family == INCUS else min(version, newest)
    return Dialect(family, version, lxd_level, known, newer)
