"""The follow-up tab: target sheet on top, the Kaizen newspaper below, then what earlier events still owe.

It also owns the dialogs of the area (quick add, edit, record a measurement), so the event screen's keys
``a`` and ``m`` only have to call :meth:`add_followup` and :meth:`record_measurement`.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from facilitator.domain.clock import local_time, local_today
from facilitator.domain.errors import UserError
from facilitator.domain.event import Event
from facilitator.domain.followup import FollowUp, FollowUpForm, FollowUpStatus, owner_suggestions, person_name
from facilitator.domain.measurement import MeasurementDraft, progress_for
from facilitator.messages import FollowUpSaved, MeasurementRecorded
from facilitator.widgets.earlier_followups import EarlierFollowUps
from facilitator.widgets.newspaper import Newspaper
from facilitator.widgets.sustain_panel import SustainPanel
from facilitator.widgets.item_evidence import ItemEvidence, target_parts
from facilitator.widgets.target_sheet import LEGEND, TargetSheet


class FollowUpArea(Vertical):
    DEFAULT_CSS = """
    FollowUpArea { height: 1fr; }
    FollowUpArea .area-heading { text-style: bold; padding: 0 1; height: 1; margin-top: 1; }
    FollowUpArea .area-heading.-first { margin-top: 0; }
    FollowUpArea .area-hint { color: $text-muted; padding: 0 1; height: 1; }
    FollowUpArea Newspaper { height: 1fr; min-height: 4; }
    FollowUpArea .area-legend { color: $text-muted; width: 1fr; height: 1; }
    FollowUpArea #target-head { height: 1; }
    FollowUpArea #target-head .area-heading { width: auto; margin-top: 0; }
    FollowUpArea.-compact .area-hint, FollowUpArea.-compact .area-legend,
    FollowUpArea.-compact #earlier-heading, FollowUpArea.-compact #earlier { display: none; }
    FollowUpArea.-compact .area-heading { margin-top: 0; }
    """

    COMPACT_BELOW = 22  # rows: below this the hints, legend and earlier events give their room to the list

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.event: Event | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="target-head"):
            yield Static("Target sheet", classes="area-heading -first", markup=False)
            yield Static(LEGEND, classes="area-legend", markup=False)
        yield TargetSheet(id="target-sheet")
        yield ItemEvidence(id="target-evidence")
        yield SustainPanel(id="sustain")
        yield Static("Kaizen newspaper", classes="area-heading", id="newspaper-heading", markup=False)
        yield Static(
            "a add - s move on - b blocked - enter edit - m record a measurement", classes="area-hint", markup=False
        )
        yield Newspaper(id="newspaper")
        yield Static("Earlier events in this area", classes="area-heading", id="earlier-heading", markup=False)
        yield EarlierFollowUps(id="earlier")

    def on_resize(self) -> None:
        self.set_class(self.size.height < self.COMPACT_BELOW, "-compact")

    def on_show(self) -> None:
        # Other areas add follow-ups too (a reflection's "where else does this apply?"): re-read on showing,
        # and put the keys s / b / enter within reach.
        self.reload()
        self.query_one(Newspaper).focus()

    # Showing ----------------------------------------------------------------------------------------

    def load(self, event: Event) -> None:
        self.event = event
        store = self.app.store
        today = local_today(self.app.clock)
        kaizen = event.kind.value == "kaizen"
        self.query_one("#newspaper-heading", Static).update("Kaizen newspaper" if kaizen else "Actions agreed in the set")
        self.query_one(TargetSheet).progress = progress_for(event.targets, store.measurements.for_event(event.id))
        self.query_one("#target-evidence", ItemEvidence).show(*target_parts(store, event))
        self.query_one(SustainPanel).load(event)
        self.query_one(Newspaper).show(store.followups.for_event(event.id), event.end_date, today)
        earlier = store.followups.open_from_earlier_events(event)
        heading = f"Earlier {event.area.label} events"
        if earlier:
            late = sum(1 for _, item in earlier if item.is_overdue(today))
            heading += f": {len(earlier)} open follow-up{'s' if len(earlier) != 1 else ''}"
            heading += f", {late} overdue" if late else ""
        self.query_one("#earlier-heading", Static).update(heading)
        self.query_one(EarlierFollowUps).show(earlier, today, event.area.label)

    def reload(self) -> None:
        if self.event is not None:
            self.load(self.app.store.events.get(self.event.id))

    # Follow-ups ---------------------------------------------------------------------------------------

    def _by(self) -> str:
        assert self.event is not None
        return person_name(self.event.facilitator) or "facilitator"

    def _sources(self) -> tuple[list[tuple[str, str]], str]:
        """Where a follow-up can come from: the running (or last paused) session, chosen by default,
        then the latest decision and the latest reflection of the event."""
        assert self.event is not None
        store = self.app.store
        sources: list[tuple[str, str]] = []
        session = store.timer.current(self.event.id)
        if session is not None:
            sources.append((f"session: {session.title}", f"session:{session.id}"))
        for decision in store.decisions.page(self.event.id, limit=1):
            sources.append((f"decision: {decision.subject}", f"decision:{decision.id}"))
        reflections = [r for r in store.reflections.history(self.event.id) if r.status.value == "done"]
        if reflections:
            latest = reflections[-1]
            sources.append((f"reflection: {latest.participant} ({latest.framework_name})", f"reflection:{latest.id}"))
        default = sources[0][1] if session is not None else ""
        return sources, default

    def add_followup(self) -> None:
        if self.event is None:
            return
        event = self.event
        today = local_today(self.app.clock)
        sources, default = self._sources()

        def accept(form: FollowUpForm) -> FollowUp:
            return self.app.store.followups.add(form.to_followup(event.id, today), by=self._by())

        from facilitator.screens.followup_form import FollowUpFormScreen  # when it opens: not at the event's first paint

        self.app.push_screen(
            FollowUpFormScreen(
                "Add a follow-up", event.title, accept, today=today, form=FollowUpForm(source=default),
                sources=sources, owners=owner_suggestions(event),
            ),
            self._saved,
        )

    @on(Newspaper.EditAsked)
    def _edit_asked(self, message: Newspaper.EditAsked) -> None:
        message.stop()
        self.edit_followup(message.item)

    def edit_followup(self, item: FollowUp) -> None:
        if self.event is None:
            return
        event = self.event
        today = local_today(self.app.clock)
        form = FollowUpForm.from_followup(item)
        sources, _ = self._sources()
        if form.source and form.source not in {value for _, value in sources}:
            sources.insert(0, (f"{item.source_kind.value if item.source_kind else 'source'} (as recorded)", form.source))

        def accept(typed: FollowUpForm) -> FollowUp:
            return self.app.store.followups.update(typed.to_followup(event.id, today, base=item), by=self._by())

        origin = event.title if item.event_id == event.id else self.app.store.events.get(item.event_id).title
        from facilitator.screens.followup_form import FollowUpFormScreen  # when it opens: not at the event's first paint

        self.app.push_screen(
            FollowUpFormScreen(
                "Edit follow-up", origin, accept, today=today, form=form, sources=sources,
                owners=owner_suggestions(event), editing=True,
            ),
            self._saved,
        )

    @on(Newspaper.StatusAsked)
    def _status_asked(self, message: Newspaper.StatusAsked) -> None:
        message.stop()
        self.change_status(message.item, message.status)

    def change_status(self, item: FollowUp, status: FollowUpStatus) -> None:
        try:
            # The item as this screen showed it: one moved on elsewhere meanwhile is not moved again blindly.
            saved = self.app.store.followups.set_status(item.id, status, by=self._by(), expected=item.status)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            self.reload()
            return
        self.notify(f"{saved.status.label.capitalize()}: {saved.action}", markup=False)
        self._saved(saved, quiet=True)

    def _saved(self, saved: FollowUp | None, *, quiet: bool = False) -> None:
        if saved is None:
            return
        if not quiet:
            self.notify(f"Follow-up saved: {saved.action} ({saved.owner}, due {saved.due_date.isoformat()})", markup=False)
        self.reload()
        newspaper = self.query_one(Newspaper)
        if saved.id in newspaper.items:
            newspaper.move_cursor(row=newspaper.get_row_index(saved.id))
        self.post_message(FollowUpSaved(saved.event_id, saved.id))

    # Measurements -------------------------------------------------------------------------------------

    def record_measurement(self) -> None:
        if self.event is None:
            return
        event = self.event
        if not event.targets:
            self.notify("The charter has no targets yet: press e and add metric; unit; baseline; goal.", severity="warning")
            return

        def accept(draft: MeasurementDraft):
            now_local = local_time(self.app.clock.now())
            return self.app.store.measurements.add(draft.to_measurement(event.id, event.targets, now_local))

        def history(target_id: str):
            return [m for m in self.app.store.measurements.for_event(event.id) if m.target_id == target_id]

        def saved(measurement) -> None:
            self.reload()  # also after a removal in a dialog closed without saving
            if measurement is None:
                return
            target = next(t for t in event.targets if t.id == measurement.target_id)
            self.notify(f"Recorded {target.metric}: {measurement.value:g} {target.unit}".rstrip(), markup=False)
            self.post_message(MeasurementRecorded(event.id, measurement.id))

        from facilitator.screens.measurement_form import MeasurementFormScreen  # when it opens, as above

        self.app.push_screen(
            MeasurementFormScreen(
                event.title, event.targets, accept, history=history,
                remove=lambda measurement: self.app.store.measurements.delete(measurement.id),
            ),
            saved,
        )
