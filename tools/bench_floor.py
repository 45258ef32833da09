"""The floor of a Python gRPC-to-LXD hop: a bare grpc.aio server for the benchmarks to set the
bridge against (issue 15), run as its own process so that its CPU can be read from /proc.

    python -m tools.bench_floor --lxd /path/to/unix.socket --listen 127.0.0.1:0 --name c1

It serves, on one insecure listener (the benchmarks give the bridge the same kind):

- ``ContainerService/GetContainer``: one aiohttp GET of ``/1.0/containers/<name>`` on LXD's
  socket, LXD's raw reply bytes returned as the response. No codec, no checks, the request not
  even parsed (the name is fixed by ``--name``): what no bridge can go under.
- ``EventService/GetEvents``: every stream is sent the same pre-serialized ``GetEventsResponse``
  (an event stamped with the time it is sent) ``--events`` times, at ``--rate`` per second,
  starting 1 s after ``--streams`` streams are open: one serialization per event, no per-stream work
  but the write.

It prints ``port <n>`` once it listens and stops on SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import aiohttp
import grpc

from lxd.api.v1 import event_pb2
from lxd.api.v1.event_service_pb2 import GetEventsResponse


def _identity(data: bytes) -> bytes:
    return data


def _event() -> bytes:
    """A lifecycle event shaped like LXD's container-updated one, stamped now, serialized."""
    reply = GetEventsResponse(
        event=event_pb2.Event(
            type="lifecycle",
            location="none",
            metadata=b'{"action":"container-updated","source":"/1.0/containers/bench",'
            b'"context":{},"requestor":{"username":"root","protocol":"unix","address":"@"}}',
        )
    )
    reply.event.timestamp.FromDatetime(datetime.now(UTC))
    reply.lifecycle.action = "container-updated"
    reply.lifecycle.source = "/1.0/containers/bench"
    return reply.SerializeToString()


async def serve(opts: argparse.Namespace) -> None:
    """Serve until SIGTERM."""
    session = aiohttp.ClientSession(
        connector=aiohttp.UnixConnector(path=opts.lxd), base_url="http://lxd"
    )
    path = f"/1.0/containers/{opts.name}"
    streams: list[asyncio.Queue[bytes | None]] = []
    all_open = asyncio.Event()

    async def get_container(
        request: bytes, context: grpc.aio.ServicerContext[bytes, bytes]
    ) -> bytes:
        async with session.get(path) as response:
            return await response.read()

    async def get_events(
        request: bytes, context: grpc.aio.ServicerContext[bytes, bytes]
    ) -> AsyncIterator[bytes]:
        queue: asyncio.Queue[bytes | None] = asyncio.Queue()
        streams.append(queue)
        await context.send_initial_metadata(())
        if len(streams) >= opts.streams:
            all_open.set()
        while (item := await queue.get()) is not None:
            yield item

    async def emit() -> None:
        await all_open.wait()
        await asyncio.sleep(1)  # the benchmark reads our CPU time once every stream is open
        loop = asyncio.get_running_loop()
        start = loop.time()
        for seq in range(opts.events):
            await asyncio.sleep(max(0.0, start + seq / opts.rate - loop.time()))
            message = _event()
            for queue in streams:
                queue.put_nowait(message)
        for queue in streams:
            queue.put_nowait(None)

    handlers = {
        "lxd.api.v1.ContainerService": {
            "GetContainer": grpc.unary_unary_rpc_method_handler(
                get_container, request_deserializer=_identity, response_serializer=_identity
            )
        },
        "lxd.api.v1.EventService": {
            "GetEvents": grpc.unary_stream_rpc_method_handler(
                get_events, request_deserializer=_identity, response_serializer=_identity
            )
        },
    }
    server = grpc.aio.server()
    server.add_generic_rpc_handlers(
        [grpc.method_handlers_generic_handler(s, m) for s, m in handlers.items()]
    )
    port = server.add_insecure_port(opts.listen)
    await server.start()
    print(f"port {port}", flush=True)
    emitter = asyncio.create_task(emit()) if opts.streams else None
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    if emitter is not None:
        emitter.cancel()
    await server.stop(1)
    await session.close()


def main() -> None:
    """Parse the options and serve."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lxd", required=True, help="LXD's unix socket")
    parser.add_argument("--listen", default="127.0.0.1:0")
    parser.add_argument("--name", default="", help="the container GetContainer reads")
    parser.add_argument("--streams", type=int, default=0, help="GetEvents streams to wait for")
    parser.add_argument("--events", type=int, default=0, help="events to send each stream")
    parser.add_argument("--rate", type=float, default=20.0, help="events per second")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
