"""Data and config folders of the bench's own, unless the run already has them.

Benches open real cockpits and commands, and those remember what they worked out (the decision logs found
intact, the list's readings) in the data folder. `make bench` gives every bench fresh folders; a bench run
alone imports this module before anything of facilitator's, so it stays out of the user's folders too.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

for _name in ("FACILITATOR_DATA_DIR", "FACILITATOR_CONFIG_DIR"):
    if not os.environ.get(_name):
        os.environ[_name] = tempfile.mkdtemp(prefix="facilitator-bench-")
        atexit.register(shutil.rmtree, os.environ[_name], ignore_errors=True)
