"""Reasoning apart from the answer, in streamed model text.

Reasoning models (Qwen3, DeepSeek-R1 distills, ...) write their thinking between tags,
``<think>…</think>``, before the answer. :class:`ThinkSplitter` splits a stream into
reasoning and answer pieces as it arrives, whatever the chunk borders: a tag split
over two (or ten) chunks is still a tag, and text that might start a tag is held back
only until the next chunk shows whether it does.

Rules:

- An open tag outside reasoning starts it; the matching close tag ends it. Inside,
  another open tag of the same pair nests (it and its close tag are reasoning text),
  so ``<think>a<think>b</think>c</think>`` is all reasoning.
- Text after the answer started that opens a tag starts reasoning again (some models
  think between parts of an answer).
- ``thinking=True`` starts inside reasoning: for models whose chat template writes the
  open tag into the prompt, so the output only ever closes it.
- A close tag with no open one is answer text, as written.
- At the end (:meth:`ThinkSplitter.close`) held-back text comes out as what it was;
  an unclosed reasoning block ends there (the model was cut off while thinking).

:class:`ReasoningFilter` adds sanitising: each side goes through its own
:class:`~tui_chat.core.sanitize.Sanitizer`, so an escape sequence split across the
border of a tag cannot join up on either side.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui_chat.core.sanitize import Sanitizer

DEFAULT_TAGS: tuple[tuple[str, str], ...] = (("<think>", "</think>"),
                                             ("<thinking>", "</thinking>"))
"""The tag pairs recognised when a model's template names none."""

Piece = tuple[bool, str]
"""(is_reasoning, text)."""


def opens_reasoning(prompt: str, tags: Sequence[tuple[str, str]] = DEFAULT_TAGS) -> bool:
    """True when a rendered prompt ends inside a think tag: the template opens the
    reasoning itself (DeepSeek-R1 distills), so the model's output starts in it."""
    tail = prompt.rstrip()
    return any(tail.endswith(opening) for opening, _ in tags)


class ThinkSplitter:
    """Splits a stream of text into reasoning and answer pieces (see the module doc)."""

    __slots__ = ("_tags", "_pair", "_depth", "_held", "_starts")

    def __init__(self, tags: Sequence[tuple[str, str]] = DEFAULT_TAGS, *,
                 thinking: bool = False) -> None:
        self._tags = tuple(tags)
        self._pair = self._tags[0] if self._tags else ("", "")
        self._depth = 1 if thinking and self._tags else 0
        self._held = ""
        self._starts = {tag[0] for pair in self._tags for tag in pair if tag}

    @property
    def in_reasoning(self) -> bool:
        """True while the stream is inside a reasoning block."""
        return self._depth > 0

    def feed(self, text: str) -> list[Piece]:
        """The pieces ``text`` completes, in order; a possible tag start is held back."""
        if not self._tags or (not self._held and not any(c in text for c in self._starts)):
            # The hot path: a token holding no character a tag starts with.
            return [(self._depth > 0 and bool(self._tags), text)] if text else []
        buffer = self._held + text
        self._held = ""
        out: list[Piece] = []
        while buffer:
            if self._depth == 0:
                found = self._first(buffer, [opening for opening, _ in self._tags])
                if found is None:
                    keep = _partial_suffix(buffer, [opening for opening, _ in self._tags])
                    _emit(out, False, buffer[: len(buffer) - keep])
                    self._held = buffer[len(buffer) - keep:]
                    break
                at, tag = found
                _emit(out, False, buffer[:at])
                self._pair = next(pair for pair in self._tags if pair[0] == tag)
                self._depth = 1
                buffer = buffer[at + len(tag):]
                continue
            opening, closing = self._pair
            found = self._first(buffer, [closing, opening])
            if found is None:
                keep = _partial_suffix(buffer, [opening, closing])
                _emit(out, True, buffer[: len(buffer) - keep])
                self._held = buffer[len(buffer) - keep:]
                break
            at, tag = found
            if tag == closing:
                self._depth -= 1
                inner = tag if self._depth > 0 else ""  # a nested close tag is text
            else:
                self._depth += 1
                inner = tag
            _emit(out, True, buffer[:at] + inner)
            buffer = buffer[at + len(tag):]
        return _merged(out)

    def close(self) -> list[Piece]:
        """What is still held back, as what it was (the stream ended)."""
        held, self._held = self._held, ""
        return [(self._depth > 0, held)] if held else []

    @staticmethod
    def _first(text: str, tags: list[str]) -> tuple[int, str] | None:
        """The earliest (position, tag) of any of ``tags`` in ``text``."""
        best: tuple[int, str] | None = None
        for tag in tags:
            at = text.find(tag)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, tag)
        return best


def _partial_suffix(text: str, tags: list[str]) -> int:
    """How many characters at the end of ``text`` could start one of ``tags``."""
    longest = 0
    for tag in tags:
        for size in range(min(len(tag) - 1, len(text)), longest, -1):
            if tag.startswith(text[-size:]):
                longest = size
                break
    return longest


def _emit(out: list[Piece], reasoning: bool, text: str) -> None:
    if text:
        out.append((reasoning, text))


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Neighbouring pieces of the same kind as one."""
    merged: list[Piece] = []
    for kind, text in pieces:
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + text)
        else:
            merged.append((kind, text))
    return merged


class ReasoningFilter:
    """A :class:`ThinkSplitter` whose two sides are each sanitised for the terminal."""

    __slots__ = ("splitter", "_answer", "_reasoning")

    def __init__(self, tags: Sequence[tuple[str, str]] = DEFAULT_TAGS, *,
                 thinking: bool = False) -> None:
        self.splitter = ThinkSplitter(tags, thinking=thinking)
        self._answer = Sanitizer()
        self._reasoning = Sanitizer()

    def feed(self, text: str) -> list[Piece]:
        """Safe pieces of ``text`` (see :meth:`ThinkSplitter.feed`)."""
        return self._clean(self.splitter.feed(text))

    def feed_reasoning(self, text: str) -> str:
        """Reasoning that arrives apart (an OpenAI-compatible ``reasoning_content``)."""
        return self._reasoning.feed(text)

    def close(self) -> list[Piece]:
        """The last safe pieces at the end of the stream."""
        pieces = self._clean(self.splitter.close())
        tail = [(True, self._reasoning.flush()), (False, self._answer.flush())]
        return _merged(pieces + [(kind, text) for kind, text in tail if text])

    def _clean(self, pieces: list[Piece]) -> list[Piece]:
        out = []
        for reasoning, text in pieces:
            safe = (self._reasoning if reasoning else self._answer).feed(text)
            if safe:
                out.append((reasoning, safe))
        return out
