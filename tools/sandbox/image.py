"""The sandbox's busybox image: a unified LXD/Incus image tarball built from the host's busybox."""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import tarfile
from pathlib import Path


def _busybox_version() -> str:
    out = subprocess.run(
        ["/bin/busybox"], timeout=10, capture_output=True, text=True, check=False
    ).stdout
    first = out.splitlines()[0] if out else ""
    return first.split()[1].lstrip("v") if first.startswith("BusyBox ") else "unknown"


def build_image() -> bytes:
    """A unified image tarball: metadata.yaml, templates/, rootfs/ (busybox and its applets).

    Deterministic (fixed times, owners and order), so one busybox binary gives one fingerprint.
    """
    busybox = Path("/bin/busybox")
    epoch = int(busybox.stat().st_mtime)
    version = _busybox_version()
    applets = subprocess.run(
        [str(busybox), "--list-full"], timeout=10, capture_output=True, text=True, check=False
    ).stdout.split()
    metadata = (
        f"architecture: {os.uname().machine}\n"
        f"creation_date: {epoch}\n"
        "properties:\n"
        f"  description: BusyBox {version} (lxd-grpc-bridge sandbox)\n"
        "  os: busybox\n"
        f'  release: "{version}"\n'
        "templates:\n"
        "  /etc/hostname:\n"
        "    when:\n"
        "    - create\n"
        "    - copy\n"
        "    template: hostname.tpl\n"
        "    properties: {}\n"
    )
    etc = {
        "passwd": "root:x:0:0:root:/root:/bin/sh\n",
        "group": "root:x:0:\n",
        "hostname": "busybox\n",
        "hosts": "127.0.0.1 localhost\n::1 localhost\n",
        # busybox init: no gettys; it just reaps and handles the stop signals.
        "inittab": "::sysinit:/bin/hostname -F /etc/hostname\n::shutdown:/bin/sync\n",
        "profile": "export PATH=/usr/sbin:/usr/bin:/sbin:/bin\n",
    }
    dirs = ["bin", "sbin", "usr", "usr/bin", "usr/sbin", "etc", "root", "tmp", "proc", "sys"]
    dirs += ["dev", "run", "var", "var/log", "mnt"]
    links = sorted({a for a in applets if a != "bin/busybox"} | {"sbin/init"})

    buf = io.BytesIO()
    with (
        gzip.GzipFile(fileobj=buf, mode="wb", mtime=epoch, compresslevel=6) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.GNU_FORMAT) as tar,
    ):

        def add(name: str, kind: bytes, mode: int, data: bytes = b"", target: str = "") -> None:
            info = tarfile.TarInfo(name)
            info.type, info.mode, info.mtime, info.size = kind, mode, epoch, len(data)
            info.linkname = target
            tar.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)

        add("metadata.yaml", tarfile.REGTYPE, 0o644, metadata.encode())
        add("templates", tarfile.DIRTYPE, 0o755)
        add("templates/hostname.tpl", tarfile.REGTYPE, 0o644, b"{{ container.name }}\n")
        add("rootfs", tarfile.DIRTYPE, 0o755)
        for d in dirs:
            add(f"rootfs/{d}", tarfile.DIRTYPE, 0o1777 if d == "tmp" else 0o755)
        add("rootfs/bin/busybox", tarfile.REGTYPE, 0o755, busybox.read_bytes())
        for name, text in sorted(etc.items()):
            add(f"rootfs/etc/{name}", tarfile.REGTYPE, 0o644, text.encode())
        for link in links:
            add(f"rootfs/{link}", tarfile.SYMTYPE, 0o777, target="/bin/busybox")
    return buf.getvalue()
