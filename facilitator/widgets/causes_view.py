"""The causes tab: a fishbone (the diagram, then the picked bone's causes) or the 5 Whys tree, one at a time.

The widget only shows and selects: each key that changes data posts :class:`CausesView.Act`, which the
event screen hands to ``screens/causes_flow.py`` (dialogs and storage); the flow then calls
:meth:`reload` with the record to select. Everything shown is computed at reload, so a redraw with
hundreds of causes only slices lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from facilitator.domain.causes import Category, Cause, CauseKind, CauseTree
from facilitator.render.causes import fishbone, fit, layout, marks_text, why_tree

FISHBONE, WHYS = "fishbone", "whys"
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

    @dataclass
    class Act(Message):
        """A key asked for a change: ``action`` on ``cause`` (the highlighted record), on ``problem``'s ``bone``."""

        action: str
        cause: Cause | None
        problem: Cause | None
        bone: Category

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.records = CauseTree(())
        self._problem_index = 0
        self.bone = Category.MAN
        self._cursor_id: str | None = None
        self._bone_rows: list[Row] = []
        self._why_lines: list = []
        self._chain_count = 0
        self._diagram_cache: tuple | None = None
        self.stale = True  # nothing read yet: the records are read when the tab is first shown

    # Data --------------------------------------------------------------------------------------

    def show_tree(self, tree: CauseTree, select: str | None = None, mode: str | None = None) -> None:
        """Show these records; ``select`` a record (and its problem and bone); ``mode`` switches the view."""
        self.records = tree
        self._diagram_cache = None
        problems = tree.problems
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
        self._chain_count = len(tree.chain_starts())
        self._bone_rows = self._rows_of_bone()
        if mode is not None:
            self.mode = mode
        self._keep_cursor()
        self.refresh()

    @property
    def problem(self) -> Cause | None:
        problems = self.records.problems
        return problems[self._problem_index] if problems else None

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

    def _selectable(self) -> list[Cause]:
        if self.mode == FISHBONE:
            return [row.cause for row in self._bone_rows]
        return [line.cause for line in self._why_lines]

    def _keep_cursor(self) -> None:
        ids = [cause.id for cause in self._selectable()]
        if self._cursor_id not in ids:
            self._cursor_id = ids[0] if ids else None

    @property
    def selected(self) -> Cause | None:
        return next((c for c in self._selectable() if c.id == self._cursor_id), None)

    def watch_mode(self) -> None:
        self._keep_cursor()
        self.refresh()

    # Keys --------------------------------------------------------------------------------------

    def action_toggle_view(self) -> None:
        self.mode = WHYS if self.mode == FISHBONE else FISHBONE

    def action_move(self, step: int) -> None:
        ids = [cause.id for cause in self._selectable()]
        if not ids:
            return
        index = ids.index(self._cursor_id) if self._cursor_id in ids else 0
        self._cursor_id = ids[max(0, min(len(ids) - 1, index + step))]
        self.refresh()

    def action_bone(self, step: int) -> None:
        if self.mode != FISHBONE:
            return
        bones = list(Category)
        self.bone = bones[(bones.index(self.bone) + step) % len(bones)]
        self._bone_rows = self._rows_of_bone()
        self._diagram_cache = None
        self._cursor_id = None
        self._keep_cursor()
        self.refresh()

    def action_problem(self, step: int) -> None:
        problems = self.records.problems
        if not problems:
            return
        if self.mode == WHYS:
            rows = [line.cause.id for line in self._why_lines]
            current = self.records.problem_of(self._cursor_id) if self._cursor_id else None
            index = problems.index(current) if current in problems else 0
            target = problems[(index + step) % len(problems)]
            self._cursor_id = target.id if target.id in rows else self._cursor_id
            self.refresh()
            return
        self._problem_index = (self._problem_index + step) % len(problems)
        self._bone_rows = self._rows_of_bone()
        self._diagram_cache = None
        self._cursor_id = None
        self._keep_cursor()
        self.refresh()

    def action_act(self, action: str) -> None:
        self.post_message(self.Act(action, self.selected, self.problem, self.bone))

    # Drawing -----------------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        # Whole styles: a partial one leaves $text-muted's transparency unblended (white on the light theme).
        return self.get_component_rich_style(f"causes-view--{name}", partial=False)

    def render(self) -> Text:
        width = max(40, self.size.width or 80)
        height = max(6, self.size.height or 20)
        lines = self._fishbone_lines(width, height) if self.mode == FISHBONE else self._whys_lines(width, height)
        return Text("\n").join(lines[:height])

    def _title(self, width: int) -> Text:
        problems = self.records.problems
        view = "Fishbone" if self.mode == FISHBONE else "5 Whys"
        other = "5 Whys" if self.mode == FISHBONE else "fishbone"
        if self.mode == FISHBONE and problems:
            where = f" - problem {self._problem_index + 1} of {len(problems)}"
            source = self.problem.source or "typed"
            where += f" ({_SOURCE.get(source, 'a target gap' if source.startswith('target:') else source)})"
        else:
            where = f" - {self._chain_count} chains" if self.mode == WHYS else ""
        title = Text()
        title.append(fit(f"{view}{where}", width - 14), style=self._style("title"))
        title.append(f"  v {other}", style=self._style("hint"))
        return title

    def _diagram(self, width: int, per_side: int) -> list[Text]:
        key = (width, per_side, self.bone, self._problem_index, id(self.records))
        if self._diagram_cache and self._diagram_cache[0] == key:
            return self._diagram_cache[1]
        _, column = layout(width)
        drawn = []
        for line in fishbone(self.records, self.problem, width, per_side):
            text = Text(line.text)
            if line.role == "bone":
                text.stylize(self._style("bone"))
                if self.bone in line.categories:
                    start = line.categories.index(self.bone) * column
                    text.stylize(self._style("picked"), start, start + len(self.bone.value))
            elif line.role == "head":
                text.stylize(self._style("head"), 3 * column + 2)
            drawn.append(text)
        self._diagram_cache = (key, drawn)
        return drawn

    def _fishbone_lines(self, width: int, height: int) -> list[Text]:
        per_side = 3 if height >= 26 else 2 if height >= 19 else 1
        lines = [self._title(width), *self._diagram(width, per_side)]
        problem = self.problem
        if problem is None:
            lines.append(Text("No problem yet: N starts from the charter's problem, a target's gap, or one you type.",
                              style=self._style("hint")))
            return lines
        count = len(self._bone_rows)
        heading = Text()
        heading.append(f"{self.bone.label} ({count})", style=self._style("bone"))
        heading.append("  ←/→ bone  i add  s sub-cause  w why?  = - vote  c verified  R root", style=self._style("hint"))
        heading.truncate(width, overflow="ellipsis")
        lines.append(heading)
        room = height - len(lines)
        if not self._bone_rows:
            lines.append(Text(f"  Nothing on this bone yet: i adds a {self.bone.label.lower()} cause.", style=self._style("hint")))
            return lines
        return lines + self._window(self._bone_rows, room, width)

    def _whys_lines(self, width: int, height: int) -> list[Text]:
        lines = [self._title(width)]
        if not self._why_lines:
            lines.append(Text("No chains yet: N starts from a problem; w asks why about the highlighted record.",
                              style=self._style("hint")))
            return lines
        hint = Text("w why? (again: a branch)  R root  c verified  enter edit  [ ] problem", style=self._style("hint"))
        hint.truncate(width, overflow="ellipsis")
        lines.append(hint)
        return lines + self._window(self._why_lines, height - len(lines), width)

    def _window(self, rows: list, room: int, width: int) -> list[Text]:
        """The rows (a bone's :class:`Row` or a why tree's lines) around the cursor that fit in ``room`` lines.

        Only the rows in sight are labelled, so a long tree costs no more to draw than a short one.
        """
        room = max(1, room)
        index = next((number for number, row in enumerate(rows) if row.cause.id == self._cursor_id), 0)
        start = max(0, min(index - room // 2, len(rows) - room))
        out = []
        for row in rows[start : start + room]:
            cause = row.cause
            prefix, label = (row.text, cause.short) if isinstance(row, Row) else (row.prefix, row.label())
            votes = f"●{cause.votes} " if cause.votes else ""
            marks = marks_text(cause)
            tail = f"  {marks}" if marks else ""
            text = Text()
            text.append(prefix, style=self._style("hint"))  # a Text's own style would colour the whole row
            text.append(fit(votes + label, max(8, width - len(prefix) - len(tail))))
            if tail:
                text.append(tail, style=self._style("root"))
            if cause.id == self._cursor_id:
                text.stylize(self._style("cursor"))
            out.append(text)
        return out
