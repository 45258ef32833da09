"""ProjectService through the real bridge and a real daemon: every RPC, as a client sees it, and
a container made in a project through the `project` request field, then listed with
`all_projects`.

Each test works on its own `t-pj-<hex>` projects and deletes them (and any container in them)
afterwards through the transport, so that cleanup does not depend on the code under test. The
`default` project is only read (and refused a rename and a delete). Paths are /1.0/instances,
which LXD 5.0 and Incus 6.0 both route.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask

from bridge.errors import NotFound
from bridge.transport import LxdClient
from lxd.api.v1 import container_pb2, project_pb2, server_service_pb2
from lxd.api.v1 import container_service_pb2 as cpb
from lxd.api.v1 import project_service_pb2 as pb
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from lxd.api.v1.project_service_pb2_grpc import ProjectServiceStub
from lxd.api.v1.server_service_pb2_grpc import ServerServiceStub
from lxd.api.v1.status_code_pb2 import STATUS_CODE_SUCCESS
from tests.integration.conftest import error_details
from tests.integration.instance_support import delete_project

pytestmark = pytest.mark.timeout(120)

# A project whose instances use the default project's images and profiles (so the busybox
# image and the default profile's root disk and nic serve a container made in it).
# LXD 5.0.2 refuses a PATCH of such a project ("Delete project default profile: Profile not
# found"), so the other tests use LIMITED.
SHARED = {"features.images": "false", "features.profiles": "false"}
LIMITED = {"limits.containers": "10"}


@pytest.fixture(scope="module")
def projects(channel: grpc.aio.Channel) -> ProjectServiceStub:
    """ProjectService client."""
    return ProjectServiceStub(channel)


async def family(server: ServerServiceStub) -> str:
    """The daemon's family, "lxd" or "incus" (GET /1.0 environment.server)."""
    reply = await server.GetServer(server_service_pb2.GetServerRequest())
    return reply.server.environment.server or "lxd"


@pytest.fixture
async def new_project(
    lxd: LxdClient, unique_name: Callable[[str], str]
) -> AsyncIterator[Callable[[], str]]:
    """`new_project()`: a fresh name, whose project (and instances) is deleted afterwards."""
    made: list[str] = []

    def make() -> str:
        made.append(unique_name("pj"))
        return made[-1]

    try:
        yield make
    finally:
        for name in made:
            await delete_project(lxd, name)


@pytest.fixture
async def project(projects: ProjectServiceStub, new_project: Callable[[], str]) -> str:
    """A new project with a description and a limit, created through the bridge."""
    name = new_project()
    post = project_pb2.ProjectsPost(name=name, description="made by a test", config=LIMITED)
    await projects.CreateProject(pb.CreateProjectRequest(projects_post=post))
    return name


@pytest.fixture
async def shared_project(projects: ProjectServiceStub, new_project: Callable[[], str]) -> str:
    """A new project using the default project's images and profiles (SHARED)."""
    name = new_project()
    post = project_pb2.ProjectsPost(name=name, config=SHARED)
    await projects.CreateProject(pb.CreateProjectRequest(projects_post=post))
    return name


async def test_created_project_is_listed_and_read_with_its_etag(
    lxd: LxdClient, projects: ProjectServiceStub, project: str
) -> None:
    names = (await projects.GetProjectNames(pb.GetProjectNamesRequest())).names
    assert {"default", project} <= set(names)
    assert list(names) == [u.rsplit("/", 1)[-1] for u in (await lxd.get("/1.0/projects")).metadata]
    listed = {p.name: p for p in (await projects.GetProjects(pb.GetProjectsRequest())).projects}
    assert listed[project].description == "made by a test"
    reply = await projects.GetProject(pb.GetProjectRequest(name=project))
    assert reply.project == listed[project]
    direct = await lxd.get(f"/1.0/projects/{project}")
    # The daemon adds the feature defaults it has (features.storage.volumes, ...) to ours.
    assert dict(reply.project.config) == direct.metadata["config"]
    assert LIMITED.items() <= reply.project.config.items()
    assert reply.etag and reply.etag == direct.etag


async def test_update_replaces_the_project_and_a_stale_etag_is_aborted(
    lxd: LxdClient, projects: ProjectServiceStub, project: str
) -> None:
    etag = (await projects.GetProject(pb.GetProjectRequest(name=project))).etag
    put = project_pb2.ProjectPut(description="updated", config={"limits.containers": "5"})
    await projects.UpdateProject(pb.UpdateProjectRequest(name=project, project_put=put, etag=etag))
    got = (await lxd.get(f"/1.0/projects/{project}")).metadata
    assert (got["description"], got["config"]["limits.containers"]) == ("updated", "5")
    with pytest.raises(grpc.aio.AioRpcError) as excinfo:
        await projects.UpdateProject(
            pb.UpdateProjectRequest(name=project, project_put=put, etag=etag)
        )
    assert excinfo.value.code() == grpc.StatusCode.ABORTED
    assert error_details(excinfo.value).info.metadata["error_code"] == "412"


async def test_patch_sends_only_the_masked_fields_and_a_config_replaces_the_old(
    lxd: LxdClient, projects: ProjectServiceStub, project: str
) -> None:
    patch = project_pb2.ProjectPut(description="patched", config={"limits.containers": "7"})

    async def send(*paths: str) -> dict[str, object]:
        mask = FieldMask(paths=list(paths))
        request = pb.PatchProjectRequest(name=project, project_put=patch, update_mask=mask)
        await projects.PatchProject(request)
        return dict((await lxd.get(f"/1.0/projects/{project}")).metadata)

    got = await send("config")
    assert got["description"] == "made by a test"  # not in the mask: kept
    # The daemons replace the configuration with the one sent (LXD 5.0.2 and Incus 6.0.4 merge
    # the old keys into a copy they do not use): the feature keys they had added are gone.
    assert got["config"] == {"limits.containers": "7"}
    got = await send("description")
    assert (got["description"], got["config"]) == ("patched", {"limits.containers": "7"})


