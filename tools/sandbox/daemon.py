"""One private daemon (LXD or Incus) in a directory of its own: start, REST, configure, stop.

Stdlib only: it runs before the venv exists. A `Daemon` knows its home directory (log, pid file,
client certificate, sandbox.json), its data directory (LXD_DIR or INCUS_DIR) and its family; the
topologies (topology.py) put one or several of them together.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import fcntl
import hashlib
import http.client
import json
import os
import shutil
import signal
import socket
import ssl
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tools.sandbox.image import build_image

TIMEOUT = float(os.environ.get("LXD_SANDBOX_TIMEOUT") or 120)
# Where a daemon's storage goes when its home is under a directory others cannot traverse.
PRIVATE_DIR_STORAGE = Path("/var/lib/lxd-grpc-bridge-sandbox")
POOL = "default"
IMAGE_ALIAS = "busybox"
CERT_NAME = "lxd-grpc-bridge-sandbox"
# Loopback port 9 (discard) is closed: the daemon's outgoing HTTP fails fast and stays on the
# host. Loopback itself is exempt, so cluster traffic between members is not proxied.
NO_NETWORK_PROXY = "http://127.0.0.1:9"
NO_PROXY = "127.0.0.0/8,localhost"


class SandboxError(Exception):
    """A failure with a message meant for the person running the tool."""


def log(message: str) -> None:
    print(f"lxd-sandbox: {message}", file=sys.stderr, flush=True)


def run(cmd: list[str], timeout: float, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(cmd, timeout=timeout, text=True, check=False, **kwargs)
    except subprocess.TimeoutExpired as e:
        raise SandboxError(f"{' '.join(cmd)}: no answer after {timeout:.0f}s") from e


def dir_hash(directory: Path) -> str:
    """A stable hex name for a directory: interface names and addresses are derived from it."""
    return hashlib.sha256(str(directory).encode()).hexdigest()


@dataclasses.dataclass(frozen=True)
class Family:
    """What differs between LXD and Incus, as far as the sandbox cares."""

    name: str
    daemon: str  # the daemon binary (PATH name or absolute path)
    client: str  # the command-line client
    dir_env: str  # the variable naming the daemon's directory
    header_prefix: str  # of the image upload headers
    shutdown: tuple[str, ...]  # run with dir_env set; asks the daemon to stop
    preseed: tuple[str, ...]  # run with dir_env set; applies a preseed read from stdin
    apt_packages: tuple[str, ...]
    apt_release: str | None  # a Debian suite to install from (-t), added to apt sources if missing

    def daemon_path(self) -> str | None:
        found = shutil.which(self.daemon)
        if found is None and os.path.isabs(self.daemon) and os.access(self.daemon, os.X_OK):
            found = self.daemon
        return found

    def installed(self) -> bool:
        return (
            bool(self.daemon_path() and shutil.which(self.client)) and Path("/bin/busybox").exists()
        )


LXD = Family(
    name="lxd",
    daemon="lxd",
    client="lxc",
    dir_env="LXD_DIR",
    header_prefix="X-LXD-",
    shutdown=("lxd", "shutdown", "--timeout=60"),
    preseed=("lxd", "init", "--preseed"),
    apt_packages=("lxd", "busybox-static", "iptables"),
    apt_release=None,
)
# Debian 12 has Incus only in bookworm-backports (6.0 LTS); the daemon is not on PATH there.
INCUS = Family(
    name="incus",
    daemon="/usr/libexec/incus/incusd",
    client="incus",
    dir_env="INCUS_DIR",
    header_prefix="X-Incus-",
    shutdown=("incus", "admin", "shutdown", "--timeout=60"),
    preseed=("incus", "admin", "init", "--preseed"),
    apt_packages=("incus-base", "incus-client", "busybox-static", "iptables"),
    apt_release="bookworm-backports",
)
FAMILIES = {f.name: f for f in (LXD, INCUS)}


# --- REST over the unix socket --------------------------------------------------------------


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: Path, timeout: float) -> None:
        super().__init__("lxd", timeout=timeout)
        self._path = str(path)

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(self.timeout)
            sock.connect(self._path)
        except BaseException:
            # while the daemon starts, connect() is refused: a socket left to the garbage
            # collector is a ResourceWarning in whichever test runs then
            sock.close()
            raise
        self.sock = sock


def untraversable_ancestor(path: Path) -> Path | None:
    """The first existing directory from / down to path that others may not enter (no o+x).

    A container's root user is an unprivileged (mapped) uid, so the daemon needs every ancestor
    of its storage to be o+x; under a 0700 directory (/root, `mktemp -d`) no container starts.
    """
    for directory in [*reversed(path.parents), path]:
        try:
            mode = directory.stat().st_mode
        except FileNotFoundError:
            break
        if not mode & stat.S_IXOTH:
            return directory
    return None


def mounts_under(*directories: Path) -> list[str]:
    prefixes = tuple(f"{d}/" for d in directories)
    mounts = []
    with open("/proc/self/mountinfo") as f:
        for line in f:
            point = line.split()[4].replace("\\040", " ")
            if point.startswith(prefixes):
                mounts.append(point)
    return mounts


def address_free(address: str) -> bool:
    """True if nothing listens on host:port (a loopback address of 127.0.0.0/8)."""
    host, _, port = address.rpartition(":")
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, int(port)))
        except OSError:
            return False
    return True


def delete_interface(name: str) -> None:
    if Path(f"/sys/class/net/{name}").exists():
        run(["ip", "link", "delete", name], timeout=30, capture_output=True)


@contextlib.contextmanager
def locked(directory: Path) -> Iterator[None]:
    """Serialise ensure/stop on one sandbox directory (parallel pytest workers, make -j)."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / ".lock").open("w") as fd:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield


