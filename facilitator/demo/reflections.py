"""Demo reflections: four Action Learning meetings (some double-loop) and the blitz's day-end reviews."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from facilitator.demo.charters import ACTION_LEARNING_ID, BLITZ_ID, demo_id
from facilitator.domain.followup import FollowUp, SourceKind
from facilitator.domain.frameworks import BUILTIN_BY_KEY
from facilitator.domain.reflection import Answer, Loop, Reflection, Scope, Transfer
from facilitator.storage.store import Store

# (meeting, participant, framework, loop, answers, assumptions, transfers)
_AL = [
    (1, "Group", "action-learning", Loop.SINGLE, (
        "We held back from solutions for the whole first hour, which none of us thought we could do.",
        "Our first problem statement was about retention figures, not about what a new starter's first week feels like.",
        "Anja will ask her shift leads what a starter's first day looks like before proposing anything.",
    ), (), ()),
    (1, "Jonas Berg (logistics supervisor, plant 3)", "action-learning", Loop.SINGLE, (
        "Olivia asked 'who meets them at the gate?' and nobody could answer.",
        "I came in with a fix (a better induction video) and caught myself defending it.",
        "Ask one open question before giving advice in my own team meetings.",
    ), (), ()),
    (2, "Kwame Mensah (team leader, plant 2)", "action-learning", Loop.DOUBLE, (
        "We read twenty exit interviews together instead of arguing about them.",
        "The data overturned what we were sure of: the pay question hardly comes up.",
        "Plant 2 will name a buddy who meets every new starter at the gate on their first shift.",
    ), (
        "We assumed people leave for pay; exit interviews say they leave in week 2 because nobody meets them at the gate.",
    ), (
        Transfer("Gate welcome by a named buddy on the first shift", "Jonas Berg", "plant 3 logistics",
                 id=demo_id("transfer:al:2:gate")),
    )),
    (2, "Li Wei (HR business partner)", "action-learning", Loop.DOUBLE, (
        "Kwame's site data and my HR data finally sat on one page.",
        "Onboarding is decided on the shop floor in the first shift, not in the HR induction.",
        "I will stop reporting 'induction completed' as our onboarding measure.",
    ), (
        "We assumed onboarding is HR's job; the first shift supervisor decides whether people stay.",
    ), ()),
    (3, "Group", "double-loop", Loop.DOUBLE, (
        "That three sites need one standard induction, written once by head office.",
        "Each site could keep what works locally and share a few must-haves: the gate welcome, a buddy, a day-5 check-in.",
        "We write a procedure, train it once, and are surprised when nobody follows it.",
        "A standard is a starting point each site adapts, not a script to police.",
    ), (
        "One standard induction fits all three sites.",
        "Writing a procedure changes what people do.",
    ), (
        Transfer("Three must-haves instead of a 40-page induction procedure", "Ruth Okafor", "HR leadership team",
                 id=demo_id("transfer:al:3:must-haves")),
    )),
    (4, "Olivia Grant (training coordinator)", "what-so-what", Loop.SINGLE, (
        "We trialled the gate welcome at plant 2 for two new starters; both were still there on day 10.",
        "Two people prove nothing yet, but the buddy said it took fifteen minutes a day.",
        "Write the week-1 buddy checklist with Kwame's buddies and try it at plant 1.",
    ), (), (
        Transfer("Week-1 buddy checklist", "Olivia Grant", "plant 1 warehouse", id=demo_id("transfer:al:4:checklist")),
    )),
    (4, "Anja Vogel (site manager, plant 1)", "action-learning", Loop.SINGLE, (
        "We challenged Jonas's timeline kindly and he changed it himself.",
        "Small trials tell us more than another round of opinions.",
        "I will run the plant 1 trial myself rather than delegate it.",
    ), (), ()),
]

_BLITZ = [
    (1, "Group", Loop.SINGLE, (
        "Kick-off, Helen reads the charter, gemba on line 4, film two changeovers, current-state map by 16:00.",
        "We filmed one changeover only (the 14:00 change slipped to second shift); the map was finished at 17:30.",
        "We did not check the production schedule with Grace before planning the filming.",
        "Sustain: timing every element on the video. Change: confirm the changeover schedule with the shift supervisor each morning.",
    ), ()),
    (2, "Group", Loop.DOUBLE, (
        "Root causes of the 47 minutes, split internal from external work, rank the ideas.",
        "19 of the 47 minutes are spent looking for clamps, bolts and the die cart; 31 ideas ranked, 8 chosen for day 3.",
        "Luis knew about the hunting time all along, but it never appeared on the changeover sheet.",
        "Sustain: operators lead the idea ranking. Change: bring the tool room (Marek) in before lunch, not after.",
    ), (
        "We assumed the die change itself was the slow part; the video shows most time goes on fetching and searching.",
    )),
    (2, "Dana Whitfield (press operator, line 4)", Loop.SINGLE, (
        "Show where the time goes.",
        "My own changeover on the video: I walked 400 metres.",
        "Nobody had ever timed the walking.",
        "Keep the video; put the clamps on a shadow board at the press.",
    ), ()),
]


def seed(store: Store, today: date) -> None:
    if store.db["reflections"].exists() and store.db.execute(
        "select 1 from reflections where id = ?", [demo_id("reflection:al:1:0")]
    ).fetchone():
        return
    al_sessions = store.agenda.sessions(ACTION_LEARNING_ID)
    per_meeting: dict[int, int] = {}
    for meeting, participant, key, loop, answers, assumptions, transfers in _AL:
        framework = BUILTIN_BY_KEY[key]
        number = per_meeting.get(meeting, 0)
        per_meeting[meeting] = number + 1
        session_id = _session_for(al_sessions, meeting)
        scope = Scope.SESSION if session_id else Scope.DAY
        at = _at(today - timedelta(weeks=5 - meeting), time(16, 8), number)
        reflection = Reflection(
            id=demo_id(f"reflection:al:{meeting}:{number}"), event_id=ACTION_LEARNING_ID, scope=scope,
            session_id=session_id, day=meeting, framework=framework.key, framework_name=framework.name,
            participant=participant, loop=loop, answers=_answers(framework.prompts, answers, participant, meeting, number),
            assumptions=assumptions, transfers=transfers,
        )
        store.reflections.add(reflection, at=at)
        for transfer in transfers:
            item = store.followups.add(
                FollowUp(
                    id=demo_id(f"followup:{transfer.id}"), event_id=ACTION_LEARNING_ID,
                    action=f"Carry on ({transfer.where}): {transfer.text}", owner=transfer.owner,
                    due_date=today + timedelta(weeks=meeting), source_kind=SourceKind.REFLECTION,
                    source_id=reflection.id,
                ),
                at=at,
            )
            store.reflections.link_followup(transfer.id, item.id)
    aar = BUILTIN_BY_KEY["aar"]
    per_day: dict[int, int] = {}
    for day, participant, loop, answers, assumptions in _BLITZ:
        number = per_day.get(day, 0)
        per_day[day] = number + 1
        reflection = Reflection(
            id=demo_id(f"reflection:blitz:{day}:{number}"), event_id=BLITZ_ID, scope=Scope.DAY, day=day,
            framework=aar.key, framework_name=aar.name, participant=participant, loop=loop,
            answers=_answers(aar.prompts, answers, participant, day, number, "blitz"), assumptions=assumptions,
        )
        store.reflections.add(reflection, at=_at(today - timedelta(days=3 - day), time(16, 45), number))


def _answers(prompts, answers, participant, day, number, prefix="al") -> tuple[Answer, ...]:
    return tuple(
        Answer(prompt=prompt, answer=answer, participant=participant, id=demo_id(f"answer:{prefix}:{day}:{number}:{i}"))
        for i, (prompt, answer) in enumerate(zip(prompts, answers, strict=True))
    )


def _session_for(sessions, meeting: int) -> str | None:
    """The meeting's set session from the demo agenda, if the agenda demo seeded one."""
    of_day = [s for s in sessions if s.day == meeting and s.kind.value != "break"]
    if not of_day:
        return None
    set_meetings = [s for s in of_day if s.kind.value == "set_meeting"]
    return (set_meetings or of_day)[-1].id


def _at(day: date, moment: time, number: int) -> datetime:
    local = datetime.combine(day, moment).astimezone()
    return local + timedelta(minutes=4 * number)


