"""An Action Learning set meeting rehearsed in a real terminal: a reflection after every session that ran,
and one skipped with its reason, which then shows as owed. Checked on screen and in the database."""

from __future__ import annotations

import pytest

from tests.rehearsal.terminal import DOWN, ENTER, TAB, Terminal


def create_set(term: Terminal, title: str) -> str:
    term.wait_for("No events yet.")
    term.keys("n")
    term.wait_for("New event", "Problem statement")
    term.write(title)
    term.steps(TAB, ENTER)  # the kind's menu
    term.wait_for("Action Learning set")
    term.steps(DOWN, ENTER)
    term.keys("C-s")
    term.wait_for("1 Charter", title)
    rows = term.query("select id, kind, status from events")
    assert [(r["kind"], r["status"]) for r in rows] == [("action_learning", "planned")]
    return rows[0]["id"]


def reflect(term: Terminal, participant: str, answer: str) -> None:
    # The questions show once the form is whole; typing before that loses keys today (10.4).
    term.wait_for("Participant", "What did we do best as a group?")
    term.settle()
    term.write(participant)
    term.step(TAB)
    term.write(answer)
    done = "select count(*) from reflections where status = 'done'"
    before = term.scalar(done)
    term.keys("C-s")
    term.wait_for("Reflection saved")
    # An earlier "Reflection saved" toast may still be on screen: the row on disk is what counts.
    term.wait_db(done, lambda n: n == before + 1)


def run_meeting(term: Terminal) -> None:
    event_id = create_set(term, "Cross-site onboarding set")
    term.keys("2")
    term.wait_for("No sessions on this day")
    term.keys("L")
    term.wait_for("Check-in and actions", "Questioning")
    sessions = term.query("select id, title from sessions where day = 1 order by position")
    assert len(sessions) == 5

    term.keys("Space")
    term.wait_for("RUNNING", "Check-in")
    # The check-in ends: the set reflects on it before anything else.
    term.keys("n")
    reflect(term, "Whole set", "We started late because the presenter was at the gemba.")
    rows = term.query("select session_id, scope, status, participant from reflections")
    assert [tuple(r) for r in rows] == [(sessions[0]["id"], "session", "done", "Whole set")]
    term.wait_for("RUNNING", "Problem presented")

    # The problem session ends; the sponsor walks in and the reflection is skipped, with a reason.
    term.keys("n")
    term.wait_for("Reflection", "Participant")
    term.keys("Escape")
    term.wait_for("Skip this reflection?")
    term.write("Sponsor arrived; we reflect at the start of the next meeting")
    term.step(ENTER)
    term.wait_for("Reflection skipped")
    skipped = term.query("select status, skipped_reason from reflections where session_id = ?", [sessions[1]["id"]])
    assert [tuple(r) for r in skipped] == [("skipped", "Sponsor arrived; we reflect at the start of the next meeting")]
    # The agenda says the reflection is owed.
    term.wait_for("RUNNING", "Questioning")
    term.keys("2")
    term.wait_for("reflection owed")

    # Questioning ends; this one is reflected on, by the presenter.
    term.keys("n")
    reflect(term, "Presenter", "The questions made me see the buddy plan assumes one site.")
    done = term.query("select count(*) from reflections where status = 'done'")
    assert done[0][0] == 2
    printed = term.cli("reflections", event_id, "--by", "session").stdout
    assert "2 sessions reflected" in printed and "1 owed" in printed
    assert term.errors_logged() == ""


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_an_action_learning_meeting_reflects_after_each_session(terminal, size):
    term = terminal(*size)
    term.start()
    run_meeting(term)
