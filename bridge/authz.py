"""Per-caller authorization: a policy in the gRFC A43 JSON format, enforced before LXD is asked.

The format is the one grpc-go (``authz.NewStatic``, ``authz.NewFileWatcher``) and grpc C++ read::

    {"name": "bridge",
     "deny_rules":  [{"name": "no-trust",
                      "request": {"paths": ["/lxd.api.v1.CertificateService/*"]}}],
     "allow_rules": [{"name": "monitoring",
                      "source": {"principals": ["spiffe://example.org/monitoring"]},
                      "request": {"paths": ["/lxd.api.v1.ContainerService/Get*"],
                                  "headers": [{"key": "x-team", "values": ["a", "b"]}]}}]}

A rule matches when every part it has matches: one of its ``source.principals`` (the caller's
certificate: any URI SAN, any DNS SAN or the subject, as grpc-go matches them; a caller without a
certificate matches no principal), one of its ``request.paths`` (``/package.Service/Method``), and
for each of its ``request.headers`` one of the values. A string matches exactly, as a prefix
(``foo*``), a suffix (``*foo``), or ``*`` (anything not empty). Deny rules are read first; a
request no allow rule matches is denied. Denied is PERMISSION_DENIED naming the rule (or "no
allow rule"), reason ``UNAUTHORIZED``.

:class:`PolicyFile` keeps the policy of a file: re-read on SIGHUP and when the file changes; a new
file that does not parse keeps the old policy and logs why. The server's one interceptor
(:mod:`bridge.interception`) enforces it on every service served (the facade, health,
reflection).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
import orjson
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from bridge.errors import MESSAGE_LIMIT, clip
from bridge.facade.status import ERROR_DOMAIN, _status
from bridge.identity import Caller

__all__ = [
    "Decision",
    "Policy",
    "PolicyError",
    "PolicyFile",
    "denied_status",
    "parse_policy",
    "request_headers",
]

_log = logging.getLogger(__name__)

#: Seconds between two looks at the policy file's modification time.
WATCH_INTERVAL = 1.0


class PolicyError(ValueError):
    """A policy that cannot be read or enforced; the message names the field."""


def _matcher(pattern: str, where: str) -> Callable[[str], bool]:
    """A compiled string matcher: exact, ``foo*``, ``*foo`` or ``*``."""
    if not isinstance(pattern, str):
        raise PolicyError(f"{where}: {pattern!r} is not a string")
    if pattern == "*":
        return bool
    if pattern.startswith("*"):
        suffix = pattern[1:]
        return lambda value: value.endswith(suffix)
    if pattern.endswith("*"):
        prefix = pattern[:-1]
        return lambda value: value.startswith(prefix)
    return pattern.__eq__


def _any(matchers: Sequence[Callable[[str], bool]], values: Iterable[str]) -> bool:
    return any(m(v) for v in values for m in matchers)


@dataclass(frozen=True)
class Rule:
    """One compiled rule: ``None`` for a part the rule does not have (matches anything)."""

    name: str
    principals: tuple[Callable[[str], bool], ...] | None
    paths: tuple[Callable[[str], bool], ...] | None
    headers: tuple[tuple[str, tuple[Callable[[str], bool], ...]], ...]

    def matches_path(self, path: str) -> bool:
        """Whether the rule can match an RPC of this method (its paths only)."""
        return self.paths is None or any(m(path) for m in self.paths)

    def matches_caller(self, caller: Caller, metadata: dict[str, str]) -> bool:
        """Whether principals and headers match (the path was checked before)."""
        if self.principals is not None and not (
            caller.authenticated and _any(self.principals, caller.match_names)
        ):
            return False
        for key, values in self.headers:
            value = metadata.get(key)
            if value is None or not any(m(value) for m in values):
                return False
        return True


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise PolicyError(f"{where} must be a non-empty list")
    return value


def _keys(obj: Any, allowed: set[str], where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise PolicyError(f"{where} must be an object")
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise PolicyError(f"{where}: unknown field {unknown[0]!r}")
    return obj


def _rule(raw: Any, where: str) -> Rule:
    obj = _keys(raw, {"name", "source", "request"}, where)
    name = obj.get("name")
    if not isinstance(name, str) or not name:
        raise PolicyError(f'{where}: "name" is missing')
    where = f"{where} ({name!r})"
    principals = None
    if "source" in obj:
        source = _keys(obj["source"], {"principals"}, f"{where}.source")
        if "principals" in source:
            principals = tuple(
                _matcher(p, f"{where}.source.principals")
                for p in _list(source["principals"], f"{where}.source.principals")
            )
    paths = None
    headers: list[tuple[str, tuple[Callable[[str], bool], ...]]] = []
    if "request" in obj:
        request = _keys(obj["request"], {"paths", "headers"}, f"{where}.request")
        if "paths" in request:
            paths = tuple(
                _matcher(p, f"{where}.request.paths")
                for p in _list(request["paths"], f"{where}.request.paths")
            )
        for i, raw_header in enumerate(request.get("headers") or ()):
            at = f"{where}.request.headers[{i}]"
            header = _keys(raw_header, {"key", "values"}, at)
            key = header.get("key")
            if not isinstance(key, str) or not key:
                raise PolicyError(f'{at}: "key" is missing')
            key = key.lower()
            # As grpc-go: pseudo-headers, grpc-* and host are the transport's, not the caller's.
            if key.startswith((":", "grpc-")) or key == "host":
                raise PolicyError(f"{at}: header {key!r} cannot be matched")
            values = tuple(_matcher(v, f"{at}.values") for v in _list(header.get("values"), at))
            headers.append((key, values))
    return Rule(name, principals, paths, tuple(headers))


@dataclass(frozen=True)
class Decision:
    """The outcome for one RPC: ``allowed``, and the rule that decided (None: no allow rule)."""

    allowed: bool
    rule: str | None

    def message(self, policy: str) -> str:
        """The PERMISSION_DENIED message."""
        if self.rule is None:
            return f"denied by authorization policy {policy!r}: no allow rule matches"
        return f"denied by authorization policy {policy!r}: deny rule {self.rule!r}"


@dataclass
class Policy:
    """A compiled A43 policy. Rules are filtered per method once (the first call of each), so
    a call checks only the rules whose paths can match it."""

    name: str
    deny: tuple[Rule, ...]
    allow: tuple[Rule, ...]
    _by_path: dict[str, tuple[tuple[Rule, ...], tuple[Rule, ...]]] = field(
        default_factory=dict, repr=False
    )

    @property
    def needs_principals(self) -> bool:
        """Whether a rule names principals (which only mTLS can give)."""
        return any(r.principals is not None for r in (*self.deny, *self.allow))

    def decide(self, path: str, caller: Caller, metadata: dict[str, str]) -> Decision:
        """Deny rules first; then allowed when an allow rule matches."""
        rules = self._by_path.get(path)
        if rules is None:
            rules = (
                tuple(r for r in self.deny if r.matches_path(path)),
                tuple(r for r in self.allow if r.matches_path(path)),
            )
            self._by_path[path] = rules
        deny, allow = rules
        for rule in deny:
            if rule.matches_caller(caller, metadata):
                return Decision(False, rule.name)
        for rule in allow:
            if rule.matches_caller(caller, metadata):
                return Decision(True, rule.name)
        return Decision(False, None)


def parse_policy(text: str | bytes) -> Policy:
    """Compile a policy from its JSON text; PolicyError names what is wrong."""
    try:
        raw = orjson.loads(text)
    except orjson.JSONDecodeError as e:
        raise PolicyError(f"not JSON: {e}") from e
    obj = _keys(raw, {"name", "deny_rules", "allow_rules"}, "the policy")
    name = obj.get("name")
    if not isinstance(name, str) or not name:
        raise PolicyError('"name" is missing')
    if "allow_rules" not in obj:
        raise PolicyError('"allow_rules" is missing')
    return Policy(name, _rules(obj, "deny_rules"), _rules(obj, "allow_rules"))


def _rules(obj: dict[str, Any], key: str) -> tuple[Rule, ...]:
    if key not in obj:
        return ()
    return tuple(_rule(r, f"{key}[{i}]") for i, r in enumerate(_list(obj[key], key)))


class PolicyFile:
    """The policy of a file, kept current: :meth:`reload` on SIGHUP, :meth:`watch` for changes.

    ``mtls`` says whether callers can have principals; a policy naming principals without it
    cannot be enforced and is refused (at startup, and on reload: the old policy stays).
    """

    def __init__(self, path: Path, *, mtls: bool) -> None:
        self.path = path
        self._mtls = mtls
        self._stamp = self._stat()
        self.policy = self._read()

    def _stat(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _read(self) -> Policy:
        try:
            text = self.path.read_bytes()
        except OSError as e:
            raise PolicyError(f"cannot read {self.path}: {e.strerror or e}") from e
        try:
            policy = parse_policy(text)
        except PolicyError as e:
            raise PolicyError(f"{self.path}: {e}") from e
        if policy.needs_principals and not self._mtls:
            raise PolicyError(
                f"{self.path}: rules name principals, but callers have none without mTLS "
                "(give --client-ca)"
            )
        return policy

    def reload(self) -> bool:
        """Re-read the file; a file that does not parse keeps the old policy (logged)."""
        self._stamp = self._stat()
        try:
            policy = self._read()
        except PolicyError as e:
            _log.error("authorization policy not reloaded, the old one stays: %s", e)
            return False
        self.policy = policy
        _log.info(
            "authorization policy %r reloaded from %s (%d deny, %d allow rules)",
            policy.name,
            self.path,
            len(policy.deny),
            len(policy.allow),
        )
        return True

    async def watch(self, interval: float = WATCH_INTERVAL) -> None:
        """Reload whenever the file's time, size or inode changes (runs until cancelled)."""
        while True:
            await asyncio.sleep(interval)
            if self._stat() != self._stamp:
                self.reload()


def request_headers(pairs: Iterable[tuple[str, str | bytes]] | None) -> dict[str, str]:
    """Request headers for header rules: repeated keys joined with ``,`` as HTTP/2 does."""
    headers: dict[str, str] = {}
    for key, value in pairs or ():
        if isinstance(value, bytes):  # -bin headers are not matched (as grpc-go)
            continue
        headers[key] = f"{headers[key]},{value}" if key in headers else value
    return headers


def denied_status(policy: str, decision: Decision) -> grpc.Status:
    """The PERMISSION_DENIED status of a denied call: the message names the rule."""
    info = error_details_pb2.ErrorInfo(
        reason="UNAUTHORIZED",
        domain=ERROR_DOMAIN,
        metadata={"policy": policy, "rule": decision.rule or ""},
    )
    status = _status(
        grpc.StatusCode.PERMISSION_DENIED, clip(decision.message(policy), MESSAGE_LIMIT), [info]
    )
    return rpc_status.to_status(status)
