"""The one Markdown escaper: whatever was typed reads back as typed through a CommonMark/GFM parser."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from facilitator.domain.markdown import escape, paragraph

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_MARKUP = "\\`*_[]<>|~#!&-+=.()0123456789:;/ \t"


def _read_back(document: str) -> tuple[str, set[str]]:
    """The plain text a renderer shows, and the kinds of tokens it made (anything but text is markup)."""
    kinds: set[str] = set()
    texts: list[str] = []
    for token in _PARSER.parse(document):
        kinds.add(token.type)
        for child in token.children or []:
            kinds.add(child.type)
            texts.append(child.content if child.type == "text" else "\n" if "break" in child.type else "")
    return "".join(texts), kinds


def _item(text: str) -> str:
    return " ".join(text.split())  # a list item reads its text with blanks collapsed at the edges


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(_MARKUP + "abcAZ&;x#é"), max_size=40))
def test_a_list_item_reads_as_typed(typed):
    text, kinds = _read_back(f"- {escape(typed)}\n")
    assert kinds <= {"bullet_list_open", "bullet_list_close", "list_item_open", "list_item_close",
                     "paragraph_open", "paragraph_close", "inline", "text"}
    assert " ".join(text.split()) == _item(typed)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_MARKUP + "abc"), max_size=20), min_size=1, max_size=4))
def test_a_paragraph_of_several_lines_reads_as_typed(lines):
    rendered = paragraph("\n".join(lines))
    text, kinds = _read_back(rendered + "\n")
    assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text", "hardbreak", "softbreak"}
    expected = [" ".join(line.split()) for line in lines if line.strip()]
    assert [" ".join(part.split()) for part in text.split("\n")] == (expected or [""])


@given(st.text(alphabet=st.sampled_from(_MARKUP + "ab"), max_size=30))
def test_a_heading_keeps_every_character(typed):
    text, kinds = _read_back(f"## {escape(typed, heading=True)}\n")
    assert kinds <= {"heading_open", "heading_close", "inline", "text"}
    assert " ".join(text.split()) == _item(typed)


def test_only_what_must_be_escaped_gets_a_backslash():
    assert escape("kaizen!") == "kaizen!"
    assert escape("14 -> 9 %") == "14 -> 9 %"
    assert escape("cycle_time down 20 % (a * b)") == "cycle_time down 20 % (a * b)"
    assert escape("14 < 20, R&D") == "14 < 20, R&D"
    assert escape("[/] and *bold* and <b>") == "\\[/] and \\*bold\\* and \\<b>"
    assert escape("- not a list") == "\\- not a list"
    assert escape("1. not a list") == "1\\. not a list"


def test_a_typed_entity_stays_as_typed():
    assert escape("&amp; and &#38;") == "\\&amp; and \\&#38;"
    text, _ = _read_back(f"- {escape('Tom &amp; Jerry')}\n")
    assert text == "Tom &amp; Jerry"


def test_control_characters_become_visible():
    assert escape("bell\x07 esc\x1b[31m") == "bell\u2407 esc\u241b\\[31m"
