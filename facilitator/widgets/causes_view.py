"""The causes tab: a fishbone (the diagram, then the picked bone's causes) or the 5 Whys tree, one at a time.

The widget only shows and selects: each key that changes data posts :class:`CauseChangeAsked`, which the
event screen hands to ``screens/causes_flow.py`` (dialogs and storage); the flow then calls
:meth:`show_tree` with the record to select. Everything shown is computed when the records arrive, so a
redraw with hundreds of causes only slices lists; the lines in sight are turned into strips once per
state (records, view, cursor, size, theme) and painted line by line (Textual's line API), so a frame
costs the same whether the tree holds five records or five hundred.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from facilitator.domain.causes import Category, Cause, CauseKind, CauseTree
from facilitator.messages import CauseChangeAsked
from facilitator.render.causes import fishbone, fit, layout, marks_text, why_tree

FISHBONE, WHYS = "fishbone", "whys"
Line = list[tuple[str, tuple[str, ...]]]
_SOURCE = {"charter": "the charter's problem", "typed": "typed"}


@dataclass(frozen=True)
class Row:
    cause: Cause
    text: str


class CausesView(Widget, can_focus=True):
    DEFAULT_CSS = """
    CausesView { height: 1fr; padding: 0 1; }
    CausesView > .causes-view--title { text-style: bold; }
    CausesView > .causes-view--hint { color: $text-muted; }
    CausesView > .causes-view--bone { text-style: bold; }
    CausesView > .causes-view--picked { color: $accent; text-style: bold reverse; }
    CausesView > .causes-view--head { color: $warning; text-style: bold; }
    CausesView > .causes-view--cursor { background: $accent 40%; text-style: bold; }
    CausesView > .causes-view--root { color: $success; text-style: bold; }
    """
    COMPONENT_CLASSES = {
        "causes-view--title", "causes-view--hint", "causes-view--bone", "causes-view--picked",
        "causes-view--head", "causes-view--cursor", "causes-view--root",
    }
    BINDINGS = [
        Binding("v", "toggle_view", "View", id="causes_toggle_view", tooltip="Switch between the fishbone and the 5 Whys tree"),
        Binding("up", "move(-1)", "Up", id="causes_up", show=False),
        Binding("down", "move(1)", "Down", id="causes_down", show=False),
        Binding("left", "bone(-1)", "Prev bone", id="causes_prev_bone", show=False, tooltip="The fishbone's previous bone"),
        Binding("right", "bone(1)", "Next bone", id="causes_next_bone", show=False, tooltip="The fishbone's next bone"),
        Binding("left_square_bracket", "problem(-1)", "Prev problem", id="causes_prev_problem", show=False, key_display="[",
                tooltip="The previous problem"),
        Binding("right_square_bracket", "problem(1)", "Next problem", id="causes_next_problem", show=False, key_display="]",
                tooltip="The next problem"),
        Binding("N", "act('problem')", "New problem", id="causes_new_problem", show=False,
                tooltip="Start from a problem: the charter's, a target's gap, or typed"),
        Binding("i", "act('cause')", "Add cause", id="causes_add", show=False, tooltip="Add a cause on the picked bone"),
        Binding("s", "act('sub')", "Sub-cause", id="causes_add_sub", show=False, tooltip="Add a sub-cause under the highlighted cause"),
        Binding("w", "act('why')", "Why?", id="causes_add_why", show=False,
                tooltip="Ask why: add a why under the highlighted record (a second one makes a branch)"),
        Binding("equals_sign", "act('vote_up')", "Vote +", id="causes_vote_up", show=False, key_display="=",
                tooltip="Add a vote (a dot) to the highlighted cause"),
        Binding("minus", "act('vote_down')", "Vote -", id="causes_vote_down", show=False, key_display="-",
                tooltip="Take back a vote from the highlighted cause"),
        Binding("c", "act('verify')", "Verified", id="causes_verify", show=False,
                tooltip="Mark the highlighted record verified: by data, at the gemba, or by a trial"),
        Binding("R", "act('root')", "Root cause", id="causes_root", show=False, tooltip="Mark (or unmark) the highlighted record a root cause"),
        Binding("enter", "act('edit')", "Edit", id="causes_edit", show=False, tooltip="Edit the highlighted record's text"),
        Binding("delete", "act('delete')", "Remove", id="causes_delete", show=False, key_display="del",
                tooltip="Remove the highlighted record with everything under it"),
    ]

    mode: reactive[str] = reactive(FISHBONE)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.records = CauseTree(())
        self._problem_index = 0
        self.bone = Category.MAN
        self._cursor_id: str | None = None
        self._bone_rows: list[Row] = []
        self._why_lines: list = []
        self._problems: list[Cause] = []
        # Where each record sits in each view's rows: keys, the cursor and the window look up, never search.
        self._positions: dict[str, dict[str, int]] = {FISHBONE: {}, WHYS: {}}
        self._chain_count = 0
        self._diagram_cache: tuple | None = None
        self._version = 0  # bumped for every tree shown: the caches below are keyed on it
        self._strips: dict[str, tuple[tuple, list[Strip]]] = {}  # per view, so v and v again redraws nothing
        self.stale = True  # nothing read yet: the records are read when the tab is first shown

    # Data --------------------------------------------------------------------------------------

    def show_tree(self, tree: CauseTree, select: str | None = None, mode: str | None = None) -> None:
        """Show these records; ``select`` a record (and its problem and bone); ``mode`` switches the view."""
        self.records = tree
        self._version += 1
        self._diagram_cache = None
        problems = self._problems = tree.problems
        if select is not None:
            self._cursor_id = select
            chosen = tree.by_id().get(select)
            if chosen is not None:
                head = tree.problem_of(chosen.id)
                if head is not None and head in problems:
                    self._problem_index = problems.index(head)
                if chosen.category is not None:
                    self.bone = chosen.category
        self._problem_index = max(0, min(self._problem_index, len(problems) - 1))
        self._why_lines = why_tree(tree)
        self._positions[WHYS] = {line.cause.id: index for index, line in enumerate(self._why_lines)}
        self._chain_count = len(tree.chain_starts())
        self._set_bone_rows()
        if mode is not None:
            self.mode = mode
        self._keep_cursor()
        self.refresh()

    @property
    def problem(self) -> Cause | None:
        return self._problems[self._problem_index] if self._problems else None

    def _set_bone_rows(self) -> None:
        self._bone_rows = self._rows_of_bone()
        self._positions[FISHBONE] = {row.cause.id: index for index, row in enumerate(self._bone_rows)}

    def _rows_of_bone(self) -> list[Row]:
        problem = self.problem
        if problem is None:
            return []
        children = self.records.children_map()
        rows: list[Row] = []

        def add(cause: Cause, depth: int) -> None:
            rows.append(Row(cause, "   " * depth + ("└─ " if depth else "")))
            subs = sorted((c for c in children.get(cause.id, []) if c.kind is CauseKind.CAUSE), key=lambda c: -c.votes)
            for sub in subs:
                add(sub, depth + 1)

        for cause in self.records.bones(problem.id)[self.bone]:
            add(cause, 0)
        return rows

    def _rows(self) -> list:
        """The view's rows: a bone's :class:`Row` list or the why tree's lines."""
        return self._bone_rows if self.mode == FISHBONE else self._why_lines

    def _keep_cursor(self) -> None:
        if self._cursor_id not in self._positions[self.mode]:
            rows = self._rows()
            self._cursor_id = rows[0].cause.id if rows else None

    @property
    def selected(self) -> Cause | None:
        index = self._positions[self.mode].get(self._cursor_id or "")
        return None if index is None else self._rows()[index].cause

    def watch_mode(self) -> None:
        self._keep_cursor()
        self.refresh()

    # Keys --------------------------------------------------------------------------------------

    def action_toggle_view(self) -> None:
        self.mode = WHYS if self.mode == FISHBONE else FISHBONE

    def action_move(self, step: int) -> None:
        rows = self._rows()
        if not rows:
            return
        index = self._positions[self.mode].get(self._cursor_id or "", 0)
        self._cursor_id = rows[max(0, min(len(rows) - 1, index + step))].cause.id
        self.refresh()

    def action_bone(self, step: int) -> None:
        if self.mode != FISHBONE:
            return
        bones = list(Category)
        self.bone = bones[(bones.index(self.bone) + step) % len(bones)]
        self._set_bone_rows()
        self._diagram_cache = None
        self._cursor_id = None
        self._keep_cursor()
        self.refresh()

    def action_problem(self, step: int) -> None:
        problems = self._problems
        if not problems:
            return
        if self.mode == WHYS:
            rows = self._positions[WHYS]
            current = self.records.problem_of(self._cursor_id) if self._cursor_id else None
            index = problems.index(current) if current in problems else 0
            target = problems[(index + step) % len(problems)]
            self._cursor_id = target.id if target.id in rows else self._cursor_id
            self.refresh()
            return
        self._problem_index = (self._problem_index + step) % len(problems)
        self._set_bone_rows()
        self._diagram_cache = None
        self._cursor_id = None
        self._keep_cursor()
        self.refresh()

    def action_act(self, action: str) -> None:
        self.post_message(CauseChangeAsked(action, self.selected, self.problem, self.bone))

    # Drawing -----------------------------------------------------------------------------------
    # A line is a few pieces, each a text and the component styles laid over it (bottom first). The same
    # pieces become a Text for :meth:`render` and segments for :meth:`render_line`, so what the tests
    # read is what is painted, and painting costs one segment per piece.

    def _style(self, name: str) -> Style:
        # Whole styles: a partial one leaves $text-muted's transparency unblended (white on the light theme).
        return self.get_component_rich_style(f"causes-view--{name}", partial=False)

    def _combined(self, names: tuple[str, ...], base: Style | None = None) -> Style:
        style = base or Style()
        for name in names:
            style += self._style(name)
        return style

    def render(self) -> Text:
        """The whole view as one text (what the tests read); painting goes through :meth:`render_line`."""
        texts = []
        for line in self._lines():
            text = Text()
            for chunk, names in line:
                text.append(chunk, style=self._combined(names) if names else None)
            texts.append(text)
        return Text("\n").join(texts)

    def _lines(self) -> list[Line]:
        width = max(40, self.size.width or 80)
        height = max(6, self.size.height or 20)
        lines = self._fishbone_lines(width, height) if self.mode == FISHBONE else self._whys_lines(width, height)
        return lines[:height]

    def render_line(self, y: int) -> Strip:
        strips = self._painted()
        return strips[y] if y < len(strips) else Strip.blank(self.size.width, self.visual_style.rich_style)

    def _painted(self) -> list[Strip]:
        """The lines in sight as strips, built once for each state the view can be in."""
        base = self.visual_style.rich_style
        width = self.size.width
        # The styles are part of the key: a theme change repaints with the new colours.
        key = (self._version, width, self.size.height, self._cursor_id, self.bone, self._problem_index, base,
               self._style("cursor"), self._style("hint"), self._style("picked"))
        cached = self._strips.get(self.mode)
        if cached is not None and cached[0] == key:
            return cached[1]
        styles: dict[tuple[str, ...], Style] = {}
        strips = []
        for line in self._lines():
            segments, length = [], 0
            for chunk, names in line:
                if not chunk:
                    continue
                style = styles.get(names)
                if style is None:
                    style = styles[names] = self._combined(names, base)
                segments.append(Segment(chunk, style))
                length += cell_len(chunk)
            strip = Strip(segments, length)
            if length < width:
                strip = Strip([*segments, Segment(" " * (width - length), base)], width)
            elif length > width:
                strip = strip.crop(0, width)
            strips.append(strip)
        self._strips[self.mode] = (key, strips)
        return strips

    def _title(self, width: int) -> Line:
        problems = self._problems
        view = "Fishbone" if self.mode == FISHBONE else "5 Whys"
        other = "5 Whys" if self.mode == FISHBONE else "fishbone"
        if self.mode == FISHBONE and problems:
            where = f" - problem {self._problem_index + 1} of {len(problems)}"
            source = self.problem.source or "typed"
            where += f" ({_SOURCE.get(source, 'a target gap' if source.startswith('target:') else source)})"
        else:
            where = f" - {self._chain_count} chains" if self.mode == WHYS else ""
        return [(fit(f"{view}{where}", width - 14), ("title",)), (f"  v {other}", ("hint",))]

    def _diagram(self, width: int, per_side: int) -> list[Line]:
        key = (width, per_side, self.bone, self._problem_index, self._version)
        if self._diagram_cache and self._diagram_cache[0] == key:
            return self._diagram_cache[1]
        _, column = layout(width)
        drawn: list[Line] = []
        for line in fishbone(self.records, self.problem, width, per_side):
            text = line.text
            if line.role == "bone" and self.bone in line.categories:
                start = line.categories.index(self.bone) * column
                end = start + len(self.bone.value)
                drawn.append([(text[:start], ("bone",)), (text[start:end], ("bone", "picked")), (text[end:], ("bone",))])
            elif line.role == "bone":
                drawn.append([(text, ("bone",))])
            elif line.role == "head":
                start = 3 * column + 2
                drawn.append([(text[:start], ()), (text[start:], ("head",))])
            else:
                drawn.append([(text, ())])
        self._diagram_cache = (key, drawn)
        return drawn

    def _fishbone_lines(self, width: int, height: int) -> list[Line]:
        per_side = 3 if height >= 26 else 2 if height >= 19 else 1
        lines = [self._title(width), *self._diagram(width, per_side)]
        if self.problem is None:
            lines.append([("No problem yet: N starts from the charter's problem, a target's gap, or one you type.",
                           ("hint",))])
            return lines
        count = len(self._bone_rows)
        lines.append(_cut([(f"{self.bone.label} ({count})", ("bone",)),
                           ("  ←/→ bone  i add  s sub-cause  w why?  = - vote  c verified  R root", ("hint",))], width))
        room = height - len(lines)
        if not self._bone_rows:
            lines.append([(f"  Nothing on this bone yet: i adds a {self.bone.label.lower()} cause.", ("hint",))])
            return lines
        return lines + self._window(self._bone_rows, room, width)

    def _whys_lines(self, width: int, height: int) -> list[Line]:
        lines = [self._title(width)]
        if not self._why_lines:
            lines.append([("No chains yet: N starts from a problem; w asks why about the highlighted record.", ("hint",))])
            return lines
        lines.append(_cut([("w why? (again: a branch)  R root  c verified  enter edit  [ ] problem", ("hint",))], width))
        return lines + self._window(self._why_lines, height - len(lines), width)

    def _window(self, rows: list, room: int, width: int) -> list[Line]:
        """The rows (a bone's :class:`Row` or a why tree's lines) around the cursor that fit in ``room`` lines.

        Only the rows in sight are labelled, so a long tree costs no more to draw than a short one.
        """
        room = max(1, room)
        index = self._positions[self.mode].get(self._cursor_id or "", 0)
        start = max(0, min(index - room // 2, len(rows) - room))
        out: list[Line] = []
        for row in rows[start : start + room]:
            cause = row.cause
            prefix, label = (row.text, cause.short) if isinstance(row, Row) else (row.prefix, row.label())
            votes = f"●{cause.votes} " if cause.votes else ""
            marks = marks_text(cause)
            tail = f"  {marks}" if marks else ""
            over = ("cursor",) if cause.id == self._cursor_id else ()
            out.append([(prefix, ("hint", *over)), (fit(votes + label, max(8, width - len(prefix) - len(tail))), over),
                        (tail, ("root", *over))])
        return out


def _cut(line: Line, width: int) -> Line:
    """The line cut to ``width`` characters, the last one an ellipsis when something was cut."""
    if sum(len(chunk) for chunk, _ in line) <= width:
        return line
    out: Line = []
    room = width - 1
    for chunk, names in line:
        if room <= 0:
            break
        out.append((chunk[:room], names))
        room -= len(chunk[:room])
    last_chunk, last_names = out[-1] if out else ("", ())
    out[-1:] = [(last_chunk + "…", last_names)]
    return out
