"""What the countermeasure keys do on the event screen: propose, edit, give dots, choose, drop.

The table only asks (CountermeasureAsked); here each ask opens its dialog, and the dialog's
``accept`` commits before it closes. Choosing and dropping go through the decision log, so the log, its
digests and the parking lot follow; a chosen one's follow-up lands in the newspaper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from facilitator.domain.clock import local_today
from facilitator.domain.countermeasures import Countermeasure, CountermeasureForm, Status, members
from facilitator.domain.decision import DecidedBy, Verdict
from facilitator.domain.errors import ValidationError
from facilitator.domain.event import Event
from facilitator.domain.followup import owner_suggestions, person_name
from facilitator.messages import DecisionLogged
from facilitator.screens.decision_flow import capture_context
from facilitator.widgets.countermeasure_area import CountermeasureArea
from facilitator.widgets.followup_area import FollowUpArea

if TYPE_CHECKING:
    from facilitator.screens.countermeasure_choice import Choosing
    from facilitator.screens.countermeasure_drop import Dropping

# The dialogs are imported where they open, not above: the event screen's first paint needs none of them.


def show_event(screen: Screen, event: Event) -> None:
    for area in screen.query(CountermeasureArea):
        area.load(event)


def ask(screen: Screen, event: Event | None, what: str, item: Countermeasure | None) -> None:
    if event is None:
        return
    if what == "add":
        add(screen, event)
    elif item is not None and what == "edit":
        edit(screen, event, item)
    elif item is not None and what == "vote":
        vote(screen, event, item)
    elif item is not None and what == "choose":
        choose(screen, event, item)
    elif item is not None and what == "drop":
        drop(screen, event, item)


def add(screen: Screen, event: Event) -> None:
    repo = screen.app.store.countermeasures
    day, session, where = capture_context(screen, event)
    by = person_name(event.facilitator)

    def accept(form: CountermeasureForm) -> Countermeasure:
        return repo.add(event.id, form, day=day, session_id=session.id if session else None, by=by)

    from facilitator.screens.countermeasure_form import CountermeasureFormScreen

    screen.app.push_screen(
        CountermeasureFormScreen("Propose a countermeasure", where, accept, repo.verified_causes(event.id)),
        lambda saved: _saved(screen, saved, "Proposed"),
    )


def edit(screen: Screen, event: Event, item: Countermeasure) -> None:
    repo = screen.app.store.countermeasures
    verified = repo.verified_causes(event.id)
    # Causes it already answers stay on the list even if their verified mark was taken back since.
    known = {cause.id for cause in verified}
    causes = verified + [cause for cause in repo.causes(event.id) if cause.id in item.cause_ids and cause.id not in known]

    def accept(form: CountermeasureForm) -> Countermeasure:
        return repo.update(item.id, form)

    from facilitator.screens.countermeasure_form import CountermeasureFormScreen

    screen.app.push_screen(
        CountermeasureFormScreen("Edit countermeasure", item.status.value, accept, causes, CountermeasureForm.from_countermeasure(item)),
        lambda saved: _saved(screen, saved, "Saved"),
    )


def vote(screen: Screen, event: Event, item: Countermeasure) -> None:
    team = members(event)
    repo = screen.app.store.countermeasures
    if not team:
        screen.notify("Dots are per team member: add the team to the charter first (e).", severity="warning", markup=False)
        return
    from facilitator.screens.dot_vote import DotVoteScreen

    dialog = DotVoteScreen(
        item, team, repo.budget(event.id), repo.spent(event.id), lambda votes: repo.set_votes(item.id, votes)
    )
    screen.app.push_screen(dialog, lambda saved: _saved(screen, saved, f"Dots: {saved.dots} on" if saved else ""))


def _decided_by(typed: str) -> DecidedBy:
    try:
        return DecidedBy(typed)
    except ValueError:
        raise ValidationError({"decided_by": "Pick who decided: t team, f facilitator or s sponsor."}) from None


def choose(screen: Screen, event: Event, item: Countermeasure) -> None:
    if item.status is Status.CHOSEN:
        screen.notify(f"Already chosen: {item.text}", severity="warning", markup=False)
        return
    store = screen.app.store
    day, session, _ = capture_context(screen, event)
    logged = {}

    def accept(typed: Choosing) -> Countermeasure:
        chosen, decision, followup = store.countermeasures.choose(
            item.id, owner=typed.owner, due=typed.due, decided_by=_decided_by(typed.decided_by),
            rationale=typed.rationale, day=day, session_id=session.id if session else None,
            today=local_today(store.clock),
        )
        logged.update(decision=decision, followup=followup)
        return chosen

    def done(chosen: Countermeasure | None) -> None:
        if chosen is None:
            _saved(screen, None, "")
            return
        followup = logged["followup"]
        _saved(screen, chosen, "Chosen", quiet=True)
        screen.post_message(DecisionLogged(event.id, logged["decision"].id))
        for area in screen.query(FollowUpArea):
            area.reload()
        screen.notify(
            f"Chosen: {chosen.text} - in scope; follow-up for {followup.owner}, due {followup.due_date.isoformat()}",
            markup=False,
        )

    from facilitator.screens.countermeasure_choice import ChooseCountermeasureScreen

    screen.app.push_screen(
        ChooseCountermeasureScreen(item, accept, today=local_today(store.clock), owners=owner_suggestions(event)), done
    )


def drop(screen: Screen, event: Event, item: Countermeasure) -> None:
    if item.status is not Status.PROPOSED:
        screen.notify(f"'{item.text}' is {item.status.value}; change its decision in the log (3).", severity="warning", markup=False)
        return
    store = screen.app.store
    day, session, _ = capture_context(screen, event)
    logged = {}

    def accept(typed: Dropping) -> Countermeasure:
        try:
            verdict = Verdict(typed.verdict)
        except ValueError:
            raise ValidationError({"verdict": "Pick o out of scope or p parked."}) from None
        dropped, decision = store.countermeasures.drop(
            item.id, verdict=verdict, decided_by=_decided_by(typed.decided_by), rationale=typed.rationale,
            day=day, session_id=session.id if session else None,
        )
        logged["decision"] = decision
        return dropped

    def done(dropped: Countermeasure | None) -> None:
        if dropped is None:
            _saved(screen, None, "")
            return
        decision = logged["decision"]
        _saved(screen, dropped, "Dropped", quiet=True)
        screen.post_message(DecisionLogged(event.id, decision.id))
        screen.notify(f"Dropped: {dropped.text} ({decision.verdict.label})", markup=False)

    from facilitator.screens.countermeasure_drop import DropCountermeasureScreen

    screen.app.push_screen(DropCountermeasureScreen(item, accept), done)


def _saved(screen: Screen, saved: Countermeasure | None, verb: str, *, quiet: bool = False) -> None:
    # The list takes the focus back at once, before the next key of a burst is let through: waiting for
    # the screen to restore it let an `i` typed straight after `enter` fall through to the event's keys.
    for area in screen.query(CountermeasureArea):
        area.focus_view()
    if saved is None:
        return
    for area in screen.query(CountermeasureArea):
        area.reload()
        area.select(saved.id)
    if not quiet:
        screen.notify(f"{verb}: {saved.text}", markup=False)
