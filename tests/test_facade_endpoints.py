"""Every endpoint LXD 3.4 routes for its objects is an RPC: each row of the endpoint table
(third_party/lxd/lxd-3.4/endpoints.tsv, 107 method + path pairs) is the google.api.http rule, or
an additional binding, of some RPC of the lxd.api.v1 services."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from google.api import annotations_pb2

import lxd.api.v1
from tests.reference import ENDPOINTS_3_4, read_tsv


def _pattern(path: str) -> str:
    """A path with its variables blanked: `/1.0/containers/<name>` and `{name}` both give `*`."""
    return re.sub(r"<[^>]+>|\{[^}]+\}", "*", path)


def _rules() -> dict[tuple[str, str], str]:
    """(method, path pattern) -> the RPC whose http rule or additional binding it is."""
    found = {}
    for info in pkgutil.iter_modules(lxd.api.v1.__path__):
        if not info.name.endswith("_service_pb2"):
            continue
        module = importlib.import_module(f"lxd.api.v1.{info.name}")
        for service in module.DESCRIPTOR.services_by_name.values():
            for method in service.methods:
                rule = method.GetOptions().Extensions[annotations_pb2.http]
                for binding in [rule, *rule.additional_bindings]:
                    kind = binding.WhichOneof("pattern")
                    if kind == "custom":  # HEAD
                        kind, path = binding.custom.kind, binding.custom.path
                    else:
                        path = getattr(binding, kind)
                    found[(kind.upper(), _pattern(path))] = method.full_name
    return found


ROWS = [(int(r["row"]), r["method"], r["path"]) for r in read_tsv(ENDPOINTS_3_4)]
RULES = _rules()


def test_the_table_has_every_routed_endpoint() -> None:
    assert len(ROWS) == 107


@pytest.mark.parametrize(("row", "method", "path"), ROWS, ids=[f"{r[1]} {r[2]}" for r in ROWS])
def test_the_endpoint_is_an_rpc(row: int, method: str, path: str) -> None:
    assert (method, _pattern(path)) in RULES, f"row {row}: no RPC serves {method} {path}"
