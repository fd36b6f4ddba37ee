"""Errors whose message is one sentence a person can act on."""

from __future__ import annotations


class TuiChatError(Exception):
    """Base error: ``str(err)`` is one clear sentence saying what to do next."""


class ConfigError(TuiChatError):
    """The configuration file is invalid."""


class ModelError(TuiChatError):
    """A failure that belongs to one model.

    Attributes:
        model: the model's short name.
        reason: a short machine-friendly word for the kind of failure.
    """

    default_reason = "error"
    """The ``reason`` when none is given."""

    def __init__(self, message: str, *, model: str = "", reason: str | None = None) -> None:
        super().__init__(message)
        self.model = model
        self.reason = reason or self.default_reason


class ModelUnavailable(ModelError):
    """A model cannot be used: missing file, load failure, unreachable server.

    ``reason`` is the fallback trigger it becomes (a ``FallbackTrigger``: ``missing``,
    ``load_error``, ``process_failed``, ``auth``...).
    """

    default_reason = "load_error"


class BackendError(ModelError):
    """A backend failed while generating (after loading succeeded).

    ``reason`` is the fallback trigger it becomes (a ``FallbackTrigger``:
    ``backend_error``, ``read_timeout``, ``truncated``...).
    """

    default_reason = "backend_error"


class DownloadError(ModelError):
    """A download failed.

    ``reason`` is ``not_found``, ``auth``, ``disk``, ``checksum``, ``network``, ``http``,
    ``offline``, ``skipped``, ``write``, ``cancelled`` or ``error``.
    """


class DownloadCancelled(DownloadError):
    """The download was cancelled through its event."""

    def __init__(self, model: str) -> None:
        super().__init__(
            f"Download of {model} was cancelled; start it again to fetch the file.",
            model=model,
            reason="cancelled",
        )
