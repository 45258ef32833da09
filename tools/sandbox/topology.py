"""The sandboxes: one daemon (LXD or Incus), an LXD cluster, or independent LXD servers.

Each lives in a directory of its own and writes sandbox.json there. The single LXD is
$SANDBOX_DIR (build/sandbox); the others are its siblings, so stopping one never unmounts
another's mounts: <SANDBOX_DIR>-incus, -cluster, -incus-cluster and -servers.

Every daemon but the single LXD (which keeps 127.0.0.1:<free port>, as before) listens on a
loopback address of its own, derived from its sandbox directory: 127.<a>.<b>.<2..>:8443, so two
checkouts on one host never collide. Interface names are derived the same way.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from tools.sandbox.daemon import (
    LXD,
    POOL,
    Daemon,
    Family,
    SandboxError,
    address_free,
    delete_interface,
    dir_hash,
    locked,
    log,
    mounts_under,
    run,
    write_json,
)
from tools.sandbox.install import install_if_missing

REPO = Path(__file__).resolve().parent.parent.parent
HTTPS_PORT = 8443
# busybox's init ignores a clean shutdown (SIGPWR): without this every clean stop, evacuation or
# stateless move waits 30 s for it (cluster-on-one-host.md, gotcha 6).
INSTANCE_DEFAULTS = {"boot.host_shutdown_timeout": "1"}
MACVLAN = "sbmv"  # the cluster's network: one host bridge per member as its parent


def sandbox_dir() -> Path:
    return Path(os.environ.get("SANDBOX_DIR") or REPO / "build" / "sandbox").absolute()


def sibling_dir(kind: str) -> Path:
    base = sandbox_dir()
    return base.parent / f"{base.name}-{kind}"


def loopback_address(directory: Path, index: int) -> str:
    """127.<a>.<b>.<index + 1>:8443 with a, b from the directory: its own address per daemon."""
    digest = dir_hash(directory)
    a = 1 + int(digest[0:2], 16) % 254  # never 127.0.x.x, where the system's services live
    b = int(digest[2:4], 16)
    return f"127.{a}.{b}.{index + 1}:{HTTPS_PORT}"


def _print_state(state: dict[str, Any], started_at: float, cold: bool, what: str) -> None:
    print(json.dumps(state, indent=2))
    kind = "cold start" if cold else "already running"
    log(f"ready in {time.monotonic() - started_at:.2f}s ({kind}): {what}")


def _status(state: dict[str, Any] | None, running: bool, directory: Path) -> int:
    if state:
        print(json.dumps(state, indent=2))
    print(f"lxd-sandbox: {'running' if running else 'not running'} ({directory})")
    return 0 if running else 1


class Single:
    """One daemon: the LXD sandbox of old ($SANDBOX_DIR), or an Incus one beside it."""

    def __init__(self, family: Family = LXD, home: Path | None = None) -> None:
        self.family = family
        self.home = home or (sandbox_dir() if family is LXD else sibling_dir(family.name))
        self.daemon = Daemon(self.home, family)
        prefix = "lxdt" if family is LXD else "inct"
        # Interface names are at most 15 bytes and global to the host: derive one from the dir.
        self.network = prefix + self.daemon.hash[:10]
        self.address = None if family is LXD else loopback_address(self.home, 1)

    def ensure(self) -> int:
        started_at = time.monotonic()
        d = self.daemon
        with locked(self.home):
            install_if_missing(self.family)
            cold = not d.answers()
            if cold:
                if self.address and not address_free(self.address):
                    raise SandboxError(f"{self.address} is taken by another process")
                d.place_storage()
            pid = d.start() if cold else d.read_pid()
            d.ensure_pool()
            d.ensure_bridge(self.network)
            d.ensure_profile(self.network)
            image = d.ensure_image()
            cert = d.ensure_client_cert()
            address = d.ensure_https(self.address)
            state = d.describe(
                address=address, network=self.network, image=image, cert=cert, pid=pid
            )
            state["startup_seconds"] = round(time.monotonic() - started_at, 3)
            if not cold:
                previous = d.read_state() or {}
                state["startup_seconds"] = previous.get("startup_seconds", state["startup_seconds"])
            write_json(d.state_file, state)
        _print_state(
            state, started_at, cold, f"{self.family.name} {state['lxd_version']} at {d.socket}"
        )
        return 0

    def stop(self) -> int:
        started_at = time.monotonic()
        if not self.home.exists():
            log(f"nothing to stop: {self.home} does not exist")
            return 0
        d = self.daemon
        with locked(self.home):
            d.shutdown()
            delete_interface(self.network)
            d.unmount_all()
            d.remove_placed_storage()
            for path in (d.state_file, d.pid_file):
                path.unlink(missing_ok=True)
        log(f"stopped in {time.monotonic() - started_at:.2f}s ({self.home})")
        return 0

    def status(self) -> int:
        return _status(self.daemon.read_state(), self.daemon.answers(), self.home)

    def env(self) -> int:
        d = self.daemon
        if self.family is LXD:
            print(f"export SANDBOX_DIR={self.home}")
        print(f"export {self.family.dir_env}={d.data_dir}")
        print(f"export {self.family.name.upper()}_SOCKET={d.socket}")
        return 0


class Group:
    """Several LXD daemons in one directory: a cluster of them, or independent servers."""

    kind = ""
    member_prefix = ""

    def __init__(self, size: int, family: Family = LXD, home: Path | None = None) -> None:
        self.family = family
        kind = self.kind if family is LXD else f"{family.name}-{self.kind}"
        self.home = home or sibling_dir(kind)
        recorded = self._recorded_size()
        self.size = size or recorded or 0
        self.daemons = self._make_daemons(max(self.size, recorded))
        self.hash = dir_hash(self.home)
        self.state_file = self.home / "sandbox.json"

    def name(self, index: int) -> str:
        return f"{self.member_prefix}{index}"

    def _make_daemons(self, count: int) -> list[Daemon]:
        return [
            Daemon(self.home / self.name(i), self.family, cert_dir=self.home)
            for i in range(1, count + 1)
        ]

    def address(self, index: int) -> str:
        return loopback_address(self.home, index)

    def _recorded_size(self) -> int:
        """How many members the last ensure made (stop needs it without being told)."""
        count = 0
        while (self.home / self.name(count + 1)).is_dir():
            count += 1
        return count

    def read_state(self) -> dict[str, Any] | None:
        try:
            return dict(json.loads(self.state_file.read_text()))
        except (OSError, ValueError):
            return None

    def _spawn_all(self, daemons: list[Daemon]) -> list[int]:
        """Starts the daemons side by side, then waits for each (about 0.7 s for three)."""
        for i, d in enumerate(daemons, 1):
            d.home.mkdir(parents=True, exist_ok=True)
            d.home.chmod(0o755)
            address = self.address(i)
            if not address_free(address):
                raise SandboxError(f"{address} ({d.home.name}) is taken by another process")
            d.place_storage()
        procs = [d.spawn() for d in daemons]
        return [d.wait_ready(p) for d, p in zip(daemons, procs, strict=True)]

    def status(self) -> int:
        running = bool(self.daemons) and all(d.answers() for d in self.daemons)
        return _status(self.read_state(), running, self.home)

    def env(self) -> int:
        for i, d in enumerate(self.daemons, 1):
            prefix = "" if i == 1 else "# "
            print(f"{prefix}export {self.family.dir_env}={d.data_dir}  # {self.name(i)}")
        return 0

    def _stop_daemons(self) -> None:
        raise NotImplementedError

    def stop(self) -> int:
        started_at = time.monotonic()
        if not self.home.exists():
            log(f"nothing to stop: {self.home} does not exist")
            return 0
        with locked(self.home):
            self._stop_daemons()
            self.state_file.unlink(missing_ok=True)
        log(f"stopped in {time.monotonic() - started_at:.2f}s ({self.home})")
        return 0


class Cluster(Group):
    """An N-member LXD cluster: members m1..mN, on 127.a.b.2.. :8443.

    A managed bridge cannot span members on one host (its interface name is global), so the
    instances' network is a managed macvlan whose parent on each member is a host bridge of its
    own (cluster-on-one-host.md). The cluster is rebuilt from scratch by each cold ensure (about
    2.5 s) and wiped by stop: members must start together and nothing in it is worth keeping.
    """

    kind = "cluster"
    member_prefix = "m"

    def host_bridge(self, index: int) -> str:
        return f"sbc{self.hash[:10]}{index}"

    def _formed(self) -> bool:
        if not self.daemons or len(self.daemons) != self.size or self.read_state() is None:
            return False
        if not all(d.answers() for d in self.daemons):
            return False
        members = self.daemons[0].api("GET", "/1.0/cluster/members?recursion=1") or []
        return len(members) == self.size and all(m["status"] == "Online" for m in members)

    def _host_bridges(self) -> None:
        for i in range(1, self.size + 1):
            name = self.host_bridge(i)
            if not Path(f"/sys/class/net/{name}").exists():
                result = run(["ip", "link", "add", name, "type", "bridge"], 30, capture_output=True)
                if result.returncode != 0:
                    raise SandboxError(f"ip link add {name} type bridge: {result.stderr.strip()}")
            # No addresses at all, not even an IPv6 link-local one: nothing to send, anywhere.
            with contextlib.suppress(OSError):
                Path(f"/proc/sys/net/ipv6/conf/{name}/disable_ipv6").write_text("1\n")
            run(["ip", "link", "set", name, "up"], 30, capture_output=True)

    def _preseed(self, d: Daemon, preseed: dict[str, Any]) -> None:
        # JSON is YAML: `lxd init --preseed` reads it as is.
        result = run(
            list(self.family.preseed),
            60,
            input=json.dumps(preseed),
            env=d.env(),
            capture_output=True,
        )
        if result.returncode != 0:
            raise SandboxError(
                f"{' '.join(self.family.preseed)} on {d.home.name}: {result.stderr.strip()}\n"
                f"{d.log_tail()}"
            )

    def _bootstrap(self) -> None:
        first = self.daemons[0]
        self._preseed(
            first,
            {
                "config": {"core.https_address": self.address(1)},
                "cluster": {"enabled": True, "server_name": self.name(1)},
                "storage_pools": [{"name": POOL, "driver": "dir"}],
                "networks": [
                    {"name": MACVLAN, "type": "macvlan", "config": {"parent": self.host_bridge(1)}}
                ],
                "profiles": [
                    {
                        "name": "default",
                        "config": INSTANCE_DEFAULTS,
                        "devices": {
                            "root": {"type": "disk", "path": "/", "pool": POOL},
                            "eth0": {"type": "nic", "name": "eth0", "network": MACVLAN},
                        },
                    }
                ],
            },
        )

    def _member_config(self, index: int) -> list[dict[str, str]]:
        """What a joining member must say about itself: every key the cluster asks for.

        LXD accepts a join without them and the member then fails at its first instance
        (cluster-on-one-host.md, gotcha 2), so an unknown key is an error here.
        """
        wanted = self.daemons[0].api("GET", "/1.0/cluster")["member_config"] or []
        values = {
            ("storage-pool", POOL, "source"): "",
            ("network", MACVLAN, "parent"): self.host_bridge(index),
        }
        config = []
        for item in wanted:
            key = (item["entity"], item["name"], item["key"])
            if key not in values:
                raise SandboxError(f"joining the cluster needs {key}, which the sandbox lacks")
            entity, name, config_key = key
            config.append({"entity": entity, "name": name, "key": config_key, "value": values[key]})
        return config

    def _join(self, index: int) -> None:
        first, member = self.daemons[0], self.daemons[index - 1]
        name = self.name(index)
        # The token's operation stays running until the join uses it: read it, never wait.
        status, envelope = first.request("POST", "/1.0/cluster/members", {"server_name": name})
        if status != 202:
            raise SandboxError(f"POST /1.0/cluster/members ({name}): {status} {envelope}")
        token = _join_token(envelope["metadata"]["metadata"])
        self._preseed(
            member,
            {
                "cluster": {
                    "enabled": True,
                    "server_name": name,
                    "server_address": self.address(index),
                    "cluster_address": self.address(1),
                    "cluster_token": token,
                    "member_config": self._member_config(index),
                }
            },
        )

    def ensure(self) -> int:
        started_at = time.monotonic()
        if self.size < 1:
            raise SandboxError("a cluster needs at least one member: `cluster N`, N >= 1")
        with locked(self.home):
            install_if_missing(self.family)
            if self._formed():
                state = self.read_state() or {}
                what = f"{self.size}-member {self.family.name} cluster"
                _print_state(state, started_at, False, what)
                return 0
            self._stop_daemons()  # whatever a previous, different or broken run left
            self.daemons = self._make_daemons(self.size)
            self._host_bridges()
            pids = self._spawn_all(self.daemons)
            self._bootstrap()
            for i in range(2, self.size + 1):
                self._join(i)
            first = self.daemons[0]
            image = first.ensure_image()
            cert = first.ensure_client_cert()
            members = []
            for i, (d, pid) in enumerate(zip(self.daemons, pids, strict=True), 1):
                address = d.ensure_https(self.address(i))
                info = d.describe(address=address, network=MACVLAN, image=image, cert=cert, pid=pid)
                members.append({"name": self.name(i), **info})
            state = {
                "kind": "cluster",
                "family": self.family.name,
                "sandbox_dir": str(self.home),
                "members": members,
                "host_bridges": [self.host_bridge(i) for i in range(1, self.size + 1)],
                "startup_seconds": round(time.monotonic() - started_at, 3),
            }
            write_json(self.state_file, state)
        what = f"{self.size}-member {self.family.name} cluster in {self.home}"
        _print_state(state, started_at, True, what)
        return 0

    def _stop_daemons(self) -> None:
        if self.daemons and self.daemons[0].answers():
            with contextlib.suppress(SandboxError, OSError):
                self.daemons[0].stop_instances()  # the whole cluster's, from one member
        # The first member last: it holds the leadership longest (about 4 s to give it up).
        for d in reversed(self.daemons):
            d.shutdown(stop_instances=False)
        for i in range(1, len(self.daemons) + 1):
            delete_interface(self.host_bridge(i))
        for d in self.daemons:
            d.unmount_all()
            d.remove_placed_storage()
            d.pid_file.unlink(missing_ok=True)
            if mounts_under(d.data_dir):
                log(f"left {d.data_dir} in place: something is still mounted under it")
            elif not d.data_dir.is_symlink():
                shutil.rmtree(d.data_dir, ignore_errors=True)  # the log stays beside it


def _join_token(metadata: dict[str, Any]) -> str:
    """The join token `lxc cluster add` prints: base64 of the operation's join metadata."""
    token = {
        "server_name": metadata["serverName"],
        "fingerprint": metadata["fingerprint"],
        "addresses": metadata["addresses"],
        "secret": metadata["secret"],
        "expires_at": metadata.get("expiresAt", "0001-01-01T00:00:00Z"),
    }
    return base64.b64encode(json.dumps(token).encode()).decode()


