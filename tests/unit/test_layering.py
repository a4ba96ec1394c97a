"""Domain and storage never import Textual: checked in a fresh interpreter, as harlequin does."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import facilitator.domain
import facilitator.storage

def _modules(package) -> list[str]:
    return [package.__name__] + [
        f"{package.__name__}.{info.name}" for info in pkgutil.iter_modules(package.__path__)
    ]


def test_domain_and_storage_do_not_import_textual():
    import facilitator.demo

    modules = _modules(facilitator.domain) + _modules(facilitator.storage) + _modules(facilitator.demo)
    for optional in ("facilitator.export", "facilitator.report", "facilitator.render"):
        try:
            package = __import__(optional, fromlist=["_"])
        except ImportError:
            continue
        modules += _modules(package)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"non-UI modules imported Textual: {result.stdout}"
    assert len(modules) > 8
