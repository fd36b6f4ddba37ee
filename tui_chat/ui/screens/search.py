"""Search every message of every chat, as you type; Enter opens the one highlighted."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui_chat.core.chat import ChatService
from tui_chat.core.errors import TuiChatError
from tui_chat.core.export import format_time
from tui_chat.core.store import SearchHit

RESULTS = 50
"""Most results shown."""


class SearchScreen(ModalScreen[SearchHit | None]):
    """A search box over every user and assistant message, results best first."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="search_close"),
        Binding("down", "move(1)", "Next result", id="search_next", show=False),
        Binding("up", "move(-1)", "Previous result", id="search_prev", show=False),
    ]

    def __init__(self, service: ChatService, query: str = "") -> None:
        super().__init__()
        self.service = service
        self.query_text = query
        """The search as typed."""
        self.hits: list[SearchHit] = []
        """The results shown, best first."""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Static("Search every message · Enter opens · Esc closes", id="search-title")
            yield Input(self.query_text, placeholder="words to find…", id="search-input")
            yield Static("Type a word or two.", id="search-status", markup=False)
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.query_text:
            self.run_search(self.query_text)

    @on(Input.Changed, "#search-input")
    def search_as_typed(self, event: Input.Changed) -> None:
        """Every keystroke starts a new search (the one before is dropped)."""
        self.query_text = event.value
        self.run_search(event.value)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        """Query the history off the UI thread; only the newest query's results show."""
        try:
            hits = self.service.search(query, RESULTS, prefix=True)
            error = None
        except TuiChatError as exc:
            hits, error = [], str(exc)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_results, query, hits, error)

    def show_results(self, query: str, hits: list[SearchHit], error: str | None = None) -> None:
        """Replace the result rows (UI thread)."""
        if query != self.query_text:
            return
        self.hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options([Option(_label(hit), id=str(hit.message_id)) for hit in hits])
        if hits:
            results.highlighted = 0
        status = self.query_one("#search-status", Static)
        if error:
            status.update(error)
        elif not query.split():
            status.update("Type a word or two.")
        elif not hits:
            status.update("No message holds those words; try fewer or other words.")
        else:
            more = " (best first; the first 50)" if len(hits) >= RESULTS else " · best first"
            how = "" if self.service.full_text_search else " · substring match (no FTS5)"
            status.update(f"{len(hits)} message{'s' if len(hits) != 1 else ''}{more}{how}")

    def action_move(self, step: int) -> None:
        """Up/Down in the search box move through the results."""
        results = self.query_one(OptionList)
        if results.option_count:
            current = results.highlighted if results.highlighted is not None else -step
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    @on(Input.Submitted, "#search-input")
    def open_highlighted(self) -> None:
        """Enter in the search box opens the highlighted result."""
        index = self.query_one(OptionList).highlighted
        if index is not None and index < len(self.hits):
            self.dismiss(self.hits[index])

    @on(OptionList.OptionSelected, "#search-results")
    def open_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on a result opens it."""
        if event.option_index < len(self.hits):
            self.dismiss(self.hits[event.option_index])


def _label(hit: SearchHit) -> Text:
    """Two lines: the chat's title, who and when; then the snippet, matches highlighted."""
    title = hit.session_title if len(hit.session_title) <= 50 else hit.session_title[:49] + "…"
    who = "you" if hit.role == "user" else "reply"
    label = Text.assemble((title, "bold"), (f"  · {who} · {format_time(hit.created)[:16]}",
                                            "dim"), "\n  ")
    for piece, matched in hit.parts():
        label.append(piece, "bold reverse" if matched else "")
    return label
