"""The gRFC A43 policy: how it is read, and what each rule matches (bridge/authz.py).

Callers are :class:`bridge.identity.Caller` values here; tests/integration/test_identity.py
checks the same policy through real mTLS channels in front of the real LXD.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from bridge.authz import Decision, PolicyError, PolicyFile, parse_policy
from bridge.identity import ANONYMOUS, Caller

GET = "/lxd.api.v1.ContainerService/GetContainer"
UPDATE = "/lxd.api.v1.ContainerService/UpdateContainer"
TRUST = "/lxd.api.v1.CertificateService/CreateCertificate"
HEALTH = "/grpc.health.v1.Health/Check"

MONITOR = Caller(uris=("spiffe://example.org/monitor",), dns=("mon.example.org",), subject="CN=m")
CI = Caller(dns=("ci.example.org",), subject="O=build,CN=ci")
ADMIN = Caller(subject="O=ops,CN=admin")

POLICY = {
    "name": "bridge",
    "deny_rules": [
        {
            "name": "no-trust-store",
            "source": {"principals": ["spiffe://example.org/*", "ci.example.org"]},
            "request": {"paths": ["/lxd.api.v1.CertificateService/*"]},
        }
    ],
    "allow_rules": [
        {"name": "health-for-all", "request": {"paths": ["/grpc.health.v1.Health/*"]}},
        {
            "name": "read-only",
            "source": {"principals": ["spiffe://example.org/monitor"]},
            "request": {"paths": ["/lxd.api.v1.ContainerService/Get*"]},
        },
        {
            "name": "ci-team-a",
            "source": {"principals": ["*.example.org"]},
            "request": {
                "paths": ["/lxd.api.v1.ContainerService/*"],
                "headers": [{"key": "X-Team", "values": ["a", "a-*"]}],
            },
        },
        {"name": "admin", "source": {"principals": ["O=ops,CN=admin"]}},
    ],
}


@pytest.mark.parametrize(
    ("caller", "path", "headers", "decision"),
    [
        (ANONYMOUS, HEALTH, {}, Decision(True, "health-for-all")),
        (ANONYMOUS, GET, {}, Decision(False, None)),
        (MONITOR, GET, {}, Decision(True, "read-only")),
        (MONITOR, UPDATE, {}, Decision(False, None)),
        (MONITOR, TRUST, {}, Decision(False, "no-trust-store")),
        (CI, UPDATE, {"x-team": "a"}, Decision(True, "ci-team-a")),
        (CI, UPDATE, {"x-team": "a-2"}, Decision(True, "ci-team-a")),
        (CI, UPDATE, {"x-team": "b"}, Decision(False, None)),
        (CI, UPDATE, {}, Decision(False, None)),
        (CI, TRUST, {"x-team": "a"}, Decision(False, "no-trust-store")),
        (ADMIN, TRUST, {}, Decision(True, "admin")),
        (ADMIN, UPDATE, {}, Decision(True, "admin")),
        (Caller(subject="CN=admin"), UPDATE, {}, Decision(False, None)),
        # A43 as grpc-go: every URI SAN and DNS SAN is matched, then the subject.
        (
            Caller(uris=("spiffe://x/y",), subject="O=ops,CN=admin"),
            UPDATE,
            {},
            Decision(True, "admin"),
        ),
    ],
    ids=[
        "health-open-to-the-anonymous-caller",
        "anonymous-matches-no-principal",
        "monitor-reads",
        "monitor-cannot-write",
        "deny-rules-come-first",
        "header-exact",
        "header-prefix",
        "header-other-value",
        "header-missing",
        "deny-wins-over-a-matching-allow",
        "admin-may-trust",
        "admin-may-write",
        "subject-matches-exactly",
        "subject-matched-after-sans",
    ],
)
def test_a_policy_decides_as_a43_says(
    caller: Caller, path: str, headers: dict[str, str], decision: Decision
) -> None:
    assert parse_policy(orjson.dumps(POLICY)).decide(path, caller, headers) == decision


@pytest.mark.parametrize(
    ("pattern", "value", "matches"),
    [
        ("/a.S/M", "/a.S/M", True),
        ("/a.S/M", "/a.S/MM", False),
        ("/a.S/*", "/a.S/M", True),
        ("/a.S/*", "/b.S/M", False),
        ("*/M", "/a.S/M", True),
        ("*/M", "/a.S/N", False),
        ("*", "/a.S/M", True),
        ("*/Get*", "/a.S/GetX", False),
    ],
    ids=[
        "exact",
        "exact-is-whole",
        "prefix",
        "prefix-other",
        "suffix",
        "suffix-other",
        "any",
        "a-star-at-both-ends-is-a-suffix-as-in-grpc-go",
    ],
)
def test_a_string_matches_exactly_as_prefix_suffix_or_anything(
    pattern: str, value: str, matches: bool
) -> None:
    policy = parse_policy(
        orjson.dumps({"name": "p", "allow_rules": [{"name": "r", "request": {"paths": [pattern]}}]})
    )
    assert policy.decide(value, ANONYMOUS, {}).allowed is matches


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        (b"{", "not JSON"),
        (b"[]", "the policy must be an object"),
        ({"allow_rules": [{"name": "r"}]}, '"name" is missing'),
        ({"name": "p"}, '"allow_rules" is missing'),
        ({"name": "p", "allow_rules": []}, "allow_rules must be a non-empty list"),
        ({"name": "p", "allow_rules": [{}]}, 'allow_rules[0]: "name" is missing'),
        ({"name": "p", "allow_rules": [{"name": "r", "to": 1}]}, "unknown field 'to'"),
        ({"name": "p", "allow_rules": [{"name": "r"}], "extra": 1}, "unknown field 'extra'"),
        (
            {"name": "p", "allow_rules": [{"name": "r", "request": {"paths": [3]}}]},
            "allow_rules[0] ('r').request.paths: 3 is not a string",
        ),
        (
            {
                "name": "p",
                "allow_rules": [
                    {"name": "r", "request": {"headers": [{"key": ":path", "values": ["x"]}]}}
                ],
            },
            "header ':path' cannot be matched",
        ),
        (
            {
                "name": "p",
                "allow_rules": [
                    {
                        "name": "r",
                        "request": {"headers": [{"key": "grpc-timeout", "values": ["1"]}]},
                    }
                ],
            },
            "header 'grpc-timeout' cannot be matched",
        ),
        (
            {
                "name": "p",
                "deny_rules": [{"name": "d", "source": {"principals": []}}],
                "allow_rules": [{"name": "r"}],
            },
            "deny_rules[0] ('d').source.principals must be a non-empty list",
        ),
    ],
    ids=[
        "not-json",
        "not-an-object",
        "no-name",
        "no-allow-rules",
        "empty-allow-rules",
        "rule-without-name",
        "unknown-rule-field",
        "unknown-policy-field",
        "path-not-a-string",
        "pseudo-header",
        "grpc-header",
        "empty-principals",
    ],
)
def test_a_policy_that_does_not_parse_names_the_field(policy: object, message: str) -> None:
    text = policy if isinstance(policy, bytes) else orjson.dumps(policy)
    with pytest.raises(PolicyError) as caught:
        parse_policy(text)
    assert message in str(caught.value)


def test_principals_without_mtls_cannot_be_enforced(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_bytes(orjson.dumps(POLICY))
    with pytest.raises(PolicyError, match="rules name principals, but callers have none"):
        PolicyFile(path, mtls=False)
    assert PolicyFile(path, mtls=True).policy.name == "bridge"


def test_a_reload_that_does_not_parse_keeps_the_old_policy(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_bytes(orjson.dumps(POLICY))
    policies = PolicyFile(path, mtls=True)
    path.write_text('{"name": "broken"')
    assert policies.reload() is False
    assert policies.policy.name == "bridge"
    path.write_bytes(orjson.dumps({**POLICY, "name": "next"}))
    assert policies.reload() is True
    assert policies.policy.name == "next"
