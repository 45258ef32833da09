"""ServerService: the daemon's configuration, its host's resources and its metrics (proto:
server_service)."""

from __future__ import annotations

from bridge.errors import LimitExceeded, ProtocolError
from bridge.facade.common import (
    CallContext,
    Facade,
    Get,
    ListNames,
    Patch,
    Sync,
    scope_query,
    service_descriptor,
)
from lxd.api.v1 import server_service_pb2
from lxd.api.v1.server_service_pb2 import GetMetricsRequest, GetMetricsResponse

__all__ = ["ServerFacade"]


class ServerFacade(Facade):
    """GET /, GET/PUT/PATCH /1.0, GET /1.0/resources and GET /1.0/metrics."""

    service = service_descriptor(server_service_pb2, "ServerService")

    GetAPIVersions = ListNames()
    GetServer = Get()
    UpdateServer = Sync()
    PatchServer = Patch()
    GetServerResources = Get()

    async def GetMetrics(self, request: GetMetricsRequest, call: CallContext) -> GetMetricsResponse:
        """GET /1.0/metrics: LXD answers text, not an envelope (an error is still an envelope,
        raised as its status before any text is read). The text is kept exactly; reading stops
        as soon as it is over the reply size limit (RESOURCE_EXHAUSTED, as any reply)."""
        path = self.route("GetMetrics").path(request)
        body = bytearray()
        timeout = call.remaining()
        async with call.lxd.stream("GET", path, query=scope_query(request), timeout=timeout) as raw:
            content_type = raw.headers.get("Content-Type", "")
            async for chunk in raw.aiter_bytes():
                body += chunk
                if len(body) > self.max_reply_size:
                    raise LimitExceeded(
                        f"the GetMetrics reply is over the bridge's send limit of "
                        f"{self.max_reply_size} bytes; raise the client's receive limit "
                        f"(grpc.max_receive_message_length) and the bridge's "
                        f"--max-send-message-size, or ask for one project",
                        reason="REPLY_TOO_LARGE",
                        option="--max-send-message-size",
                        limit=self.max_reply_size,
                    )
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as e:
            raise ProtocolError(f"/1.0/metrics: the text is not UTF-8: {e}") from e
        return GetMetricsResponse(metrics=text, content_type=content_type)
