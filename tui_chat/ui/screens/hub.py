"""Add a model from the Hugging Face Hub: search GGUF repos, pick a file, name it.

The screen owns its two workers (the search and a repo's file list) and returns a
:class:`HubChoice`; the model list that opened it saves the entry and downloads it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui_chat.core.config import ROLES
from tui_chat.core.library.discovery import model_name
from tui_chat.core.library.search import (
    HubUnavailable,
    RepoHit,
    RepoModel,
    repo_models,
    search_repos,
)
from tui_chat.core.units import format_bytes


@dataclass(frozen=True, slots=True)
class HubChoice:
    """The file the user picked, with the name and role to give it."""

    repo: str
    """Repo id."""
    file: str
    """File to load (first part of a split set)."""
    name: str
    """Catalog name."""
    role: str
    """One of the roles."""
    size: int
    """Bytes of every part."""


def hit_label(hit: RepoHit) -> Text:
    """``acme/Tiny-GGUF  ↓ 1.2k  ♥ 3  2025-01-02`` (a lock for gated repos)."""
    when = hit.updated.strftime("%Y-%m-%d") if hit.updated else "-"
    return Text.assemble(("🔒 " if hit.gated else "") + hit.repo, "  ",
                         (f"↓ {_count(hit.downloads)}  ♥ {_count(hit.likes)}  {when}", "dim"))


def _count(n: int) -> str:
    for unit, size in (("M", 1_000_000), ("k", 1_000)):
        if n >= size:
            return f"{n / size:.1f}{unit}"
    return str(n)


class HubScreen(ModalScreen[HubChoice | None]):
    """Type a search, Enter; Enter on a repo lists its GGUF files; Enter on one names it."""

    BINDINGS = [Binding("escape", "back", "Back", id="hub_back")]

    @dataclass
    class ReposFound(Message):
        """The search answered."""

        query: str
        hits: list[RepoHit]

    @dataclass
    class FilesFound(Message):
        """A repo's GGUF files arrived, with the memory budget they are compared to."""

        repo: str
        models: list[RepoModel]
        budget: int

    @dataclass
    class HubFailed(Message):
        """A search or listing failed; ``text`` says what to do."""

        text: str

    def __init__(self, budget: Callable[[], int], taken: set[str]) -> None:
        super().__init__(classes="dialog")
        self._budget = budget
        self._taken = set(taken)
        self._hits: list[RepoHit] = []
        self._models: list[RepoModel] = []
        self.repo: str | None = None
        """The repo whose files are listed (None while repos are listed)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box hub"):
            yield Label("Add a model from the Hugging Face Hub (GGUF)")
            yield Input(placeholder="search, e.g. qwen 7b — Enter", id="hub-query")
            yield Static("", id="hub-status", markup=False)
            yield OptionList(id="hub-list")

    def on_mount(self) -> None:
        self.query_one("#hub-query", Input).focus()

    def _status(self, text: str) -> None:
        self.query_one("#hub-status", Static).update(text)

    # ----------------------------------------------------------------- repos

    @on(Input.Submitted, "#hub-query")
    def start_search(self, event: Input.Submitted) -> None:
        """Enter in the search box asks the Hub."""
        event.stop()
        self._status(f"Searching for {event.value!r}…")
        self.search(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="hub")
    def search(self, query: str) -> None:
        """GGUF repos matching ``query``, most downloaded first."""
        try:
            self.post_message(self.ReposFound(query, search_repos(query)))
        except HubUnavailable as exc:
            self.post_message(self.HubFailed(str(exc)))

    @on(ReposFound)
    def show_repos(self, event: ReposFound) -> None:
        """List the repos; Enter on one lists its files."""
        self.repo, self._hits = None, event.hits
        options = self.query_one("#hub-list", OptionList)
        options.clear_options()
        options.add_options([Option(hit_label(h), id=h.repo) for h in event.hits])
        if event.hits:
            options.highlighted = 0
            options.focus()
            self._status(f"{len(event.hits)} GGUF repos for {event.query!r}, most downloaded "
                         "first · Enter lists files · Esc closes")
        else:
            self._status(f"No GGUF repo matches {event.query!r}; try fewer words.")

    # ----------------------------------------------------------------- files

    @on(OptionList.OptionSelected, "#hub-list")
    def open_choice(self, event: OptionList.OptionSelected) -> None:
        """Enter on a repo lists its files; on a file, asks for a name and role."""
        event.stop()
        if self.repo is None:
            repo = event.option.id or ""
            self._status(f"Listing the GGUF files of {repo}…")
            self.list_files(repo)
            return
        model = self._models[event.option_index]
        if model.missing:
            self.notify(f"{model.file}: the repo lacks part {model.missing[0]}; pick another "
                        "file.", severity="error")
            return
        name = model_name(Path(model.file), self._taken)
        self.app.push_screen(NameModelScreen(model.file, name),
                             lambda answer: self._finish(model, answer))

    @work(thread=True, exclusive=True, exit_on_error=False, group="hub")
    def list_files(self, repo: str) -> None:
        """``repo``'s GGUF models and the memory budget, off the UI thread."""
        try:
            models = repo_models(repo)
            self.post_message(self.FilesFound(repo, models, self._budget()))
        except HubUnavailable as exc:
            self.post_message(self.HubFailed(str(exc)))

    @on(FilesFound)
    def show_files(self, event: FilesFound) -> None:
        """One row per model with its fit mark, size and quantisation."""
        self.repo, self._models = event.repo, event.models
        options = self.query_one("#hub-list", OptionList)
        options.clear_options()
        options.add_options([Option(m.label(event.budget), id=m.file) for m in event.models])
        if event.models:
            options.highlighted = 0
            options.focus()
        self._status(f"{event.repo}: {len(event.models)} GGUF file(s) · memory budget "
                     f"{format_bytes(event.budget)} · Enter picks · Esc back to repos")

    @on(HubFailed)
    def show_failure(self, event: HubFailed) -> None:
        """The sentence from the core, on the screen and as a notification."""
        self._status(event.text)
        self.notify(event.text, severity="error", timeout=12)

    def _finish(self, model: RepoModel, answer: tuple[str, str] | None) -> None:
        if answer is not None and self.repo is not None:
            self.dismiss(HubChoice(self.repo, model.file, answer[0], answer[1], model.size))

    def action_back(self) -> None:
        """Esc: from the files back to the repos, from the repos out."""
        if self.repo is None:
            self.dismiss(None)
            return
        self.repo = None
        options = self.query_one("#hub-list", OptionList)
        options.clear_options()
        options.add_options([Option(hit_label(h), id=h.repo) for h in self._hits])
        self._status("Enter lists a repo's files · Esc closes")


class NameModelScreen(ModalScreen[tuple[str, str] | None]):
    """Name a model and give it a role; Enter accepts, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="name_model_cancel")]

    def __init__(self, file: str, name: str, verb: str = "Add") -> None:
        super().__init__(classes="dialog")
        self.file = file
        self.suggested = name
        self.verb = verb

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(f"{self.verb} {self.file} as:", markup=False)
            yield Input(self.suggested, id="model-name", placeholder="name")
            yield Input("chat", id="model-role", placeholder=" / ".join(ROLES))
            yield Static(f"role: {', '.join(ROLES)} · Enter saves it to config.toml",
                         id="name-model-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#model-name", Input).focus()

    @on(Input.Submitted)
    def accept(self, event: Input.Submitted) -> None:
        """Enter in either field: check the role and return (name, role)."""
        event.stop()
        name = self.query_one("#model-name", Input).value.strip()
        role = self.query_one("#model-role", Input).value.strip() or "chat"
        if role not in ROLES:
            self.query_one("#name-model-hint", Static).update(
                f"role must be one of {', '.join(ROLES)}.")
            return
        if name:
            self.dismiss((name, role))

    def action_cancel(self) -> None:
        """Esc returns None."""
        self.dismiss(None)
