"""Every binding has an id (so [keys] can remap it) and a description (footer, help)."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.screens.dialogs import ConfirmScreen, InputScreen, SessionSettingsScreen
from tui_chat.ui.screens.help import HelpScreen
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.prompt import PromptInput
from tui_chat.ui.widgets.sessions import SessionList
from tui_chat.ui.widgets.sidebar import ModelList

CLASSES = [TuiChatApp, PromptInput, ChatLog, ModelList, SessionList, HelpScreen, ConfirmScreen,
           InputScreen, SessionSettingsScreen]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_bindings_have_ids_and_descriptions(cls: type) -> None:
    for binding in cls.BINDINGS:
        assert isinstance(binding, Binding)
        assert binding.id, f"{cls.__name__}: {binding.key} has no id"
        assert binding.description, f"{cls.__name__}: {binding.key} has no description"


def test_binding_ids_are_unique_across_the_app() -> None:
    ids = [b.id for cls in CLASSES for b in cls.BINDINGS]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
