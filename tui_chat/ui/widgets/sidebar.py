"""The model list: every catalog model plus ``auto``, with live status badges.

It owns its actions: downloads, loads, unloads and the start-up check of remote
endpoints run as its own thread workers against the core (``ModelControl``); status
changes come back from any thread as :class:`ModelList.StatusChanged` messages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_chat.core.library.catalog import ModelState
from tui_chat.core.errors import DownloadCancelled, TuiChatError
from tui_chat.core.events import AUTO, ModelStatus
from tui_chat.core.models import ModelControl

if TYPE_CHECKING:
    from tui_chat.ui.screens.hub import HubChoice

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


_DETAILED = (ModelStatus.ERROR, ModelStatus.LOADED, ModelStatus.DOWNLOADING, ModelStatus.REMOTE)
"""Statuses whose row has a detail line (the reason, the load time, the reachability)."""


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
        Binding("a", "add_model", "Add from Hub", id="add_model"),
        Binding("delete", "delete_model", "Delete file", id="delete_model"),
        Binding("k", "keep_model", "Keep in config", id="keep_model"),
    ]

    @dataclass
    class Chosen(Message):
        """The user picked a model (or auto) for the current chat."""

        name: str

    @dataclass
    class StatusChanged(Message):
        """A model's status changed (posted from any thread)."""

        state: ModelState

    @dataclass
    class LibraryScanned(Message):
        """The disk was searched for GGUF files and every header read."""

        names: list[str]
        """Every model, found ones included, in catalog order."""
        headers: dict[str, str]
        """One line per local model from its GGUF header."""

    def __init__(self, control: ModelControl, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.control = control
        """The core's model actions."""
        self._models = [spec.name for spec in control.models]
        self._states: dict[str, ModelState] = {}
        self._headers: dict[str, str] = {}
        self._shown: str | None = None
        self._downloads: dict[str, threading.Event] = {}
        self._unsubscribe: Callable[[], None] | None = None
        self.active = AUTO
        """The model chosen for the current chat."""

    @property
    def downloading(self) -> frozenset[str]:
        """The models whose download is in progress."""
        return frozenset(self._downloads)

    def on_mount(self) -> None:
        self.border_title = "Models"
        self.set_states(self.control.states())
        self._unsubscribe = self.control.subscribe(self._post_status)
        if self.control.has_remote:
            self.check_remote_models()

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.cancel_all_downloads()

    def cancel_all_downloads(self) -> None:
        """Stop every download in progress (the app is closing)."""
        for cancel in self._downloads.values():
            cancel.set()

    def _post_status(self, state: ModelState) -> None:
        """Catalog listener: runs on any thread, so only posts a message."""
        self.post_message(self.StatusChanged(state))

    def set_states(self, states: list[ModelState]) -> None:
        """Replace every status at once (startup)."""
        self._states = {s.name: s for s in states}
        self.rebuild()

    def rebuild(self) -> None:
        """Redraw every row, keeping the highlight."""
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([self._option(AUTO)] + [self._option(name) for name in self._models])
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
        status = state.status if state else ModelStatus.MISSING
        badge, style = BADGES.get(status, ("?", ""))
        text = Text.assemble(mark, (badge, style), f" {name} ", (status, style or "dim"))
        if state and status == ModelStatus.DOWNLOADING and state.progress is not None:
            text.append(f"\n    {progress_bar(state.progress)} {state.detail}", style="yellow")
        elif state and state.detail and status in _DETAILED:
            detail = state.detail if len(state.detail) <= 60 else state.detail[:57] + "…"
            text.append(f"\n    {detail}", style="red" if status == ModelStatus.ERROR else "dim")
        elif name in self._headers and name == self._highlighted_id():
            text.append(f"\n    {self._headers[name][:60]}", style="cyan")
        return text

    def _highlighted_id(self) -> str | None:
        if self.highlighted is None or self.highlighted >= self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    def header_line(self, name: str) -> str | None:
        """What the GGUF header says about ``name`` (shown under its row when highlighted)."""
        return self._headers.get(name)

    @on(LibraryScanned)
    def show_library(self, event: LibraryScanned) -> None:
        """List the found models and keep the header lines for the detail rows."""
        event.stop()
        self._headers.update(event.headers)
        if event.names != self._models:
            self._models = list(event.names)
            self._states = {s.name: s for s in self.control.states()}
            self.rebuild()
        elif (name := self._highlighted_id()) in self._headers:
            self.replace_option_prompt(name, self._label(name))

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
        """Highlighting a model shows its header line; an errored one's reason as tooltip."""
        state = self._states.get(event.option.id or "")
        self.tooltip = state.detail if state and state.detail else None
        previous, self._shown = self._shown, event.option.id
        for name in {previous, event.option.id} - {None, AUTO}:
            if name in self._headers and name in self._models:
                self.replace_option_prompt(name, self._label(name))

    def _highlighted_name(self) -> str | None:
        if self.highlighted is None:
            return None
        name = self.get_option_at_index(self.highlighted).id
        return None if name == AUTO else name

    def _target(self, verb: str) -> str | None:
        name = self._highlighted_name()
        if name is None:
            self.notify(f"Highlight a model first (auto has nothing to {verb}).",
                        severity="warning")
        return name

    def action_download(self) -> None:
        """Download the highlighted model."""
        if (name := self._target("download")) is not None:
            self.start_download(name)

    def action_load(self) -> None:
        """Load the highlighted model now."""
        if (name := self._target("load")) is not None:
            self.load_model(name)

    def action_unload(self) -> None:
        """Free the highlighted model's memory."""
        if (name := self._target("unload")) is None:
            return
        if self.control.unload(name):
            self.notify(f"Unloaded {name}.")
        else:
            self.notify(f"{name} is not loaded or is busy.", severity="warning")

    def action_cancel_download(self) -> None:
        """Stop the highlighted model's download."""
        if (name := self._target("cancel")) is None:
            return
        cancel = self._downloads.get(name)
        if cancel is None:
            self.notify(f"{name} is not downloading.", severity="warning")
            return
        cancel.set()

    def action_add_model(self) -> None:
        """Search the Hub for a GGUF, name it, then save and download it."""
        from tui_chat.ui.screens.hub import HubScreen

        taken = {spec.name for spec in self.control.models}
        self.app.push_screen(HubScreen(self.control.memory_budget, taken), self.add_from_hub)

    def add_from_hub(self, choice: HubChoice | None) -> None:
        """Save the chosen Hub model to the config, list it, and start its download."""
        if choice is None:
            return
        try:
            saved = self.control.add_from_hub(choice.repo, choice.file, choice.name,
                                              choice.role, choice.size)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error", timeout=12)
            return
        self._models = [spec.name for spec in self.control.models]
        self._states = {s.name: s for s in self.control.states()}
        self.rebuild()
        self.highlighted = self.get_option_index(choice.name)
        where = f"saved to {saved}" if saved else "for this run (built-in config: not saved)"
        self.notify(f"Added {choice.name} ({choice.repo}), {where}.")
        self.start_download(choice.name)

    def action_keep_model(self) -> None:
        """Write a found model into config.toml, with the name and role the user gives it."""
        from tui_chat.ui.screens.hub import NameModelScreen

        if (name := self._target("keep")) is None:
            return
        if not self.control.catalog.is_found(name):
            self.notify(f"{name} is already in the config.", severity="warning")
            return
        self.app.push_screen(NameModelScreen(self.control.catalog.spec(name).file or name, name,
                                             verb="Keep"),
                             lambda answer: self._keep(name, answer) if answer else None)

    def _keep(self, name: str, answer: tuple[str, str]) -> None:
        try:
            saved = self.control.keep(name, *answer)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error", timeout=12)
            return
        self._models = [spec.name for spec in self.control.models]
        self._states = {s.name: s for s in self.control.states()}
        if answer[0] != name and name in self._headers:
            self._headers[answer[0]] = self._headers[name]
        self.rebuild()
        self.highlighted = self.get_option_index(answer[0])
        self.notify(f"Kept {answer[0]} ({answer[1]}) in {saved}.")

    def action_delete_model(self) -> None:
        """Delete the highlighted model's file(s), after a confirmation naming the size."""
        from tui_chat.core.units import format_bytes
        from tui_chat.ui.screens.dialogs import ConfirmScreen

        if (name := self._target("delete")) is None:
            return
        try:
            files, size = self.control.deletable(name)
        except TuiChatError as exc:
            self.notify(str(exc), severity="warning")
            return
        count = f"{len(files)} files" if len(files) > 1 else files[0].name
        question = (f"Delete {name} ({count})? This frees {format_bytes(size)}; "
                    "downloading it again takes the full transfer.")
        self.app.push_screen(ConfirmScreen(question),
                             lambda yes: self._delete_confirmed(name) if yes else None)

    def _delete_confirmed(self, name: str) -> None:
        from tui_chat.core.units import format_bytes

        try:
            freed = self.control.delete(name)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error", timeout=12)
            return
        self._models = [spec.name for spec in self.control.models]
        if self.active == name and name not in self._models:  # a found model is gone
            self.post_message(self.Chosen(AUTO))
        self._states = {s.name: s for s in self.control.states()}
        self.rebuild()
        self.notify(f"Deleted {name}: freed {format_bytes(freed)}.")

    # ----------------------------------------------------------------- workers

    def start_download(self, name: str) -> None:
        """Download ``name`` in a worker; its row shows progress, then verified."""
        try:
            problem = self.control.download_problem(name)
        except TuiChatError as exc:
            problem = str(exc)
        if problem is not None:
            self.notify(problem, severity="warning")
            return
        if name in self._downloads:
            self.notify(f"{name} is already downloading; x on its row cancels.",
                        severity="warning")
            return
        cancel = threading.Event()
        self._downloads[name] = cancel
        self.notify(f"Downloading {name}… (x on its row cancels)")
        self.download_model(name, cancel)

    @work(thread=True, exit_on_error=False, group="download")
    def download_model(self, name: str, cancel: threading.Event) -> None:
        """Fetch and verify one model; the catalog posts the progress to this list."""
        try:
            verified = self.control.download(name, cancel)
        except DownloadCancelled:
            self.app.call_from_thread(self.notify, f"Download of {name} cancelled.")
        except TuiChatError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=12)
        else:
            state = "verified" if verified else "downloaded (no checksum to verify)"
            self.app.call_from_thread(self.notify,
                                      f"{name} is ready: {state}. Enter on it to use it.")
            names = [spec.name for spec in self.control.models]
            self.post_message(self.LibraryScanned(names, self.control.header_lines()))
        finally:
            self._downloads.pop(name, None)  # one dict operation: safe from this thread

    @work(thread=True, exit_on_error=False, group="load")
    def load_model(self, name: str) -> None:
        """Load a model ahead of use (its row shows loading, then loaded or error)."""
        try:
            self.control.load(name)
        except TuiChatError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")

    @work(thread=True, exclusive=True, exit_on_error=False, group="library")
    def scan_library(self) -> None:
        """Find GGUF files on disk and read every header, off the UI thread.

        The app starts it once its first frame is on screen (imports of gguf, numpy and
        huggingface_hub would otherwise compete with that frame for the GIL).
        """
        self.control.discover()
        names = [spec.name for spec in self.control.models]
        self.post_message(self.LibraryScanned(names, {}))  # the rows first, headers next
        self.post_message(self.LibraryScanned(names, self.control.header_lines()))

    @work(thread=True, exit_on_error=False, group="remote")
    def check_remote_models(self) -> None:
        """Ask every remote endpoint for its models; the rows show who answered."""
        self.control.check_remote()
