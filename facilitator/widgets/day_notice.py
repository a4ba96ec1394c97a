"""One line on the event screen: what is still open when a day of the event starts (or, with the
``-alarm`` class, a decision log changed outside facilitator).

It used to be a toast, which sat exactly where the quick dialogs put their fields: opening an event and
pressing ``d`` at once had the notice over the verdict choices. A line above the tabs covers nothing and
stays until the facilitator has looked (the follow-up tab, ``5``, takes it down).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class DayNotice(Static):
    DEFAULT_CSS = """
    DayNotice { height: auto; max-height: 2; padding: 0 1; color: $warning; display: none; }
    DayNotice.-open { display: block; }
    DayNotice.-alarm { color: $error; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.message = ""

    def say(self, message: str | None) -> None:
        self.message = message or ""
        self.set_class(bool(self.message), "-open")
        self.update(Text(self.message))

    def dismiss(self) -> None:
        self.say(None)
