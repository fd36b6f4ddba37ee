"""The screen shown instead of the chat when the history file is damaged."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label


class DamagedHistoryScreen(Screen[None]):
    """Says the history is damaged; y moves it aside (kept) and starts fresh, n quits."""

    BINDINGS = [
        Binding("y", "move_aside", "Move it aside, start fresh", id="history_move_aside"),
        Binding("n,q,escape", "leave", "Quit, leave it as it is", id="history_leave"),
    ]

    @dataclass
    class Decided(Message):
        """The user chose: True moves the file aside and starts fresh, False quits."""

        move_aside: bool

    def __init__(self, problem: str) -> None:
        super().__init__(classes="dialog")
        self.problem = problem
        """The store's sentence about the file."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.problem, markup=False)
            yield Label("y: move it aside (nothing is deleted) and start a fresh history · "
                        "n: quit and leave it as it is", markup=False)
        yield Footer()

    def action_move_aside(self) -> None:
        """Keep the old file under another name and start a fresh history."""
        self.post_message(self.Decided(True))

    def action_leave(self) -> None:
        """Quit without touching the file."""
        self.post_message(self.Decided(False))
