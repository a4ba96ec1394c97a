"""What the causes keys do on the event screen: problems, causes, whys, votes, verification, root causes.

The causes tab posts :class:`CauseChangeAsked`; this opens the dialog, commits through the repository
(stamped with the day and the running session, as decisions are) and only then shows the result in the
tab, with the new or changed record selected.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from facilitator.domain.causes import Cause, CauseKind, CauseTree, Verification, target_gap
from facilitator.domain.errors import UserError
from facilitator.domain.event import Event
from facilitator.messages import CauseChangeAsked
from facilitator.render.causes import fit
from facilitator.screens.decision_flow import capture_context
from facilitator.widgets.causes_view import WHYS, CausesView

# The dialogs are imported where they open, not above: the event screen's first paint needs none of them.


def show(screen: Screen, event: Event, select: str | None = None, mode: str | None = None, *, hidden: bool = False) -> None:
    """(Re)read the event's records into the causes tab.

    ``hidden``: the event (or another process) changed while the tab may not be in sight; a tab not in
    sight only notes that it is out of date and reads when it is next shown, so opening an event with
    hundreds of causes costs nothing until its causes are looked at.
    """
    views = list(screen.query(CausesView))
    if hidden and all(not _in_sight(screen, view) for view in views):
        for view in views:
            view.stale = True
        return
    tree = CauseTree.of(screen.app.store.causes.for_event(event.id))
    for view in views:
        view.stale = False
        view.show_tree(tree, select, mode)


def tab_shown(screen: Screen, event: Event | None, tab: str) -> None:
    """A tab came into sight: the causes tab reads what changed while it was hidden."""
    if event is None or tab != "causes":
        return
    if any(view.stale for view in screen.query(CausesView)):
        show(screen, event)


def _in_sight(screen: Screen, view: CausesView) -> bool:
    from textual.widgets import TabbedContent

    return any(areas.active == "causes" for areas in screen.query(TabbedContent)) and view.is_mounted


def act(screen: Screen, event: Event, message: CauseChangeAsked) -> None:
    handler = _ACTIONS.get(message.action)
    if handler is not None:
        handler(screen, event, message)


def _stamp(screen: Screen, event: Event) -> dict:
    day, session, _ = capture_context(screen, event)
    return {"day": day, "session_id": session.id if session else None}


def _prompt(screen: Screen, title: str, label: str, save: Callable[[str], Cause], value: str = "",
            mode: str | None = None, event: Event | None = None) -> None:
    def done(saved: Cause | None) -> None:
        if saved is not None and event is not None:
            show(screen, event, saved.id, mode)
            screen.notify(f"Saved: {fit(saved.text, 60)}", markup=False)

    from facilitator.screens.text_prompt import TextPromptScreen

    screen.app.push_screen(TextPromptScreen(title, label, value, save), done)


def _new_problem(screen: Screen, event: Event, message: CauseChangeAsked) -> None:
    choices = [("charter", f"c  The charter's problem: {fit(event.problem, 60)}" if event.problem.strip()
                else "c  The charter's problem (none written yet)")]
    for number, target in enumerate(event.targets[:9], start=1):
        choices.append((f"target:{target.id}", f"{number}  Gap: {fit(target_gap(target), 64)}"))
    choices.append(("typed", "t  Type a problem statement"))

    def chosen(source: str | None) -> None:
        if source is None:
            return
        text = ""
        if source == "charter":
            text = " ".join(event.problem.split())
        elif source.startswith("target:"):
            target = next((t for t in event.targets if f"target:{t.id}" == source), None)
            text = target_gap(target) if target is not None else ""

        def save(typed: str) -> Cause:
            return screen.app.store.causes.add_problem(event.id, typed, source=source, **_stamp(screen, event))

        _prompt(screen, "The problem", "Edit it if you like; enter saves.", save, text, event=event)

    from facilitator.screens.problem_source import ProblemSourceScreen

    screen.app.push_screen(ProblemSourceScreen(choices), chosen)


def _add_cause(screen: Screen, event: Event, message: CauseChangeAsked) -> None:
    problem = message.problem
    if problem is None:
        screen.notify("Start from a problem first: N.", severity="warning", markup=False)
        return
    bone = message.bone

    def save(typed: str) -> Cause:
        return screen.app.store.causes.add_child(problem.id, CauseKind.CAUSE, typed, category=bone, **_stamp(screen, event))

    _prompt(screen, f"A cause on the {bone.label.lower()} bone", f"Problem: {fit(problem.text, 60)}", save, event=event)


def _add_sub_cause(screen: Screen, event: Event, message: CauseChangeAsked) -> None:
    cause = message.cause
    if cause is None or cause.kind is not CauseKind.CAUSE:
        screen.notify("Highlight a fishbone cause to add a sub-cause under it.", severity="warning", markup=False)
        return

    def save(typed: str) -> Cause:
        return screen.app.store.causes.add_child(cause.id, CauseKind.CAUSE, typed, **_stamp(screen, event))

    _prompt(screen, "A sub-cause", f"Under: {fit(cause.text, 60)}", save, event=event)


def _add_why(screen: Screen, event: Event, message: CauseChangeAsked) -> None:
    parent = message.cause
    if parent is None and isinstance(message.problem, Cause):
        parent = message.problem
    if parent is None:
        screen.notify("Start from a problem first: N.", severity="warning", markup=False)
        return
    tree = CauseTree.of(screen.app.store.causes.for_event(event.id))
    number = tree.depth(parent.id) + 1 if parent.kind is CauseKind.WHY else 1

    def save(typed: str) -> Cause:
        return screen.app.store.causes.add_child(parent.id, CauseKind.WHY, typed, **_stamp(screen, event))

    _prompt(screen, f"Why {number}?", f"Why: {fit(parent.text, 64)}", save, mode=WHYS, event=event)


def _vote(step: int) -> Callable[[Screen, Event, CauseChangeAsked], None]:
    def vote(screen: Screen, event: Event, message: CauseChangeAsked) -> None:
        cause = message.cause
        if cause is None or cause.kind is CauseKind.PROBLEM:
            screen.notify("Highlight a cause to vote on it.", severity="warning", markup=False)
            return
        _change(screen, event, lambda: screen.app.store.causes.vote(cause.id, step))

    return vote


def _change(screen: Screen, event: Event, change: Callable[[], Cause], say: Callable[[Cause], str] | None = None) -> None:
    try:
        changed = change()
    except UserError as error:
        screen.notify(str(error), severity="error", markup=False)
        return
    show(screen, event, changed.id)
    if say is not None:
        screen.notify(say(changed), markup=False)


def _root(screen: Screen, event: Event, message: CauseChangeAsked) -> None:
    cause = message.cause
    if cause is None:
        return
    _change(screen, event, lambda: screen.app.store.causes.set_root(cause.id, not cause.is_root),
            lambda c: f"{'Root cause' if c.is_root else 'No longer a root cause'}: {fit(c.text, 50)}")


def _verify(screen: Screen, event: Event, message: CauseChangeAsked) -> None:
    cause = message.cause
    if cause is None:
        return

    def accept(draft: tuple[Verification | None, str]) -> Cause:
        return screen.app.store.causes.verify(cause.id, draft[0], draft[1])

    def done(saved: Cause | None) -> None:
        if saved is not None:
            show(screen, event, saved.id)
            how = f"verified {saved.verified_how.label}" if saved.verified_how else "not verified"
            screen.notify(f"{fit(saved.text, 50)}: {how}", markup=False)

    from facilitator.screens.verify_cause import VerifyCauseScreen

    screen.app.push_screen(VerifyCauseScreen(cause, accept), done)


def _edit(screen: Screen, event: Event, message: CauseChangeAsked) -> None:
    cause = message.cause
    if cause is None:
        return
    _prompt(screen, "Edit", f"The {cause.kind.value}'s text", lambda typed: screen.app.store.causes.edit_text(cause.id, typed),
            cause.text, event=event)


def _delete(screen: Screen, event: Event, message: CauseChangeAsked) -> None:
    cause = message.cause
    if cause is None:
        return
    below = len(CauseTree.of(screen.app.store.causes.for_event(event.id)).children(cause.id))
    body = f"Remove {fit(cause.text, 60)!r}" + (" with everything under it?" if below else "?")

    def chosen(answer: str | None) -> None:
        if answer != "remove":
            return
        try:
            count = screen.app.store.causes.delete(cause.id)
        except UserError as error:
            screen.notify(str(error), severity="error", markup=False)
            return
        show(screen, event)
        screen.notify(f"Removed {count} record{'s' if count != 1 else ''}.", markup=False)

    from facilitator.screens.agenda_choice import AgendaChoiceScreen

    screen.app.push_screen(AgendaChoiceScreen("Remove", body, [("keep", "Keep it"), ("remove", "Remove it")]), chosen)


_ACTIONS: dict[str, Callable[[Screen, Event, CauseChangeAsked], None]] = {
    "problem": _new_problem,
    "cause": _add_cause,
    "sub": _add_sub_cause,
    "why": _add_why,
    "vote_up": _vote(1),
    "vote_down": _vote(-1),
    "root": _root,
    "verify": _verify,
    "edit": _edit,
    "delete": _delete,
}
