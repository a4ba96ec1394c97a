"""f2: the cockpit's own themes first, each saying what it is for; Textual's built-in ones after them.

Textual lists about twenty themes of its own, sorted by name, so "andon" sat between "catppuccin" and
"dracula" and a facilitator could not tell which themes were made for a plant. The built-in ones stay
reachable below (they are harmless and some people like them), named as Textual's.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# What each shipped theme is for, shown beside its name in the picker.
SHIPPED = {
    "shopfloor-dark": "facilitator, the default: light on dark for the laptop",
    "projector-light": "facilitator: black on white, for a projector in a bright room",
    "andon": "facilitator: amber on black, like an andon board",
}


def own_theme_order(names) -> list[str]:
    """The shipped themes in SHIPPED's order, then the user's own by name."""
    names = set(names)
    return [name for name in SHIPPED if name in names] + sorted(names - set(SHIPPED))


class ThemePicker(Provider):
    """Commands for every theme, the app's own (``app.own_themes``) first."""

    def _choices(self) -> list[tuple[str, str]]:
        own = list(getattr(self.app, "own_themes", ()))
        others = sorted(name for name in self.app.available_themes if name not in own)
        choices = [(name, SHIPPED.get(name, "your theme, from the themes folder")) for name in own]
        choices += [(name, "Textual built-in theme") for name in others]
        return choices

    def _pick(self, name: str) -> None:
        self.app.theme = name

    async def discover(self) -> Hits:
        for name, help_text in self._choices():
            yield DiscoveryHit(name, partial(self._pick, name), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text in self._choices():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._pick, name), text=name, help=help_text)
