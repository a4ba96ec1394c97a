"""Evidence: files copied in once under their SHA-256, refused in one line when bad, and carried by
every export; JSON and zip round trips restore the rows and (from the zip) the files, checked by digest."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile

import pytest
from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.demo.people import after_photo, before_photo
from facilitator.domain.errors import UserError
from facilitator.export import export_event, import_file
from facilitator.storage.store import Store
from tests.export_support import add_session, kaizen_event, snapshot


@pytest.fixture
def blitz(store, tmp_path):
    """A blitz with a session, a photo attached to it and another to its target: (event, session id)."""
    event = kaizen_event(store)
    session = add_session(store.db, event, 1, 0, "Gemba walk", 60)
    (tmp_path / "before.png").write_bytes(before_photo())
    (tmp_path / "after.png").write_bytes(after_photo())
    store.evidence.attach(event.id, "session", session, tmp_path / "before.png", "Die cart in the aisle")
    store.evidence.attach(event.id, "target", event.targets[0].id, f"'{tmp_path / 'after.png'}'")
    return event, session


def _files(store) -> list[str]:
    return sorted(path.name for path in store.evidence.folder.iterdir())


def test_a_file_is_kept_once_under_its_digest_beside_the_database(store, blitz, tmp_path):
    event, session = blitz
    store.evidence.attach(event.id, "session", session, tmp_path / "before.png", "the same photo again")
    digest = hashlib.sha256(before_photo()).hexdigest()
    assert store.evidence.folder == tmp_path / "evidence"  # beside cockpit.db, like exports/
    assert _files(store) == sorted([digest, hashlib.sha256(after_photo()).hexdigest()])
    items = store.evidence.for_item("session", session)
    assert [(e.original_name, e.size, e.media_type, e.caption) for e in items] == [
        ("before.png", len(before_photo()), "image/png", "Die cart in the aisle"),
        ("before.png", len(before_photo()), "image/png", "the same photo again"),
    ]
    assert items[0].line().startswith(f"before.png, {len(before_photo())} B, 25 Nov 08:00 - Die cart")
    assert store.evidence.counts(event.id, "session") == {session: 2}


@pytest.mark.parametrize("case", ["missing", "folder", "huge", "empty path", "unknown item", "no such cause", "bad caption"])
def test_a_bad_attachment_is_one_line_and_changes_nothing(store, blitz, tmp_path, monkeypatch, case):
    event, session = blitz
    before, files = snapshot(store.db), _files(store)
    kind, item, path, caption = "session", session, tmp_path / "before.png", ""
    if case == "missing":
        path = tmp_path / "nope.png"
    elif case == "folder":
        path = tmp_path
    elif case == "huge":
        monkeypatch.setattr("facilitator.storage.evidence.MAX_BYTES", 100)
    elif case == "empty path":
        path = "  "
    elif case == "unknown item":
        item = "no-such-session"
    elif case == "no causes":
        kind = "cause"
    else:
        caption = "bell\x07"
    with pytest.raises(UserError) as raised:
        store.evidence.attach(event.id, kind, item, path, caption)
    assert "\n" not in str(raised.value) and str(raised.value)
    assert snapshot(store.db) == before and _files(store) == files


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_refused(store, blitz, tmp_path):
    event, session = blitz
    locked = tmp_path / "locked.png"
    locked.write_bytes(b"secret")
    locked.chmod(0)
    with pytest.raises(UserError, match="permission denied"):
        store.evidence.attach(event.id, "session", session, locked)


def test_evidence_attaches_to_a_cause_and_goes_with_it(store, blitz, tmp_path):
    event, _ = blitz
    store.db.execute(
        "insert into causes (id, event_id, kind, text, created_at) values ('c1', ?, 'problem', 'Changeovers are slow', '2026-11-25')",
        [event.id],
    )
    attached = store.evidence.attach(event.id, "cause", "c1", tmp_path / "after.png")
    assert store.evidence.for_item("cause", "c1") == [attached]
    with pytest.raises(UserError, match="No countermeasure"):
        store.evidence.attach(event.id, "countermeasure", "c1", tmp_path / "after.png")
    store.db.execute("delete from causes where id = 'c1'")
    assert store.evidence.for_item("cause", "c1") == []


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_deleting_a_session_drops_its_evidence_and_the_file_nothing_else_refers_to(store, blitz, tmp_path):
    event, session = blitz
    store.agenda.delete(session)
    assert store.evidence.for_item("session", session) == []
    assert _files(store) == [_digest(tmp_path / "after.png")]  # the target's photo stays


def test_a_file_goes_only_with_its_last_reference_in_any_event(store, blitz, tmp_path):
    event, session = blitz
    other = kaizen_event(store)
    problem = store.causes.add_problem(event.id, "Changeovers are slow")
    store.evidence.attach(event.id, "cause", problem.id, tmp_path / "before.png")
    store.evidence.attach(other.id, "target", other.targets[0].id, tmp_path / "before.png")  # another event
    before = _digest(tmp_path / "before.png")
    store.causes.delete(problem.id)
    store.agenda.delete(session)
    assert before in _files(store)  # the other event still shows it
    (row,) = [item for item in store.evidence.for_event(other.id) if item.sha256 == before]
    store.evidence.detach(row.id)
    assert before not in _files(store) and _files(store) == [_digest(tmp_path / "after.png")]


def test_a_file_another_database_beside_it_refers_to_is_kept(store, blitz, tmp_path, clock):
    event, session = blitz
    neighbour = Store(tmp_path / "practice.db", clock)  # same folder: the same evidence/
    practice = kaizen_event(neighbour)
    neighbour.evidence.attach(practice.id, "target", practice.targets[0].id, tmp_path / "before.png")
    store.agenda.delete(session)
    assert _digest(tmp_path / "before.png") in _files(store)
    neighbour.evidence.detach(neighbour.evidence.for_event(practice.id)[0].id)
    assert _digest(tmp_path / "before.png") not in _files(store)
    neighbour.close()


def test_a_deletion_rolled_back_keeps_the_file(store, blitz):
    event, session = blitz
    with pytest.raises(RuntimeError), store.db.atomic():
        store.db.execute("delete from evidence")
        raise RuntimeError("changed my mind")
    store.agenda.delete(session)  # a later commit must not clean what the rollback restored
    assert len(_files(store)) == 1 and len(store.evidence.for_event(event.id)) == 1


def test_json_round_trip_carries_rows_and_says_the_files_are_not_here(store, blitz, tmp_path, clock):
    event, _ = blitz
    path = export_event(store, event.id, "json", tmp_path / "a.json")
    rows = json.loads(path.read_text())["tables"]["evidence"]
    assert {row["sha256"] for row in rows} == {hashlib.sha256(p()).hexdigest() for p in (before_photo, after_photo)}
    other = Store(tmp_path / "b" / "other.db", clock)
    report = import_file(other, path)
    assert report.added["evidence"] == 2
    listed = ", ".join(f"{row['original_name']} {row['sha256'][:8]}" for row in rows)
    assert report.notes == [f"Evidence: 2 files not here (the zip export carries them): {listed}."]
    assert len(other.evidence.missing(event.id)) == 2
    assert export_event(other, event.id, "json", tmp_path / "again.json").read_text() == path.read_text()


def test_zip_round_trip_restores_rows_and_files_checked_by_digest(store, blitz, tmp_path, clock):
    event, _ = blitz
    path = export_event(store, event.id, "zip", tmp_path / "blitz.zip")
    with zipfile.ZipFile(path) as archive:
        names = sorted(archive.namelist())
        assert archive.read("event.json") == export_event(store, event.id, "json", tmp_path / "a.json").read_bytes()
    assert names == sorted(["event.json", *(f"evidence/{name}" for name in _files(store))])
    other = Store(tmp_path / "b" / "other.db", clock)
    report = import_file(other, path)
    assert report.notes == ["Evidence: 2 files restored, each checked against its sha256."]
    for name in _files(store):
        assert (other.evidence.folder / name).read_bytes() == (store.evidence.folder / name).read_bytes()
    assert snapshot(other.db)["evidence"] == snapshot(store.db)["evidence"]
    assert snapshot(other.db)["attendance"] == snapshot(store.db)["attendance"]
    again = import_file(other, path)
    assert again.added_total == 0 and again.notes == []


def test_a_zip_with_a_missing_or_damaged_file_says_so_in_one_line(store, blitz, tmp_path, clock):
    event, _ = blitz
    path = export_event(store, event.id, "zip", tmp_path / "blitz.zip")
    before_sha, after_sha = (hashlib.sha256(p()).hexdigest() for p in (before_photo, after_photo))
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tampered, "w") as out:
        out.writestr("event.json", source.read("event.json"))
        out.writestr(f"evidence/{before_sha}", b"not the photo")  # after.png left out altogether
    other = Store(tmp_path / "b" / "other.db", clock)
    report = import_file(other, tampered)
    assert report.added["evidence"] == 2
    assert report.notes == [
        f"Evidence: 1 file not matching the sha256 they are filed under, not kept: before.png {before_sha[:8]}; "
        f"1 file missing from the zip: after.png {after_sha[:8]}."
    ]
    assert not other.evidence.has_file(before_sha)


def test_a_damaged_zip_is_refused_whole(store, blitz, tmp_path):
    path = tmp_path / "broken.zip"
    good = export_event(store, blitz[0].id, "zip", tmp_path / "good.zip").read_bytes()
    path.write_bytes(good[: len(good) // 2])
    other = Store(tmp_path / "b" / "other.db", store.clock)
    before = snapshot(other.db)
    with pytest.raises(UserError) as raised:
        import_file(other, path)
    assert "nothing imported" in str(raised.value) or "not a facilitator" in str(raised.value)
    assert snapshot(other.db) == before


def test_html_embeds_the_photos_and_markdown_names_them(store, blitz, tmp_path):
    import base64

    event, _ = blitz
    html = export_event(store, event.id, "html", tmp_path / "r.html").read_text()
    assert f"data:image/png;base64,{base64.b64encode(before_photo()).decode()}" in html
    assert "img-src data:" in html and "Die cart in the aisle" in html
    markdown = export_event(store, event.id, "md", tmp_path / "r.md").read_text()
    assert "## Evidence" in markdown and "before.png" in markdown and "data:image" not in markdown


def test_cli_exports_a_zip_and_imports_it(store, blitz, tmp_path):
    event, _ = blitz
    db = str(tmp_path / "cockpit.db")
    runner = CliRunner()
    exported = runner.invoke(cli, ["--db", db, "export", event.id[:8], "--format", "zip"])
    assert exported.exit_code == 0, exported.output
    zip_path = exported.output.strip()
    assert zip_path.endswith("-with-files.zip")
    imported = runner.invoke(cli, ["--db", str(tmp_path / "new" / "n.db"), "import", zip_path])
    assert imported.exit_code == 0 and "Evidence: 2 files restored" in imported.output


def test_the_demo_has_attendance_a_guest_on_day_two_and_two_photos_with_their_files(store):
    from facilitator.demo import load_demo
    from facilitator.demo.charters import BLITZ_ID
    from facilitator.demo.people import GUEST

    load_demo(store)
    guests = store.db.execute(
        "select distinct s.day from attendance a join sessions s on s.id = a.session_id where a.person = ? and a.guest = 1",
        [GUEST],
    ).fetchall()
    assert [tuple(row) for row in guests] == [(2,)]
    photos = store.evidence.for_event(BLITZ_ID)
    assert sorted(p.item_kind.value for p in photos) == ["session", "target"]
    assert all(store.evidence.read_file(p.sha256) is not None and p.media_type == "image/png" for p in photos)
    assert all(store.evidence.read_file(p.sha256).startswith(b"\x89PNG\r\n\x1a\n") for p in photos)
