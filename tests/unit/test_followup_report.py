"""The daily report-out assembles from what was logged; the last day follows the 30-minute outline."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from facilitator.demo import load_demo
from facilitator.demo.charters import BLITZ_ID
from facilitator.demo.followups import EARLIER_BLITZ_ID
from facilitator.domain.event import Area, Event, EventKind, Target
from facilitator.domain.followup import FollowUp, FollowUpStatus
from facilitator.domain.measurement import Measurement, progress_for
from facilitator.report.daily import BAD, GOOD, DayRecords, DecisionLine, ReflectionLine, SessionRun, assemble
from facilitator.report.gather import current_day, daily_report

CHANGEOVER = Target(metric="Changeover time", unit="min", baseline=47, goal=20, id="t-co")
EVENT = Event(
    title="Line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=3, area=Area.PRODUCT,
    problem="Changeovers take 47 minutes.", sponsor="Helen Brandt (plant manager)",
    team=("Luis Ortega (die setter)", "Dana Whitfield (operator)"), out_of_bounds=("Capital spending",),
    targets=(CHANGEOVER,), id="e",
)
TODAY = date(2026, 11, 24)


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, 22 + day, hour, 0, tzinfo=UTC)


def records(day: int, extra_sessions: tuple[SessionRun, ...] = ()) -> DayRecords:
    measurements = [
        Measurement(event_id="e", target_id="t-co", value=47, measured_at=at(1, 10)),
        Measurement(event_id="e", target_id="t-co", value=31, measured_at=at(2, 16), note="two-person changeover"),
    ]
    followups = (
        FollowUp(event_id="e", action="Quote for a die cart", owner="Marek", due_date=date(2026, 11, 23)),
        FollowUp(event_id="e", action="Floor tape", owner="Luis", due_date=date(2026, 11, 23), status=FollowUpStatus.DONE, outcome="Taped"),
    )
    return DayRecords(
        event=EVENT, day=day, today=TODAY,
        sessions=(
            SessionRun("Gemba walk", 45, 60.4, "finished"),
            SessionRun("Current-state map", 90, 80, "finished"),
            SessionRun("Waste walk", 30, None, "skipped"),
            SessionRun("Debrief", 20, None, "pending"),
        ) + extra_sessions,
        decisions=(
            DecisionLine("Replace hydraulics", "out_of_scope", "out of scope", "facilitator", "capital", day=2),
            DecisionLine("Die carts on rails", "in_scope", "in scope", "team", day=1),
            DecisionLine("Clamps are bolted", "in_scope", "in scope", "team", tags=("root-cause",), day=1),
            DecisionLine("Old idea", "in_scope", "in scope", "team", day=1, current=False),
        ),
        parking_lot=("Paint shop [bold]queue[/]",),
        reflections=(ReflectionLine("Group", "After-Action Review", (("What happened?", "Filmed one changeover"),)),),
        new_followups=followups[:1],
        followups=followups,
        progress=progress_for(EVENT.targets, measurements),
        day_measurements=tuple(m for m in measurements if m.measured_at.day == 22 + day),
    )


def test_a_day_report_has_every_section_in_order():
    report = assemble(records(2))
    assert not report.final
    assert report.title == "Line 4 SMED: Report-out, day 2 of 3"
    assert report.subtitle == "Kaizen blitz, Tuesday 24 November 2026"
    assert [s.title for s in report.sections] == [
        "Sessions run and overruns", "Scope changes of the day", "Parking lot", "Reflections", "New follow-ups",
        "Target progress",
    ]
    sessions, scope, parking, reflections, new, targets = report.sections
    assert [(line.text, line.tone) for line in sessions.lines] == [
        ("2 of 4 sessions run; 1 overran by 15 min in all", BAD),
        ("Gemba walk: 60 of 45 min (+15 over)", BAD),
        ("Current-state map: 80 of 90 min", ""),
        ("Waste walk: skipped", ""),
        ("Debrief: not run (20 min planned)", ""),
    ]
    assert [line.text for line in scope.lines] == ["Out of scope: Replace hydraulics (decided by facilitator): capital"]
    assert [line.text for line in parking.lines] == ["Paint shop [bold]queue[/]"]
    assert reflections.lines[0].text == "Group (After-Action Review): What happened? Filmed one changeover"
    assert [(line.text, line.tone) for line in new.lines] == [
        ("Quote for a die cart - Marek, due 2026-11-23 (1 day overdue)", BAD)
    ]
    assert [line.text for line in targets.lines] == [
        "Changeover time: 47 -> 31 min (goal 20, lower is better): 59% of the way",
        "Measured at 16:00: Changeover time = 31 min - two-person changeover",
    ]


def test_a_session_still_on_the_clock_is_not_counted_as_run():
    running = assemble(records(2, (SessionRun("Trial", 60, 12, "running"),))).sections[0].lines
    assert running[0].text == "2 of 5 sessions run, 1 running; 1 overran by 15 min in all"
    assert running[-1].text == "Trial: 12 of 60 min, running"
    both = (SessionRun("Trial", 60, 12, "running"), SessionRun("Audit", 30, 5, "paused"))
    assert assemble(records(2, both)).sections[0].lines[0].text == (
        "2 of 6 sessions run, 2 under way; 1 overran by 15 min in all"
    )


def test_empty_sections_say_so_in_markdown():
    empty = replace(records(1), sessions=(), decisions=(), parking_lot=(), reflections=(), new_followups=())
    text = assemble(empty).to_markdown()
    assert text.startswith("# Line 4 SMED: Report-out, day 1 of 3\n")
    assert "## Parking lot\n\n_The parking lot is empty._" in text
    assert "## Sessions run and overruns\n\n_No sessions were planned for this day._" in text
    assert assemble(empty).to_markdown(level=2).startswith("## Line 4 SMED")


def test_the_last_day_follows_the_thirty_minute_outline():
    report = assemble(records(3))
    assert report.final
    assert [(s.title, s.minutes) for s in report.sections] == [
        ("Problem and scope", 3), ("Current state", 5), ("Root causes", 5), ("Changes made", 7),
        ("Results against targets", 5), ("Open actions", 3), ("Thanks", 2),
    ]
    assert sum(s.minutes for s in report.sections) == 30
    text = report.to_markdown()
    assert "## Root causes (5 min)\n\n- In scope: Clamps are bolted (decided by team)" in text
    assert "- Done: Floor tape (Luis) - Taped" in text
    assert "Old idea" not in text  # superseded decisions are not presented as changes
    assert "- Quote for a die cart - Marek, due 2026-11-23 (1 day overdue)" in text
    assert "- Parking lot, for the sponsor: Paint shop \\[bold]queue\\[/]" in text  # escaped: reads as typed
    assert "- The team: Luis Ortega, Dana Whitfield" in text
    assert "- Scope decisions: 2 in scope, 1 out of scope" in text


def test_goal_met_reads_as_good():
    met = replace(records(2), progress=progress_for(EVENT.targets, [
        Measurement(event_id="e", target_id="t-co", value=19, measured_at=at(2, 9))
    ]))
    line = assemble(met).sections[-1].lines[0]
    assert (line.text, line.tone) == ("Changeover time: 47 -> 19 min (goal 20, lower is better): goal met", GOOD)


def test_current_day():
    assert current_day(EVENT, date(2026, 11, 24)) == 2
    assert current_day(EVENT, date(2026, 11, 1)) == 1
    assert current_day(EVENT, date(2026, 12, 24)) == 3


def test_report_out_of_the_seeded_demo_blitz(store, clock):
    load_demo(store)
    day1 = daily_report(store, BLITZ_ID, 1)
    sections = {s.title: [line.text for line in s.lines] for s in day1.sections}
    # Day 1 shows the targets as they stood that evening, not today's numbers.
    assert sections["Target progress"][0] == "Changeover time: 47 -> 44 min (goal 20, lower is better): 11% of the way"
    assert "Get a quote for a second die cart with a roller deck - Marek Kowalski, due 2026-11-24 (1 day overdue)" in sections["New follow-ups"]
    today = daily_report(store, BLITZ_ID, 3)
    assert today.title == "Press line 4 changeover blitz (SMED): Report-out, day 3 of 5"
    sections = {s.title: [line.text for line in s.lines] for s in today.sections}
    assert sections["Target progress"][0] == "Changeover time: 47 -> 26 min (goal 20, lower is better): 78% of the way"
    final = daily_report(store, BLITZ_ID, 5)
    assert final.final
    markdown = final.to_markdown()
    assert "## Open actions (3 min)" in markdown
    assert "Move the first-off gauge check from the QC lab to the press - Tom Becker, due 2026-11-24 (blocked, 1 day overdue)" in markdown
    # The earlier 5S blitz has a report too, and its open items stay open.
    assert daily_report(store, EARLIER_BLITZ_ID, 3).final
    assert load_demo(store) == "The demo is already loaded."


def test_report_out_reads_every_area_through_its_repository(store, clock):
    """A facilitator's day 1, logged through each area's own storage API, comes back in the report-out."""
    from facilitator.domain.decision import DecisionDraft
    from facilitator.domain.reflection import Answer, Reflection, Scope

    event = store.events.add(replace(EVENT, id="ev", start_date=date(2026, 11, 25)))
    gemba = store.agenda.add(event.id, 1, "Gemba: time the changeover", planned_minutes=45)
    store.agenda.add(event.id, 1, "Current-state map", planned_minutes=60)
    store.timer.start(gemba.id)
    clock.advance(minutes=52)
    store.decisions.capture(
        event.id, DecisionDraft(subject="Hydraulic upgrade", verdict="out_of_scope", rationale="capital"), day=1,
        session_id=gemba.id,
    )
    store.timer.finish(event.id)
    clock.advance(seconds=30)
    store.decisions.capture(event.id, DecisionDraft(subject="Crane booking", verdict="parked"), day=1)
    store.reflections.add(
        Reflection(event_id=event.id, scope=Scope.DAY, day=1, framework="aar", framework_name="After-Action Review",
                   participant="Group", answers=(Answer("What happened?", "One changeover filmed"),))
    )
    store.followups.add(FollowUp(event_id=event.id, action="Book the crane", owner="Priya", due_date=date(2026, 11, 27)))
    store.measurements.add(Measurement(event_id=event.id, target_id="t-co", value=45, measured_at=clock.now()))
    sections = {s.title: [line.text for line in s.lines] for s in daily_report(store, event.id, 1).sections}
    assert sections["Sessions run and overruns"][:2] == [
        "1 of 2 sessions run; 1 overran by 7 min in all", "Gemba: time the changeover: 52 of 45 min (+7 over)",
    ]
    assert [line.split(" (")[0] for line in sections["Scope changes of the day"]] == [
        "Out of scope: Hydraulic upgrade", "Parked: Crane booking",
    ]
    assert sections["Parking lot"] == ["Crane booking"]
    assert sections["Reflections"] == ["Group (After-Action Review): What happened? One changeover filmed"]
    assert sections["New follow-ups"] == ["Book the crane - Priya, due 2026-11-27 (due in 2 days)"]
    assert sections["Target progress"][0] == "Changeover time: 47 -> 45 min (goal 20, lower is better): 7% of the way"


def test_root_causes_come_from_tags_or_root_cause_sessions():
    tagged = DecisionLine("Clamps are bolted", "in_scope", "in scope", "team", tags=("root-cause",))
    in_session = DecisionLine("Mixed bolt sizes", "in_scope", "in scope", "team", session="Root cause: 5 Whys")
    analysis = DecisionLine("Walking to the crib", "in_scope", "in scope", "team", session="Map", session_kind="analysis")
    other = DecisionLine("Tablet checklist", "in_scope", "in scope", "team", session="Implement changes")
    assert [d.about_causes for d in (tagged, in_session, analysis, other)] == [True, True, True, False]


def test_the_markdown_export_holds_each_day_s_report_out_so_far(store, tmp_path):
    from facilitator.export import export_event
    from facilitator.report.gather import daily_reports_markdown

    load_demo(store)  # the blitz is on day 3 today
    text = export_event(store, BLITZ_ID, "md", tmp_path / "r.md").read_text(encoding="utf-8")
    daily = text[text.index("\n## Daily report-outs\n"):]
    assert "### Press line 4 changeover blitz (SMED): Report-out, day 1 of 5" in daily
    assert "### Press line 4 changeover blitz (SMED): Report-out, day 3 of 5" in daily
    assert "day 4 of 5" not in daily
    assert "#### Target progress" in daily
    # Before its first day an event has no report-out yet.
    planned = store.events.add(replace(EVENT, id="later", start_date=date(2027, 1, 11)))
    assert daily_reports_markdown(store, planned.id) == ""
