"""Turning what a person types into a search: FTS5 MATCH text, or a LIKE pattern.

Whatever is typed is taken as plain words. FTS5's own syntax (quotes, ``AND``/``OR``/
``NOT``, ``NEAR``, ``*``, ``^``, column filters) is never passed through, so unbalanced
quotes or a stray operator cannot make a query fail: each word is quoted, and all of
them must be present.
"""

from __future__ import annotations

import re

_WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 16
"""Words of a query that count (the rest are ignored)."""


def words(query: str) -> list[str]:
    """The words of ``query`` (letters, digits and underscores, any script)."""
    return _WORD_RE.findall(query)[:MAX_WORDS]


def fts_query(query: str, *, prefix: bool = False) -> str | None:
    """FTS5 MATCH text requiring every word of ``query``; None when it has no words.

    With ``prefix`` the last word also matches words it starts (``sourd`` finds
    ``sourdough``), for results that follow typing.
    """
    found = words(query)
    if not found:
        return None
    terms = [f'"{word}"' for word in found]
    if prefix:
        terms[-1] += "*"
    return " ".join(terms)


def like_pattern(query: str) -> str | None:
    """A LIKE pattern (escape character ``\\``) for ``query`` as a substring; None if blank."""
    needle = " ".join(query.split())
    if not needle:
        return None
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
