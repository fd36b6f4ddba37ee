"""The help screen: every key binding, as currently mapped."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

EXTRA_KEYS = [
    ("up (empty prompt)", "Recall the last prompt"),
    ("? (empty prompt)", "Open this help"),
    ("tab / shift+tab", "Move focus: prompt, chat log, models, sessions"),
    ("enter (models)", "Use the highlighted model for this chat"),
    ("ctrl+p", "Command palette: new chat, switch model, download, diagnostics…"),
]


def binding_rows(bindings: list[tuple[str, Binding]]) -> list[tuple[str, str, str]]:
    """(where, keys, description) rows from (where, Binding) pairs, deduplicated."""
    seen: set[tuple[str, str]] = set()
    rows = []
    for where, binding in bindings:
        key = (binding.id or binding.action, binding.key)
        if key in seen or not binding.description:
            continue
        seen.add(key)
        rows.append((where, binding.key.replace(",", " / "), binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """Lists every key; Esc, q or F1 closes it."""

    BINDINGS = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close help", id="help_close"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static("Keys", classes="help-title")
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static(
                "Remap any key in config.toml under [keys] by its id, e.g. quit = \"ctrl+x\". "
                "Over SSH, ctrl+j always inserts a newline. Esc closes this help.",
                classes="hint",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Where", "Keys", "Does")
        for where, keys, desc in self.rows:
            table.add_row(where, keys, desc)
        for keys, desc in EXTRA_KEYS:
            table.add_row("", keys, desc)
        table.focus()
