"""The codec's one exception: what could not be converted, and where."""

from __future__ import annotations


class ConversionError(ValueError):
    """A value could not be converted between LXD JSON and protobuf.

    ``path`` names the field, e.g. ``Container.devices["eth0"].type``; the message says what was
    expected and what was found. Nothing is returned half converted when this is raised.
    """

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.reason = message


class Fail(Exception):
    """Internal: raised deep in a conversion, collects path segments on its way up."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.segments: list[str] = []

    def at(self, segment: str) -> Fail:
        """Record that the failure happened under ``segment`` (innermost first)."""
        self.segments.append(segment)
        return self

    def to_error(self, root: str) -> ConversionError:
        """The public error, with the path from ``root`` down to the failing value."""
        return ConversionError(root + "".join(reversed(self.segments)), self.message)


def key_segment(key: str) -> str:
    """Path segment for an object key: ``.name``."""
    return "." + key


def entry_segment(key: str) -> str:
    """Path segment for a map entry: ``["eth0"]``."""
    return f'["{key}"]'


def index_segment(index: int) -> str:
    """Path segment for a list item: ``[3]``."""
    return f"[{index}]"


def describe(value: object) -> str:
    """Name a JSON value's type the way an error message should, e.g. ``string "true"``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {'true' if value else 'false'}"
    if isinstance(value, int | float):
        return f"number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"string {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
