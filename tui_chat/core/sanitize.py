"""Make untrusted model output safe to show in a terminal.

Model output (local or remote) may hold terminal escape sequences: OSC 52 clipboard
writes, CSI clear-screen, OSC 0 titles, OSC 8 links, BEL, C1 controls such as
``\\x9b`` or a raw ESC. None of them may reach the terminal. :class:`Sanitizer` strips
whole sequences, and keeps its state between chunks, so a sequence split across two
tokens is removed too. Only ``\\n`` and ``\\t`` survive among control characters.
"""

from __future__ import annotations

_ESC = "\x1b"
_BEL = "\x07"
_CSI_C1 = "\x9b"
_ST_C1 = "\x9c"
# Introducers whose sequence runs until a string terminator (ST or BEL).
_STRING_C1 = {"\x90", "\x98", "\x9d", "\x9e", "\x9f"}  # DCS, SOS, OSC, PM, APC
_STRING_ESC = {"P", "X", "]", "^", "_"}
_KEEP = {"\n", "\t"}

# Parser states.
_TEXT, _ESCAPE, _CSI, _STRING, _STRING_ESCAPE = range(5)


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F


class Sanitizer:
    """Streaming stripper of control characters and escape sequences.

    Feed chunks with :meth:`feed`; the returned text is safe to display. Call
    :meth:`flush` at the end of a stream (an unterminated sequence is dropped).
    Also counts what it removed, for diagnostics.
    """

    __slots__ = ("_state", "removed")

    def __init__(self) -> None:
        self._state = _TEXT
        self.removed = 0
        """How many characters were dropped so far."""

    def feed(self, text: str) -> str:
        """Return the displayable part of ``text``."""
        if self._state == _TEXT and text.isprintable():
            return text  # fast path: the usual token has no controls at all
        out: list[str] = []
        state = self._state
        removed = 0
        for ch in text:
            if state == _TEXT:
                if ch == "\r":
                    removed += 1
                elif ch in _KEEP or not _is_control(ch):
                    out.append(ch)
                else:
                    removed += 1
                    if ch == _ESC:
                        state = _ESCAPE
                    elif ch == _CSI_C1:
                        state = _CSI
                    elif ch in _STRING_C1:
                        state = _STRING
                continue
            removed += 1
            if state == _ESCAPE:
                if ch == "[":
                    state = _CSI
                elif ch in _STRING_ESC:
                    state = _STRING
                elif 0x20 <= ord(ch) <= 0x2F:
                    state = _ESCAPE  # intermediate bytes, e.g. ESC ( B
                else:
                    state = _TEXT  # two-character sequence such as ESC c, ESC 7
            elif state == _CSI:
                if 0x40 <= ord(ch) <= 0x7E:
                    state = _TEXT  # final byte ends the CSI sequence
                elif ch == _ESC:
                    state = _ESCAPE
                elif ch == "\n":
                    state = _TEXT  # a newline aborts a malformed sequence
                    out.append(ch)
                    removed -= 1
            elif state == _STRING:
                if ch == _BEL or ch == _ST_C1:
                    state = _TEXT
                elif ch == _ESC:
                    state = _STRING_ESCAPE
            elif state == _STRING_ESCAPE:
                state = _TEXT if ch == "\\" else _STRING
        self._state = state
        self.removed += removed
        return "".join(out)

    def flush(self) -> str:
        """End the stream: any unfinished sequence is discarded."""
        self._state = _TEXT
        return ""


def sanitize(text: str) -> str:
    """Strip control characters and escape sequences from a whole string."""
    return Sanitizer().feed(text)