class Servers(Group):
    """N independent LXD servers s1..sN, each like the single sandbox, on 127.a.b.2.. :8443.

    One client certificate is trusted by all of them, so one client can copy between them.
    """

    kind = "servers"
    member_prefix = "s"

    def network(self, index: int) -> str:
        return f"sbs{self.hash[:10]}{index}"

    def ensure(self) -> int:
        started_at = time.monotonic()
        if self.size < 1:
            raise SandboxError("servers N needs N >= 1")
        with locked(self.home):
            install_if_missing(self.family)
            self.daemons = self.daemons[: self.size]
            cold = [d for d in self.daemons if not d.answers()]
            started = dict(zip(cold, self._spawn_all(cold), strict=True)) if cold else {}
            servers = []
            for i, d in enumerate(self.daemons, 1):
                d.ensure_pool()
                d.ensure_bridge(self.network(i))
                d.ensure_profile(self.network(i), INSTANCE_DEFAULTS)
                image = d.ensure_image()
                cert = d.ensure_client_cert()
                address = d.ensure_https(self.address(i))
                pid = started.get(d) or d.read_pid()
                info = d.describe(
                    address=address, network=self.network(i), image=image, cert=cert, pid=pid
                )
                servers.append({"name": self.name(i), **info})
            previous = self.read_state() or {}
            elapsed = round(time.monotonic() - started_at, 3)
            state = {
                "kind": "servers",
                "sandbox_dir": str(self.home),
                "servers": servers,
                "startup_seconds": elapsed if cold else previous.get("startup_seconds", elapsed),
            }
            write_json(self.state_file, state)
        _print_state(state, started_at, bool(cold), f"{self.size} LXD servers in {self.home}")
        return 0

    def _stop_daemons(self) -> None:
        for i, d in enumerate(self.daemons, 1):
            d.shutdown()
            delete_interface(self.network(i))
            d.unmount_all()
            d.remove_placed_storage()
            for path in (d.state_file, d.pid_file):
                path.unlink(missing_ok=True)
