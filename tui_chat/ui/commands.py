"""Command palette entries: new chat, switch model, download, diagnostics, copy, quit."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui_chat.core.events import AUTO
from tui_chat.ui.widgets.sidebar import ModelList

if TYPE_CHECKING:
    from tui_chat.ui.app import TuiChatApp


class ChatCommands(Provider):
    """The app's own commands, found by fuzzy search in the palette (ctrl+p)."""

    def _commands(self) -> list[tuple[str, object, str]]:
        app: TuiChatApp = self.app  # type: ignore[assignment]
        chat = app.chat
        if not chat.is_attached:  # the damaged-history question is still on screen
            return [("Quit", app.action_quit, "Leave tui-chat")]
        models = chat.query_one(ModelList)
        commands: list[tuple[str, object, str]] = [
            ("New chat", chat.action_new_chat, "Start a fresh conversation"),
            ("Diagnostics", app.action_diagnostics, "Requests, models, fallbacks, log"),
            ("Copy last reply", chat.action_copy_reply, "Copy it to the clipboard (OSC 52)"),
            ("Compact this chat", chat.action_compact,
             "F4: the model summarises the older messages into one sent in their place"),
            ("Search every message", chat.action_search, "Ctrl+F: words of every chat"),
            ("Help: keys", app.action_help, "Every key binding"),
            ("Quit", app.action_quit, "Leave tui-chat (everything is saved)"),
            ("Add a model…", models.action_add_model,
             "Search the Hugging Face Hub for a GGUF, name it, download it"),
            (f"Switch model: {AUTO}", partial(chat.choose_model, AUTO), "Let the router pick"),
            ("Save current model as default", app.save_default_model,
             f"Write default_model = {chat.model_choice} to config.toml (atomically)"),
        ]
        for spec, state in zip(models.control.models, models.control.states()):
            commands.append((f"Switch model: {spec.name}", partial(chat.choose_model, spec.name),
                             f"{spec.display_name} ({spec.role}, {state.status})"))
            if not spec.is_remote and not spec.package:
                commands.append((f"Download model: {spec.name}",
                                 partial(models.start_download, spec.name),
                                 f"{spec.display_name} from {spec.repo} ({state.status})"))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)  # type: ignore[arg-type]
