"""``python -m bridge serve ...``: the same as the ``lxd-grpc-bridge`` command."""

import sys

from bridge.cli import main

sys.exit(main())
