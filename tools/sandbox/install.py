"""Installing a daemon family with apt-get (Debian 12), only when it is missing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tools.sandbox.daemon import Family, SandboxError, log, run

SOURCES_DIR = Path("/etc/apt/sources.list.d")
# Debian's own mirror and key, as in the stock debian.sources.
DEBIAN_SUITE_SOURCE = """\
# Added by lxd-grpc-bridge (tools/lxd-sandbox): {suite}, for the {family} sandbox
Types: deb
URIs: http://deb.debian.org/debian
Suites: {suite}
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
"""


def require_root(what: str) -> None:
    if os.geteuid() != 0:
        raise SandboxError(f"{what} needs root (the daemons run containers as root); use sudo")


def apt_source_files() -> list[Path]:
    return [
        Path("/etc/apt/sources.list"),
        *SOURCES_DIR.glob("*.list"),
        *SOURCES_DIR.glob("*.sources"),
    ]


def suite_configured(suite: str, files: list[Path]) -> bool:
    """True if a one-line (`deb URL suite ...`) or deb822 (`Suites: a b`) source names suite."""
    for path in files:
        try:
            text = path.read_text()
        except OSError:
            continue
        if any(suite in line.split("#", 1)[0].split() for line in text.splitlines()):
            return True
    return False


def add_apt_suite(suite: str, family: str) -> bool:
    """Adds a Debian suite (bookworm-backports) to apt's sources if missing; True if added."""
    if suite_configured(suite, apt_source_files()):
        return False
    path = SOURCES_DIR / f"{suite}.sources"
    path.write_text(DEBIAN_SUITE_SOURCE.format(suite=suite, family=family))
    log(f"added {suite} to apt's sources ({path})")
    return True


def install_if_missing(family: Family) -> None:
    daemon = family.daemon_path()
    if daemon and family.installed():
        if "/snap/" in os.path.realpath(daemon):
            raise SandboxError(
                f"{daemon} is the snap {family.name}, which cannot run a private daemon; "
                f"install Debian's package (apt-get install {family.apt_packages[0]})"
            )
        return
    require_root(f"installing {family.name}")
    if not shutil.which("apt-get"):
        raise SandboxError(f"{family.name} is not installed and apt-get is not there to install it")
    if family.apt_release:
        add_apt_suite(family.apt_release, family.name)
    log(f"installing {' '.join(family.apt_packages)} with apt-get")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    # Keep apt from starting the system daemon's service: the sandbox never uses it.
    policy = Path("/usr/sbin/policy-rc.d")
    added_policy = not policy.exists()
    if added_policy:
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
    release = ["-t", family.apt_release] if family.apt_release else []
    try:
        for cmd in (
            ["apt-get", "update"],
            ["apt-get", "install", "-y", *release, *family.apt_packages],
        ):
            result = run(cmd, timeout=900, env=env)
            if result.returncode != 0:
                raise SandboxError(f"{' '.join(cmd)} failed with exit code {result.returncode}")
    finally:
        if added_policy:
            policy.unlink()
    if not family.daemon_path():
        raise SandboxError(f"apt-get installed {family.name} but {family.daemon} is not there")
