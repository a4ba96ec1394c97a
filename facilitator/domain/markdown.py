"""The one Markdown escaper: user text reads as typed in any CommonMark/GFM renderer, with as few
backslashes as that allows.

Used by the Markdown export and the report-out (printed, piped, or rendered with Rich). Every character
the rules below leave alone is one that cannot start markup where it stands, so "kaizen!" and
"14 -> 9 %" stay as typed, while ``*``, ``[x](y)``, ``<b>`` and a typed ``&amp;`` still read as typed.
"""

from __future__ import annotations

import re

from facilitator.domain.display import visible

# Always markup, wherever they stand: code spans and links (an escaped "[" also disarms "![" images).
_ALWAYS = set("`[")
# "<" opens raw HTML or an autolink only before a letter, "/", "!" or "?"; "14 < 20" needs nothing.
_TAG_OPENERS = re.compile(r"[A-Za-z/!?]")
# Emphasis and strikethrough: harmless only between two spaces ("a * b"); "_" also between two
# letters or digits (CommonMark never opens emphasis inside a word with "_": "cycle_time").
_FLANKED = set("*~_")
# "&amp;", "&#38;", "&#x26;": an entity reference would render as the character it names.
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_ASCII_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# At the start of a line: a heading, a blockquote, a list item, or (for a line of its own) a
# thematic break or a setext underline turning the line above into a heading.
_HEADING = re.compile(r"^(\s*)(#{1,6})(?=\s|$)")
_QUOTE_OR_BULLET = re.compile(r"^(\s*)([>]|[-+](?=\s|$))")
_ORDERED = re.compile(r"^(\s*\d{1,9})([.)])(?=\s|$)")
_RULE = re.compile(r"^(\s*)([-=])(?=[\s\-=]*$)")
_BLOCK_STARTS = frozenset("#>-+=")
# A closing run of "#" at the end of a heading line would be dropped as the heading's closing sequence.
_CLOSING_HASHES = re.compile(r"(\s)(#+)(\s*)$")


# The only characters _inline may escape: text without any of them (most text) passes through untouched.
_CANDIDATES = re.compile(r"[\\`\[|<*~_]")

# Every character visible(), the line join or _inline may change: text with none of them, nearly all text,
# skips all three after this one search.
_MAY_CHANGE = re.compile(r"[\\`\[|<*~_&\n\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _inline(text: str, pipes: bool) -> str:
    last = len(text) - 1

    def one(match: re.Match[str]) -> str:
        # Judged per candidate character, not per character of the text: exports escape tens of thousands
        # of cells, and a loop over every character was most of a Markdown export's time.
        i = match.start()
        char = match.group()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i < last else ""
        if char == "\\":
            # Only a backslash before punctuation (or ending the line: a hard break) escapes anything.
            needs = after == "" or after in _ASCII_PUNCTUATION
        elif char in _ALWAYS:
            needs = True
        elif char == "|":
            needs = pipes
        elif char == "<":
            needs = bool(_TAG_OPENERS.match(after))
        else:  # one of _FLANKED
            spaced = before.isspace() and after.isspace()
            inside_word = char == "_" and before.isalnum() and after.isalnum()
            needs = not (spaced or inside_word)
        return "\\" + char if needs else char

    escaped = _CANDIDATES.sub(one, text)
    return _ENTITY.sub(r"\\&", escaped) if "&" in escaped else escaped


def escape(text: str, *, line_start: bool = True, heading: bool = False, pipes: bool = False) -> str:
    """One line of user text, safe inline in Markdown; line breaks become spaces.

    ``line_start``: the text begins a line (a list item's text, a paragraph line), so a leading "#",
    ">", "- ", "1. " or a line of "---" is escaped too (leading blanks, which could make it code, are
    dropped). ``heading``: it ends a heading line, so a trailing run of "#" is kept. ``pipes``: "|" is
    escaped, for a table cell or a line that a following line could turn into a GFM table.
    """
    text = str(text)
    plain = _MAY_CHANGE.search(text) is None  # then visible(), the line join and _inline change nothing
    if not plain:
        text = " ".join(visible(text).split("\n"))
    if line_start:
        text = text.lstrip()
    if not plain:
        text = _inline(text, pipes)
    # Only a line beginning with one of these can read as a block (lstrip left no blank in front).
    if line_start and (text[:1] in _BLOCK_STARTS or text[:1].isdigit()):
        text = _HEADING.sub(r"\1\\\2", text)
        text = _QUOTE_OR_BULLET.sub(r"\1\\\2", text)
        text = _ORDERED.sub(r"\1\\\2", text)
        text = _RULE.sub(r"\1\\\2", text)
    if heading:
        text = _CLOSING_HASHES.sub(lambda m: m.group(1) + "\\#" * len(m.group(2)) + m.group(3), text)
    return text


def escape_lines(texts: list[str]) -> list[str]:
    """``[escape(text) for text in texts]``, judged for the whole list first: a report-out lists thousands
    of decisions, nearly all plain, and a call per line was most of its escaping. Plain means no character
    escape() may change anywhere, and no line starting with a blank, a digit or a block's first character."""
    try:
        joined = " ".join(texts)
    except TypeError:  # not all text: each on its own
        return [escape(text) for text in texts]
    firsts = {text[:1] for text in texts}  # a few distinct first characters to look at
    if _MAY_CHANGE.search(joined) is None and not any(c in _BLOCK_STARTS or c.isdigit() or c.isspace() for c in firsts):
        return texts
    return [escape(text) for text in texts]


def paragraph(text: str) -> str:
    """Several lines of user text as one paragraph, each line break kept (a hard break)."""
    lines = [escape(line, pipes=True) for line in visible(str(text)).split("\n")]
    return "  \n".join(line for line in lines if line.strip())
