"""The schema, created and upgraded by sqlite-utils Migrations when a database is opened.

Append new migrations at the end; never edit one that has shipped. Every record has a UUID text
primary key so records from several laptops can be merged; moments are ISO-8601 UTC text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.storage.migration_set import MigrationSet

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATIONS = MigrationSet("facilitator")


@MIGRATIONS(name="0001_events")
def _events(db: Database) -> None:
    db["events"].create(
        {
            "id": str,
            "title": str,
            "kind": str,
            "start_date": str,
            "days": int,
            "problem": str,
            "area": str,
            "sponsor": str,
            "facilitator": str,
            "team": str,
            "in_bounds": str,
            "out_of_bounds": str,
            "status": str,
            "archived": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"title", "kind", "start_date", "days", "status", "created_at", "updated_at"},
        defaults={"archived": 0, "status": "planned"},
    )
    db["events"].create_index(["start_date"])
    db["targets"].create(
        {
            "id": str,
            "event_id": str,
            "position": int,
            "metric": str,
            "unit": str,
            "baseline": float,
            "goal": float,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id")],
        not_null={"event_id", "metric", "baseline", "goal"},
    )
    db["targets"].create_index(["event_id", "position"])


@MIGRATIONS(name="0002_sessions")
def _sessions(db: Database) -> None:
    # The agenda: each day of an event is an ordered list of timeboxed sessions.
    db["sessions"].create(
        {
            "id": str,
            "event_id": str,
            "day": int,
            "position": int,
            "title": str,
            "kind": str,
            "planned_minutes": int,
            "fixed_start": str,  # "HH:MM" local time, or NULL
            "notes": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id")],
        not_null={"event_id", "day", "position", "title", "kind", "planned_minutes"},
    )
    db["sessions"].create_index(["event_id", "day", "position"])


@MIGRATIONS(name="0003_timer")
def _timer(db: Database) -> None:
    # Append-only log of timer actions; a session's segments, elapsed time and state derive from it.
    db["timer_log"].create(
        {
            "id": str,
            "event_id": str,
            "session_id": str,
            "action": str,  # start, pause, resume, extend, until, finish, skip, replan
            "at": str,
            "minutes": int,  # extend: minutes added; replan: the new planned minutes
            "until_at": str,  # until: the moment to count down to
            "from_minutes": int,  # replan: planned minutes before the change
            "from_day": int,  # replan: the day the session was on before the change
            "note": str,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id"), ("session_id", "sessions", "id")],
        not_null={"event_id", "session_id", "action", "at"},
    )
    db["timer_log"].create_index(["event_id", "at"])
    db["timer_log"].create_index(["session_id"])


@MIGRATIONS(name="0005_reflections")
def _reflections(db: Database) -> None:
    # A reflection is one participant's (or the group's) answers to a framework, for a session, a day or
    # the event. Rows with status owed/skipped mark a reflection the cadence asked for and is still owed.
    # Child rows carry event_id too, so export and merge can select them directly.
    db["reflections"].create(
        {
            "id": str, "event_id": str, "session_id": str, "day": int, "scope": str,
            "framework": str, "framework_name": str, "participant": str, "loop": str,
            "status": str, "skipped_reason": str, "created_at": str, "updated_at": str,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id")],
        not_null={"event_id", "scope", "framework", "status", "created_at"},
    )
    db["reflections"].create_index(["event_id", "created_at"])
    db["reflections"].create_index(["session_id"])
    db["reflection_answers"].create(
        {
            "id": str, "event_id": str, "reflection_id": str, "position": int,
            "framework": str, "prompt": str, "answer": str, "participant": str,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id"), ("reflection_id", "reflections", "id")],
        not_null={"event_id", "reflection_id", "prompt", "answer"},
    )
    db["reflection_answers"].create_index(["reflection_id", "position"])
    db["assumptions"].create(
        {"id": str, "event_id": str, "reflection_id": str, "position": int, "text": str},
        pk="id",
        foreign_keys=[("event_id", "events", "id"), ("reflection_id", "reflections", "id")],
        not_null={"event_id", "reflection_id", "text"},
    )
    db["assumptions"].create_index(["reflection_id", "position"])
    db["learning_transfers"].create(
        {
            "id": str, "event_id": str, "reflection_id": str, "position": int, "text": str,
            "owner": str, "where_to": str, "followup_id": str, "created_at": str,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id"), ("reflection_id", "reflections", "id")],
        not_null={"event_id", "reflection_id", "text", "owner"},
    )
    db["learning_transfers"].create_index(["reflection_id", "position"])


@MIGRATIONS(name="0006_followups")
def _followups(db: Database) -> None:
    # The Kaizen newspaper, its status-change log (for the export timeline), and target measurements.
    db["followups"].create(
        {
            "id": str, "event_id": str, "action": str, "owner": str, "due_date": str, "status": str,
            "outcome": str, "source_kind": str, "source_id": str, "created_at": str, "updated_at": str,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id")],
        not_null={"event_id", "action", "owner", "due_date", "status", "created_at", "updated_at"},
    )
    db["followups"].create_index(["event_id", "due_date"])
    db["followup_changes"].create(
        {
            "id": str, "event_id": str, "followup_id": str, "from_status": str, "to_status": str,
            "changed_by": str, "changed_at": str,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id"), ("followup_id", "followups", "id")],
        not_null={"event_id", "followup_id", "to_status", "changed_at"},
    )
    db["followup_changes"].create_index(["followup_id", "changed_at"])
    # Raw SQL for ON DELETE CASCADE: a target removed from the charter takes its measurements with it.
    db.execute(
        """
        CREATE TABLE [measurements] (
            [id] TEXT PRIMARY KEY,
            [event_id] TEXT NOT NULL REFERENCES [events]([id]),
            [target_id] TEXT NOT NULL REFERENCES [targets]([id]) ON DELETE CASCADE,
            [value] FLOAT NOT NULL,
            [measured_at] TEXT NOT NULL,
            [note] TEXT,
            [created_at] TEXT
        )
        """
    )
    db["measurements"].create_index(["event_id", "measured_at"])
    db["measurements"].create_index(["target_id"])



@MIGRATIONS(name="0004_decisions")
def _decisions(db: Database) -> None:
    # Append-only: a change is a new decision superseding the old one (one successor at most), a typo
    # fix is an amendment. Triggers refuse UPDATE and DELETE, so history stays honest whatever writes.
    db.execute(
        """
        CREATE TABLE [decisions] (
            [id] TEXT PRIMARY KEY,
            [event_id] TEXT NOT NULL REFERENCES [events]([id]),
            [session_id] TEXT REFERENCES [sessions]([id]),
            [day] INTEGER NOT NULL,
            [subject] TEXT NOT NULL,
            [verdict] TEXT NOT NULL CHECK ([verdict] IN
                ('in_scope', 'out_of_scope', 'parked', 'deferred', 'rejected')),
            [rationale] TEXT NOT NULL DEFAULT '',
            [decided_by] TEXT NOT NULL CHECK ([decided_by] IN ('facilitator', 'team', 'sponsor')),
            [tags] TEXT NOT NULL DEFAULT '',
            [decided_at] TEXT NOT NULL,
            [supersedes_id] TEXT REFERENCES [decisions]([id])
        )
        """
    )
    db["decisions"].create_index(["event_id", "decided_at"])
    db["decisions"].create_index(["supersedes_id"], unique=True)
    db["decisions"].create_index(["session_id"])
    db.execute(
        """
        CREATE TABLE [decision_amendments] (
            [id] TEXT PRIMARY KEY,
            [event_id] TEXT NOT NULL REFERENCES [events]([id]),
            [decision_id] TEXT NOT NULL REFERENCES [decisions]([id]),
            [field] TEXT NOT NULL CHECK ([field] IN ('subject', 'rationale', 'tags', 'debrief')),
            [text] TEXT NOT NULL,
            [amended_at] TEXT NOT NULL
        )
        """
    )
    db["decision_amendments"].create_index(["decision_id", "field", "amended_at"])
    db["decisions"].enable_fts(["subject", "rationale", "tags"], create_triggers=True)
    db["decision_amendments"].enable_fts(["text"], create_triggers=True)
    for table, what in (("decisions", "a decision"), ("decision_amendments", "an amendment")):
        for verb in ("UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER [{table}_no_{verb.lower()}] BEFORE {verb} ON [{table}] BEGIN "
                f"SELECT RAISE(ABORT, 'the decision log is append-only: {what} cannot be "
                f"{'changed' if verb == 'UPDATE' else 'deleted'}'); END"
            )
    db.execute(
        "CREATE TRIGGER [decisions_supersede_same_event] BEFORE INSERT ON [decisions] "
        "WHEN NEW.supersedes_id IS NOT NULL AND "
        "(SELECT event_id FROM decisions WHERE id = NEW.supersedes_id) IS NOT NEW.event_id BEGIN "
        "SELECT RAISE(ABORT, 'a decision can only supersede one of the same event'); END"
    )


@MIGRATIONS(name="0007_decision_search_any_text")
def _decision_search_any_text(db: Database) -> None:
    # The word (unicode61) indexes dropped "[/]", "]]]][[[" and emoji, so such subjects could not be
    # found. Trigram indexes find any piece of three characters or more; the names stay the same.
    for table, columns in (("decisions", ["subject", "rationale", "tags"]), ("decision_amendments", ["text"])):
        db[table].disable_fts()
        db[table].enable_fts(columns, create_triggers=True, tokenize="trigram")


@MIGRATIONS(name="0008_decision_digests")
def _decision_digests(db: Database) -> None:
    # Tamper evidence: each decision and amendment is sealed with a SHA-256 digest chained to the
    # event's record before it (facilitator/domain/digest.py). A row per sealed record, append-only.
    from facilitator.storage.digests import seal_unsealed

    db.execute(
        """
        CREATE TABLE [decision_digests] (
            [id] TEXT PRIMARY KEY,
            [event_id] TEXT NOT NULL REFERENCES [events]([id]),
            [record] TEXT NOT NULL CHECK ([record] IN ('decisions', 'decision_amendments', 'not imported')),
            [prev] TEXT NOT NULL,
            [digest] TEXT NOT NULL UNIQUE
        )
        """
    )
    db["decision_digests"].create_index(["event_id"])
    for verb in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER [decision_digests_no_{verb.lower()}] BEFORE {verb} ON [decision_digests] BEGIN "
            "SELECT RAISE(ABORT, 'the decision log is append-only: a digest cannot be "
            f"{'changed' if verb == 'UPDATE' else 'deleted'}'); END"
        )
    # Records logged before this version are sealed now, oldest first, so their log verifies.
    for row in db.query("select distinct event_id from decisions union select distinct event_id from decision_amendments"):
        seal_unsealed(db, row["event_id"])


_COUNTED_TABLES = (
    "events", "targets", "sessions", "timer_log", "decisions", "decision_amendments", "reflections",
    "reflection_answers", "assumptions", "learning_transfers", "followups", "followup_changes", "measurements",
)


@MIGRATIONS(name="0009_change_counters")
def _change_counters(db: Database) -> None:
    # One counter per table, bumped by triggers on every insert, update and delete from any connection
    # (the CLI, Datasette, a second cockpit). An open screen reads them only when PRAGMA data_version
    # moved, and reloads just the areas whose tables moved (facilitator/storage/changes.py).
    db["change_counters"].create({"name": str, "n": int}, pk="name", not_null={"name", "n"}, defaults={"n": 0})
    # Spelled out, not read from tables.EVENT_TABLES: a shipped migration must not change as that list grows.
    for table in _COUNTED_TABLES:
        db.execute("INSERT INTO [change_counters] (name, n) VALUES (?, 0)", [table])
        for verb in ("INSERT", "UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER [{table}_counts_{verb.lower()}] AFTER {verb} ON [{table}] BEGIN "
                f"UPDATE [change_counters] SET n = n + 1 WHERE name = '{table}'; END"
            )


@MIGRATIONS(name="0010_event_days")
def _event_days(db: Database) -> None:
    # The days' own dates, as a JSON list, when they are not simply consecutive (a blitz) or weekly (a
    # set): a 3-day blitz from Friday runs Friday, Monday, Tuesday. NULL keeps the old rhythm.
    db["events"].add_column("dates", str)


@MIGRATIONS(name="0011_query_views")
def _query_views(db: Database) -> None:
    # Views for sqlite3 and Datasette users: current decisions, open follow-ups, planned vs actual, targets.
    from facilitator.storage.query_migrations import query_views

    query_views(db)


@MIGRATIONS(name="0012_foreign_keys_and_tags")
def _foreign_keys_and_tags(db: Database) -> None:
    # reflections.session_id and learning_transfers.followup_id become foreign keys; tags JSON arrays.
    from facilitator.storage.query_migrations import foreign_keys_and_tags

    foreign_keys_and_tags(db)


@MIGRATIONS(name="0013_causes")
def _causes(db: Database) -> None:
    # Root-cause analysis (facilitator/domain/causes.py): a problem heads a fishbone and starts 5 Whys
    # chains; causes hang on one of six bones; each why is a child of the record before it. Rows change
    # (votes, verified, root), so no append-only triggers. A removed session leaves its causes in place;
    # a removed record takes its sub-causes and whys with it.
    db.execute(
        """
        CREATE TABLE [causes] (
            [id] TEXT PRIMARY KEY,
            [event_id] TEXT NOT NULL REFERENCES [events]([id]),
            [parent_id] TEXT REFERENCES [causes]([id]) ON DELETE CASCADE,
            [kind] TEXT NOT NULL CHECK ([kind] IN ('problem', 'cause', 'why')),
            [category] TEXT CHECK ([category] IN
                ('man', 'machine', 'method', 'material', 'measurement', 'environment')),
            [text] TEXT NOT NULL,
            [source] TEXT,
            [is_root] INTEGER NOT NULL DEFAULT 0 CHECK ([is_root] = 0 OR [is_root] = 1),
            [verified] INTEGER NOT NULL DEFAULT 0 CHECK ([verified] = 0 OR [verified] = 1),
            [verified_how] TEXT CHECK ([verified_how] IN ('data', 'gemba', 'trial')),
            [verification_note] TEXT,
            [votes] INTEGER NOT NULL DEFAULT 0 CHECK ([votes] >= 0),
            [session_id] TEXT REFERENCES [sessions]([id]) ON DELETE SET NULL,
            [day] INTEGER,
            [created_at] TEXT NOT NULL,
            [created_by] TEXT,
            CHECK (([kind] = 'problem') = ([parent_id] IS NULL)),
            CHECK (([kind] = 'cause') = ([category] IS NOT NULL)),
            CHECK (([verified] = 1) = ([verified_how] IS NOT NULL))
        )
        """
    )
    db["causes"].create_index(["event_id", "created_at"])
    db["causes"].create_index(["parent_id"])
    db["causes"].create_index(["session_id"])
    db.execute(
        "CREATE TRIGGER [causes_parent_same_event] BEFORE INSERT ON [causes] "
        "WHEN NEW.parent_id IS NOT NULL AND "
        "(SELECT event_id FROM causes WHERE id = NEW.parent_id) IS NOT NEW.event_id BEGIN "
        "SELECT RAISE(ABORT, 'a cause can only hang under a record of the same event'); END"
    )
    _count_changes(db, ("causes",))


@MIGRATIONS(name="0014_countermeasures")
def _countermeasures(db: Database) -> None:
    # What the team will do about the verified causes: effort and impact (1-5), the team's dot votes,
    # and, once chosen or dropped, the decision that says so (and the follow-up of a chosen one).
    # The link to a cause carries no foreign key: the causes table belongs to another area, and an
    # import checks the link instead (facilitator/export/validate.py).
    db.execute(
        """
        CREATE TABLE [countermeasures] (
            [id] TEXT PRIMARY KEY,
            [event_id] TEXT NOT NULL REFERENCES [events]([id]),
            [text] TEXT NOT NULL,
            [effort] INTEGER NOT NULL CHECK ([effort] BETWEEN 1 AND 5),
            [impact] INTEGER NOT NULL CHECK ([impact] BETWEEN 1 AND 5),
            [status] TEXT NOT NULL DEFAULT 'proposed' CHECK ([status] IN ('proposed', 'chosen', 'dropped')),
            [decision_id] TEXT REFERENCES [decisions]([id]),
            [followup_id] TEXT REFERENCES [followups]([id]),
            [session_id] TEXT REFERENCES [sessions]([id]),
            [day] INTEGER NOT NULL,
            [created_at] TEXT NOT NULL,
            [created_by] TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db["countermeasures"].create_index(["event_id", "created_at"])
    db.execute(
        """
        CREATE TABLE [countermeasure_causes] (
            [id] TEXT PRIMARY KEY,
            [event_id] TEXT NOT NULL REFERENCES [events]([id]),
            [countermeasure_id] TEXT NOT NULL REFERENCES [countermeasures]([id]),
            [cause_id] TEXT NOT NULL,
            [position] INTEGER NOT NULL DEFAULT 0,
            UNIQUE ([countermeasure_id], [cause_id])
        )
        """
    )
    db["countermeasure_causes"].create_index(["cause_id"])
    db.execute(
        """
        CREATE TABLE [countermeasure_votes] (
            [id] TEXT PRIMARY KEY,
            [event_id] TEXT NOT NULL REFERENCES [events]([id]),
            [countermeasure_id] TEXT NOT NULL REFERENCES [countermeasures]([id]),
            [member] TEXT NOT NULL,
            [dots] INTEGER NOT NULL CHECK ([dots] >= 0),
            [voted_at] TEXT NOT NULL,
            UNIQUE ([countermeasure_id], [member])
        )
        """
    )
    _count_changes(db, ("countermeasures", "countermeasure_causes", "countermeasure_votes"))


def _count_changes(db: Database, tables: tuple[str, ...]) -> None:
    """Change counters for tables added after 0009, as that migration made them (storage/changes.py).

    0009 spells its loop out and stays as shipped; later migrations share this one.
    """
    for table in tables:
        db.execute("INSERT OR IGNORE INTO [change_counters] (name, n) VALUES (?, 0)", [table])
        for verb in ("INSERT", "UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER [{table}_counts_{verb.lower()}] AFTER {verb} ON [{table}] BEGIN "
                f"UPDATE [change_counters] SET n = n + 1 WHERE name = '{table}'; END"
            )


@MIGRATIONS(name="0015_attendance")
def _attendance(db: Database) -> None:
    # Who was there: one row per person per session, present or absent, with a role. The id is derived
    # from the session and the name (domain/attendance.py), so two laptops marking the same person meet
    # on one id at merge. A deleted session takes its attendance with it.
    db.execute(
        """
        CREATE TABLE [attendance] (
            [id] TEXT PRIMARY KEY,
            [event_id] TEXT NOT NULL REFERENCES [events]([id]),
            [session_id] TEXT NOT NULL REFERENCES [sessions]([id]) ON DELETE CASCADE,
            [person] TEXT NOT NULL,
            [guest] INTEGER NOT NULL DEFAULT 0 CHECK ([guest] BETWEEN 0 AND 1),
            [present] INTEGER NOT NULL DEFAULT 0 CHECK ([present] BETWEEN 0 AND 1),
            [role] TEXT NOT NULL DEFAULT '' CHECK ([role] IN ('', 'timekeeper', 'scribe', 'presenter', 'set_adviser')),
            [position] INTEGER NOT NULL DEFAULT 0,
            [updated_at] TEXT NOT NULL
        )
        """
    )
    db["attendance"].create_index(["event_id"])
    db["attendance"].create_index(["session_id", "position"])
    _count_changes(db, ("attendance",))


@MIGRATIONS(name="0016_evidence")
def _evidence(db: Database) -> None:
    # Photos and files attached to an item of the event. The item is named by kind and id, not by a
    # foreign key, so evidence can point at causes and countermeasures whatever tables hold them; the
    # file lives once under its SHA-256 in evidence/ beside the database (storage/evidence.py).
    db.execute(
        """
        CREATE TABLE [evidence] (
            [id] TEXT PRIMARY KEY,
            [event_id] TEXT NOT NULL REFERENCES [events]([id]),
            [item_kind] TEXT NOT NULL CHECK ([item_kind] IN ('session', 'cause', 'countermeasure', 'target')),
            [item_id] TEXT NOT NULL,
            [sha256] TEXT NOT NULL CHECK (length([sha256]) = 64),
            [original_name] TEXT NOT NULL,
            [size] INTEGER NOT NULL,
            [media_type] TEXT NOT NULL,
            [caption] TEXT NOT NULL DEFAULT '',
            [attached_at] TEXT NOT NULL
        )
        """
    )
    db["evidence"].create_index(["event_id", "attached_at"])
    db["evidence"].create_index(["item_kind", "item_id"])
    db["evidence"].create_index(["sha256"])
    _count_changes(db, ("evidence",))
    # A deleted item takes its evidence rows with it (the files stay: others may share them).
    for table, kind in (("sessions", "session"), ("targets", "target"), ("causes", "cause"), ("countermeasures", "countermeasure")):
        db.execute(
            f"CREATE TRIGGER [{table}_drop_evidence] AFTER DELETE ON [{table}] BEGIN "
            f"DELETE FROM [evidence] WHERE item_kind = '{kind}' AND item_id = OLD.id; END"
        )


@MIGRATIONS(name="0017_search_index")
def _search_index(db: Database) -> None:
    # A search asks each full-text index only for the rowids between the open event's first and last record
    # (storage/decisions.py). These give those bounds in a seek each, where (event_id, decided_at) read all
    # the event's entries (1.3 ms at 10,000 decisions, on every keystroke) and amendments had no index.
    db["decisions"].create_index(["event_id"])
    db["decision_amendments"].create_index(["event_id"])


def known_names() -> set[str]:
    return set(MIGRATIONS.names())


def schema_of(name: str) -> int:
    """The export ``schema`` number from which migration ``name`` is part of every file."""
    return MIGRATIONS.names().index(name) + 1


def schema_version() -> int:
    """The number exported as ``schema`` in JSON files: how many migrations this build knows."""
    return len(MIGRATIONS.names())
