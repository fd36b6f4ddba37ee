"""Every binding has an id (so [keys] can remap it) and a description (footer, help)."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.screens.chat import ChatScreen
from tui_chat.ui.screens.dialogs import ConfirmScreen, InputScreen, SessionSettingsScreen
from tui_chat.ui.screens.help import HelpScreen
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.prompt import PromptInput
from tui_chat.ui.widgets.sessions import SessionList
from tui_chat.ui.widgets.sidebar import ModelList

CLASSES = [TuiChatApp, ChatScreen, PromptInput, ChatLog, ModelList, SessionList, HelpScreen, ConfirmScreen,
           InputScreen, SessionSettingsScreen]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_bindings_have_ids_and_descriptions(cls: type) -> None:
    for binding in cls.BINDINGS:
        assert isinstance(binding, Binding)
        assert binding.id, f"{cls.__name__}: {binding.key} has no id"
        assert binding.description, f"{cls.__name__}: {binding.key} has no description"


def test_binding_ids_are_unique_across_the_app() -> None:
    # One id may stand twice only for the same key and description: Ctrl+Q, F1 and
    # F2 are the app's, and the chat screen lists them too, for its footer's order.
    seen: dict[str, tuple[str, str]] = {}
    for binding in (b for cls in CLASSES for b in cls.BINDINGS):
        same = (binding.key, binding.description)
        assert seen.setdefault(binding.id, same) == same, f"{binding.id} means two things"
    ids = [b.id for cls in CLASSES for b in cls.BINDINGS]
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == ["diagnostics", "help", "quit"]
