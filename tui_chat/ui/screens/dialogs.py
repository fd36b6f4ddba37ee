"""Small modal dialogs: confirm, one-line input, session settings."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; y/Enter confirms, n/Esc cancels."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm_no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(classes="dialog")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.question, markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Yes (y)", id="yes", variant="error")
                yield Button("No (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, value: bool) -> None:
        """Close with ``value``."""
        self.dismiss(value)

    @on(Button.Pressed)
    def answer_from_button(self, event: Button.Pressed) -> None:
        """Buttons answer too."""
        self.dismiss(event.button.id == "yes")


class InputScreen(ModalScreen[str | None]):
    """Ask for one line of text; Enter accepts, Esc cancels (None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="input_cancel")]

    def __init__(self, prompt: str, value: str = "", placeholder: str = "") -> None:
        super().__init__(classes="dialog")
        self.prompt = prompt
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.prompt, markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="dialog-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def accept(self, event: Input.Submitted) -> None:
        """Enter returns the text."""
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Esc returns None."""
        self.dismiss(None)


PARAMS = (
    ("temperature", float, "0 – 2; lower is more focused"),
    ("top_p", float, "0 – 1"),
    ("max_tokens", int, "longest reply, in tokens"),
)


SHOW_REASONING = "show_reasoning"
"""The session param that, False, hides thinking blocks (no backend reads it)."""


class SessionSettingsScreen(ModalScreen[dict[str, Any] | None]):
    """Edit a session's system prompt and generation params; ctrl+s saves."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings_save"),
        Binding("escape", "cancel", "Cancel", id="settings_cancel"),
    ]

    def __init__(self, title: str, system_prompt: str, params: dict[str, Any]) -> None:
        super().__init__(classes="dialog")
        self.session_title = title
        self.system_prompt = system_prompt
        self.params = dict(params)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box settings"):
            yield Label(f"Settings for “{self.session_title}”", markup=False)
            yield Static("System prompt (always kept, never trimmed):", classes="hint")
            yield TextArea(self.system_prompt, id="system-prompt", soft_wrap=True)
            with Grid(id="params"):
                for name, _kind, help_text in PARAMS:
                    yield Label(name)
                    value = self.params.get(name)
                    yield Input("" if value is None else str(value), placeholder=help_text,
                                id=f"param-{name}")
            yield Checkbox("Show the model's reasoning (thinking blocks)",
                           self.params.get(SHOW_REASONING, True) is not False,
                           id="show-reasoning")
            yield Static("", id="settings-error", markup=False)
            yield Static("ctrl+s saves · Esc cancels · empty fields use the model's defaults",
                         classes="hint")

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    def action_save(self) -> None:
        """Validate and return {system_prompt, params}."""
        params: dict[str, Any] = {}
        for name, kind, _help in PARAMS:
            raw = self.query_one(f"#param-{name}", Input).value.strip()
            if not raw:
                continue
            try:
                value = kind(raw)
            except ValueError:
                self.query_one("#settings-error", Static).update(
                    f"{name} must be a {'whole number' if kind is int else 'number'}.")
                return
            limits = {"temperature": (0, 2), "top_p": (0, 1), "max_tokens": (1, 32768)}[name]
            if not limits[0] <= value <= limits[1]:
                self.query_one("#settings-error", Static).update(
                    f"{name} must be between {limits[0]} and {limits[1]}.")
                return
            params[name] = value
        if not self.query_one("#show-reasoning", Checkbox).value:
            params[SHOW_REASONING] = False
        text = self.query_one("#system-prompt", TextArea).text
        self.dismiss({"system_prompt": text, "params": params})
