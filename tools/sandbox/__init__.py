"""Private LXD and Incus daemons for the tests, `make run` and the benchmarks (stdlib only).

- `daemon.Daemon`: one daemon in a directory of its own (start, REST on its socket, configure,
  stop), of a `daemon.Family` (`LXD` or `INCUS`).
- `topology.Single`, `topology.Cluster`, `topology.Servers`: the sandboxes made of them, each
  writing a sandbox.json that tells clients how to reach it.
- `cli.main`: the command line, `tools/lxd-sandbox`.
"""
