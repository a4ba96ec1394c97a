"""The bodies of migrations 0011 and 0012: a database people can query (views, foreign keys, tags as arrays).

They live here only to keep migrations.py short; migrations.py registers them in order. Like every
shipped migration they must never change: a later change to the schema is a new migration.
"""

from __future__ import annotations

import json

from sqlite_utils import Database
from sqlite_utils.db import ForeignKey


def query_views(db: Database) -> None:
    """0011_query_views."""
    # What people look for when they query the file themselves (sqlite3, Datasette, pandas). Views hold
    # no rows, so export, import, verify and the change counters never see them. Spelled out here, not
    # shared with the application's queries: a shipped migration must not change when those do.
    latest = (
        "(select a.text from decision_amendments a where a.decision_id = d.id and a.field = '{0}' "
        "order by a.amended_at desc, a.rowid desc limit 1)"
    )
    db.execute(
        f"""
        CREATE VIEW [current_decisions] AS
        SELECT d.id, d.event_id, e.title AS event_title, d.day, d.decided_at, s.title AS session_title,
            coalesce({latest.format("subject")}, d.subject) AS subject, d.verdict, d.decided_by,
            coalesce({latest.format("rationale")}, d.rationale) AS rationale,
            coalesce({latest.format("tags")}, d.tags) AS tags, d.subject AS original_subject,
            (SELECT count(*) FROM decision_amendments a WHERE a.decision_id = d.id
             AND a.field IN ('subject', 'rationale', 'tags')) AS amendments,
            d.supersedes_id
        FROM decisions d JOIN events e ON e.id = d.event_id LEFT JOIN sessions s ON s.id = d.session_id
        WHERE NOT EXISTS (SELECT 1 FROM decisions n WHERE n.supersedes_id = d.id)
        """
    )
    db.execute(
        """
        CREATE VIEW [open_followups] AS
        SELECT f.id, f.event_id, e.title AS event_title, f.action, f.owner, f.due_date, f.status,
            max(0, CAST(julianday(date('now', 'localtime')) - julianday(f.due_date) AS INTEGER)) AS days_overdue,
            f.source_kind, f.created_at
        FROM followups f JOIN events e ON e.id = f.event_id
        WHERE f.status <> 'done'
        """
    )
    # A segment runs from a start or resume that follows no running one to the next pause, finish or
    # skip; a running session's open segment runs to now. Times as the wall clock read them (a clock
    # correction the cockpit applies is not), each segment at least zero.
    db.execute(
        """
        CREATE VIEW [sessions_planned_vs_actual] AS
        WITH marks AS (
            SELECT rowid AS r, session_id, action, at,
                lag(action) OVER (PARTITION BY session_id ORDER BY rowid) AS before
            FROM timer_log WHERE action IN ('start', 'resume', 'pause', 'finish', 'skip')
        ), segments AS (
            SELECT m.session_id, max(0, julianday(coalesce(
                (SELECT t.at FROM timer_log t WHERE t.session_id = m.session_id AND t.rowid > m.r
                 AND t.action IN ('pause', 'finish', 'skip') ORDER BY t.rowid LIMIT 1), 'now'))
                - julianday(m.at)) * 1440 AS minutes
            FROM marks m
            WHERE m.action IN ('start', 'resume') AND (m.before IS NULL OR m.before IN ('pause', 'finish', 'skip'))
        )
        SELECT s.id, s.event_id, e.title AS event_title, s.day, s.position, s.title, s.kind, s.fixed_start,
            s.planned_minutes,
            coalesce((SELECT sum(t.minutes) FROM timer_log t WHERE t.session_id = s.id AND t.action = 'extend'), 0)
                AS extra_minutes,
            round(coalesce((SELECT sum(minutes) FROM segments g WHERE g.session_id = s.id), 0), 1) AS actual_minutes,
            coalesce((SELECT CASE t.action WHEN 'start' THEN 'running' WHEN 'resume' THEN 'running'
                      WHEN 'pause' THEN 'paused' WHEN 'finish' THEN 'finished' ELSE 'skipped' END
                      FROM timer_log t WHERE t.session_id = s.id
                      AND t.action IN ('start', 'resume', 'pause', 'finish', 'skip') ORDER BY t.rowid DESC LIMIT 1),
                     'pending') AS state,
            (SELECT min(t.at) FROM timer_log t WHERE t.session_id = s.id AND t.action = 'start') AS started_at
        FROM sessions s JOIN events e ON e.id = s.event_id
        """
    )
    db.execute(
        """
        CREATE VIEW [targets_latest] AS
        SELECT t.id, t.event_id, e.title AS event_title, t.position, t.metric, t.unit, t.baseline, t.goal,
            m.value AS latest_value, m.measured_at AS latest_measured_at,
            CASE WHEN m.value IS NULL THEN NULL WHEN t.goal < t.baseline THEN m.value <= t.goal
                 ELSE m.value >= t.goal END AS goal_met,
            (SELECT count(*) FROM measurements x WHERE x.target_id = t.id) AS measurements
        FROM targets t JOIN events e ON e.id = t.event_id
        LEFT JOIN measurements m ON m.id = (SELECT x.id FROM measurements x WHERE x.target_id = t.id
                                            ORDER BY x.measured_at DESC, x.rowid DESC LIMIT 1)
        """
    )


