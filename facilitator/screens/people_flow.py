"""Who was there and the evidence: the event screen's keys ``w`` and ``v``, and the lines that show them.

``w`` opens the attendance checklist of the session in hand: the one highlighted in the agenda, else
the running (or last) one. ``v`` opens the evidence of the highlighted session in the agenda; from the
follow-up area it offers the charter's targets; elsewhere it takes the session in hand.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import DataTable, TabbedContent

from facilitator.domain.agenda import Session
from facilitator.domain.errors import UserError
from facilitator.domain.event import Event
from facilitator.domain.attendance import headcount
from facilitator.widgets.agenda_view import AgendaView
from facilitator.widgets.item_evidence import ItemEvidence, files_text

# The dialogs are imported where they open, not above: the event screen's first paint needs none of them.


def _session_in_hand(screen: Screen) -> Session | None:
    view = screen.query_one(AgendaView)
    if view.state is None:
        return None
    if screen.query_one(TabbedContent).active == "agenda" and (session_id := view.selected_id()):
        return view.state.session(session_id)
    return view.state.current


def _label(event: Event, session: Session) -> str:
    word = "Day" if event.kind.value == "kaizen" else "Meeting"
    return f"{word} {session.day}: {session.title}"


def take_attendance(screen: Screen, event: Event | None) -> None:
    session = _session_in_hand(screen) if event is not None else None
    if event is None or session is None:
        screen.notify("No session in hand: highlight one in the agenda (2), then press w.", severity="warning")
        return
    store = screen.app.store

    def save(people):
        return store.attendance.save(event.id, session.id, people)

    people = store.attendance.roster(event, session.id)
    title = f"Who was there - {_label(event, session)}"
    from facilitator.screens.attendance import AttendanceScreen

    screen.app.push_screen(AttendanceScreen(title, event.kind, people, save), lambda _: show_session(screen, event))


def attach_evidence(screen: Screen, event: Event | None) -> None:
    if event is None:
        return
    active = screen.query_one(TabbedContent).active
    if active == "followup":
        _pick_target(screen, event)
        return
    if active == "causes":
        _cause_files(screen, event)
        return
    if active == "countermeasures":
        _countermeasure_files(screen, event)
        return
    session = _session_in_hand(screen)
    if session is None:
        screen.notify("No session in hand: highlight one in the agenda (2), then press v.", severity="warning")
        return
    _open(screen, event, "session", session.id, _label(event, session))


def _cause_files(screen: Screen, event: Event) -> None:
    from facilitator.widgets.causes_view import CausesView

    cause = screen.query_one(CausesView).selected
    if cause is None:
        screen.notify("No cause highlighted: add one (i) or move to one, then press F.", severity="warning")
        return
    _open(screen, event, "cause", cause.id, f"Cause: {cause.text}")


def _countermeasure_files(screen: Screen, event: Event) -> None:
    from facilitator.widgets.countermeasure_table import CountermeasureTable

    tables = screen.query(CountermeasureTable)
    chosen = tables.first().selected_id() if tables else None
    if chosen is None:
        screen.notify("No countermeasure highlighted: propose one (i), then press F.", severity="warning")
        return
    _open(screen, event, "countermeasure", chosen, f"Countermeasure: {screen.app.store.countermeasures.get(chosen).text}")


def _pick_target(screen: Screen, event: Event) -> None:
    from facilitator.screens.agenda_choice import AgendaChoiceScreen

    if not event.targets:
        screen.notify("No targets in the charter to attach evidence to (e edits the charter).", severity="warning")
        return
    choices = [(target.id, target.metric) for target in event.targets]

    def chosen(target_id: str | None) -> None:
        target = next((t for t in event.targets if t.id == target_id), None)
        if target is not None:
            _open(screen, event, "target", target.id, f"Target: {target.metric}")

    screen.app.push_screen(AgendaChoiceScreen("Evidence for which target?", "", choices), chosen)


def _open(screen: Screen, event: Event, kind: str, item_id: str, label: str) -> None:
    store = screen.app.store

    def attach(path: str, caption: str):
        return store.evidence.attach(event.id, kind, item_id, path, caption)

    def detach(item) -> None:
        store.evidence.detach(item.id)

    def closed(changed: bool | None) -> None:
        if changed:
            show_session(screen, event)
            show_targets(screen, event)

    try:
        items = store.evidence.for_item(kind, item_id)
    except UserError as error:
        screen.notify(str(error), severity="error", markup=False)
        return
    from facilitator.screens.evidence import EvidenceScreen

    screen.app.push_screen(EvidenceScreen(f"Evidence - {label}", items, attach, detach), closed)


def show_session(screen: Screen, event: Event | None) -> None:
    """The line under the agenda: who was at the highlighted session, and its files."""
    line = next(iter(screen.query("#session-people").results(ItemEvidence)), None)
    view = next(iter(screen.query(AgendaView)), None)  # none until the agenda is first shown
    session_id = view.selected_id() if view is not None and view.state is not None else None
    if line is None or event is None or session_id is None:
        return
    store = screen.app.store
    who = headcount(store.attendance.roster(event, session_id))  # short: the files share the row
    line.show(f"Who: {who} (w)" if who else "", files_text(store.evidence.for_item("session", session_id)))


def show_targets(screen: Screen, event: Event | None) -> None:
    from facilitator.widgets.followup_area import FollowUpArea

    for area in screen.query(FollowUpArea):
        area.reload()


def highlighted(screen: Screen, event: Event | None, message: DataTable.RowHighlighted) -> None:
    if message.data_table.id == "agenda-table":
        show_session(screen, event)
