"""Every endpoint of LXD 5.0.2's REST API is an RPC, or is listed here as not yet bound.

third_party/lxd/lxd-5.0/endpoints.tsv holds the 185 method + path pairs of LXD 5.0.2's
doc/rest-api.yaml. Each is the google.api.http rule (or an additional binding) of some RPC of the
lxd.api.v1 services, or it is a line of NOT_YET_BOUND below, naming the issue that binds it. An
endpoint that is bound and still listed fails the test: whoever binds one deletes its line.
"""

from __future__ import annotations

import pytest

from tests.reference import ENDPOINTS_5_0, read_tsv
from tests.test_facade_endpoints import RULES, _pattern

# Who binds what is left, by the owner tag of each line below.
OWNERS = {
    "12-instances": "issue 12: InstanceService (branch instances)",
    "13-netstore": "issue 13: network and storage objects (branch netstore)",
    "14-cluster": "issue 14: cluster members and groups",
}

# The endpoints of LXD 5.0.2 no RPC binds yet: method, path (as endpoints.tsv writes it), owner.
# One line per endpoint; binding one means deleting its line.
NOT_YET_BOUND = """
GET    /1.0/instances                                                              12-instances
POST   /1.0/instances                                                              12-instances
PUT    /1.0/instances                                                              12-instances
DELETE /1.0/instances/{name}                                                       12-instances
GET    /1.0/instances/{name}                                                       12-instances
PATCH  /1.0/instances/{name}                                                       12-instances
POST   /1.0/instances/{name}                                                       12-instances
PUT    /1.0/instances/{name}                                                       12-instances
GET    /1.0/instances/{name}/backups                                               12-instances
POST   /1.0/instances/{name}/backups                                               12-instances
DELETE /1.0/instances/{name}/backups/{backup}                                      12-instances
GET    /1.0/instances/{name}/backups/{backup}                                      12-instances
POST   /1.0/instances/{name}/backups/{backup}                                      12-instances
GET    /1.0/instances/{name}/backups/{backup}/export                               12-instances
DELETE /1.0/instances/{name}/console                                               12-instances
GET    /1.0/instances/{name}/console                                               12-instances
POST   /1.0/instances/{name}/console                                               12-instances
POST   /1.0/instances/{name}/exec                                                  12-instances
DELETE /1.0/instances/{name}/files                                                 12-instances
GET    /1.0/instances/{name}/files                                                 12-instances
HEAD   /1.0/instances/{name}/files                                                 12-instances
POST   /1.0/instances/{name}/files                                                 12-instances
GET    /1.0/instances/{name}/logs                                                  12-instances
DELETE /1.0/instances/{name}/logs/{filename}                                       12-instances
GET    /1.0/instances/{name}/logs/{filename}                                       12-instances
GET    /1.0/instances/{name}/metadata                                              12-instances
PATCH  /1.0/instances/{name}/metadata                                              12-instances
PUT    /1.0/instances/{name}/metadata                                              12-instances
DELETE /1.0/instances/{name}/metadata/templates                                    12-instances
GET    /1.0/instances/{name}/metadata/templates                                    12-instances
POST   /1.0/instances/{name}/metadata/templates                                    12-instances
GET    /1.0/instances/{name}/sftp                                                  12-instances
GET    /1.0/instances/{name}/snapshots                                             12-instances
POST   /1.0/instances/{name}/snapshots                                             12-instances
DELETE /1.0/instances/{name}/snapshots/{snapshot}                                  12-instances
GET    /1.0/instances/{name}/snapshots/{snapshot}                                  12-instances
PATCH  /1.0/instances/{name}/snapshots/{snapshot}                                  12-instances
POST   /1.0/instances/{name}/snapshots/{snapshot}                                  12-instances
PUT    /1.0/instances/{name}/snapshots/{snapshot}                                  12-instances
GET    /1.0/instances/{name}/state                                                 12-instances
PUT    /1.0/instances/{name}/state                                                 12-instances
"""

ROWS = [(r["method"], r["path"], r["group"]) for r in read_tsv(ENDPOINTS_5_0)]


def _not_yet_bound() -> dict[tuple[str, str], str]:
    table = {}
    for line in NOT_YET_BOUND.strip().splitlines():
        method, path, owner = line.split()
        assert owner in OWNERS, f"{line!r}: unknown owner {owner!r}"
        assert (method, path) not in table, f"{line!r} is listed twice"
        table[(method, path)] = owner
    return table


LISTED = _not_yet_bound()


def test_the_table_has_every_endpoint_of_lxd_5_0_2() -> None:
    assert len(ROWS) == 185
    assert set(LISTED) <= {(m, p) for m, p, _ in ROWS}, "a listed endpoint is not in LXD 5.0.2"


@pytest.mark.parametrize(("method", "path", "group"), ROWS, ids=[f"{r[0]} {r[1]}" for r in ROWS])
def test_the_endpoint_is_an_rpc_or_listed_as_not_yet_bound(
    method: str, path: str, group: str
) -> None:
    bound = RULES.get((method, _pattern(path)))
    listed = LISTED.get((method, path))
    if listed is None:
        assert bound, f"no RPC serves {method} {path} ({group}), and it is not in NOT_YET_BOUND"
    else:
        assert not bound, (
            f"{method} {path} is bound by {bound}: delete its line from NOT_YET_BOUND "
            f"({OWNERS[listed]})"
        )
