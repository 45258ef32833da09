"""bridge.objects behaves like the Go helpers of LXD's shared/api (LXD 3.4).

Each case is named for what it proves; the Go code it mirrors is quoted in the docstrings of
bridge/objects.py.
"""

from __future__ import annotations

import pytest
from google.protobuf.message import Message
from google.protobuf.struct_pb2 import Struct
from google.protobuf.timestamp_pb2 import Timestamp

from bridge.objects import is_active, is_final, status_name, writable
from lxd.api.v1 import (
    certificate_pb2,
    container_full_pb2,
    container_pb2,
    image_pb2,
    network_pb2,
    options_pb2,
    profile_pb2,
    server_pb2,
    status_code_pb2,
    storage_pool_pb2,
    storage_pool_volume_pb2,
)

SC = status_code_pb2
T0 = Timestamp(seconds=1_535_000_000, nanos=5)


def _server_config() -> Struct:
    config = Struct()
    config.update({"core.https_address": ":8443", "core.trust_password": True})
    return config


# (object, the Put message Go's Writable() returns for it)
WRITABLE_CASES: dict[str, tuple[Message, Message]] = {
    "container_keeps_put_fields_and_their_empty_keys_only": (
        container_pb2.Container(
            architecture="x86_64",
            config={"limits.cpu": "2"},
            devices={"eth0": options_pb2.Device(values={"type": "nic"})},
            ephemeral=True,
            profiles=[],
            restore="snap0",
            stateful=True,
            description="web",
            created_at=T0,
            expanded_config={},
            name="c1",
            status="Running",
            status_code=SC.STATUS_CODE_RUNNING,
            location="none",
            empty_keys=["profiles", "expanded_config"],
        ),
        container_pb2.ContainerPut(
            architecture="x86_64",
            config={"limits.cpu": "2"},
            devices={"eth0": options_pb2.Device(values={"type": "nic"})},
            ephemeral=True,
            restore="snap0",
            stateful=True,
            description="web",
            empty_keys=["profiles"],
        ),
    ),
    "certificate_keeps_the_certificate_lxd_4_21_made_modifiable": (
        certificate_pb2.Certificate(
            name="ci", type="client", certificate="PEM", fingerprint="ab12", restricted=True
        ),
        certificate_pb2.CertificatePut(
            name="ci", type="client", certificate="PEM", restricted=True
        ),
    ),
    "image_drops_read_only_fields_and_keeps_unset_times_unset": (
        image_pb2.Image(
            auto_update=True,
            properties={"os": "ubuntu"},
            public=True,
            fingerprint="06b8",
            size=123,
            uploaded_at=T0,
            profiles=["default"],
            empty_keys=["aliases", "properties"],
        ),
        image_pb2.ImagePut(
            auto_update=True,
            properties={"os": "ubuntu"},
            public=True,
            profiles=["default"],
            empty_keys=["properties"],
        ),
    ),
    "image_copies_a_set_expiry_time": (
        image_pb2.Image(expires_at=T0, cached=True),
        image_pb2.ImagePut(expires_at=T0),
    ),
    "network_keeps_config_and_description": (
        network_pb2.Network(
            config={"ipv4.nat": "true"},
            description="br",
            name="lxdbr0",
            managed=True,
            used_by=[],
            empty_keys=["used_by", "config"],
        ),
        network_pb2.NetworkPut(
            config={"ipv4.nat": "true"}, description="br", empty_keys=["config"]
        ),
    ),
    "profile_keeps_config_description_and_devices": (
        profile_pb2.Profile(
            config={"limits.memory": "1GiB"},
            description="small",
            devices={"root": options_pb2.Device(values={"type": "disk", "path": "/"})},
            name="default",
            used_by=["/1.0/containers/c1"],
        ),
        profile_pb2.ProfilePut(
            config={"limits.memory": "1GiB"},
            description="small",
            devices={"root": options_pb2.Device(values={"type": "disk", "path": "/"})},
        ),
    ),
    "server_keeps_only_config_including_hidden_true_values": (
        server_pb2.Server(
            config=_server_config(),
            api_extensions=["etag"],
            auth="trusted",
            environment=server_pb2.ServerEnvironment(server_version="3.4"),
            empty_keys=["auth_methods"],
        ),
        server_pb2.ServerPut(config=_server_config()),
    ),
    "server_with_config_null_gives_config_null": (
        server_pb2.Server(api_version="1.0"),
        server_pb2.ServerPut(),
    ),
    "storage_pool_keeps_config_and_description": (
        storage_pool_pb2.StoragePool(
            config={"size": "10GB"}, description="d", name="default", driver="zfs"
        ),
        storage_pool_pb2.StoragePoolPut(config={"size": "10GB"}, description="d"),
    ),
    "storage_volume_keeps_config_description_and_restore": (
        storage_pool_volume_pb2.StorageVolume(
            config={"size": "1GB"},
            description="v",
            restore="snap1",
            name="vol",
            type="custom",
            location="none",
        ),
        storage_pool_volume_pb2.StorageVolumePut(
            config={"size": "1GB"}, description="v", restore="snap1"
        ),
    ),
}


