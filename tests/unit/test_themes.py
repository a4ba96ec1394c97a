"""Theme files: the shipped ones load, a user's broken file is reported and skipped."""

from __future__ import annotations

import pytest

from facilitator.themes import ThemeFileError, bundled_themes_dir, load_themes, parse_theme


def test_bundled_themes_include_a_light_high_contrast_and_a_dark_one(tmp_path):
    loaded = load_themes(tmp_path / "none")
    names = {theme.name: theme for theme in loaded.themes}
    assert loaded.problems == []
    assert {"shopfloor-dark", "projector-light", "andon"} <= set(names)
    assert names["projector-light"].dark is False
    assert names["projector-light"].background.upper() == "#FFFFFF"
    assert names["shopfloor-dark"].dark is True
    assert len(list(bundled_themes_dir().glob("*.toml"))) >= 3



def test_projector_light_colours_read_on_a_washed_out_projector(tmp_path):
    """Every colour of the light theme stays well past WCAG AA on white; the warning (the notice line above
    the tabs, the parking lot) was a dull ochre (7.1:1) and is a deep burnt orange now."""
    from textual.color import Color

    def contrast(colour: str) -> float:  # WCAG's ratio against white
        channels = [value / 255 for value in Color.parse(colour).rgb]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        return 1.05 / (luminance + 0.05)

    theme = {theme.name: theme for theme in load_themes(tmp_path / "none").themes}["projector-light"]
    assert contrast(theme.warning) >= 8
    for colour in (theme.primary, theme.secondary, theme.accent, theme.success, theme.error):
        assert contrast(colour) >= 7

def test_user_theme_is_added_and_a_broken_one_skipped(tmp_path):
    folder = tmp_path / "themes"
    folder.mkdir()
    (folder / "mine.toml").write_text('name = "mine"\nprimary = "#112233"\ndark = false\n')
    (folder / "broken.toml").write_text('name = "broken"\nprimary = "not-a-colour"\n')
    (folder / "garbage.toml").write_text("this is = = not toml")
    loaded = load_themes(folder)
    assert "mine" in {theme.name for theme in loaded.themes}
    assert "broken" not in {theme.name for theme in loaded.themes}
    assert len(loaded.problems) == 2
    assert any("broken.toml: primary = 'not-a-colour' is not a colour" in p for p in loaded.problems)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("primary = '#fff'", "needs a 'name'"), ("name = 'x'", "needs a 'primary'"),
     ("name = 'x'\nprimary = '#fff'\ncolour = 'red'", "unknown keys colour"),
     ("name = 'x'\nprimary = '#fff'\ndark = 'yes'", "'dark' must be true or false"),
     ("name = 'x'\nprimary = '#fff'\nvariables = 3", "'variables' must map")],
)
def test_theme_file_errors_say_what_is_wrong(text, fragment):
    with pytest.raises(ThemeFileError, match=fragment):
        parse_theme(text, "t.toml")
