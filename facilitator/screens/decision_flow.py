"""What the decision keys do on the event screen: capture, change, open history, the parking lot.

Kept out of screens/event.py so that shared screen only holds two bindings and a message handler.
Every decision saved here is committed before its dialog closes, then announced with DecisionLogged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message
from textual.screen import Screen

from facilitator.domain.agenda import Session
from facilitator.domain.clock import local_today
from facilitator.domain.decision import RESOLUTIONS, DecidedBy, Decision, DecisionDraft, Verdict, decision_day
from facilitator.domain.event import Event, EventKind
from facilitator.messages import DecisionLogged, EventChanged
from facilitator.widgets.decision_insights import DecisionInsights
from facilitator.widgets.decision_log import DecisionLog
from facilitator.widgets.parking_count import ParkingCount

if TYPE_CHECKING:
    from facilitator.screens.decision_history import HistoryOutcome

# The dialogs are imported where they open, not above: the event screen's first paint needs none of them.


def capture_context(screen: Screen, event: Event) -> tuple[int, Session | None, str]:
    """Day and session a decision taken now belongs to, and how the dialog says so."""
    store = screen.app.store
    session = store.timer.current(event.id)
    day = decision_day(event, local_today(store.clock), session.day if session else None)
    where = f"{event.kind.day_word[:-1]} {day}"
    if session is not None:
        where += f" - in: {session.title}"
    return day, session, where


def quick_capture(
    screen: Screen,
    event: Event,
    *,
    supersedes: Decision | None = None,
    draft: DecisionDraft = DecisionDraft(),
    verdicts: tuple[Verdict, ...] = tuple(Verdict),
    title: str = "Log a decision",
    then=None,
) -> None:
    """Open quick capture; the timer behind it keeps running. ``then()`` runs after a save."""
    day, session, where = capture_context(screen, event)
    decisions = screen.app.store.decisions
    if event.kind is EventKind.ACTION_LEARNING and draft == DecisionDraft():
        draft = DecisionDraft(decided_by=DecidedBy.TEAM.value)  # in a set, the group decides

    def accept(typed: DecisionDraft) -> Decision:
        if supersedes is None:
            return decisions.capture(event.id, typed, day=day, session_id=session.id if session else None)
        return decisions.supersede(supersedes.id, typed, day=day, session_id=session.id if session else None)

    def done(decision: Decision | None) -> None:
        if decision is None:
            return
        screen.post_message(DecisionLogged(event.id, decision.id))
        verb = "Changed" if supersedes else "Logged"
        screen.notify(f"{verb}: {decision.subject} ({decision.verdict.label})", markup=False)
        if then is not None:
            then()

    from facilitator.screens.decision_capture import DecisionCaptureScreen

    screen.app.push_screen(DecisionCaptureScreen(title, where, accept, draft, verdicts=verdicts), done)


def change(screen: Screen, event: Event, decision_id: str) -> None:
    old = screen.app.store.decisions.get(decision_id)
    draft = DecisionDraft(subject=old.subject, decided_by=old.decided_by.value, tags=" ".join(old.tags))
    quick_capture(screen, event, supersedes=old, draft=draft, title="Change or reverse a decision")


def open_history(screen: Screen, event: Event, decision_id: str) -> None:
    def done(outcome: HistoryOutcome | None) -> None:
        if outcome is None:
            return
        if outcome.amended:
            for log in screen.query(DecisionLog):
                log.reload()
            screen.post_message(EventChanged(event.id))
        if outcome.change_id is not None:
            change(screen, event, outcome.change_id)

    from facilitator.screens.decision_history import DecisionHistoryScreen

    screen.app.push_screen(DecisionHistoryScreen(decision_id), done)


def open_parking_lot(screen: Screen, event: Event) -> None:
    store = screen.app.store

    def resolve(item: Decision, verdict: Verdict, refresh) -> None:
        draft = DecisionDraft(
            subject=item.subject, verdict=verdict.value, decided_by=DecidedBy.FACILITATOR.value, tags=" ".join(item.tags)
        )
        quick_capture(
            screen, event, supersedes=item, draft=draft, verdicts=RESOLUTIONS,
            title="Resolve a parked item", then=refresh,
        )

    def carry(item: Decision) -> None:
        day, _, _ = capture_context(screen, event)
        store.decisions.carry_to_debrief(item.id, day)
        screen.post_message(EventChanged(event.id))
        screen.notify(f"Carried to the day {day} debrief: {item.subject}", markup=False)

    from facilitator.screens.parking_lot import ParkingLotScreen

    screen.app.push_screen(ParkingLotScreen(event.id, resolve, carry))


def show_event(screen: Screen, event: Event) -> None:
    """The event (re)loaded: give the decision widgets what they show beside the log."""
    sessions = screen.app.store.agenda.sessions(event.id)
    for log in screen.query(DecisionLog):
        log.set_context(event.days, {s.id: f"d{s.day} {s.title}" for s in sessions})
    for insights in screen.query(DecisionInsights):
        insights.event = event
    show_counts(screen)


def refresh(screen: Screen, message: Message) -> None:
    """A decision was logged (or the event changed): the new row in place, the count, the insights."""
    if isinstance(message, DecisionLogged):
        decisions = screen.app.store.decisions
        decision = decisions.get(message.decision_id)
        superseded = decisions.get(decision.supersedes_id) if decision.supersedes_id else None
        for log in screen.query(DecisionLog):
            log.add_decision(decision, superseded)
        # One decision moves the counts by one: a recount would read every decision of the event again.
        for insights in screen.query(DecisionInsights):
            insights.decision_logged(decision, superseded)
    else:
        for insights in screen.query(DecisionInsights):
            insights.refresh_insights()
    show_counts(screen)


def show_counts(screen: Screen) -> None:
    """The open parking lot, always in sight, as the insights just counted it (read or moved)."""
    tally = next((insights.tally for insights in screen.query(DecisionInsights)), None)
    if tally is not None:
        for count in screen.query(ParkingCount):
            count.count = tally.parked