@pytest.mark.parametrize(("obj", "expected"), WRITABLE_CASES.values(), ids=WRITABLE_CASES.keys())
def test_writable_returns_the_put_part(obj: Message, expected: Message) -> None:
    put = writable(obj)
    assert type(put) is type(expected)
    assert put == expected
    assert [f.name for f, _ in put.ListFields()] == [f.name for f, _ in expected.ListFields()]


def test_writable_returns_a_copy_not_a_view() -> None:
    container = container_pb2.Container(config={"a": "1"}, profiles=["default"])
    put = writable(container)
    assert isinstance(put, container_pb2.ContainerPut)
    put.config["a"] = "2"
    put.profiles.append("extra")
    assert container.config["a"] == "1"
    assert list(container.profiles) == ["default"]


NOT_WRITABLE = {
    "a_put_message_itself": container_pb2.ContainerPut(),
    "a_create_request_that_embeds_a_put": certificate_pb2.CertificatesPost(),
    "container_full_whose_writable_the_seed_does_not_list": container_full_pb2.ContainerFull(),
    "a_message_that_embeds_nothing": container_pb2.ContainerSource(),
    "a_well_known_type": Timestamp(),
}


@pytest.mark.parametrize("obj", NOT_WRITABLE.values(), ids=NOT_WRITABLE.keys())
def test_writable_rejects_objects_without_writable(obj: Message) -> None:
    with pytest.raises(TypeError, match="no Writable"):
        writable(obj)


# (status code, Go's Container.IsActive())
IS_ACTIVE_CASES = {
    "stopped_is_inactive": (SC.STATUS_CODE_STOPPED, False),
    "error_is_inactive": (SC.STATUS_CODE_ERROR, False),
    "running_is_active": (SC.STATUS_CODE_RUNNING, True),
    "frozen_is_active": (SC.STATUS_CODE_FROZEN, True),
    "starting_is_active": (SC.STATUS_CODE_STARTING, True),
    "stopping_is_active": (SC.STATUS_CODE_STOPPING, True),
    "unknown_liblxc_state_0_is_active_as_in_go": (SC.STATUS_CODE_UNSPECIFIED, True),
    "a_code_the_enum_does_not_list_is_active": (999, True),
}


@pytest.mark.parametrize(("code", "active"), IS_ACTIVE_CASES.values(), ids=IS_ACTIVE_CASES.keys())
def test_is_active_follows_go(code: int, active: bool) -> None:
    assert is_active(container_pb2.Container(status_code=code)) is active  # type: ignore[arg-type]
    full = container_full_pb2.ContainerFull(status_code=code)  # type: ignore[arg-type]
    assert is_active(full) is active


# (status code, Go's StatusCode.IsFinal())
IS_FINAL_CASES = {
    "operation_created_is_not_final": (100, False),
    "running_is_not_final": (103, False),
    "error_112_is_not_final": (112, False),
    "199_is_not_final": (199, False),
    "success_is_final": (200, True),
    "failure_is_final": (400, True),
    "cancelled_is_final": (401, True),
    "unset_0_is_not_final": (0, False),
    "unknown_high_code_is_final": (1000, True),
}


@pytest.mark.parametrize(("code", "final"), IS_FINAL_CASES.values(), ids=IS_FINAL_CASES.keys())
def test_is_final_means_200_or_more(code: int, final: bool) -> None:
    assert is_final(code) is final


# (status code, Go's StatusCode.String(), lxc/lxd lxd-3.4 shared/api/status_code.go)
STATUS_NAME_CASES = {
    "operation_created": (100, "Operation created"),
    "started": (101, "Started"),
    "stopped": (102, "Stopped"),
    "running": (103, "Running"),
    "cancelling": (104, "Cancelling"),
    "pending": (105, "Pending"),
    "starting": (106, "Starting"),
    "stopping": (107, "Stopping"),
    "aborting": (108, "Aborting"),
    "freezing": (109, "Freezing"),
    "frozen": (110, "Frozen"),
    "thawed": (111, "Thawed"),
    "error": (112, "Error"),
    "success": (200, "Success"),
    "failure": (400, "Failure"),
    "cancelled": (401, "Cancelled"),
    "unset_0_is_empty": (0, ""),
    "unknown_code_is_empty": (999, ""),
    "negative_code_is_empty": (-1, ""),
}


@pytest.mark.parametrize(("code", "name"), STATUS_NAME_CASES.values(), ids=STATUS_NAME_CASES.keys())
def test_status_name_is_gos_string(code: int, name: str) -> None:
    assert status_name(code) == name
