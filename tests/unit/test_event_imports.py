"""The event screen's module leaves its dialogs to the keys that open them: checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

# Each is imported by the key or message that opens it; at the event's first paint none of them is on screen.
OPENED_LATER = (
    "facilitator.screens.charter_form",
    "facilitator.screens.export",
    "facilitator.screens.key_help",
    "facilitator.screens.projector",
    "facilitator.screens.reflection_flow",
    "facilitator.screens.follow_flow",
    "facilitator.screens.decision_capture",
    "facilitator.screens.decision_history",
    "facilitator.screens.parking_lot",
    "facilitator.screens.countermeasure_form",
    "facilitator.screens.dot_vote",
    "facilitator.screens.followup_form",
    "facilitator.screens.measurement_form",
    "facilitator.screens.report_out",
    "facilitator.screens.attendance",
    "facilitator.screens.evidence",
    "facilitator.report.daily",
)


def test_opening_the_event_screen_module_leaves_the_dialogs_out():
    code = (
        "import sys\n"
        "import facilitator.screens.event\n"
        f"print(','.join(name for name in {OPENED_LATER!r} if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
