"""The SQL views people query with sqlite3 or Datasette: decisions as they stand, open follow-ups with
days overdue, sessions planned vs actual, targets with their latest measurement."""

from __future__ import annotations

from datetime import date, timedelta

from facilitator.demo import load_demo
from facilitator.demo.charters import BLITZ_ID
from facilitator.domain.followup import FollowUp, FollowUpStatus
from facilitator.storage.store import Store


def rows(store: Store, sql: str, params=()) -> list[dict]:
    return [dict(row) for row in store.db.query(sql, params)]


def test_current_decisions_read_with_their_amendments_and_without_superseded_ones(store):
    load_demo(store)
    clamps = rows(store, "select * from current_decisions where original_subject like 'New hydralic%'")
    assert [row["subject"] for row in clamps] == ["New hydraulic clamps (capex 38k EUR)"]
    assert clamps[0]["amendments"] == 1 and clamps[0]["event_title"].startswith("Press line 4")
    every = store.decisions.page(BLITZ_ID, limit=1000)
    standing = {d.id for d in every if d.superseded_by_id is None}
    listed = {row["id"] for row in rows(store, "select id from current_decisions where event_id = ?", [BLITZ_ID])}
    assert listed == standing and len(standing) < len(every)


def test_open_followups_count_days_overdue_from_the_day_the_query_runs(store):
    load_demo(store)
    today = date.today()  # the view reads SQLite's own clock, date('now', 'localtime')
    late = store.followups.add(FollowUp(BLITZ_ID, "Order clamp kit", "Priya", today - timedelta(days=3)))
    soon = store.followups.add(FollowUp(BLITZ_ID, "Label die carts", "Dana", today + timedelta(days=2)))
    done = store.followups.add(FollowUp(BLITZ_ID, "Tidy", "Dana", today - timedelta(days=9), FollowUpStatus.DONE))
    found = {row["id"]: row for row in rows(store, "select * from open_followups")}
    assert found[late.id]["days_overdue"] == 3 and found[soon.id]["days_overdue"] == 0
    assert done.id not in found
    assert {row["status"] for row in found.values()} <= {"open", "in_progress", "blocked"}


def test_sessions_actual_minutes_match_the_timer(store):
    load_demo(store)
    state = store.timer.state(BLITZ_ID)
    now = store.clock.now()
    view = {row["id"]: row for row in rows(store, "select * from sessions_planned_vs_actual where event_id = ?", [BLITZ_ID])}
    assert len(view) == len(state.sessions)
    checked = 0
    for session in state.sessions:
        timer = state.timer(session.id)
        row = view[session.id]
        assert (row["planned_minutes"], row["extra_minutes"]) == (session.planned_minutes, timer.extra_minutes)
        assert row["state"] == timer.state.value
        if timer.state.value in ("finished", "skipped", "paused"):  # a running one counts to SQLite's now
            assert abs(row["actual_minutes"] - timer.actual_minutes(now)) < 0.1, session.title
            checked += 1
    assert checked > 10


def test_targets_carry_their_latest_measurement_and_whether_it_meets_the_goal(store):
    load_demo(store)
    found = rows(store, "select * from targets_latest where event_id = ? order by position", [BLITZ_ID])
    measured = sorted(store.measurements.for_event(BLITZ_ID), key=lambda m: m.measured_at)
    for row in found:
        own = [m for m in measured if m.target_id == row["id"]]
        assert row["measurements"] == len(own)
        assert row["latest_value"] == (own[-1].value if own else None)
    changeover = found[0]
    assert changeover["metric"] == "Changeover time" and changeover["goal_met"] == (changeover["latest_value"] <= 20)


def test_views_stay_out_of_export_import_verify_and_the_change_counters(store, tmp_path):
    from click.testing import CliRunner

    from facilitator.cli import cli

    load_demo(store)
    names = {row["name"] for row in rows(store, "select name from sqlite_master where type = 'view'")}
    assert names == {"current_decisions", "open_followups", "sessions_planned_vs_actual", "targets_latest"}
    db = str(store.path)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "export", BLITZ_ID[:8], "--format", "json", "-o", str(first)]).exit_code == 0
    other = str(tmp_path / "other.db")
    assert runner.invoke(cli, ["--db", other, "import", str(first)]).exit_code == 0
    assert runner.invoke(cli, ["--db", other, "export", BLITZ_ID[:8], "--format", "json", "-o", str(second)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert runner.invoke(cli, ["--db", other, "verify"]).exit_code == 0
    import json

    assert not names & set(json.loads(first.read_text())["tables"])