class Daemon:
    """One private daemon whose files live in `home` (its data in home/<family>)."""

    def __init__(self, home: Path, family: Family = LXD, cert_dir: Path | None = None) -> None:
        self.home = home
        self.family = family
        self.hash = dir_hash(home)
        self.data_dir = self._data_dir()
        self.socket = self.data_dir / "unix.socket"
        self.log_file = home / f"{family.name}.log"
        self.pid_file = home / f"{family.name}.pid"
        self.state_file = home / "sandbox.json"
        # Daemons of one topology share one client identity (cert_dir: the topology's dir).
        self.client_cert = (cert_dir or home) / "client.crt"
        self.client_key = (cert_dir or home) / "client.key"
        self.image_tarball = home / "busybox-image.tar.gz"

    # -- paths

    def _data_dir(self) -> Path:
        """home/<family>, or the storage that symlink points to (see place_storage), or where it
        will go when home is private."""
        inside = self.home / self.family.name
        if inside.is_symlink():
            return Path(os.readlink(inside))
        if untraversable_ancestor(self.home) is not None:
            return PRIVATE_DIR_STORAGE / self.hash[:16] / self.family.name
        return inside

    def place_storage(self) -> None:
        """Under a private home, put the daemon's storage where containers can start.

        The storage goes to PRIVATE_DIR_STORAGE/<hash of home>/<family> (0755 all the way down),
        and home/<family> becomes a symlink to it: status, env and stop find it there, and stop
        removes both.
        """
        inside = self.home / self.family.name
        if inside == self.data_dir:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            return
        private = untraversable_ancestor(self.home) or self.home
        if not inside.is_symlink():
            with contextlib.suppress(OSError):
                inside.rmdir()  # an empty leftover; a full one is refused below
            if inside.exists():
                raise SandboxError(
                    f"{inside} holds a daemon's storage that cannot start containers (others "
                    f"cannot enter {private}); stop that daemon and remove it, or "
                    f"`chmod o+x {private}`"
                )
        for directory in (PRIVATE_DIR_STORAGE, self.data_dir.parent, self.data_dir):
            directory.mkdir(exist_ok=True)
            directory.chmod(0o755)  # whatever the umask: others must enter it
        blocked = untraversable_ancestor(self.data_dir)
        if blocked is not None:
            raise SandboxError(
                f"others cannot enter {private} (the sandbox's parent) nor {blocked}, so the "
                f"daemon cannot start containers: `chmod o+x {private}` or put the sandbox under "
                "a directory with o+x"
            )
        if not inside.is_symlink():
            inside.symlink_to(self.data_dir)
            log(
                f"others cannot enter {private}, so the daemon's storage is {self.data_dir} "
                f"(linked from {inside}; `stop` removes it)"
            )

    def remove_placed_storage(self) -> None:
        """Undo place_storage after the daemon stopped: the storage directory and the symlink."""
        inside = self.home / self.family.name
        if not inside.is_symlink():
            return
        storage = self.data_dir.parent
        if storage.parent != PRIVATE_DIR_STORAGE:  # never delete what this tool did not place
            log(f"left {inside} -> {self.data_dir} alone: not under {PRIVATE_DIR_STORAGE}")
            return
        if mounts_under(storage):
            log(f"left {storage} in place: something is still mounted under it")
            return
        shutil.rmtree(storage, ignore_errors=True)
        inside.unlink()
        with contextlib.suppress(OSError):
            PRIVATE_DIR_STORAGE.rmdir()  # only when no other sandbox uses it

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_file.read_text(errors="replace")
        except OSError:
            return "(no daemon log)"
        return "\n".join(text.splitlines()[-lines:])

    def env(self) -> dict[str, str]:
        """The environment of the daemon and of its CLI tools: its own dir, no way off the host."""
        env = dict(os.environ)
        env[self.family.dir_env] = str(self.data_dir)
        env["LXD_CONF"] = str(self.home / "client-config")  # `lxc` never writes ~/.config/lxc
        env["INCUS_CONF"] = str(self.home / "client-config")
        for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
            env[var] = NO_NETWORK_PROXY
        for var in ("no_proxy", "NO_PROXY"):
            env[var] = NO_PROXY
        return env

    # -- REST

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> tuple[int, dict[str, Any]]:
        """One request to the daemon; returns (HTTP status, decoded envelope)."""
        conn = _UnixConnection(self.socket, timeout)
        try:
            data = raw if raw is not None else None if body is None else json.dumps(body).encode()
            hdrs = dict(headers or {})
            if raw is None and body is not None:
                hdrs["Content-Type"] = "application/json"
            conn.request(method, path, body=data, headers=hdrs)
            response = conn.getresponse()
            payload = response.read()
            return response.status, json.loads(payload) if payload else {}
        finally:
            conn.close()

    def api(self, method: str, path: str, body: Any = None, **kwargs: Any) -> Any:
        """A request that must succeed; waits for async operations. Returns the metadata."""
        status, envelope = self.request(method, path, body, **kwargs)
        if envelope.get("type") == "error" or status >= 400:
            raise SandboxError(f"{method} {path}: {status} {envelope.get('error') or envelope}")
        if envelope.get("type") == "async":
            op = envelope["operation"]
            status, done = self.request(
                "GET", f"{op}/wait?timeout={int(TIMEOUT)}", timeout=TIMEOUT + 10
            )
            meta = done.get("metadata") or {}
            if status != 200 or meta.get("status_code") != 200:
                raise SandboxError(f"{method} {path}: operation failed: {meta.get('err') or done}")
            return meta
        return envelope.get("metadata")

    def exists(self, path: str) -> bool:
        status, _ = self.request("GET", path)
        return status == 200

    def answers(self) -> bool:
        if not self.socket.exists():
            return False
        try:
            status, _ = self.request("GET", "/1.0", timeout=5)
        except (OSError, ValueError, http.client.HTTPException):
            return False
        return status == 200

    # -- process

    def read_pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None

    def is_ours(self, pid: int) -> bool:
        """True if pid is this family's daemon with this sandbox's dir (never the system's)."""
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        except OSError:
            return False
        return (
            bool(cmdline)
            and os.path.basename(cmdline[0]) == os.path.basename(self.family.daemon).encode()
            and f"{self.family.dir_env}={self.data_dir}".encode() in environ
        )

    def wait_gone(self, pid: int, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if not self.is_ours(pid):
                return True
            time.sleep(0.1)
        return not self.is_ours(pid)

    def spawn(self) -> subprocess.Popen[bytes]:
        """Starts the daemon in the background (wait_ready waits for it)."""
        if len(str(self.socket)) > 100:
            raise SandboxError(f"the sandbox path is too long for a unix socket: {self.socket}")
        pid = self.read_pid()
        if pid and self.is_ours(pid):
            raise SandboxError(
                f"{self.family.name} (pid {pid}) is running for {self.data_dir} but does not "
                f"answer on {self.socket}; run `tools/lxd-sandbox stop` first. Log tail:\n"
                f"{self.log_tail()}"
            )
        daemon = self.family.daemon_path()
        if daemon is None:
            raise SandboxError(f"{self.family.daemon} is not installed (tools/lxd-sandbox install)")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with self.log_file.open("ab") as logfile:
            logfile.write(f"--- lxd-sandbox: starting {daemon} at {time.ctime()}\n".encode())
            logfile.flush()
            proc = subprocess.Popen(
                [daemon, "--group", "root", "--verbose"],
                env=self.env(),
                cwd=self.home,
                stdin=subprocess.DEVNULL,
                stdout=logfile,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # outlives this tool and pytest; `stop` ends it
            )
        self.pid_file.write_text(f"{proc.pid}\n")
        return proc

    def wait_ready(self, proc: subprocess.Popen[bytes]) -> int:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SandboxError(
                    f"{self.family.name} exited with code {proc.returncode} during start-up. "
                    f"Log tail ({self.log_file}):\n{self.log_tail()}"
                )
            if self.answers():
                return proc.pid
            time.sleep(0.1)
        raise SandboxError(
            f"{self.family.name} (pid {proc.pid}) did not answer on {self.socket} within "
            f"{TIMEOUT:.0f}s (LXD_SANDBOX_TIMEOUT). Log tail ({self.log_file}):\n{self.log_tail()}"
        )

    def start(self) -> int:
        return self.wait_ready(self.spawn())

    def stop_instances(self) -> None:
        """Force-stop running instances so shutdown is quick and nothing autostarts next time."""
        instances = self.api("GET", "/1.0/instances?recursion=1") or []
        ops = []
        for inst in instances:
            if inst["status"] != "Stopped":
                path = f"/1.0/instances/{inst['name']}/state"
                if inst.get("location") and inst["location"] != "none":
                    path += f"?target={inst['location']}"
                body = {"action": "stop", "force": True, "timeout": -1}
                _, envelope = self.request("PUT", path, body)
                if envelope.get("type") == "async":
                    ops.append(envelope["operation"])
        for op in ops:
            self.request("GET", f"{op}/wait?timeout=30", timeout=40)

    def shutdown(self, *, stop_instances: bool = True) -> None:
        """Stops the daemon: instances force-stopped first, then a clean shutdown, then signals."""
        pid = self.read_pid()
        if self.answers():
            if stop_instances:
                with contextlib.suppress(SandboxError, OSError, http.client.HTTPException):
                    self.stop_instances()
            with contextlib.suppress(SandboxError):
                run(list(self.family.shutdown), timeout=90, env=self.env(), capture_output=True)
        if pid and not self.wait_gone(pid, 30):
            log(f"{self.family.name} (pid {pid}) did not exit after shutdown; sending SIGTERM")
            os.kill(pid, signal.SIGTERM)
            if not self.wait_gone(pid, 15):
                log(f"{self.family.name} (pid {pid}) ignored SIGTERM; sending SIGKILL")
                os.kill(pid, signal.SIGKILL)
                self.wait_gone(pid, 10)

    def unmount_all(self) -> None:
        for point in sorted(mounts_under(self.home, self.data_dir), key=len, reverse=True):
            result = run(["umount", "-l", point], timeout=30, capture_output=True)
            if result.returncode != 0:
                log(f"could not unmount {point}: {result.stderr.strip()}")

    # -- configuration (idempotent)

    def ensure_pool(self) -> None:
        if not self.exists(f"/1.0/storage-pools/{POOL}"):
            self.api("POST", "/1.0/storage-pools", {"name": POOL, "driver": "dir", "config": {}})

    def ensure_bridge(self, name: str) -> None:
        """A managed bridge without addresses: no DHCP, no NAT, nothing routed off the host."""
        config = {"ipv4.address": "none", "ipv6.address": "none"}
        status, current = self.request("GET", f"/1.0/networks/{name}")
        if status == 404:
            body = {"name": name, "type": "bridge", "config": config}
            body["description"] = f"lxd-grpc-bridge sandbox {self.home}"
            self.api("POST", "/1.0/networks", body)
        elif any(current["metadata"]["config"].get(k) != v for k, v in config.items()):
            self.api("PATCH", f"/1.0/networks/{name}", {"config": config})

    def ensure_profile(self, network: str, config: dict[str, str] | None = None) -> None:
        devices = {
            "root": {"type": "disk", "path": "/", "pool": POOL},
            "eth0": {"type": "nic", "name": "eth0", "network": network},
        }
        profile = self.api("GET", "/1.0/profiles/default")
        wanted = {**profile["config"], **(config or {})}
        if profile["devices"] != devices or profile["config"] != wanted:
            body = {"config": wanted, "description": profile["description"]}
            self.api("PUT", "/1.0/profiles/default", {**body, "devices": devices})

    def ensure_image(self) -> str:
        status, alias = self.request("GET", f"/1.0/images/aliases/{IMAGE_ALIAS}")
        if status == 200 and self.exists(f"/1.0/images/{alias['metadata']['target']}"):
            return str(alias["metadata"]["target"])
        if not self.image_tarball.exists():
            self.image_tarball.write_bytes(build_image())
        tarball = self.image_tarball.read_bytes()
        fingerprint = hashlib.sha256(tarball).hexdigest()
        if not self.exists(f"/1.0/images/{fingerprint}"):
            prefix = self.family.header_prefix
            headers = {
                "Content-Type": "application/octet-stream",
                f"{prefix}filename": self.image_tarball.name,
                f"{prefix}public": "0",
            }
            self.api("POST", "/1.0/images", raw=tarball, headers=headers, timeout=TIMEOUT)
        entry = {"target": fingerprint, "description": "BusyBox from the host (lxd-sandbox)"}
        if status == 200:
            self.api("PUT", f"/1.0/images/aliases/{IMAGE_ALIAS}", entry)
        else:
            self.api("POST", "/1.0/images/aliases", {"name": IMAGE_ALIAS, **entry})
        return fingerprint

    def ensure_client_cert(self) -> str:
        if not (self.client_cert.exists() and self.client_key.exists()):
            cmd = ["openssl", "req", "-x509", "-newkey", "ec"]
            cmd += ["-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "3650"]
            cmd += ["-subj", f"/CN={CERT_NAME}", "-addext", "extendedKeyUsage=clientAuth"]
            cmd += ["-keyout", str(self.client_key), "-out", str(self.client_cert)]
            result = run(cmd, timeout=60, capture_output=True)
            if result.returncode != 0:
                raise SandboxError(f"openssl could not make a client certificate:\n{result.stderr}")
            self.client_key.chmod(0o600)
        der = ssl.PEM_cert_to_DER_cert(self.client_cert.read_text())
        fingerprint = hashlib.sha256(der).hexdigest()
        if not self.exists(f"/1.0/certificates/{fingerprint}"):
            body = {"type": "client", "name": CERT_NAME}
            body["certificate"] = base64.b64encode(der).decode()
            self.api("POST", "/1.0/certificates", body)
        return fingerprint

    def https_trusted(self, address: str) -> bool:
        """True if GET /1.0 over HTTPS with the client certificate says auth=trusted."""
        host, _, port = address.rpartition(":")
        context = ssl.create_default_context(cafile=str(self.server_cert()))
        context.check_hostname = False  # cluster members present the cluster's certificate
        context.load_cert_chain(str(self.client_cert), str(self.client_key))
        conn = http.client.HTTPSConnection(host, int(port), context=context, timeout=5)
        try:
            conn.request("GET", "/1.0")
            response = conn.getresponse()
            meta = json.loads(response.read()).get("metadata") or {}
            return response.status == 200 and meta.get("auth") == "trusted"
        except (OSError, ValueError, http.client.HTTPException):
            return False
        finally:
            conn.close()

    def ensure_https(self, fixed: str | None = None) -> str:
        """HTTPS with the client certificate trusted: on `fixed`, or on 127.0.0.1:<free port>."""
        address = self.api("GET", "/1.0")["config"].get("core.https_address", "")
        for _ in range(3):
            if address and (fixed is None or address == fixed):
                deadline = time.monotonic() + 1.5
                while time.monotonic() < deadline:
                    if self.https_trusted(address):
                        return str(address)
                    time.sleep(0.1)
            if fixed is not None:
                if address == fixed:
                    break  # set, and still not trusted: retrying will not help
                address = fixed
            else:
                # Unset, or the port was taken by someone else while the daemon was down.
                address = f"127.0.0.1:{free_port()}"
            self.api("PATCH", "/1.0", {"config": {"core.https_address": address}})
        raise SandboxError(f"HTTPS on {address} does not accept the client certificate")

    def server_cert(self) -> Path:
        """The certificate its HTTPS endpoint presents: a cluster member's is the cluster's."""
        cluster = self.data_dir / "cluster.crt"
        return cluster if cluster.exists() else self.data_dir / "server.crt"

    def read_state(self) -> dict[str, Any] | None:
        try:
            return dict(json.loads(self.state_file.read_text()))
        except (OSError, ValueError):
            return None

    def describe(
        self, *, address: str, network: str, image: str, cert: str, pid: int | None
    ) -> dict[str, Any]:
        """The fields of sandbox.json: everything a client needs to reach this daemon."""
        server = self.api("GET", "/1.0")
        return {
            "family": self.family.name,
            "sandbox_dir": str(self.home),
            "lxd_dir": str(self.data_dir),
            "socket": str(self.socket),
            "https_address": address,
            "https_url": f"https://{address}",
            "server_cert": str(self.server_cert()),
            "client_cert": str(self.client_cert),
            "client_key": str(self.client_key),
            "client_cert_fingerprint": cert,
            "storage_pool": POOL,
            "network": network,
            "image_alias": IMAGE_ALIAS,
            "image_fingerprint": image,
            "lxd_version": server["environment"]["server_version"],
            "api_extensions": len(server["api_extensions"]),
            "pid": pid,
            "log": str(self.log_file),
        }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_json(path: Path, data: Any) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n")
    tmp.replace(path)
