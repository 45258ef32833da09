"""RFC 3339 times as Go's ``time.Time`` reads and writes them in JSON.

Go reads any UTC offset and up to nine fractional digits; it writes RFC3339Nano: trailing zeros
of the fraction trimmed. The bridge keeps the instant (a google.protobuf.Timestamp) and writes it
in UTC with ``Z``: the offset the daemon wrote is not kept (see the Timestamp field comments).
Go's zero time ``0001-01-01T00:00:00Z`` is the unset field.
"""

from __future__ import annotations

import re
import time

ZERO_TIME = "0001-01-01T00:00:00Z"
ZERO_SECONDS = -62135596800  # 0001-01-01T00:00:00Z, the first instant a Timestamp can hold
MAX_SECONDS = 253402300799  # 9999-12-31T23:59:59Z, the last

_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:(Z)|([+-])(\d{2}):(\d{2}))"
)
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm)."""
    year -= month <= 2
    era = year // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def parse(text: str) -> tuple[int, int] | None:
    """``(seconds, nanos)`` of an RFC 3339 time, or None for Go's zero time.

    Raises ValueError naming what is wrong.
    """
    match = _RFC3339.fullmatch(text)
    if match is None:
        raise ValueError("expected an RFC 3339 time such as 2018-08-24T10:00:00.5Z")
    year, month, day, hour, minute, second, frac, zulu, sign, off_h, off_m = match.groups()
    y, mo, d = int(year), int(month), int(day)
    h, mi, s = int(hour), int(minute), int(second)
    if not 1 <= mo <= 12:
        raise ValueError(f"month {mo} out of range")
    leap = mo == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    if not 1 <= d <= _DAYS_IN_MONTH[mo] + leap:
        raise ValueError(f"day {d} out of range")
    if h > 23 or mi > 59 or s > 59:
        raise ValueError("time of day out of range")
    seconds = _days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s
    if not zulu:
        oh, om = int(off_h), int(off_m)
        if oh > 23 or om > 59:
            raise ValueError("UTC offset out of range")
        offset = oh * 3600 + om * 60
        seconds -= offset if sign == "+" else -offset
    nanos = int(frac.ljust(9, "0")) if frac else 0
    if seconds == ZERO_SECONDS and nanos == 0:
        return None
    if not ZERO_SECONDS <= seconds <= MAX_SECONDS:
        raise ValueError("time out of range (years 1 to 9999 UTC)")
    return seconds, nanos


def format_time(seconds: int, nanos: int) -> str:
    """RFC3339Nano in UTC, as Go writes it: ``2018-08-24T10:00:00.5Z``."""
    text = "%04d-%02d-%02dT%02d:%02d:%02d" % time.gmtime(seconds)[:6]  # noqa: UP031
    if nanos:
        text += "." + f"{nanos:09d}".rstrip("0")
    return text + "Z"
