"""Benchmarks, side by side in one run (ratios, not seconds: these machines are noisy).

    python -m tools.bench          # every benchmark, at a size that fits a few minutes
    python -m tools.bench --big    # 1 GiB streams, 3x the events (make bench BENCH_FLAGS=--big)
    python -m tools.bench codec    # the codec against google.protobuf.json_format
    python -m tools.bench bridge   # GetContainer: bridge, floor server, direct REST (bench_facade)
    python -m tools.bench events   # GetEvents to 1, 100, 1,000 subscribers (bench_events)
    python -m tools.bench streams  # files up and down, exec output: 64 MiB (bench_streams)

The codec benchmark runs over real LXD 5.0 objects (tests/testdata/lxd-5.0, recorded from a real
daemon by tools/capture_golden.py) and compares, for the same messages:
- reading:  codec.from_json(bytes)   vs json_format.Parse(ProtoJSON of the same message)
- writing:  codec.to_json_bytes(msg) vs json_format.MessageToJson(msg)
- the floor: codec.from_json(bytes)  vs orjson.loads(bytes) + Message.FromString(binary)
Each contender runs in alternating rounds; the table gives the median time per object of each and
the ratio of the medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from google.protobuf import json_format
from google.protobuf.message import Message

from bridge import codec

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "testdata" / "lxd-5.0"


@dataclass
class Sample:
    """One real LXD object: its JSON bytes and its message."""

    name: str
    type_name: str
    raw: bytes
    message: Message


def golden_samples() -> list[Sample]:
    """The metadata of every recorded response whose Go type is a single LXD object, or a list."""
    index = orjson.loads((GOLDEN / "INDEX.json").read_bytes())
    entries = index["files"] if isinstance(index, dict) and "files" in index else index
    samples = []
    items = entries.items() if isinstance(entries, dict) else ((e["file"], e) for e in entries)
    for name, entry in items:
        go_type = entry.get("go_type", "")
        body = orjson.loads((GOLDEN / name).read_bytes())
        enveloped = entry.get("envelope") in ("sync", "async", "error")
        metadata = body.get("metadata") if enveloped else body
        if go_type.startswith("[]"):
            type_name, objects = go_type[2:], metadata if isinstance(metadata, list) else []
        else:
            type_name, objects = go_type, [metadata]
        if type_name not in codec.plan.message_types():
            continue
        for i, obj in enumerate(objects):
            if not isinstance(obj, dict):
                continue
            raw = orjson.dumps(obj)
            msg = codec.from_json(type_name, raw)
            samples.append(Sample(f"{name}[{i}]", type_name, raw, msg))
    return samples


def _time_per_call(fn: Callable[[], Any], inner: int) -> float:
    start = time.perf_counter()
    for _ in range(inner):
        fn()
    return (time.perf_counter() - start) / inner


def compare(
    contenders: dict[str, Callable[[], Any]], rounds: int = 15, inner: int = 20
) -> dict[str, float]:
    """Median seconds per call of each contender, measured in alternating rounds."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for fn in contenders.values():
        fn()  # warm up: plans, caches
    for _ in range(rounds):
        for name, fn in contenders.items():
            times[name].append(_time_per_call(fn, inner))
    return {name: statistics.median(t) for name, t in times.items()}


def bench_codec(samples: list[Sample]) -> list[tuple[str, float, float, str]]:
    """Rows of (comparison, ours µs, theirs µs, ratio text) over all samples together."""
    proto_json = [json_format.MessageToJson(s.message) for s in samples]
    binaries = [s.message.SerializeToString() for s in samples]
    classes = [type(s.message) for s in samples]

    def read_ours() -> None:
        for s in samples:
            codec.from_json(s.type_name, s.raw)

    def read_json_format() -> None:
        for cls, text in zip(classes, proto_json, strict=True):
            json_format.Parse(text, cls())

    def read_floor() -> None:
        for cls, s, binary in zip(classes, samples, binaries, strict=True):
            orjson.loads(s.raw)
            cls.FromString(binary)

    def write_ours() -> None:
        for s in samples:
            codec.to_json_bytes(s.message)

    def write_json_format() -> None:
        for s in samples:
            json_format.MessageToJson(s.message)

    t = compare(
        {
            "read": read_ours,
            "read_json_format": read_json_format,
            "read_floor": read_floor,
            "write": write_ours,
            "write_json_format": write_json_format,
        }
    )
    n = len(samples)

    def us(x: float) -> float:
        return x / n * 1e6

    return [
        (
            "read: from_json vs json_format.Parse",
            us(t["read"]),
            us(t["read_json_format"]),
            f"{t['read_json_format'] / t['read']:.1f}x faster",
        ),
        (
            "write: to_json_bytes vs json_format.MessageToJson",
            us(t["write"]),
            us(t["write_json_format"]),
            f"{t['write_json_format'] / t['write']:.1f}x faster",
        ),
        (
            "read: from_json vs floor (orjson.loads + FromString)",
            us(t["read"]),
            us(t["read_floor"]),
            f"{t['read'] / t['read_floor']:.1f}x the floor",
        ),
    ]


BENCHMARKS = ("codec", "bridge", "authz", "events", "streams")
EVENTS, BIG_EVENTS = 200, 600  # events per size: 10 s at 20/s (30 s with --big)


def main(argv: list[str]) -> int:
    """Run the benchmarks named in argv (all by default) and print markdown tables; exit status
    1 if an event was lost or a streams bar missed."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench")
    parser.add_argument("benchmarks", nargs="*", choices=[[], *BENCHMARKS], metavar="benchmark",
                        help=f"any of {', '.join(BENCHMARKS)} (default: all)")  # fmt: skip
    parser.add_argument("--big", action="store_true", help="1 GiB streams, 600 events per size")
    opts = parser.parse_args(argv)
    wanted = set(opts.benchmarks) or set(BENCHMARKS)
    status = 0
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"Run {started}, {'--big' if opts.big else 'default sizes'}")
    print()
    if "codec" in wanted:
        samples = golden_samples()
        kinds = sorted({s.type_name for s in samples})
        print(f"## Codec: {len(samples)} real LXD 5.0 objects of {len(kinds)} types")
        print()
        print("| comparison | ours (µs/object) | theirs (µs/object) | ratio |")
        print("|---|---:|---:|---|")
        for label, ours, theirs, ratio in bench_codec(samples):
            print(f"| {label} | {ours:.1f} | {theirs:.1f} | {ratio} |")
        print()
    if "bridge" in wanted:
        from tools import bench_facade

        bench_facade.main()
    if "authz" in wanted:
        from tools import bench_authz

        if not bench_authz.main():
            status = 1
    if "events" in wanted:
        from tools import bench_events

        if not bench_events.main(BIG_EVENTS if opts.big else EVENTS):
            status = 1
    if "streams" in wanted:
        from tools import bench_streams

        status |= bench_streams.main(bench_streams.BIG if opts.big else bench_streams.SIZE)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
