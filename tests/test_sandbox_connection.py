"""The sandbox's REST connection (tools/sandbox/daemon.py) closes its socket when the daemon
refuses it (as while it starts): a leaked socket was a ResourceWarning, under pytest's
filterwarnings=error a failure in whichever test the garbage collector ran in."""

from __future__ import annotations

import gc
import socket
import warnings
from pathlib import Path

import pytest

from tools.sandbox.daemon import _UnixConnection


@pytest.mark.parametrize("kind", ["no-socket-file", "nobody-listening"])
def test_a_refused_connection_leaves_no_socket_behind(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "lxd.sock"
    if kind == "nobody-listening":
        with socket.socket(socket.AF_UNIX) as dead:
            dead.bind(str(path))
    gc.collect()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        with pytest.raises(OSError):
            _UnixConnection(path, timeout=1).connect()
        gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
