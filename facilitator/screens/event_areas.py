"""The event screen's areas (its tabs), and the widgets of those built after its first paint.

Each area's widget module is imported as the area is built, not with the event screen: opening an event
loads only what its first frame shows (tests/unit/test_event_imports.py).
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import TabPane

AREAS = (
    ("charter", "1 Charter"), ("agenda", "2 Agenda"), ("decisions", "3 Decisions"), ("reflection", "4 Reflection"),
    ("followup", "5 Follow-up"), ("causes", "6 Causes"), ("countermeasures", "7 Fixes"),
)
TITLES = dict(AREAS)


def area_widgets(tab: str, event_id: str) -> list[Widget]:
    """The widgets of an area built after the screen mounted (the charter and the log are in compose)."""
    if tab == "agenda":
        from facilitator.widgets.agenda_view import AgendaView
        from facilitator.widgets.item_evidence import ItemEvidence

        return [AgendaView(id="agenda-view"), ItemEvidence(id="session-people")]
    if tab == "reflection":
        from facilitator.widgets.reflection_history import ReflectionHistory

        return [ReflectionHistory(event_id, id="reflection-history")]
    if tab == "followup":
        from facilitator.widgets.followup_area import FollowUpArea

        return [FollowUpArea(id="followup-area")]
    if tab == "causes":
        from facilitator.widgets.causes_view import CausesView

        return [CausesView(id="causes-view")]
    from facilitator.widgets.countermeasure_area import CountermeasureArea

    return [CountermeasureArea(id="countermeasure-area")]


def takes_area_focus(widget, pane: TabPane) -> bool:
    """A list or view of the pane that shows once the pane does (not a field, not a hidden sub-view)."""
    # Imported as an area is first shown: the event's first frame holds no text area or select, and
    # importing TextArea (its document model, its themes) costs about 5 ms of that frame.
    from textual.widgets import Input, Select, TextArea

    if not widget.can_focus or isinstance(widget, (Input, TextArea, Select)) or not widget.display:
        return False
    return all(node.display for node in widget.ancestors if node is not pane and pane in node.ancestors)
