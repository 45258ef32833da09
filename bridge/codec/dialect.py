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
  Incus renamed a few keys after the fork (``password`` is ``trust_token``) and dropped others
  (``container_only``); the fields say so in their ``incus_renamed_to``, ``family`` and
  ``incus_since`` options. :meth:`Dialect.writes` and :meth:`Dialect.key_of` answer for a
  field's :class:`KeyRules`; the codec asks them and nothing else;
- the names of LXD's own HTTP headers (``X-LXD-uid`` or ``X-Incus-uid``): :meth:`Dialect.header`;
- which API extensions the server has: :meth:`Dialect.has`;
- where containers live: :meth:`Dialect.locate` turns the ``/1.0/containers`` paths the container
  RPCs are written with into the server's own (Incus has only ``/1.0/instances``: there the
  request goes to ``/1.0/instances/...?instance-type=container``, which Incus reads as LXD reads
  ``/1.0/containers``: lists hold only containers, a virtual machine is not found).

What was checked for LXD 5.21 LTS (tag ``lxd-5.21.7``, not installable here), for the container
and instance endpoints: it still routes every ``/1.0/containers`` alias (``lxd/instances.go``),
still names its headers ``X-LXD-*`` and still reads ``password`` in certificate posts (beside
``trust_token``, ext ``explicit_trust_token``) and ``container_only`` beside ``instance_only``;
so an LXD newer than 5.0 is served as LXD 5.0, and the keys 5.21 added are read, counted as
unknown and never written (see ``_NEWEST_KNOWN``). One move matters: since 5.15 the logs of an
exec with ``record-output`` are under ``logs/exec-output/`` (``_MOVED_PATHS``, by the server's
own version, so 5.21 gets them there).
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
    "KeyRules",
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

#: What each family is called in logs, and the prefix of its own HTTP headers.
_FAMILY_NAMES = {LXD: "LXD", INCUS: "Incus"}
_HEADER_PREFIXES = {LXD: "X-LXD-", INCUS: "X-Incus-"}

#: The collection the container RPCs are written with (LXD's since 0.x, an alias of
#: /1.0/instances since 3.18).
CONTAINERS = "/1.0/containers"

#: Where each family serves the paths under CONTAINERS: the path it has instead and the query
#: that narrows it to containers. Incus dropped the alias; its /1.0/instances endpoints read
#: ``instance-type`` as LXD reads the alias (``urlInstanceTypeDetect``): a list holds only
#: containers, a virtual machine's name is not found, a create without ``type`` makes a container.
_CONTAINER_PATHS: dict[str, tuple[str, dict[str, str]]] = {
    INCUS: ("/1.0/instances", {"instance-type": "container"}),
}

#: Paths LXD moved, from the LXD release whose routes the server has (:attr:`Dialect.routes_of`):
#: since 5.15 the logs of an exec with ``record-output`` are under ``logs/exec-output/`` (their
#: own endpoints; ``logs/exec_*`` is refused as "not valid"), in Incus too (forked at 5.18).
_MOVED_PATHS: tuple[tuple[Version, re.Pattern[str], str], ...] = (
    (
        (5, 15, 0),
        re.compile(r"^(/1\.0/(?:containers|instances)/[^/?]+/logs/)(exec_[^/?]+)$"),
        r"\1exec-output/\2",
    ),
)

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
class KeyRules:
    """When, and under which key, a field is written: its proto options, for the dialect to read.

    Built once per field by the codec's plans; :meth:`Dialect.writes` and :meth:`Dialect.key_of`
    answer for it (the versions are LXD releases unless named ``incus_``).
    """

    #: The key (``json_name``, or ``json_key``).
    key: str
    #: The LXD release that added the key (option ``since``); ``None``: the 3.4 seed.
    since: Version | None = None
    #: The LXD release that removed it (``removed_in``).
    removed_in: Version | None = None
    #: The key LXD renamed it to (``renamed_to``), from release ``renamed_in`` on.
    renamed_to: str = ""
    renamed_in: Version | None = None
    #: The one family that has the key (``family``, or the struct's ``message_family``); ``""``:
    #: both.
    family: str = ""
    #: The Incus release that added the key to Incus (``incus_since``), when not the fork.
    incus_since: Version | None = None
    #: The key Incus renamed it to after the fork (``incus_renamed_to``: ``trust_token``).
    incus_renamed_to: str = ""

    @property
    def keys(self) -> frozenset[str]:
        """Every key the field is read from, whatever the server."""
        return frozenset({self.key, self.renamed_to, self.incus_renamed_to} - {""})


