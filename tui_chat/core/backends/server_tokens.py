"""Exact token counts from an OpenAI-compatible server that offers them.

A remote model's tokenizer and chat template live on the server, so exact counts can
only come from there. Two servers expose them:

- llama.cpp's ``llama-server``: ``POST /apply-template`` renders messages with the
  model's template, ``POST /tokenize`` counts a text (``parse_special``: the template's
  markers count as the single tokens they are);
- vLLM: ``POST /tokenize`` takes either messages (rendered with the template, the
  generation prompt added) or a prompt, and answers with ``count``.

:class:`ServerTokenizer` finds out once which of them it talks to; a server with
neither (Ollama, ``llama_cpp.server``) gets None, and the caller estimates. Every
failure is quiet (logged at debug): counting must never stop a reply.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from tui_chat.core.errors import TuiChatError

if TYPE_CHECKING:
    from collections.abc import Callable

    import httpx

    from tui_chat.core.backends.base import Message

log = logging.getLogger(__name__)

LLAMA_SERVER, VLLM, NONE = "llama-server", "vllm", "none"


class ServerTokenizer:
    """Counts with the server's own tokenizer and template, when it has endpoints for it."""

    def __init__(self, client: httpx.Client, root: str, model: str,
                 headers: Callable[[], dict[str, str]], timeout: float) -> None:
        """``headers`` is called per request (the API key is read then; when it is
        missing the request fails like any other: no count)."""
        self._client = client
        self._root = root.rstrip("/")
        self._model = model
        self._headers = headers
        self._timeout = timeout
        self._kind: str | None = None
        self._lock = threading.Lock()

    @property
    def kind(self) -> str | None:
        """``llama-server``, ``vllm``, ``none``, or None before the first count."""
        return self._kind

    def count_prompt(self, messages: list[Message]) -> int | None:
        """Prompt tokens of ``messages`` as the server renders them; None if it can't say."""
        kind = self._detect()
        plain = [{"role": m["role"], "content": m["content"]} for m in messages]
        if kind == VLLM:
            answer = self._post("/tokenize", {"model": self._model, "messages": plain,
                                              "add_generation_prompt": True})
            return _count(answer)
        if kind == LLAMA_SERVER:
            rendered = self._post("/apply-template", {"messages": plain})
            prompt = rendered.get("prompt") if isinstance(rendered, dict) else None
            if not isinstance(prompt, str):
                return None
            return _count(self._post("/tokenize", {"content": prompt, "add_special": True,
                                                   "parse_special": True}))
        return None

    def count_texts(self, texts: list[str]) -> list[int] | None:
        """Tokens of each text alone; None when the server cannot count."""
        kind = self._detect()
        if kind not in (VLLM, LLAMA_SERVER):
            return None
        counts = []
        for text in texts:
            body: dict[str, Any] = ({"model": self._model, "prompt": text,
                                     "add_special_tokens": False} if kind == VLLM
                                    else {"content": text, "add_special": False})
            count = _count(self._post("/tokenize", body))
            if count is None:
                return None
            counts.append(count)
        return counts

    def _detect(self) -> str:
        with self._lock:
            if self._kind is not None:
                return self._kind
            probe = [{"role": "user", "content": "hi"}]
            if _count(self._post("/tokenize", {"model": self._model, "messages": probe,
                                               "add_generation_prompt": True})) is not None:
                self._kind = VLLM
            elif isinstance(self._post("/apply-template", {"messages": probe}), dict):
                self._kind = LLAMA_SERVER
            else:
                self._kind = NONE
            log.info("%s counts tokens as: %s", self._root, self._kind)
            return self._kind

    def _post(self, path: str, body: dict[str, Any]) -> Any:
        import httpx

        try:
            response = self._client.post(f"{self._root}{path}", json=body,
                                         headers=self._headers(),
                                         timeout=httpx.Timeout(self._timeout))
            if response.status_code != 200:
                return None
            return response.json()
        except (httpx.HTTPError, ValueError, TuiChatError):
            log.debug("POST %s%s failed", self._root, path, exc_info=True)
            return None


def _count(answer: Any) -> int | None:
    """``count`` (vLLM) or ``len(tokens)`` (llama-server) of a /tokenize answer."""
    if not isinstance(answer, dict):
        return None
    count = answer.get("count")
    if isinstance(count, int) and not isinstance(count, bool):
        return count
    tokens = answer.get("tokens")
    return len(tokens) if isinstance(tokens, list) else None
