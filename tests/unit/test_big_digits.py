"""The block-font countdown: drawn as large as its space allows, keeping its shape and every glyph."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.widgets.big_digits import FONT_HEIGHT, font_bitmap, scaled


def test_font_bitmap_of_a_countdown():
    rows = font_bitmap("+1:05")
    assert len(rows) == FONT_HEIGHT
    assert rows[3].startswith("#####")  # the plus sign's bar


def test_fills_the_height_when_the_width_allows():
    lines = scaled("12:34", 120, 20)
    assert len(lines) == 20
    assert all(len(line) == len(lines[0]) <= 120 for line in lines)


def test_narrow_space_makes_narrower_digits_before_shorter_ones():
    assert len(scaled("1:02:03", 80, 14)) == 14  # 66 px of ink squeezed below 2 cells each
    assert len(scaled("1:02:03", 20, 14)) < 14


@given(
    st.text(alphabet="0123456789:+-", min_size=1, max_size=8),
    st.integers(min_value=1, max_value=300),
    st.integers(min_value=1, max_value=100),
)
def test_never_larger_than_the_space(text, width, height):
    lines = scaled(text, width, height)
    assert 1 <= len(lines) <= height
    assert all(1 <= len(line) <= width for line in lines)


def test_scaling_keeps_the_glyphs():
    # Drawn at exactly two cells per font pixel, the bitmap comes back unchanged.
    bitmap = font_bitmap("09:+")
    lines = scaled("09:+", len(bitmap[0]) * 2, FONT_HEIGHT)
    assert [line[::2].replace("█", "#") for line in lines] == bitmap
