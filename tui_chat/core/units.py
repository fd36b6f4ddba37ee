"""Sizes and durations as a person reads them (decimal units, as the Hub shows sizes)."""

from __future__ import annotations


def format_bytes(count: float | None, unknown: str = "unknown size") -> str:
    """``1234567`` -> ``1.2 MB``; ``unknown`` for None."""
    if count is None:
        return unknown
    value = float(count)
    for unit in ("B", "kB", "MB", "GB"):
        if abs(value) < 1000:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"


def format_duration(seconds: float) -> str:
    """``40`` -> ``40s``, ``200`` -> ``3m20s``, ``3900`` -> ``1h05m``."""
    whole = max(int(round(seconds)), 0)
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m{whole % 60:02d}s"
    return f"{whole // 3600}h{whole % 3600 // 60:02d}m"
