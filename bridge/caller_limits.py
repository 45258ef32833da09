"""Limits per caller: RPCs in flight and open streams per principal (``--max-inflight-per-caller``,
``--max-streams-per-caller``).

Every RPC counts as in flight until it ends; an RPC with a request or response stream (events,
exec, console, file transfers) also counts as a stream. One more than the limit is
RESOURCE_EXHAUSTED at once (ErrorInfo reason ``TOO_MANY_CALLS`` or ``TOO_MANY_STREAMS``, metadata
``option`` and ``limit``), before LXD is asked; the other callers' counts are their own, so they
are not slowed. Callers are told apart by principal (:mod:`bridge.identity`); without mTLS every
caller is the one anonymous caller and shares its limits.
"""

from __future__ import annotations

from collections import Counter

from bridge.errors import LimitExceeded

__all__ = ["DEFAULT_MAX_INFLIGHT", "DEFAULT_MAX_STREAMS", "CallerLimits"]

#: RPCs one caller may have in flight at once (streams included): above the bridge's own limits
#: (--max-calls 32 short calls, --max-transfers 32 transfers), so that a single caller (every
#: caller without mTLS) still meets those first, as before.
DEFAULT_MAX_INFLIGHT = 128
#: Streams one caller may hold open at once (events, exec and console sessions, transfers).
DEFAULT_MAX_STREAMS = 64


class CallerLimits:
    """Counts each principal's RPCs in flight and open streams, and refuses over the limits
    (the server's one interceptor, :mod:`bridge.interception`, asks it for every RPC)."""

    def __init__(
        self, max_inflight: int = DEFAULT_MAX_INFLIGHT, max_streams: int = DEFAULT_MAX_STREAMS
    ) -> None:
        self.max_inflight = max_inflight
        self.max_streams = max_streams
        # Touched from the event loop's thread only (grpc.aio runs every handler there).
        self.inflight: Counter[str | None] = Counter()
        self.streams: Counter[str | None] = Counter()

    def admit(self, who: str | None, stream: bool) -> LimitExceeded | None:
        r"""Count one more RPC of ``who`` (a stream too when ``stream``), or the refusal when it
        is over a limit (nothing counted). An admitted call is :meth:`release`\ d when it ends."""
        caller = "the anonymous caller" if who is None else f"caller {who!r}"
        if self.inflight[who] >= self.max_inflight:
            return LimitExceeded(
                f"{caller} has {self.max_inflight} RPCs in flight, the most allowed",
                reason="TOO_MANY_CALLS",
                option="--max-inflight-per-caller",
                limit=self.max_inflight,
            )
        if stream and self.streams[who] >= self.max_streams:
            return LimitExceeded(
                f"{caller} has {self.max_streams} streams open, the most allowed",
                reason="TOO_MANY_STREAMS",
                option="--max-streams-per-caller",
                limit=self.max_streams,
            )
        self.inflight[who] += 1
        if stream:
            self.streams[who] += 1
        return None

    def release(self, who: str | None, stream: bool) -> None:
        """An admitted RPC of ``who`` has ended."""
        for counts, counted in ((self.inflight, True), (self.streams, stream)):
            if counted:
                counts[who] -= 1
                if counts[who] <= 0:
                    del counts[who]  # no entry per caller once it has nothing open