def foreign_keys_and_tags(db: Database) -> None:
    """0012_foreign_keys_and_tags."""
    # Two links had no foreign key: a reflection's session and a carried lesson's follow-up. A link to a
    # record already gone (a session deleted from the agenda) is cleared first; from now on deleting
    # the session or follow-up clears it (SET NULL), and the reflection or lesson stays.
    for table, column, parent in (("reflections", "session_id", "sessions"), ("learning_transfers", "followup_id", "followups")):
        db.execute(
            f"UPDATE [{table}] SET [{column}] = NULL WHERE [{column}] IS NOT NULL "
            f"AND [{column}] NOT IN (SELECT id FROM [{parent}])"
        )
        # transform() rebuilds the table (indexes included), which drops its triggers: put them back as they were.
        triggers = [row[0] for row in db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [table])]
        db[table].transform(add_foreign_keys=[ForeignKey(table, column, parent, "id", on_delete="SET NULL")])
        for sql in triggers:
            db.execute(sql)
    # Tags become a JSON array, like every other list. The log is append-only, so its UPDATE trigger steps
    # aside for this one rewrite and comes back unchanged. Digests hash tags as the text they replace
    # (facilitator/domain/digest.py), so every chain verifies as before. Text that does not map back
    # exactly (written by another program with odd spacing) is left as it is; it reads as before.
    for table, column, where, what in (
        ("decisions", "tags", "1", "a decision"), ("decision_amendments", "text", "field = 'tags'", "an amendment"),
    ):
        trigger = f"{table}_no_update"
        found = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [trigger]).fetchone()
        # One dropped with sqlite3 (its absence is what `facilitator verify` guards against) comes back.
        sql = found[0] if found else (
            f"CREATE TRIGGER [{trigger}] BEFORE UPDATE ON [{table}] BEGIN "
            f"SELECT RAISE(ABORT, 'the decision log is append-only: {what} cannot be changed'); END"
        )
        db.execute(f"DROP TRIGGER IF EXISTS [{trigger}]")
        rows = db.execute(f"SELECT id, [{column}] FROM [{table}] WHERE {where} AND [{column}] NOT LIKE '[%'").fetchall()
        for record_id, text in rows:
            if " ".join(text.split()) == text:
                db.execute(
                    f"UPDATE [{table}] SET [{column}] = ? WHERE id = ?",
                    [json.dumps(text.split(), ensure_ascii=False), record_id],
                )
        db.execute(sql)
