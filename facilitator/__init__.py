"""facilitator: a keyboard-first terminal cockpit for Kaizen blitzes and Action Learning sets."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("facilitator")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
