"""The method mirror: each element of the reference table measured, and the column it reads closest to."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from facilitator.cli import cli
from facilitator.demo import load_demo
from facilitator.demo.charters import ACTION_LEARNING_ID, BLITZ_ID
from facilitator.domain.decision import DecidedBy, Decision, Verdict
from facilitator.domain.event import Area, Event, EventKind, EventStatus, Target
from facilitator.domain.mirror import Column, Element, MirrorFacts, drift, mirror
from facilitator.storage.mirror import event_drift, event_mirror

ELEMENTS = [element.value for element in Element]


def test_demo_blitz_reads_kaizen_and_demo_set_reads_action_learning(store):
    load_demo(store)
    blitz, al_set = event_mirror(store, BLITZ_ID), event_mirror(store, ACTION_LEARNING_ID)
    assert [row.element.value for row in blitz.rows] == ELEMENTS
    assert blitz.closest is Column.KAIZEN and blitz.counts()[Column.KAIZEN] >= 4
    assert al_set.closest is Column.ACTION_LEARNING and al_set.counts()[Column.ACTION_LEARNING] >= 4
    facilitator = {row.element: row for row in blitz.rows}[Element.FACILITATOR]
    assert re.fullmatch(r"facilitator \d+%, team \d+%, sponsor \d+% of \d+ decisions", facilitator.measured)
    assert not blitz.changes() or all(":" in line for line in blitz.changes())


def _bare_blitz(store) -> Event:
    """Run with a target and team decisions, but no reflection, no facilitator decisions, no follow-up."""
    event = store.events.add(
        Event(title="Weld cell", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=3, area=Area.PRODUCT,
              status=EventStatus.DONE, facilitator="",
              targets=(Target(metric="Search time", unit="min", baseline=6, goal=1),))
    )
    store.decisions.record(
        Decision(event_id=event.id, subject="Buy a cart", verdict=Verdict.OUT_OF_SCOPE, decided_by=DecidedBy.TEAM,
                 day=1, decided_at=store.clock.now())
    )
    return event


def test_an_event_with_no_reflection_no_facilitator_and_no_follow_up_reads_task_force(store):
    found = event_mirror(store, _bare_blitz(store))
    assert found.closest is Column.TASK_FORCE
    assert "planned as Kaizen blitz" in found.summary
    changes = "\n".join(found.changes())
    assert "Reflection: reflect at each day's debrief and hold the end-of-event review (r)." in changes
    assert "Strategic level: add follow-ups" in changes


def test_profile_command_prints_text_and_json(tmp_path, store):
    event = _bare_blitz(store)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(store.path), "profile", event.id[:8], "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["closest"] == "task_force"
    assert [row["element"] for row in data["rows"]] == ELEMENTS
    assert all(set(row) == {"element", "measured", "closest", "reading"} for row in data["rows"])
    text = runner.invoke(cli, ["--db", str(store.path), "profile", event.id[:8]], catch_exceptions=False)
    assert "Reads as Task force" in text.output and "What would make it read as Kaizen event:" in text.output
    assert data["too_early"] is False  # a done event is read whatever its dates
    missing = runner.invoke(cli, ["--db", str(store.path), "profile", "zzz"])
    assert missing.exit_code == 1 and "No event with id 'zzz'" in missing.stderr


facts = st.builds(
    MirrorFacts,
    kind=st.sampled_from(EventKind),
    status=st.sampled_from(EventStatus),
    area=st.sampled_from(Area),
    planned_days=st.integers(1, 20),
    span_days=st.integers(0, 140),
    units_held=st.integers(0, 20),
    units_reflected=st.integers(0, 20),
    units_session_reflected=st.integers(0, 20),
    day_reflections=st.integers(0, 10),
    event_review_done=st.booleans(),
    reflections=st.integers(0, 30),
    double_loop=st.integers(0, 30),
    assumptions=st.integers(0, 30),
    targets=st.integers(0, 5),
    targets_measured=st.integers(0, 5),
    transfers=st.integers(0, 10),
    transfer_places=st.integers(0, 10),
    followups=st.integers(0, 20),
    facilitator_named=st.booleans(),
    decisions=st.dictionaries(st.sampled_from([w.value for w in DecidedBy]), st.integers(0, 50)).map(Counter),
)


@given(facts)
def test_every_element_has_a_row_and_the_overall_reading_is_a_most_common_column(found_facts):
    found = mirror(found_facts)
    assert [row.element.value for row in found.rows] == ELEMENTS
    counts = found.counts()
    assert counts[found.closest] == max(counts.values())
    if counts[found.own] == max(counts.values()):
        assert found.closest is found.own  # ties never invent drift
    for row in found.rows:
        assert row.measured and row.reading and "\n" not in row.reading
        assert bool(row.advice) == (row.closest is not found.own)
    assert json.loads(json.dumps(found.as_json()))["closest"] == found.closest.value


def test_drift_names_a_set_whose_facilitator_decides_and_a_blitz_with_no_end_review():
    al = MirrorFacts(kind=EventKind.ACTION_LEARNING, status=EventStatus.RUNNING, planned_days=6, units_reflected=2,
                     decisions=Counter(facilitator=4, team=2))
    assert "took 67% of this set's decisions" in drift(al, days_past=2)
    assert drift(MirrorFacts(**{**al.__dict__, "decisions": Counter(facilitator=1, team=5)}), days_past=2) == ""
    blitz = MirrorFacts(kind=EventKind.KAIZEN, status=EventStatus.RUNNING, planned_days=3, day_reflections=2)
    assert drift(blitz, days_past=1) == ""
    assert "no end-of-event review" in drift(blitz, days_past=3)
    assert drift(MirrorFacts(**{**blitz.__dict__, "event_review_done": True}), days_past=3) == ""
    assert drift(MirrorFacts(**{**blitz.__dict__, "status": EventStatus.DONE}), days_past=3) == ""


def test_the_demo_set_does_not_drift_today(store):
    load_demo(store)
    today = store.clock.now().date()
    assert event_drift(store, store.events.get(ACTION_LEARNING_ID), today) == ""
    assert event_drift(store, store.events.get(BLITZ_ID), today) == ""


def test_every_export_carries_the_mirror_and_the_json_still_round_trips(store, tmp_path, clock):
    from facilitator.export import export_event, import_file
    from facilitator.storage.store import Store

    load_demo(store)
    markdown = export_event(store, ACTION_LEARNING_ID, "md", tmp_path / "set.md").read_text(encoding="utf-8")
    assert "## Method mirror: Action Learning, Kaizen event or task force?" in markdown
    assert "Reads as Action Learning" in markdown
    html = export_event(store, BLITZ_ID, "html", tmp_path / "blitz.html").read_text(encoding="utf-8")
    assert "Reads as Kaizen event" in html
    folder = export_event(store, BLITZ_ID, "csv", tmp_path / "csv")
    profile = (folder / "profile.csv").read_text(encoding="utf-8-sig").splitlines()
    assert profile[0].startswith("element,measured,closest,reading,action_learning,kaizen,task_force")
    assert [line.split(",")[0] for line in profile[1:]] == [*ELEMENTS, "overall"]

    first = export_event(store, BLITZ_ID, "json", tmp_path / "one.json")
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["derived"]["profile"]["closest"] == "kaizen"
    other = Store(tmp_path / "other.db", clock)
    import_file(other, first)
    second = export_event(other, BLITZ_ID, "json", tmp_path / "two.json")
    assert second.read_bytes() == first.read_bytes()
    other.close()


def test_an_event_is_too_early_to_read_until_one_of_its_days_is_over_or_it_is_done():
    from facilitator.domain.mirror import too_early

    assert too_early(EventStatus.PLANNED, 0)
    assert too_early(EventStatus.RUNNING, 0)
    assert not too_early(EventStatus.RUNNING, 1)
    assert not too_early(EventStatus.PLANNED, 2)  # its dates went by unstarted: that is worth reading too
    assert not too_early(EventStatus.DONE, 0)


def test_profile_of_an_action_learning_set_before_its_first_meeting_is_over_says_it_is_too_early(store):
    from facilitator.domain.clock import SystemClock, local_today

    # The command reads the system clock: the set's first meeting is today, so none of its meetings is over.
    event = store.events.add(Event(title="Onboarding set", kind=EventKind.ACTION_LEARNING,
                                   start_date=local_today(SystemClock()), days=4, status=EventStatus.RUNNING))
    runner = CliRunner()
    text = runner.invoke(cli, ["--db", str(store.path), "profile", event.id[:8]], catch_exceptions=False).output
    assert text.splitlines()[1] == "Too early to read: no meeting of it is over yet. So far it shows:"
    assert "Reads as" not in text and "Reflection" in text
    data = json.loads(runner.invoke(cli, ["--db", str(store.path), "profile", event.id[:8], "--json"]).output)
    assert data["too_early"] is True and len(data["rows"]) == 6
