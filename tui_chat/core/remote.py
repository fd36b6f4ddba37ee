"""Talking to OpenAI-compatible servers: API keys, error wording, the model list.

Shared by :mod:`tui_chat.core.backends.openai` and by ``tui-chat models --remote``,
the sidebar and ``doctor`` (through :func:`check_endpoint`). Every failure becomes a
:class:`~tui_chat.core.errors.ModelUnavailable` whose message is one sentence and
whose ``reason`` names the trigger. API keys are read from the environment when a
request is made; they are never stored, logged or put in a message.

httpx is imported inside the functions that use it: importing httpx also imports its
optional command-line client, which loads rich whenever rich is installed, and the
core must import without rich (STYLE.md rule 1).
"""

from __future__ import annotations

import errno
import json
import logging
import os
import socket
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tui_chat.core.config import ModelSpec
from tui_chat.core.errors import ModelUnavailable
from tui_chat.core.events import FallbackTrigger
from tui_chat.core.sanitize import sanitize

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

DETAIL_CHARS = 160
"""How much of a server's own error text goes into a message."""


def base_url(spec: ModelSpec) -> str:
    """The spec's endpoint without a trailing slash, e.g. ``http://gpu-box:8000/v1``."""
    return (spec.base_url or "").rstrip("/")


def model_id(spec: ModelSpec) -> str:
    """The model id sent to the server: ``model`` from the config, else the catalog name."""
    return spec.model or spec.name


def host_label(spec: ModelSpec) -> str:
    """``host:port`` of the endpoint, for messages (never ``user:password@``)."""
    parts = urlsplit(base_url(spec))
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    return (f"{host}:{port}" if port else host) or "the remote server"


def auth_headers(spec: ModelSpec) -> dict[str, str]:
    """The Authorization header for ``spec``, read from its env var right now.

    Raises:
        ModelUnavailable: ``api_key_env`` is set but the variable is missing or empty.
    """
    if not spec.api_key_env:
        return {}
    key = os.environ.get(spec.api_key_env, "").strip()
    if not key:
        raise ModelUnavailable(
            f"The API key variable ${spec.api_key_env} for {spec.name} is empty or not set; "
            "export it before starting tui-chat.",
            model=spec.name, reason=FallbackTrigger.AUTH,
        )
    return {"Authorization": f"Bearer {key}"}


def redact(text: str, spec: ModelSpec) -> str:
    """``text`` with the spec's API key (should a server echo it) replaced by ``***``."""
    key = os.environ.get(spec.api_key_env, "").strip() if spec.api_key_env else ""
    return text.replace(key, "***") if len(key) >= 4 else text


