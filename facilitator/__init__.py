"""facilitator: a keyboard-first terminal cockpit for Kaizen blitzes and Action Learning sets."""


def __getattr__(name: str) -> str:
    # Looked up on demand: reading package metadata costs start-up time the cockpit does not need.
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("facilitator")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"
