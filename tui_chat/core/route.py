"""What the router decides (:class:`Route`) and the evidence it weighs (:class:`Signal`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Route:
    """Where a prompt goes and why."""

    role: str
    """chat, code, docs or creative."""
    model: str
    """The first choice."""
    reason: str
    """Short, for a person: ``code: python fence and "traceback"``."""
    candidates: tuple[str, ...]
    """The whole fallback order, ``model`` first, no duplicates."""


@dataclass(frozen=True, slots=True)
class Signal:
    """One piece of evidence for a role."""

    role: str
    """The role it counts for."""
    weight: float
    """How much it adds to that role's score."""
    label: str
    """A few words for the reason: ``"poem"``, ``python fence``, ``5,200-char paste``."""
    strong: bool = False
    """Right by construction (a fence, a trace, a pasted file or log, a long prose paste, or
    a ``[router]`` keyword or pattern): these decide the role without the learned classifier."""