def one_line(text: str, limit: int = DETAIL_CHARS) -> str:
    """``text`` made safe and short for a one-sentence message."""
    flat = " ".join(sanitize(text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat.rstrip(".")


def error_detail(response: httpx.Response, spec: ModelSpec | None = None) -> str:
    """The server's own explanation from an error response, if it gave one.

    The API key is redacted from the whole body before anything is cut short, so no
    prefix of an echoed key can survive.

    Reads the body (it must fit the read timeout) and understands the OpenAI shape
    ``{"error": {"message": ...}}`` as well as FastAPI's ``{"detail": ...}``.
    """
    import httpx

    try:
        body = response.read()
    except httpx.HTTPError:
        return ""
    text = body.decode("utf-8", "replace")
    if spec is not None:
        text = redact(text, spec)
    text = text[:4096]
    try:
        data: Any = json.loads(text)
    except ValueError:
        return one_line(text) if "<" not in text else ""
    if isinstance(data, dict):
        error = data.get("error", data.get("detail", data.get("message")))
        if isinstance(error, dict):
            error = error.get("message", "")
        if isinstance(error, list):  # FastAPI validation errors
            error = "; ".join(str(i.get("msg", i)) for i in error if isinstance(i, dict))
        if isinstance(error, str):
            return one_line(error)
    return ""


def status_error(spec: ModelSpec, response: httpx.Response) -> ModelUnavailable:
    """The ModelUnavailable for an error status before any token (401, 403, 404, 5xx...)."""
    status = response.status_code
    detail = redact(error_detail(response, spec), spec)
    said = f" ({detail})" if detail else ""
    where = host_label(spec)
    if status in (401, 403):
        if spec.api_key_env:
            fix = f"check the API key in ${spec.api_key_env}"
        else:
            fix = "set api_key_env for this model and export the key in that variable"
        return ModelUnavailable(
            f"{where} refused the request for {spec.name} with HTTP {status}{said}; {fix}.",
            model=spec.name, reason=FallbackTrigger.AUTH,
        )
    if status == 404:
        return ModelUnavailable(
            f"{where} answered HTTP 404 for model '{model_id(spec)}'{said}; check base_url and "
            "model, and run `tui-chat models --remote` to see what it serves.",
            model=spec.name, reason=FallbackTrigger.NOT_FOUND,
        )
    if status >= 500:
        return ModelUnavailable(
            f"{where} failed with HTTP {status}{said}; try again or check the server's log.",
            model=spec.name, reason=FallbackTrigger.HTTP_5XX,
        )
    return ModelUnavailable(
        f"{where} rejected the request for {spec.name} with HTTP {status}{said}; "
        "check the model's generate settings.",
        model=spec.name, reason=FallbackTrigger.BAD_REQUEST,
    )


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc``, then its causes (or contexts) in turn, each once."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def is_dns_failure(exc: BaseException) -> bool:
    """True when ``exc`` or one of its causes is a name-resolution failure."""
    if any(isinstance(cause, socket.gaierror) for cause in _causes(exc)):
        return True
    text = str(exc).lower()
    return any(
        marker in text
        for marker in ("name or service not known", "nodename nor servname", "getaddrinfo",
                       "name resolution", "no address associated")
    )


def _is_refused(exc: BaseException) -> bool:
    """True when the chain of causes holds ECONNREFUSED."""
    if any(isinstance(cause, ConnectionRefusedError)
           or (isinstance(cause, OSError) and cause.errno == errno.ECONNREFUSED)
           for cause in _causes(exc)):
        return True
    return "refused" in str(exc).lower()


def connect_error(spec: ModelSpec, exc: httpx.TransportError, timeout: float) -> ModelUnavailable:
    """The ModelUnavailable for a request that never reached the server."""
    import httpx

    where = host_label(spec)
    host = urlsplit(base_url(spec)).hostname or where
    if is_dns_failure(exc):
        return ModelUnavailable(
            f"The host name {host} of {spec.name} does not resolve; check base_url and your DNS.",
            model=spec.name, reason=FallbackTrigger.DNS_ERROR,
        )
    if isinstance(exc, httpx.ConnectTimeout):
        problem = f"did not accept a connection within {timeout:g} s"
    elif _is_refused(exc):
        problem = "refused the connection"
    else:
        problem = f"could not be reached ({one_line(str(exc)) or exc.__class__.__name__})"
    return ModelUnavailable(
        f"{where} {problem}; check that the server for {spec.name} is running and base_url "
        "is right.",
        model=spec.name, reason=FallbackTrigger.CONNECT_ERROR,
    )


def fetch_model_ids(client: httpx.Client, spec: ModelSpec, timeout: float) -> list[str]:
    """GET ``{base_url}/models`` and return the served model ids.

    Raises:
        ModelUnavailable: unreachable, refused, an error status, or not a model list.
    """
    return list(fetch_models(client, spec, timeout))


def window_of(entry: object) -> int | None:
    """A ``/models`` entry's context window: ``max_model_len`` (vLLM) or
    ``meta.n_ctx_train`` (llama-server); None when it names none."""
    if not isinstance(entry, dict):
        return None
    meta = entry.get("meta")
    for value in (entry.get("max_model_len"), entry.get("context_length"),
                  meta.get("n_ctx") if isinstance(meta, dict) else None,
                  meta.get("n_ctx_train") if isinstance(meta, dict) else None):
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
    return None


def fetch_props_window(client: httpx.Client, spec: ModelSpec, timeout: float) -> int | None:
    """llama-server's loaded window from ``GET {root}/props`` (``n_ctx``); None if absent."""
    import httpx

    root = base_url(spec).removesuffix("/v1")
    try:
        response = client.get(f"{root}/props", headers=auth_headers(spec),
                              timeout=httpx.Timeout(timeout))
        settings = response.json().get("default_generation_settings") \
            if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError, AttributeError):
        log.debug("%s: no /props", spec.name, exc_info=True)
        return None
    value = settings.get("n_ctx") if isinstance(settings, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 \
        else None


def fetch_models(client: httpx.Client, spec: ModelSpec, timeout: float) -> dict[str, object]:
    """GET ``{base_url}/models``: the served model ids and their entries.

    Raises:
        ModelUnavailable: unreachable, refused, an error status, or not a model list.
    """
    import httpx

    url = f"{base_url(spec)}/models"
    headers = auth_headers(spec)
    try:
        response = client.get(url, headers=headers, timeout=httpx.Timeout(timeout))
    except httpx.TimeoutException as exc:
        if isinstance(exc, httpx.ConnectTimeout):
            raise connect_error(spec, exc, timeout) from exc
        raise ModelUnavailable(
            f"{host_label(spec)} did not answer within {timeout:g} s; check that the server "
            f"for {spec.name} is not overloaded.",
            model=spec.name, reason=FallbackTrigger.READ_TIMEOUT,
        ) from exc
    except httpx.TransportError as exc:
        log.info("GET %s failed: %r", url, exc)
        raise connect_error(spec, exc, timeout) from exc
    if response.status_code >= 400:
        raise status_error(spec, response)
    try:
        data = response.json()
        entries = {str(item["id"]): item for item in data["data"]}
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelUnavailable(
            f"{host_label(spec)} did not return a model list from /models; check that base_url "
            "points at an OpenAI-compatible API (it usually ends in /v1).",
            model=spec.name, reason=FallbackTrigger.BAD_RESPONSE,
        ) from exc
    return entries


def check_endpoint(spec: ModelSpec, timeout: float | None = None) -> tuple[bool, str]:
    """Ask ``{base_url}/models`` whether the server is up and serves the spec's model.

    Args:
        spec: an ``openai`` catalog entry.
        timeout: at most this many seconds for connecting and for the answer (the
            sidebar and doctor pass a few, so a dead host cannot hold them); the
            model's own ``connect_timeout`` when shorter or when None.

    Returns:
        ``(True, sentence)`` when the model id is listed, else ``(False, sentence)``
        saying what is wrong and what to do; never raises for network problems.
    """
    import httpx

    if not spec.base_url:
        return False, f"{spec.name} has no base_url; add one to its [[models]] entry."
    wanted = model_id(spec)
    wait = spec.connect_timeout if timeout is None else min(timeout, spec.connect_timeout)
    try:
        with httpx.Client(timeout=httpx.Timeout(wait)) as client:
            ids = fetch_model_ids(client, spec, wait)
    except ModelUnavailable as exc:
        return False, str(exc)
    if wanted in ids:
        return True, f"{host_label(spec)} serves {wanted}."
    if not ids:
        return False, f"{host_label(spec)} lists no models; check the server's startup log."
    served = ", ".join(one_line(i, 60) for i in ids[:5]) + (", …" if len(ids) > 5 else "")
    return False, (
        f"{host_label(spec)} does not serve '{one_line(wanted, 60)}' (it serves {served}); "
        f"set model = to one of those for {spec.name}."
    )
