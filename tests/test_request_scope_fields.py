"""The request fields the facade sends as the scope of every call have the scope's type.

`project` and `target` are read from any request that has them and sent as ?project= and
?target= (bridge.facade.routes.scope_query), and `project` is the CallContext's project (events,
audit, identities); `all_projects` is sent as ?all-projects=true. A request whose body field was
named `project` (a ProjectPut, say) would send the text of a message as the project: so these
names are kept for the scope, in every request of every service.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from google.protobuf.descriptor import Descriptor, FieldDescriptor

import lxd.api.v1

SCOPE_TYPES = {
    "project": FieldDescriptor.TYPE_STRING,
    "target": FieldDescriptor.TYPE_STRING,
    "all_projects": FieldDescriptor.TYPE_BOOL,
}


def _requests() -> list[Descriptor]:
    found = []
    for info in pkgutil.iter_modules(lxd.api.v1.__path__):
        if info.name.endswith("_service_pb2"):
            module = importlib.import_module(f"lxd.api.v1.{info.name}")
            for service in module.DESCRIPTOR.services_by_name.values():
                found += [method.input_type for method in service.methods]
    return found


REQUESTS = _requests()


def test_the_walk_sees_the_project_service() -> None:
    assert "lxd.api.v1.RenameProjectRequest" in {r.full_name for r in REQUESTS}


@pytest.mark.parametrize("request_type", REQUESTS, ids=[r.name for r in REQUESTS])
def test_scope_fields_are_scalars_of_the_scope_type(request_type: Descriptor) -> None:
    for name, kind in SCOPE_TYPES.items():
        field = request_type.fields_by_name.get(name)
        if field is not None:
            assert field.type == kind and not field.is_repeated, f"{request_type.name}.{name}"
