"""The reflection screen: answer a framework's prompts, by a named participant or the group.

Several participants can answer for one session (ctrl+n saves and clears the form for the next one).
When the cadence requires the reflection, leaving without saving asks for a reason and it stays owed.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Select, Static, TextArea

from facilitator.domain.errors import UserError, ValidationError
from facilitator.messages import DatabaseChanged
from facilitator.domain.event import Event
from facilitator.domain.frameworks import WHERE_ELSE_PROMPT, reversal_prompts
from facilitator.domain.reflection import Loop, ReflectionForm, Target
from facilitator.reflection_files import LoadedFrameworks
from facilitator.screens.text_prompt import TextPromptScreen
from facilitator.widgets.footer import Footer
from facilitator.widgets.timer_bar import TimerBar
from facilitator.storage.reflections import save_reflection


@dataclass(frozen=True)
class ReflectionRequest:
    """What to reflect on, how it is described, and whether skipping needs a reason."""

    event: Event
    target: Target
    about: str  # e.g. "Session: Gemba walk (day 2)"
    framework: str
    required: bool = False
    reversed_decisions: tuple[str, ...] = ()
    skipped_reason: str = ""  # given earlier: leaving again keeps it rather than asking a second time


@dataclass(frozen=True)
class ReflectionResult:
    saved: int
    skipped_reason: str | None = None
    followups: int = 0


class ReflectionScreen(Screen[ReflectionResult]):
    CSS_PATH = "reflection.tcss"
    HOLDS_NOTICES = True  # notices wait until the form closes (facilitator/notices.py)
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save_reflection", tooltip="Save these answers and close", priority=True),
        Binding(
            "ctrl+n", "save_next", "Next participant", id="next_participant",
            tooltip="Save these answers and clear the form for the next participant", priority=True,
        ),
        Binding("escape", "leave", "Close / skip", id="leave_reflection", tooltip="Close; a required reflection asks why it is skipped"),
    ]

    def __init__(self, request: ReflectionRequest, frameworks: LoadedFrameworks) -> None:
        super().__init__()
        self.request = request
        self.frameworks = frameworks
        self.framework_key = frameworks.get(request.framework).key
        self.saved = 0
        self.followups = 0
        self._typed: dict[str, str] = {}

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        # The clock stays in sight while the group reflects (in a set, the next session is already running).
        yield TimerBar(id="timer-bar")
        with VerticalScroll(id="reflection-form"):
            yield Static(self.request.about, id="about", markup=False)
            yield Static("", id="saved-so-far", markup=False)
            yield Static("", id="form-error", classes="field-error", markup=False)
            with Horizontal(classes="pair"):
                with Vertical(id="framework-box"):
                    yield Label("Framework")
                    yield Select(
                        [(framework.name, key) for key, framework in self.frameworks.frameworks.items()],
                        value=self.framework_key, allow_blank=False, id="framework",
                    )
                with Vertical():
                    yield Label("Participant")
                    # The hint sits in the field: a long label was cut at 80 columns.
                    yield Input(placeholder="blank: the whole group", id="participant", select_on_focus=False)
                    yield Static("", id="participant-error", classes="field-error", markup=False)
            if self.frameworks.problems:
                # Said in the form too: the notice waits until the form closes (HOLDS_NOTICES).
                yield Static("\n".join(self.frameworks.problems), id="framework-problems", markup=False)
            yield Static("", id="explanation", markup=False)
            if self.request.reversed_decisions:
                yield Static(
                    f"A scope decision was reversed {'on this day' if self.request.target.scope.value == 'day' else 'in this session'}: "
                    "the double-loop prompts below quote it.",
                    id="reversal-note", markup=False,
                )
            yield Vertical(id="prompts")
            yield Static("", id="answers-error", classes="field-error", markup=False)
            yield Label("What kind of learning was it?")
            yield Select([(loop.label, loop.value) for loop in Loop], value=Loop.NONE.value, allow_blank=False, id="loop")
            yield Label("Assumptions or mental models that surfaced (one a line)")
            yield TextArea(id="assumptions", soft_wrap=True, tab_behavior="focus")
            yield Static("", id="assumptions-error", classes="field-error", markup=False)
            yield Label(WHERE_ELSE_PROMPT + " - one a line: what to carry; owner; where")
            yield TextArea(id="transfers", soft_wrap=True, tab_behavior="focus")
            yield Static("", id="transfers-error", classes="field-error", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Save, next participant  ctrl+n", id="save-next")
                yield Button("Close  esc", id="leave")
        yield Footer()

    async def on_mount(self) -> None:
        self._show_timer()
        self.sub_title = "Reflection" + ("  (required)" if self.request.required else "")
        self._show_errors({})
        self._show_saved()
        await self._show_prompts()
        self.query_one("#participant", Input).focus()

    def _show_timer(self) -> None:
        # Only a session in hand needs its clock in sight; otherwise the rows go to the questions.
        state = self.app.store.timer.state(self.request.event.id)
        bar = self.query_one(TimerBar)
        bar.display = state.current is not None
        bar.show(state)

    def on_database_changed(self, message: DatabaseChanged) -> None:
        if message.changes.touches("events", "sessions", "timer_log"):
            self._show_timer()

    def prompts(self) -> tuple[str, ...]:
        framework = self.frameworks.get(self.framework_key)
        extra: tuple[str, ...] = ()
        for decision in self.request.reversed_decisions:
            extra += reversal_prompts(decision)
        return tuple(dict.fromkeys(extra + framework.prompts))

    async def _show_prompts(self) -> None:
        framework = self.frameworks.get(self.framework_key)
        self.query_one("#explanation", Static).update(framework.explanation)
        box = self.query_one("#prompts", Vertical)
        await box.remove_children()
        widgets = []
        for number, prompt in enumerate(self.prompts(), start=1):
            widgets.append(Label(prompt, markup=False, classes="prompt"))
            widgets.append(
                TextArea(self._typed.get(prompt, ""), id=f"answer-{number}", soft_wrap=True, tab_behavior="focus")
            )
            error = Static("", id=f"answer-{number}-error", classes="field-error", markup=False)
            error.display = False
            widgets.append(error)
        await box.mount_all(widgets)

    def _remember_typed(self) -> None:
        for number, prompt in enumerate(self.prompts(), start=1):
            for area in self.query(f"#answer-{number}").results(TextArea):
                self._typed[prompt] = area.text

    @on(Select.Changed, "#framework")
    async def _framework_changed(self, message: Select.Changed) -> None:
        if message.value == self.framework_key or message.value is Select.BLANK:
            return
        self._remember_typed()
        self.framework_key = str(message.value)
        await self._show_prompts()

    # -- saving --------------------------------------------------------------------------------

    def _read_form(self) -> ReflectionForm:
        answers = tuple(
            (prompt, self.query_one(f"#answer-{number}", TextArea).text)
            for number, prompt in enumerate(self.prompts(), start=1)
        )
        return ReflectionForm(
            participant=self.query_one("#participant", Input).value,
            loop=str(self.query_one("#loop", Select).value),
            answers=answers,
            assumptions=self.query_one("#assumptions", TextArea).text,
            transfers=self.query_one("#transfers", TextArea).text,
        )

    def _show_errors(self, errors: dict[str, str]) -> None:
        for widget in self.query(".field-error").results(Static):
            if widget.id == "form-error":
                continue
            field = (widget.id or "").removesuffix("-error")
            text = errors.get(field, "")
            widget.update(text)
            widget.display = bool(text)
        banner = self.query_one("#form-error", Static)
        banner.update("Not saved: fix the fields marked below." if errors else "")
        banner.display = bool(errors)

    def _show_saved(self) -> None:
        note = self.query_one("#saved-so-far", Static)
        if self.saved:
            follow = f"; {self.followups} follow-ups created" if self.followups else ""
            note.update(f"Saved {self.saved} reflection{'s' if self.saved != 1 else ''} for this {self.request.target.scope.value}{follow}.")
        note.display = bool(self.saved)

    def _save(self) -> bool:
        framework = self.frameworks.get(self.framework_key)
        request = self.request
        try:
            reflection = self._read_form().to_reflection(request.event.id, request.target, framework.key, framework.name)
        except ValidationError as error:
            self._show_errors(error.errors)
            first = next((w for w in self.query(".field-error") if w.display and w.id != "form-error"), None)
            if first is not None:
                self.query_one("#reflection-form").scroll_to_widget(first)
            return False
        store = self.app.store
        try:
            _saved, created = save_reflection(store, reflection)
        except UserError as error:
            self._show_errors({})
            banner = self.query_one("#form-error", Static)
            banner.update(str(error))
            banner.display = True
            return False
        self.saved += 1
        self.followups += created
        self._show_errors({})
        return True

    def _result(self) -> ReflectionResult:
        return ReflectionResult(saved=self.saved, followups=self.followups)

    def action_save(self) -> None:
        if self._save():
            self.dismiss(self._result())

    async def action_save_next(self) -> None:
        if not self._save():
            return
        self._typed.clear()
        for area in self.query("#prompts TextArea, #assumptions, #transfers").results(TextArea):
            area.text = ""
        self.query_one("#participant", Input).value = ""
        self.query_one("#loop", Select).value = Loop.NONE.value
        self._show_saved()
        self.query_one("#participant", Input).focus()
        self.query_one("#reflection-form").scroll_home(animate=False)

    def action_leave(self) -> None:
        if self.saved or not self.request.required:
            self.dismiss(self._result())
            return
        if self.request.skipped_reason:
            # Skipped before, with a reason: it stays owed with that reason; no second question.
            self.dismiss(ReflectionResult(saved=0, skipped_reason=self.request.skipped_reason))
            return
        request = self.request
        framework = self.frameworks.get(self.framework_key)

        def accept(reason: str) -> str:
            return self.app.store.reflections.skip(request.event.id, request.target, reason, framework.key, framework.name)

        def skipped(reason: str | None) -> None:
            if reason is not None:
                self.dismiss(ReflectionResult(saved=0, skipped_reason=reason))

        self.app.push_screen(
            TextPromptScreen(
                "Skip this reflection?",
                "Why is it skipped? It stays marked 'reflection owed' until it is done.",
                "", accept, placeholder="e.g. sponsor arrived",
            ),
            skipped,
        )

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save-next")
    async def _save_next_pressed(self) -> None:
        await self.action_save_next()

    @on(Button.Pressed, "#leave")
    def _leave_pressed(self) -> None:
        self.action_leave()

