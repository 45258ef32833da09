"""Every endpoint of LXD 5.0.2's REST API is an RPC.

third_party/lxd/lxd-5.0/endpoints.tsv holds the 185 method + path pairs of LXD 5.0.2's
doc/rest-api.yaml. Each is the google.api.http rule (or an additional binding, or a custom HEAD
rule) of some RPC of the lxd.api.v1 services. Until issues 12, 13 and 14 this test listed the ones
not yet bound by name; all are bound now, so a new endpoint without an RPC fails it.
"""

from __future__ import annotations

import pytest

from tests.reference import ENDPOINTS_5_0, read_tsv
from tests.test_facade_endpoints import RULES, _pattern

ROWS = [(r["method"], r["path"], r["group"]) for r in read_tsv(ENDPOINTS_5_0)]


def test_the_table_has_every_endpoint_of_lxd_5_0_2() -> None:
    assert len(ROWS) == 185
    assert len({(m, p) for m, p, _ in ROWS}) == 185, "an endpoint is listed twice"


@pytest.mark.parametrize(("method", "path", "group"), ROWS, ids=[f"{r[0]} {r[1]}" for r in ROWS])
def test_the_endpoint_is_an_rpc(method: str, path: str, group: str) -> None:
    assert RULES.get((method, _pattern(path))), f"no RPC serves {method} {path} ({group})"
