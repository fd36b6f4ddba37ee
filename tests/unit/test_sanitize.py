"""Untrusted output never reaches the terminal raw."""

from __future__ import annotations

import pytest

from tui_chat.core.sanitize import Sanitizer, sanitize

HOSTILE = {
    "osc52": ("copy\x1b]52;c;ZXZpbA==\x07done", "copydone"),
    "osc52_st": ("a\x1b]52;c;ZXZpbA==\x1b\\b", "ab"),
    "clear": ("x\x1b[2Jy\x1b[H", "xy"),
    "title": ("\x1b]0;pwned\x07ok", "ok"),
    "osc8": ("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"),
    "bel": ("ding\x07", "ding"),
    "c1_csi": ("a\x9b2Jb", "ab"),
    "c1_osc": ("a\x9d0;t\x9cb", "ab"),
    "raw_esc": ("a\x1bcb", "ab"),
    "cr_overwrite": ("safe\rrm -rf", "saferm -rf"),
    "del_and_c0": ("a\x7f\x00\x08b", "ab"),
    "keeps_whitespace": ("line1\n\tline2", "line1\n\tline2"),
    "unicode": ("héllo — 世界 🙂", "héllo — 世界 🙂"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_whole_string(case: str) -> None:
    raw, clean = HOSTILE[case]
    assert sanitize(raw) == clean


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_split_at_every_position(case: str) -> None:
    raw, clean = HOSTILE[case]
    for cut in range(len(raw) + 1):
        s = Sanitizer()
        assert s.feed(raw[:cut]) + s.feed(raw[cut:]) == clean, cut


def test_token_by_token_and_count() -> None:
    raw = "He\x1b]52;c;QUJD\x07llo\x1b[31m red\x1b[0m"
    s = Sanitizer()
    out = "".join(s.feed(ch) for ch in raw)
    assert out == "Hello red"
    assert s.removed == len(raw) - len(out)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in out)
