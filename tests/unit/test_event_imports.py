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
    "textual.widgets._text_area",  # the dialogs' fields; no area's first frame holds one
)

# The areas other than the charter and the decision log are built when first needed: their widgets and
# flows are imported then (or when a key or message first needs their flow), not with the screen.
BUILT_LATER = (
    "facilitator.widgets.agenda_view",
    "facilitator.widgets.item_evidence",
    "facilitator.widgets.reflection_history",
    "facilitator.widgets.followup_area",
    "facilitator.widgets.causes_view",
    "facilitator.widgets.countermeasure_area",
    "facilitator.widgets.countermeasure_table",
    "facilitator.screens.causes_flow",
    "facilitator.screens.countermeasure_flow",
    "facilitator.screens.people_flow",
)


def test_opening_the_event_screen_module_leaves_the_dialogs_out():
    code = (
        "import sys\n"
        "import facilitator.screens.event\n"
        f"print(','.join(name for name in {OPENED_LATER + BUILT_LATER!r} if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_an_opened_event_loads_an_area_only_once_it_is_shown(tmp_path):
    # The demo blitz has agenda, follow-ups, causes and countermeasures: opening it and painting its
    # charter and log imports none of those areas (nor a dialog); showing the causes tab brings its view and flow.
    from facilitator.demo import load_demo
    from facilitator.domain.event import EventKind
    from facilitator.storage.store import Store

    path = tmp_path / "plant.db"
    seeded = Store(path)
    load_demo(seeded)
    event_id = next(event.id for event in seeded.events.list() if event.kind is EventKind.KAIZEN)
    seeded.close()
    code = (
        "import sys\n"
        "from facilitator.app import FacilitatorApp\n"
        "from facilitator.config import Settings\n"
        "from facilitator.screens.event import EventScreen\n"
        "from facilitator.storage.store import Store\n"
        "class Once(FacilitatorApp):\n"
        "    def on_mount(self):\n"
        f"        self.push_screen(EventScreen({event_id!r}))\n"
        "        self.call_after_refresh(self.painted)\n"
        "    async def painted(self):\n"
        "        await self.workers.wait_for_complete()\n"
        "        loaded = lambda names: ','.join(name for name in names if name in sys.modules)\n"
        "        print(type(self.screen).__name__, self.screen.query_one('#decision-table').row_count > 0)\n"
        f"        print('opened:' + loaded({OPENED_LATER + BUILT_LATER!r}))\n"
        "        await self.screen.action_show_tab('causes')\n"
        f"        print('causes:' + loaded({BUILT_LATER!r}))\n"
        "        self.exit()\n"
        f"Once(Store({str(path)!r}), settings=Settings()).run(headless=True, size=(120, 40))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == [
        "EventScreen", "True", "opened:", "causes:facilitator.widgets.causes_view,facilitator.screens.causes_flow",
    ]
