"""Who was there and evidence in the cockpit: keys typed in bursts land in the checklist and the database."""

from __future__ import annotations

from facilitator.demo.people import before_photo
from facilitator.domain.attendance import summary
from facilitator.domain.event import Event, EventKind, Target
from facilitator.screens.attendance import AttendanceScreen
from facilitator.screens.evidence import EvidenceScreen
from tests.export_support import add_session
from tests.ui.burst import burst, typed
from tests.ui.event_setup import open_event


def screen_text(app) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def _blitz(store):
    event = store.events.add(Event(
        title="Press line 4 SMED", kind=EventKind.KAIZEN, start_date=store.clock.now().date(), days=5,
        team=("Dana Whitfield (operator)", "Luis Ortega (die setter)", "Priya Nair"),
        targets=(Target("Changeover time", "min", 47, 20),),
    ))
    session = add_session(store.db, event, 1, 0, "Gemba walk", 60)
    store.db.conn.commit()
    return event, session


async def test_attendance_in_a_burst_marks_people_roles_and_a_guest(store, make_app):
    event, session = _blitz(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_event(app, pilot, event.id)
        # Dana: here, timekeeper. Luis: here, r skips the timekeeper Dana holds: scribe. A guest.
        keys = ["2", "w", "space", "r", "down", "space", "r", "g", *typed("Ravi Shah"), "enter"]
        await burst(pilot, keys, until=lambda: len(store.attendance.marked(session)) == 4)
        assert isinstance(app.screen, AttendanceScreen)
        assert "Ravi Shah (guest)" in screen_text(app)
        await burst(pilot, ["escape"], until=lambda: not isinstance(app.screen, AttendanceScreen))
        await pilot.pause()
        assert summary(store.attendance.roster(event, session)) == (
            "2 of 3 present: timekeeper Dana Whitfield, scribe Luis Ortega; guest Ravi Shah; absent Priya Nair")
        assert "Who: 2 of 3 here, 1 guest (w)" in screen_text(app)  # shown under the agenda with the session


async def test_a_half_typed_guest_is_not_thrown_away_silently(store, make_app):
    event, session = _blitz(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_event(app, pilot, event.id)
        await burst(pilot, ["2", "w", "g", *typed("dana whitfield"), "enter"], until=lambda: "already on the list" in screen_text(app))
        await burst(pilot, ["escape"])
        assert isinstance(app.screen, AttendanceScreen) and "is not added yet" in screen_text(app), screen_text(app)
        await burst(pilot, ["escape"], until=lambda: not isinstance(app.screen, AttendanceScreen))
        assert store.attendance.marked(session) == []


async def test_evidence_attached_by_path_shows_with_the_session_and_a_bad_path_changes_nothing(store, make_app, tmp_path):
    event, session = _blitz(store)
    photo = tmp_path / "before.png"
    photo.write_bytes(before_photo())
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_event(app, pilot, event.id)
        await burst(pilot, ["2", "v", *typed(str(tmp_path / "nope.png")), "enter"],
                    until=lambda: "does not exist" in screen_text(app))
        assert store.evidence.for_item("session", session) == []
        field = app.screen.query_one("#evidence-path")
        field.value = ""
        await burst(pilot, [*typed(str(photo)), "tab", *typed("Die cart in the aisle"), "enter"],
                    until=lambda: len(store.evidence.for_item("session", session)) == 1)
        assert isinstance(app.screen, EvidenceScreen) and "before.png" in screen_text(app)
        await burst(pilot, ["escape"], until=lambda: not isinstance(app.screen, EvidenceScreen))
        await pilot.pause()
        assert f"1 file: before.png, {len(before_photo())} B" in screen_text(app)


async def test_evidence_for_a_target_from_the_follow_up_area(store, make_app, tmp_path):
    event, _ = _blitz(store)
    photo = tmp_path / "after.png"
    photo.write_bytes(before_photo())
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_event(app, pilot, event.id)
        await burst(pilot, ["5", "v", "enter", *typed(str(photo)), "enter"],
                    until=lambda: len(store.evidence.for_item("target", event.targets[0].id)) == 1)
        await burst(pilot, ["escape"], until=lambda: not isinstance(app.screen, EvidenceScreen))
        await pilot.pause()
        assert "Changeover time: 1 file: after.png" in screen_text(app)


async def test_files_of_a_cause_and_of_a_countermeasure_with_F(store, make_app, tmp_path):
    # v switches views in 6 Causes and gives dots in 7 Fixes: F reaches the highlighted item's files there.
    from facilitator.domain.countermeasures import CountermeasureForm
    from tests.countermeasure_support import add_cause

    event, _ = _blitz(store)
    cause = add_cause(store, event.id, "Setter walks to the tool room", category="man")  # the bone shown first
    fix = store.countermeasures.add(event.id, CountermeasureForm("Die cart", "2", "5", (cause,)), day=1)
    store.db.conn.commit()
    photo = tmp_path / "cart.png"
    photo.write_bytes(before_photo())

    def kinds() -> list[str]:
        return [row["item_kind"] for row in store.db.query("select item_kind from evidence order by rowid")]

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_event(app, pilot, event.id)
        await burst(pilot, ["6", "F", *typed(str(photo)), "enter"], until=lambda: len(kinds()) == 1)
        assert kinds() == ["cause"]
        await burst(pilot, ["escape"], until=lambda: not isinstance(app.screen, EvidenceScreen))
        await burst(pilot, ["7", "F", *typed(str(photo)), "enter"], until=lambda: len(kinds()) == 2)
        assert kinds() == ["cause", "countermeasure"]
        assert store.evidence.for_item("countermeasure", fix.id)[0].original_name == "cart.png"
        # One copy of the photo, however many items show it.
        assert len(list((store.path.parent / "evidence").iterdir())) == 1


async def test_key_help_says_where_a_key_means_something_else_and_what_reaches_it_there(store, make_app):
    from facilitator.screens.key_help import KeyHelpScreen

    event, _ = _blitz(store)
    store.causes.add_problem(event.id, "Long changeovers")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_event(app, pilot, event.id)

        async def listed(tab: str) -> dict[str, str]:
            await pilot.press(tab)
            await pilot.pause()
            await pilot.press("question_mark")
            assert isinstance(app.screen, KeyHelpScreen)
            notes = {b.id: b.tooltip for _, bindings in app.screen.groups for b in bindings}
            await pilot.press("escape")
            await pilot.pause()
            return notes

        await pilot.press("space")  # the session runs: it is the one in hand on tab 3
        decisions = await listed("3")  # the log binds v (verdict); w is still who-was-there
        assert decisions["attach_evidence"] == "Not in this area, where v is Verdict: F does it here"
        assert not decisions["take_attendance"].startswith("Not in this area")
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)  # F reaches the files from tab 3
        await pilot.press("escape")
        await pilot.pause()
        causes = await listed("6")  # w asks why, v switches the view
        assert causes["take_attendance"].startswith("Not in this area, where w is Why?")
        assert causes["attach_evidence"] == "Not in this area, where v is View: F does it here"
        assert app.screen is screen
