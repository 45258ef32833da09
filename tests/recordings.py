"""The objects of a recorded directory (tests/testdata/<dir>: bodies a real daemon sent, indexed
by INDEX.json as tools/recording.py writes it), as the golden tests read them.

Each JSON body is read as the Go type it is: an envelope (sync, async, error) as ``Response`` and
its metadata as the type INDEX.json names (``Operation`` for an async one); an event as it is. A
list (``[]T``) or a map of lists (``map[string][]T``, the operations list) gives one object per
item. Only JSON objects of a type the protos mirror are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from bridge import codec
from bridge.codec.plan import message_types

__all__ = ["MESSAGES", "TESTDATA", "recorded_dialect", "recorded_objects"]

TESTDATA = Path(__file__).parent / "testdata"
MESSAGES = set(message_types())
_JSON_ENVELOPES = ("sync", "async", "error")


def recorded_objects(
    directory: Path, *, prefix: str = "", keep: Callable[[str], bool] = lambda go_type: True
) -> list[tuple[str, str, Any]]:
    """(id, Go type, JSON object) for every object of ``directory``'s recorded bodies whose Go
    type ``keep`` accepts; ids are ``prefix`` + file name (+ ``:envelope`` or the item index)."""
    files: dict[str, dict[str, Any]] = orjson.loads((directory / "INDEX.json").read_bytes())[
        "files"
    ]
    found: list[tuple[str, str, Any]] = []
    for name, entry in sorted(files.items()):
        envelope = entry.get("envelope")
        if envelope not in (*_JSON_ENVELOPES, "event"):
            continue  # raw bodies (metrics text, file content)
        where = prefix + name
        body = orjson.loads((directory / name).read_bytes())
        go_type = entry["go_type"]
        if envelope in _JSON_ENVELOPES:
            found.append((f"{where}:envelope", "Response", body))
            body = body["metadata"]
            if envelope == "async":
                go_type = "Operation"
        if go_type.startswith("map[string][]"):
            found += [
                (f"{where}[{status}][{i}]", go_type.removeprefix("map[string][]"), item)
                for status, items in (body or {}).items()
                for i, item in enumerate(items)
            ]
        elif go_type.startswith("[]"):
            found += [(f"{where}[{i}]", go_type[2:], item) for i, item in enumerate(body or [])]
        elif body is not None:
            found.append((where, go_type, body))
    return [o for o in found if o[1] in MESSAGES and isinstance(o[2], dict) and keep(o[1])]


def recorded_dialect(directory: Path) -> codec.Dialect:
    """The dialect of the daemon that was recorded: its GET /1.0, recorded beside the rest."""
    return codec.dialect_for(orjson.loads((directory / "GET_1.0.json").read_bytes())["metadata"])
