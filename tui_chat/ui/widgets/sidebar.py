"""The sidebar: models with live status badges, and the session list."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_chat.core.catalog import ModelState

BADGES = {
    "missing": ("○", "dim"),
    "downloading": ("↓", "yellow"),
    "downloaded": ("●", "green"),
    "verified": ("✔", "green"),
    "loading": ("◌", "yellow"),
    "loaded": ("▶", "bold green"),
    "error": ("✗", "bold red"),
    "remote": ("☁", "cyan"),
    "auto": ("★", "magenta"),
}
AUTO = "auto"


def progress_bar(fraction: float, width: int = 10) -> str:
    """A text progress bar like ``█████░░░░░``."""
    filled = max(0, min(width, int(round(fraction * width))))
    return "█" * filled + "░" * (width - filled)


class ModelList(OptionList):
    """Every catalog model plus ``auto``; Enter chooses, d downloads, l/u load/unload."""

    BINDINGS = [
        Binding("d", "download", "Download", id="download"),
        Binding("l", "load", "Load", id="load"),
        Binding("u", "unload", "Unload", id="unload"),
        Binding("x", "cancel_download", "Cancel download", id="cancel_download", show=False),
    ]

    @dataclass
    class Chosen(Message):
        """The user picked a model (or auto) for the current chat."""

        name: str

    @dataclass
    class Requested(Message):
        """The user asked for a model action: download, load, unload, cancel_download."""

        action: str
        name: str

    @dataclass
    class StatusChanged(Message):
        """A model's status changed (posted from any thread)."""

        state: ModelState

    def __init__(self, models: list[tuple[str, str, bool]], *, id: str | None = None) -> None:
        """``models`` is (name, display_name, is_remote) in catalog order."""
        super().__init__(id=id)
        self._models = models
        self._states: dict[str, ModelState] = {}
        self.active = AUTO
        """The model chosen for the current chat."""

    def on_mount(self) -> None:
        self.border_title = "Models"
        self.rebuild()

    def set_states(self, states: list[ModelState]) -> None:
        """Replace every status at once (startup)."""
        self._states = {s.name: s for s in states}
        self.rebuild()

    def rebuild(self) -> None:
        """Redraw every row, keeping the highlight."""
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([self._option(AUTO)] + [self._option(name) for name, _, _ in self._models])
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def _option(self, name: str) -> Option:
        return Option(self._label(name), id=name)

    def _label(self, name: str) -> Text:
        mark = "› " if name == self.active else "  "
        if name == AUTO:
            badge, style = BADGES["auto"]
            return Text.assemble(mark, (badge, style), " auto ", ("router picks", "dim"))
        state = self._states.get(name)
        remote = next((r for n, _, r in self._models if n == name), False)
        status = state.status if state else "missing"
        shown = "remote" if remote and status in ("downloaded", "verified") else status
        badge, style = BADGES.get(shown, ("?", ""))
        text = Text.assemble(mark, (badge, style), f" {name} ", (shown, style or "dim"))
        if state and state.status == "downloading" and state.progress is not None:
            text.append(f"\n    {progress_bar(state.progress)} {state.detail}", style="yellow")
        elif state and state.detail and (state.status in ("error", "loaded", "downloading")
                                         or shown == "remote"):
            detail = state.detail if len(state.detail) <= 60 else state.detail[:57] + "…"
            text.append(f"\n    {detail}", style="red" if state.status == "error" else "dim")
        return text

    def status_of(self, name: str) -> str:
        """The status shown for ``name``."""
        state = self._states.get(name)
        return state.status if state else "missing"

    @on(StatusChanged)
    def show_new_status(self, event: StatusChanged) -> None:
        """Redraw the row whose model changed."""
        event.stop()
        self._states[event.state.name] = event.state
        try:
            self.replace_option_prompt(event.state.name, self._label(event.state.name))
        except Exception:  # noqa: BLE001 - option not present (unknown model)
            self.rebuild()
        if event.state.status == "error":
            self.tooltip = event.state.detail

    def set_active(self, name: str) -> None:
        """Mark ``name`` as the chosen model."""
        previous, self.active = self.active, name
        for label in {previous, name}:
            try:
                self.replace_option_prompt(label, self._label(label))
            except Exception:  # noqa: BLE001
                pass

    @on(OptionList.OptionSelected)
    def choose_model(self, event: OptionList.OptionSelected) -> None:
        """Enter on a row chooses that model."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(event.option.id))

    @on(OptionList.OptionHighlighted)
    def show_detail_tooltip(self, event: OptionList.OptionHighlighted) -> None:
        """Hovering/highlighting an errored model shows its reason."""
        state = self._states.get(event.option.id or "")
        self.tooltip = state.detail if state and state.detail else None

    def _highlighted_name(self) -> str | None:
        if self.highlighted is None:
            return None
        name = self.get_option_at_index(self.highlighted).id
        return None if name == AUTO else name

    def _request(self, action: str) -> None:
        name = self._highlighted_name()
        if name is None:
            self.notify("Highlight a model first (auto has nothing to " + action + ").",
                        severity="warning")
            return
        self.post_message(self.Requested(action, name))

    def action_download(self) -> None:
        """Download the highlighted model."""
        self._request("download")

    def action_load(self) -> None:
        """Load the highlighted model now."""
        self._request("load")

    def action_unload(self) -> None:
        """Free the highlighted model's memory."""
        self._request("unload")

    def action_cancel_download(self) -> None:
        """Stop the highlighted model's download."""
        self._request("cancel_download")
