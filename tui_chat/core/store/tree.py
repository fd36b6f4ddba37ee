"""A session's messages as a tree, and the one path through it the chat shows.

Each message follows a parent (None for the first of a branch). Regenerating a reply
adds a sibling reply under the same prompt; editing a prompt adds a sibling prompt
under the same parent. The session remembers its *active leaf*; the path from the
root to that leaf is what the log shows and the only history the model sees.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui_chat.core.events import Role
from tui_chat.core.store.records import StoredMessage


class MessageTree:
    """The messages of one session, with their branches and the active path."""

    def __init__(self, messages: Iterable[StoredMessage], active_leaf: int | None) -> None:
        """Args:
            messages: every message of the session (any order).
            active_leaf: the message the session's path ends at; None or an unknown
                id means the newest message.
        """
        everything = sorted(messages, key=lambda m: m.id)
        ordered = [m for m in everything if m.role != Role.SUMMARY]
        self._by_id = {m.id: m for m in ordered}
        self._children: dict[int | None, list[int]] = {}
        for message in ordered:
            parent = message.parent_id if message.parent_id in self._by_id else None
            self._children.setdefault(parent, []).append(message.id)
        # A summary hangs off the last message it stands in for, outside the branches.
        self._summaries: dict[int, list[StoredMessage]] = {}
        for message in everything:
            if message.role == Role.SUMMARY and message.parent_id in self._by_id:
                self._summaries.setdefault(message.parent_id, []).append(message)
        if active_leaf not in self._by_id:
            active_leaf = ordered[-1].id if ordered else None
        self.active_leaf = active_leaf
        """Where the active path ends (None for an empty session)."""

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, message_id: object) -> bool:
        return message_id in self._by_id

    def get(self, message_id: int) -> StoredMessage | None:
        """The message ``message_id``, if it is in this session."""
        return self._by_id.get(message_id)

    def all(self) -> list[StoredMessage]:
        """Every message, oldest first."""
        return list(self._by_id.values())

    def parent(self, message_id: int) -> int | None:
        """The message ``message_id`` follows (None for the first of a branch)."""
        message = self._by_id[message_id]
        return message.parent_id if message.parent_id in self._by_id else None

    def children(self, message_id: int | None) -> list[int]:
        """The messages that follow ``message_id`` (None: the first ones), oldest first."""
        return list(self._children.get(message_id, ()))

    def path(self, leaf: int | None = None) -> list[StoredMessage]:
        """Root to ``leaf`` (default: the active leaf), oldest first."""
        current = self.active_leaf if leaf is None else leaf
        out: list[StoredMessage] = []
        while current is not None and current in self._by_id:
            out.append(self._by_id[current])
            current = self.parent(current)
        out.reverse()
        return out

    def siblings(self, message_id: int) -> list[int]:
        """``message_id`` and the other messages with its parent, oldest first."""
        return self.children(self.parent(message_id))

    def position(self, message_id: int) -> tuple[int, int]:
        """(n, count): ``message_id`` is the n-th (from 1) of ``count`` siblings."""
        siblings = self.siblings(message_id)
        return siblings.index(message_id) + 1, len(siblings)

    def sibling(self, message_id: int, step: int) -> int | None:
        """The sibling ``step`` places after (or before) ``message_id``, if there is one."""
        siblings = self.siblings(message_id)
        index = siblings.index(message_id) + step
        return siblings[index] if 0 <= index < len(siblings) else None

    def newest_leaf(self, message_id: int) -> int:
        """The newest message at or below ``message_id``: where its branch ends.

        A message is always newer than its parent, so the newest descendant is a leaf.
        """
        newest, stack = message_id, [message_id]
        while stack:
            current = stack.pop()
            newest = max(newest, current)
            stack.extend(self._children.get(current, ()))
        return newest

    def summary_on(self, path: list[StoredMessage]) -> StoredMessage | None:
        """The newest summary that hangs off a message of ``path`` (None: no compacting)."""
        found = [summary for message in path for summary in self._summaries.get(message.id, ())]
        return max(found, key=lambda m: m.id) if found else None

    def last_user_message(self, leaf: int | None = None) -> StoredMessage | None:
        """The last user message on the path to ``leaf`` (default: the active path)."""
        for message in reversed(self.path(leaf)):
            if message.role == Role.USER:
                return message
        return None
