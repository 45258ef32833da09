"""Private LXD and Incus daemons for tests and development (stdlib only: runs before the venv).

Usage: tools/lxd-sandbox [--family lxd|incus] {ensure|stop|status|env|install}
       tools/lxd-sandbox [--family lxd|incus] cluster [N] [ensure|stop|status|env]
       tools/lxd-sandbox servers [N] [ensure|stop|status|env]

  ensure  As root: install the family with apt-get when it is missing, start a private daemon
          unless one is already running there, and configure it idempotently: a `dir` storage
          pool, a bridge network without addresses, the default profile (root disk + nic), a
          `busybox` image built from /bin/busybox, HTTPS with a trusted client certificate.
          Writes and prints sandbox.json, everything a client needs to connect.
          LXD: LXD_DIR=$SANDBOX_DIR/lxd, HTTPS on 127.0.0.1:<free port>.
          Incus (--family incus): INCUS_DIR=<SANDBOX_DIR>-incus/incus, HTTPS on 127.a.b.2:8443.
  stop    Stop the daemon (instances are force-stopped first), remove its interfaces and unmount
          what it mounted, so `rm -rf` works. Storage placed outside the sandbox dir (below) is
          deleted.
  status  Print sandbox.json and whether the daemon answers; exit 0 if it does, 1 if not.
  env     Print `export LXD_DIR=...` lines for a shell: eval "$(tools/lxd-sandbox env)".
  install Only the apt-get step of `ensure` (nothing happens when it is already installed).
          Incus comes from bookworm-backports, added to apt's sources when missing.

  cluster N   An N-member LXD cluster (default: ensure) in <SANDBOX_DIR>-cluster: members m1..mN
              on 127.a.b.2..:8443, a dir pool, a macvlan network over one host bridge per member,
              the busybox image and a client certificate trusted cluster-wide. `cluster stop`
              tears it all down (daemons, host bridges, mounts, the members' data).
              `--family incus cluster N`: the same with Incus, in <SANDBOX_DIR>-incus-cluster.
  servers N   N independent LXD servers s1..sN (default: ensure) in <SANDBOX_DIR>-servers, each
              like the single sandbox, on 127.a.b.2..:8443, all trusting one client certificate.

Environment:
  SANDBOX_DIR            the single LXD's directory (default: <repo>/build/sandbox); the others
                         are its siblings. Several checkouts can run on one host: interface names
                         and loopback addresses are derived from the directories.
  LXD_SANDBOX_TIMEOUT    seconds to wait for a daemon to answer (default 120).

When other users cannot enter a parent of the sandbox dir (mode 0700: /root, a `mktemp -d` dir),
containers cannot start from storage below it. `ensure` then puts the daemon's directory in
/var/lib/lxd-grpc-bridge-sandbox/<hash of the dir>/<family> and links it from the sandbox dir;
sandbox.json and `env` give the real path.

The sandbox never touches a system daemon (/var/lib/lxd, /var/lib/incus or the snap). Daemons get
an unreachable loopback proxy in their environment (NO_PROXY=127.0.0.0/8), so their background
downloads fail at once instead of sending traffic off the host.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from tools.sandbox.daemon import FAMILIES, LXD, SandboxError, log
from tools.sandbox.install import install_if_missing, require_root
from tools.sandbox.topology import Cluster, Group, Servers, Single

COMMANDS = ("ensure", "stop", "status", "env", "install")
GROUPS: dict[str, type[Group]] = {"cluster": Cluster, "servers": Servers}


def _usage() -> int:
    print((__doc__ or "").split("\nEnvironment:")[0].strip(), file=sys.stderr)
    return 2


def _parse(argv: list[str]) -> Callable[[], int] | None:
    """The action argv asks for, or None when argv is not a valid command line."""
    args = list(argv)
    family = LXD
    if args[:1] == ["--family"] and len(args) >= 2 and args[1] in FAMILIES:
        family = FAMILIES[args[1]]
        args = args[2:]
    elif args[:1] and args[0].startswith("--family=") and args[0][9:] in FAMILIES:
        family = FAMILIES[args[0][9:]]
        args = args[1:]
    if args[:1] and args[0] in GROUPS and (family is LXD or args[0] == "cluster"):
        kind, rest = args[0], args[1:]
        size = 0
        if rest[:1] and rest[0].isdigit():
            size, rest = int(rest[0]), rest[1:]
        command = rest[0] if rest else "ensure"
        if len(rest) > 1 or command not in ("ensure", "stop", "status", "env"):
            return None
        group = GROUPS[kind](size, family)
        if command in ("ensure", "stop"):
            require_root(f"tools/lxd-sandbox {kind} {command}")
        return {
            "ensure": group.ensure,
            "stop": group.stop,
            "status": group.status,
            "env": group.env,
        }[command]
    if len(args) != 1 or args[0] not in COMMANDS:
        return None
    sandbox = Single(family)
    command = args[0]
    if command in ("ensure", "stop"):
        require_root(f"tools/lxd-sandbox {command}")

    def install() -> int:
        install_if_missing(family)
        return 0

    actions: dict[str, Callable[[], int]] = {
        "ensure": sandbox.ensure,
        "stop": sandbox.stop,
        "status": sandbox.status,
        "env": sandbox.env,
        "install": install,
    }
    return actions[command]


def main(argv: list[str]) -> int:
    try:
        action = _parse(argv)
        if action is None:
            return _usage()
        return action()
    except SandboxError as e:
        log(f"error: {e}")
        return 1
    except KeyboardInterrupt:
        return 130
