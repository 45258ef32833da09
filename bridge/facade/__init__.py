"""The gRPC facade: one servicer per LXD object, thin (request -> transport -> codec -> reply).

``FACADES`` lists the servicer classes :mod:`bridge.server` serves; a new service is a proto
(``proto/lxd/api/v1/<object>_service.proto``), a module here and one line in ``FACADES``. The
conventions are in docs/facade.md, the machinery in :mod:`bridge.facade.common`.
"""

from __future__ import annotations

from bridge.facade.certificates import CertificateFacade
from bridge.facade.clusters import ClusterFacade
from bridge.facade.common import Facade
from bridge.facade.containers import ContainerFacade
from bridge.facade.events import EventFacade
from bridge.facade.images import ImageFacade
from bridge.facade.instances import InstanceFacade
from bridge.facade.network_acls import NetworkACLFacade
from bridge.facade.network_zones import NetworkZoneFacade
from bridge.facade.networks import NetworkFacade
from bridge.facade.operations import OperationFacade
from bridge.facade.profiles import ProfileFacade
from bridge.facade.projects import ProjectFacade
from bridge.facade.server import ServerFacade
from bridge.facade.storage_pools import StoragePoolFacade
from bridge.facade.warnings import WarningFacade

__all__ = [
    "FACADES",
    "CertificateFacade",
    "ClusterFacade",
    "ContainerFacade",
    "EventFacade",
    "Facade",
    "ImageFacade",
    "InstanceFacade",
    "NetworkACLFacade",
    "NetworkFacade",
    "NetworkZoneFacade",
    "OperationFacade",
    "ProfileFacade",
    "ProjectFacade",
    "ServerFacade",
    "StoragePoolFacade",
    "WarningFacade",
]

#: The servicers the bridge serves, in the order reflection lists them.
FACADES: tuple[type[Facade], ...] = (
    ServerFacade,
    OperationFacade,
    ContainerFacade,
    InstanceFacade,
    EventFacade,
    CertificateFacade,
    ClusterFacade,
    ImageFacade,
    NetworkFacade,
    NetworkACLFacade,
    NetworkZoneFacade,
    ProfileFacade,
    StoragePoolFacade,
    ProjectFacade,
    WarningFacade,
)
