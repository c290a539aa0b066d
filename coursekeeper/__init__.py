"""CourseKeeper: courses, enrolments, deposits and certificates for treningskontaktkurs."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``__version__`` is looked up on first use: importlib.metadata costs ~15 ms at start-up."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("coursekeeper")
    except PackageNotFoundError:  # running from a source tree that was never installed
        value = "0.0.0"
    globals()["__version__"] = value
    return value
