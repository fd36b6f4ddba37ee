"""Errors whose message is one sentence a person can act on."""

from __future__ import annotations


class TuiChatError(Exception):
    """Base error: ``str(err)`` is one clear sentence saying what to do next."""


class ConfigError(TuiChatError):
    """The configuration file is invalid."""


class ModelUnavailable(TuiChatError):
    """A model cannot be used: missing file, load failure, unreachable server.

    Attributes:
        model: the model's short name.
        reason: a short machine-friendly trigger (``missing``, ``load_error``, ...).
    """

    def __init__(self, message: str, *, model: str = "", reason: str = "error") -> None:
        super().__init__(message)
        self.model = model
        self.reason = reason


class BackendError(TuiChatError):
    """A backend failed while generating (after loading succeeded).

    Attributes:
        model: the model's short name.
        reason: a short trigger name such as ``http_5xx`` or ``read_timeout``.
    """

    def __init__(self, message: str, *, model: str = "", reason: str = "backend_error") -> None:
        super().__init__(message)
        self.model = model
        self.reason = reason