async def test_state_reports_each_resources_limit_and_usage(
    lxd: LxdClient, projects: ProjectServiceStub, project: str
) -> None:
    await lxd.request(
        "PATCH", f"/1.0/projects/{project}", json={"config": {"limits.containers": "3"}}
    )
    state = (await projects.GetProjectState(pb.GetProjectStateRequest(name=project))).state
    assert (state.resources["containers"].limit, state.resources["containers"].usage) == (3, 0)
    assert state.resources["cpu"].limit == -1  # no limit
    lxd_state = (await lxd.get(f"/1.0/projects/{project}/state")).metadata
    assert {k: (v.limit, v.usage) for k, v in state.resources.items()} == {
        k: (v["Limit"], v["Usage"]) for k, v in lxd_state["resources"].items()
    }


async def test_rename_is_an_operation_and_the_old_name_is_gone(
    projects: ProjectServiceStub, project: str, new_project: Callable[[], str]
) -> None:
    renamed = new_project()
    reply = await projects.RenameProject(
        pb.RenameProjectRequest(
            name=project, project_post=project_pb2.ProjectPost(name=renamed), wait=True
        )
    )
    assert reply.operation.status_code == STATUS_CODE_SUCCESS
    assert (await projects.GetProject(pb.GetProjectRequest(name=renamed))).project.name == renamed
    with pytest.raises(grpc.aio.AioRpcError) as excinfo:
        await projects.GetProject(pb.GetProjectRequest(name=project))
    assert excinfo.value.code() == grpc.StatusCode.NOT_FOUND


async def test_delete_removes_the_project(
    lxd: LxdClient, projects: ProjectServiceStub, project: str
) -> None:
    await projects.DeleteProject(pb.DeleteProjectRequest(name=project))
    with pytest.raises(NotFound):
        await lxd.get(f"/1.0/projects/{project}")


async def test_a_missing_project_is_not_found_with_the_daemons_message(
    projects: ProjectServiceStub,
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as excinfo:
        await projects.GetProject(pb.GetProjectRequest(name="t-pj-missing"))
    assert excinfo.value.code() == grpc.StatusCode.NOT_FOUND
    assert "not found" in (excinfo.value.details() or "").lower()
    with pytest.raises(grpc.aio.AioRpcError) as excinfo:
        await projects.GetProjectState(pb.GetProjectStateRequest(name="t-pj-missing"))
    assert excinfo.value.code() == grpc.StatusCode.NOT_FOUND


async def test_the_default_project_cannot_be_deleted_or_renamed(
    projects: ProjectServiceStub,
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as excinfo:
        await projects.DeleteProject(pb.DeleteProjectRequest(name="default"))
    assert excinfo.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert excinfo.value.details() == "The 'default' project cannot be deleted"
    rename = pb.RenameProjectRequest(
        name="default", project_post=project_pb2.ProjectPost(name="t-pj-x")
    )
    with pytest.raises(grpc.aio.AioRpcError) as excinfo:
        await projects.RenameProject(rename)
    assert excinfo.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert excinfo.value.details() == "The 'default' project cannot be renamed"


async def test_a_taken_name_is_refused_as_the_daemon_refuses_it(
    projects: ProjectServiceStub, server: ServerServiceStub, project: str
) -> None:
    post = project_pb2.ProjectsPost(name=project)
    with pytest.raises(grpc.aio.AioRpcError) as excinfo:
        await projects.CreateProject(pb.CreateProjectRequest(projects_post=post))
    # LXD 5.0 answers 409; Incus 6.0 answers 500 (its database's UNIQUE constraint).
    expected = {"lxd": grpc.StatusCode.ALREADY_EXISTS, "incus": grpc.StatusCode.INTERNAL}
    assert excinfo.value.code() == expected[await family(server)]
    assert project in (excinfo.value.details() or "")


async def test_a_container_made_in_a_project_is_listed_with_all_projects(
    containers: ContainerServiceStub, projects: ProjectServiceStub, shared_project: str
) -> None:
    project = shared_project
    name = "t-pj-ct"
    post = container_pb2.ContainersPost(
        name=name, source=container_pb2.ContainerSource(type="image", alias="busybox")
    )
    reply = await containers.CreateContainer(
        cpb.CreateContainerRequest(container=post, project=project, wait=True)
    )
    assert reply.operation.status_code == STATUS_CODE_SUCCESS

    in_project = await containers.GetContainers(cpb.GetContainersRequest(project=project))
    assert [(c.name, c.project) for c in in_project.containers] == [(name, project)]
    in_default = await containers.GetContainers(cpb.GetContainersRequest())
    assert (name, project) not in {(c.name, c.project) for c in in_default.containers}
    everywhere = await containers.GetContainers(cpb.GetContainersRequest(all_projects=True))
    assert (name, project) in {(c.name, c.project) for c in everywhere.containers}
    full = await containers.GetContainersFull(cpb.GetContainersFullRequest(all_projects=True))
    assert (name, project) in {(c.name, c.project) for c in full.containers}

    used_by = (await projects.GetProject(pb.GetProjectRequest(name=project))).project.used_by
    assert any(url.split("?")[0].endswith(f"/{name}") for url in used_by)
    # LXD refuses a project and all-projects together, with its own message.
    with pytest.raises(grpc.aio.AioRpcError) as excinfo:
        await containers.GetContainers(cpb.GetContainersRequest(project=project, all_projects=True))
    assert excinfo.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "all projects" in (excinfo.value.details() or "")
