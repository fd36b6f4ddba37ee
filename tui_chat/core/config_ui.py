"""The ``[ui]`` table: how the screen spends bytes and frames (issue 20).

    [ui]
    max_fps = 15          # most frames a second a streaming reply causes (1-60)
    low_bandwidth = false # for slow links (or --low-bandwidth): see UiConfig.low_bandwidth

Kept apart from ``config`` (which validates it) so that module stays one screenful
shorter; nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Protocol

DEFAULT_MAX_FPS = 15
"""Frames a second a streaming reply may cause when the config says nothing."""
LOW_BANDWIDTH_MAX_FPS = 4
"""... and with ``low_bandwidth`` on (unless ``max_fps`` is set too)."""
STEP_SHARE = 0.5
"""How far the log jumps when a streaming reply reaches its bottom, as a share of the
view's height (ui.widgets.follow)."""
LOW_BANDWIDTH_STEP_SHARE = 0.85
"""... with ``low_bandwidth`` on: nearly a page, so most rows are written once."""
UI_KEYS = {"max_fps", "low_bandwidth"}


@dataclass(frozen=True, slots=True)
class UiConfig:
    """The validated ``[ui]`` table."""

    max_fps: int = DEFAULT_MAX_FPS
    """Most frames a second a streaming reply causes (its appends to the screen)."""
    low_bandwidth: bool = False
    """For slow links: fewer frames (:data:`LOW_BANDWIDTH_MAX_FPS` unless ``max_fps``
    is set), the log jumps by nearly a page, and the prompt's cursor does not blink
    (each blink is a frame)."""

    @property
    def step_share(self) -> float:
        """How far a following log jumps, as a share of its height."""
        return LOW_BANDWIDTH_STEP_SHARE if self.low_bandwidth else STEP_SHARE

    def with_low_bandwidth(self) -> UiConfig:
        """This configuration with ``low_bandwidth`` on (``--low-bandwidth``), keeping an
        explicit ``max_fps`` lower than the low-bandwidth one."""
        return replace(self, low_bandwidth=True,
                       max_fps=min(self.max_fps, LOW_BANDWIDTH_MAX_FPS))


class _Checks(Protocol):
    def fail(self, key: str, problem: str, *, search: str | None = None,
             nth: int = 0) -> None: ...

    def check_type(self, key: str, value: Any, types: tuple[type, ...],
                   nth: int = 0) -> None: ...

    def unknown(self, where: str, data: dict[str, Any],
                allowed: set[str] | dict[str, Any]) -> None: ...


def parse_ui(checks: _Checks, data: Any) -> UiConfig:
    """The ``[ui]`` table, or one sentence (through ``checks.fail``) on what is wrong."""
    if not isinstance(data, dict):
        checks.fail("ui", "must be a table, e.g. [ui] max_fps = 10")
    checks.unknown("ui.", data, UI_KEYS)
    low = data.get("low_bandwidth", False)
    checks.check_type("ui.low_bandwidth", low, (bool,))
    fps = data.get("max_fps")
    if fps is not None:
        checks.check_type("ui.max_fps", fps, (int,))
        if isinstance(fps, bool) or not 1 <= fps <= 60:
            checks.fail("ui.max_fps", "must be a whole number of frames a second from 1 to 60",
                        search="max_fps")
    default = LOW_BANDWIDTH_MAX_FPS if low else DEFAULT_MAX_FPS
    return UiConfig(max_fps=default if fps is None else fps, low_bandwidth=low)
