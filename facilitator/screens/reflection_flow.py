"""When the event screen opens, offers or requires a reflection (the cadence), and what `r` reflects on.

Kept out of screens/event.py so the shared event screen only needs a few one-line hooks.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from facilitator.domain.agenda import Session, SessionKind
from facilitator.domain.clock import local_today
from facilitator.domain.errors import UserError
from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.domain.frameworks import default_framework_key
from facilitator.domain.reflection import Cadence, Scope, Target, after_session, after_status
from facilitator.reflection_files import LoadedFrameworks, load_frameworks
from facilitator.screens.reflection import ReflectionRequest, ReflectionResult, ReflectionScreen
from facilitator.screens.reflection_offer import ReflectionOfferScreen
from facilitator.storage.errors import NotFound
from facilitator.storage.reflections import reversed_scope_decisions


class ReflectionFlow:
    """Built on demand by the event screen: ``ReflectionFlow(self, on_done=self.refresh...)``."""

    def __init__(self, screen: Screen, on_done: Callable[[], None] | None = None) -> None:
        self.screen = screen
        self.app = screen.app
        self.store = screen.app.store
        self.on_done = on_done

    # -- the cadence ---------------------------------------------------------------------------

    def after_session(self, event_id: str, session_id: str, how: str) -> Cadence:
        try:
            event = self.store.events.get(event_id)
            session = self.store.agenda.get(session_id)
        except NotFound:
            return Cadence.NOTHING
        everything = self.store.agenda.sessions(event_id)
        of_day = [s for s in everything if s.day == session.day]
        last_of_day = bool(of_day) and of_day[-1].id == session.id
        last_day = max((s.day for s in everything), default=session.day)
        ran = how == "skipped" and self.store.timer.state(event_id).timer(session_id).started_at is not None
        cadence = after_session(
            event.kind, how, last_of_day=last_of_day, last_of_event=last_of_day and session.day >= last_day,
            is_break=session.kind is SessionKind.BREAK, ran=ran,
        )
        if cadence is Cadence.OPEN_SESSION:
            self.open(event, self._session_target(session), required=True)
        elif cadence is Cadence.OFFER_DAY:
            self.offer_day(event, session.day)
        elif cadence is Cadence.REQUIRE_EVENT:
            self.require_event_review(event)
        return cadence

    def after_status(self, event: Event) -> Cadence:
        cadence = after_status(event.kind, event.status)
        if cadence is Cadence.REQUIRE_EVENT:
            self.require_event_review(event)
        return cadence

    def offer_day(self, event: Event, day: int) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.open(event, Target(Scope.DAY, day=day), required=False)

        self.app.push_screen(
            ReflectionOfferScreen(
                f"Day {day} is over",
                "Reflect on the day now, with the team-leader and sponsor debrief? "
                "It takes ten minutes and feeds tomorrow's plan.",
            ),
            answered,
        )

    def require_event_review(self, event: Event) -> None:
        target = Target(Scope.EVENT)
        if self.store.reflections.is_done(event.id, target):
            return
        self.app.notify("The end-of-event review is required: it stays owed until it is done.", severity="warning")
        self.open(event, target, required=True)

    # -- on demand -----------------------------------------------------------------------------

    def on_demand(self, event: Event) -> None:
        """`r`: the owed end-of-event review, else an owed session, else the current or last session."""
        self.open(event, *self.on_demand_target(event))

    def on_demand_target(self, event: Event) -> tuple[Target, bool]:
        reflections = self.store.reflections
        if event.kind is EventKind.KAIZEN and reflections.event_review_owed(event.id):
            return Target(Scope.EVENT), True
        sessions = self.store.agenda.sessions(event.id)
        owed = reflections.owed_session_ids(event.id)
        for session in sessions:
            if session.id in owed:
                return self._session_target(session), True
        current = self.store.timer.current(event.id)
        if current is not None:
            return self._session_target(current), False
        ran = [session for session in sessions if self.store.agenda.has_log(session.id)]
        if ran:
            return self._session_target(ran[-1]), False
        if event.kind is EventKind.KAIZEN and event.status is EventStatus.DONE:
            return Target(Scope.EVENT), False
        day = event.day_on(local_today(self.store.clock))
        return (Target(Scope.DAY, day=day), False) if day else (Target(Scope.EVENT), False)

    # -- opening the screen --------------------------------------------------------------------

    def _reversed(self, event: Event, target: Target) -> tuple[str, ...]:
        """A reversed decision prompts the assumption question: in a session's reflection, and in a day's too."""
        if target.scope is Scope.DAY:
            from facilitator.storage.reversals import reversed_on_day

            return reversed_on_day(self.store, event.id, target.day)
        return reversed_scope_decisions(self.store, target.session_id)

    def open(self, event: Event, target: Target, required: bool) -> None:
        frameworks = self._frameworks()
        if required:
            self._mark_owed(event, target, frameworks)
        request = ReflectionRequest(
            event=event, target=target, about=self.describe(event, target),
            framework=self._framework_for(event, target), required=required,
            reversed_decisions=self._reversed(event, target),
            skipped_reason=self.store.reflections.skip_reason(event.id, target) if required else "",
        )

        def closed(result: ReflectionResult | None) -> None:
            if result is not None:
                if result.saved:
                    extra = f"; {result.followups} follow-ups created" if result.followups else ""
                    self.app.notify(f"Reflection saved ({result.saved}){extra}")
                elif result.skipped_reason is not None:
                    self.app.notify("Reflection skipped: it shows as owed until done.", severity="warning")
            if self.on_done is not None:
                self.on_done()

        self.app.push_screen(ReflectionScreen(request, frameworks), closed)

    def describe(self, event: Event, target: Target) -> str:
        word = "Meeting" if event.kind is EventKind.ACTION_LEARNING else "Day"
        if target.scope is Scope.EVENT:
            return f"End-of-event review: {event.title}"
        if target.scope is Scope.DAY:
            return f"{word} {target.day} reflection, with the debrief: {event.title}"
        try:
            session = self.store.agenda.get(target.session_id or "")
        except NotFound:
            return f"Session reflection: {event.title}"
        return f"{word} {session.day}, session: {session.title}"

    def _session_target(self, session: Session) -> Target:
        return Target(Scope.SESSION, session_id=session.id, day=session.day)

    def _framework_for(self, event: Event, target: Target) -> str:
        chosen = self.store.reflections.last_framework(event.id, target.scope)
        if chosen:
            return chosen
        return default_framework_key(event.kind) if target.scope is Scope.SESSION else "aar"

    def _frameworks(self) -> LoadedFrameworks:
        loaded = load_frameworks()
        for problem in loaded.problems:
            self.app.notify(problem, severity="warning", timeout=8, markup=False)
        return loaded

    def _mark_owed(self, event: Event, target: Target, frameworks: LoadedFrameworks) -> None:
        framework = frameworks.get(self._framework_for(event, target))
        try:
            self.store.reflections.mark_owed(event.id, target, framework.key, framework.name)
        except UserError as error:
            self.app.notify(str(error), severity="error", markup=False)
