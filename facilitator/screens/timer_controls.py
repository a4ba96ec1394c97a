"""Timer keys for the event screen (and the projector screen): start/pause, next, finish, skip, extend.

A mixin so the shared event screen only lists :data:`TIMER_BINDINGS` and inherits the actions. Each
action writes one timer-log entry (committed before the notice shows), then hands the fresh state to
the timer bar and the agenda; an ended session is announced with :class:`SessionFinished`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from textual import work
from textual.binding import Binding

from facilitator.domain.agenda import parse_clock_time, parse_duration
from facilitator.domain.clock import local_time, local_today
from facilitator.domain.errors import UserError
from facilitator.domain.event import Event
from facilitator.domain.timer import AgendaState
from facilitator.messages import SessionFinished
from facilitator.screens.text_prompt import TextPromptScreen
from facilitator.storage.timer import TimerChange, TimerRepository
from facilitator.widgets.timer_bar import TimerBar

if TYPE_CHECKING:
    from facilitator.widgets.agenda_view import AgendaView

MAX_EXTENSION_MINUTES = 4 * 60

TIMER_BINDINGS = [
    Binding("space", "timer_toggle", "Timer", id="timer_toggle", key_display="space",
            tooltip="Start the next session, or pause / resume the one in hand"),
    Binding("n", "timer_next", "Next", id="timer_next", tooltip="Finish this session and start the next one"),
    Binding("f", "timer_finish", "Finish", id="timer_finish", show=False, tooltip="Finish the session in hand"),
    Binding("k", "timer_skip", "Skip", id="timer_skip", show=False, tooltip="Skip the session in hand (recorded as skipped)"),
    Binding("plus", "timer_extend(5)", "+5 min", id="timer_extend", key_display="+", show=False,
            tooltip="Give the session in hand 5 more minutes"),
    Binding("E", "timer_extend_by", "Extend by", id="timer_extend_by", show=False,
            tooltip="Give the session in hand a typed amount of extra time (10, 15m, 1h)"),
    Binding("u", "timer_until", "Until", id="timer_until", show=False,
            tooltip="Count the session in hand down to a clock time (e.g. until 11:00)"),
    Binding("p", "timer_projector", "Projector", id="timer_projector", show=False,
            tooltip="Full-screen clock for the room: countdown, title and what is next"),
]


class TimerControls:
    """Mixed into a Screen that has ``event_id``; override :meth:`show_timer_state` to fan state out."""

    event_id: str

    # Hooks -------------------------------------------------------------------------------------

    def timer_event(self) -> Event:
        """The event the timer belongs to; a screen that already holds it overrides this."""
        return self.app.store.events.get(self.event_id)  # type: ignore[attr-defined]

    def timer_day(self, event: Event | None = None) -> int | None:
        """Today's day number in the event, if today is one of its days."""
        event = event or self.timer_event()
        return event.day_on(local_today(self.app.clock))  # type: ignore[attr-defined]

    def show_timer_state(self, state: AgendaState) -> None:
        event = self.timer_event()
        day = self.timer_day(event)
        for bar in self.query(TimerBar):  # type: ignore[attr-defined]
            bar.show(state, day)
        self.show_agenda(state, event)

    def show_agenda(self, state: AgendaState, event: Event) -> None:
        """Show the sessions and their clocks in the screen's agenda, where it has one (none here)."""

    def on_mount(self) -> None:
        self.reload_timer()

    def on_agenda_view_changed(self) -> None:
        self.reload_timer()

    def on_agenda_view_start_requested(self, message: AgendaView.StartRequested) -> None:
        self.action_timer_start_session(message.session_id)

    def reload_timer(self) -> None:
        """Read the timer state once (after an action or an agenda edit); ticks reuse it."""
        self.show_timer_state(self.app.store.timer.state(self.event_id))  # type: ignore[attr-defined]

    def on_timer_bar_clock_jumped(self) -> None:
        """Note the jump in the log now, so the countdown shows the time that really passed."""
        try:
            noted = self.app.store.timer.check_clock(self.event_id)  # type: ignore[attr-defined]
        except UserError as error:
            self.notify(str(error), severity="warning", markup=False)  # type: ignore[attr-defined]
            return
        if noted:
            self.reload_timer()
            self.notify(  # type: ignore[attr-defined]
                "The computer's clock was changed; the timer noted it and kept the time that passed.",
                title="Timer", severity="warning", markup=False,
            )

    def announce_finished(self, session_id: str, how: str) -> None:
        self.post_message(SessionFinished(self.event_id, session_id, how))  # type: ignore[attr-defined]

    # Plumbing ----------------------------------------------------------------------------------

    def run_timer(self, do: Callable[[TimerRepository], TimerChange]) -> TimerChange | None:
        try:
            change = do(self.app.store.timer)  # type: ignore[attr-defined]
        except UserError as error:
            self.notify(str(error), severity="warning", markup=False)  # type: ignore[attr-defined]
            return None
        self.after_timer_change(change)
        return change

    def after_timer_change(self, change: TimerChange) -> None:
        self.show_timer_state(change.state)
        self.notify(change.message, title="Timer", markup=False)  # type: ignore[attr-defined]
        for session_id, how in change.ended:
            self.announce_finished(session_id, how)
        if change.started is not None:
            self.session_started()

    def session_started(self) -> None:
        """A session started, which moves a planned event to running; a screen holding the event re-reads it."""

    # Actions -----------------------------------------------------------------------------------

    def action_timer_toggle(self) -> None:
        self.run_timer(lambda timer: timer.toggle(self.event_id, day=self.timer_day()))

    def action_timer_next(self) -> None:
        self.run_timer(lambda timer: timer.next(self.event_id))

    def action_timer_finish(self) -> None:
        self.run_timer(lambda timer: timer.finish(self.event_id))

    def action_timer_skip(self) -> None:
        self.run_timer(lambda timer: timer.skip(self.event_id))

    def action_timer_start_session(self, session_id: str) -> None:
        self.run_timer(lambda timer: timer.start(session_id))

    def action_timer_extend(self, minutes: int = 5) -> None:
        self.run_timer(lambda timer: timer.extend(self.event_id, minutes))

    @work
    async def action_timer_extend_by(self) -> None:
        if self._nothing_in_hand():
            return

        def accept(text: str) -> TimerChange:
            minutes = parse_duration(text, field="extend", label="Extra time", maximum=MAX_EXTENSION_MINUTES)
            return self.app.store.timer.extend(self.event_id, minutes)  # type: ignore[attr-defined]

        change = await self.app.push_screen_wait(  # type: ignore[attr-defined]
            TextPromptScreen("Extend the session", "Extra time (e.g. 10, 15m, 1h)", "10", accept)
        )
        if change is not None:
            self.after_timer_change(change)

    @work
    async def action_timer_until(self) -> None:
        if self._nothing_in_hand():
            return
        store = self.app.store  # type: ignore[attr-defined]
        current = store.timer.current(self.event_id)
        suggested = current.fixed_start.strftime("%H:%M") if current and current.fixed_start else ""

        def accept(text: str) -> TimerChange:
            clock_time = parse_clock_time(text, field="until", label="Until")
            moment = datetime.combine(local_today(store.clock), clock_time, tzinfo=local_time(store.clock.now()).tzinfo)
            return store.timer.until(self.event_id, moment, label=clock_time.strftime("%H:%M"))

        change = await self.app.push_screen_wait(  # type: ignore[attr-defined]
            TextPromptScreen("Count down to a clock time", "Until (e.g. 11:00)", suggested, accept, placeholder="HH:MM")
        )
        if change is not None:
            self.after_timer_change(change)

    def _nothing_in_hand(self) -> bool:
        if self.app.store.timer.current(self.event_id) is None:  # type: ignore[attr-defined]
            self.notify("No session is running; press space to start one.", severity="warning")  # type: ignore[attr-defined]
            return True
        return False