@dataclass(frozen=True)
class Dialect:
    """A server family and version: what the codec writes for it and what its HTTP looks like.

    Two dialects are equal when they write the same JSON and speak the same HTTP (family,
    ``lxd_level`` and ``incus_level``); the codec caches its writers per dialect.
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
    #: For Incus, the Incus release whose JSON it writes (its version, up to the newest known):
    #: the ``incus_since`` options are compared with it. ``(0, 0, 0)`` for LXD.
    incus_level: Version = (0, 0, 0)

    @property
    def name(self) -> str:
        """``"LXD 5.0.2"``, ``"Incus 6.0.4"``: the family and the server's version."""
        return f"{_FAMILY_NAMES[self.family]} {'.'.join(map(str, self.version))}"

    @property
    def routes_of(self) -> Version:
        """The LXD release whose routes the server has: an LXD's own version (a newer one than
        known included: its paths are read from its source), Incus's fork point (5.18)."""
        return _INCUS_LXD_LEVEL if self.family == INCUS else self.version

    def at_least(self, version: Version) -> bool:
        """Whether the server writes the JSON of LXD ``version`` or later."""
        return self.lxd_level >= version

    def has(self, extension: str) -> bool:
        """Whether the server announced API extension ``extension``."""
        return extension in self.api_extensions

    def header(self, name: str) -> str:
        """LXD's HTTP header ``name`` in this family (``uid``: ``X-LXD-uid``, ``X-Incus-uid``)."""
        return f"{_HEADER_PREFIXES[self.family]}{name}"

    def writes(self, rules: KeyRules) -> bool:
        """Whether a write to this server may carry the key: the family has it, and its release
        has it (for Incus, ``incus_since`` when given, else the LXD release it forked from)."""
        if rules.family and rules.family != self.family:
            return False
        if self.family == INCUS and rules.incus_since is not None:
            added = self.incus_level >= rules.incus_since
        else:
            added = rules.since is None or self.at_least(rules.since)
        return added and (rules.removed_in is None or not self.at_least(rules.removed_in))

    def key_of(self, rules: KeyRules) -> str:
        """The key a field has on this server (LXD's renames by release, Incus's own)."""
        if self.family == INCUS and rules.incus_renamed_to:
            return rules.incus_renamed_to
        if rules.renamed_in is not None and self.at_least(rules.renamed_in):
            return rules.renamed_to
        return rules.key

    def locate(self, path: str, query: Mapping[str, Any] | None) -> tuple[str, dict[str, Any]]:
        """Where a request written for LXD's paths goes on this server, and its query.

        The container RPCs are written with ``/1.0/containers``; on a server without that
        collection (Incus) the path becomes its ``/1.0/instances`` one and the query narrows it
        to containers (a query of the request's own wins). Paths LXD moved later
        (``_MOVED_PATHS``: exec output logs) go where the server has them. Other paths are
        unchanged.
        """
        query = dict(query or {})
        for since, pattern, replacement in _MOVED_PATHS:
            if self.routes_of >= since:
                path = pattern.sub(replacement, path)
        moved = _CONTAINER_PATHS.get(self.family)
        rest = path[len(CONTAINERS) :] if path.startswith(CONTAINERS) else None
        if moved is not None and rest is not None and rest[:1] in ("", "/", "?"):
            to, narrowing = moved
            return to + rest, {**narrowing, **query}
        return path, query

    @property
    def instances(self) -> str:
        """The collection containers are under on this server: ``/1.0/containers`` for every LXD
        (3.4 included: ``/1.0/instances`` came in 3.18), ``/1.0/instances`` for Incus."""
        return self.locate(CONTAINERS, None)[0]


LXD_3_4 = Dialect(LXD, (3, 4, 0), (3, 4, 0))
"""LXD 3.4 (August 2018), the release the seed describes."""

LXD_5_0 = Dialect(LXD, (5, 0, 2), (5, 0, 2))
"""LXD 5.0 LTS as Debian 12 ships it (5.0.2); ``to_json``'s default."""

INCUS_6_0 = Dialect(INCUS, (6, 0, 4), _INCUS_LXD_LEVEL, incus_level=(6, 0, 4))
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
            _FAMILY_NAMES[family],
            ".".join(map(str, version)),
            _FAMILY_NAMES[family],
            ".".join(map(str, newest)),
        )
    # An Incus writes what the LXD it forked from wrote; a newer LXD what the newest known one does.
    if family == INCUS:
        return Dialect(family, version, _INCUS_LXD_LEVEL, known, newer, min(version, newest))
    return Dialect(family, version, min(version, newest), known, newer)
