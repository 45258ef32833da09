"""Path segments from values a caller gives: checked, then percent-encoded, so that a value can
never change which LXD endpoint a request reaches.

``quote()`` alone is not enough: it leaves ``.`` and ``..`` as they are, and an HTTP client or
server that normalises the path turns ``/1.0/containers/./console`` into ``/1.0/containers/console``
(issue 9: ``DeleteContainerConsoleLog(name=".")`` deleted the container ``console``). So those
two values are refused, as are an empty value (it would drop a segment) and control characters
(NUL cuts the name in LXD's C code; CR/LF/TAB have no business in a name). ``/`` is encoded as
``%2F`` and stays one segment: image aliases such as ``debian/12`` are valid names.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from bridge.errors import InvalidRequest

__all__ = ["segment"]

#: C0 controls, DEL and C1 controls (Unicode category Cc).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def segment(value: str, field: str) -> str:
    """``value`` as one path segment: checked (see the module docstring), then percent-encoded.

    Raises InvalidRequest naming ``field``.
    """
    if not value:
        raise InvalidRequest(f"{field} is required", field=field)
    if value in (".", ".."):
        raise InvalidRequest(
            f"{field} must not be {value!r}: a path segment of that name would change the route",
            field=field,
        )
    if match := _CONTROL.search(value):
        raise InvalidRequest(
            f"{field} contains the control character U+{ord(match.group()):04X} "
            f"at position {match.start()}",
            field=field,
        )
    return quote(value, safe="")
