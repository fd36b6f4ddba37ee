"""llama-cpp-python behind the Backend protocol.

``llama_cpp`` is imported lazily (it takes a while and is not needed to draw the UI).
The GGUF's own chat template is used: llama-cpp-python renders it in a sandboxed
Jinja environment.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

from tui_chat.core.backends.base import Chunk, Message
from tui_chat.core.backends.extra_buffers import extra_buffers_default, model_params
from tui_chat.core.errors import BackendError, ModelUnavailable
from tui_chat.core.events import FallbackTrigger
from tui_chat.core.library.catalog import not_downloaded
from tui_chat.core.library.gguf import check_header
from tui_chat.core.reasoning import opens_reasoning
from tui_chat.core.sysinfo import CUDA_REBUILD, gpu_offload_supported

log = logging.getLogger(__name__)

# Parameters create_chat_completion accepts from [generate].
_GENERATE_PARAMS = {
    "temperature", "top_p", "top_k", "min_p", "max_tokens", "stop", "repeat_penalty",
    "presence_penalty", "frequency_penalty", "seed", "logit_bias",
}


def usable_cpus() -> int:
    """CPUs this process may run on (respects affinity and cpusets)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def default_threads() -> int:
    """Threads for generation when the config names none: every usable CPU but one.

    llama.cpp's worker threads spin while they wait for each other, so one thread
    descheduled by any other process stalls every token. Leaving a CPU free kept
    SmolLM2 at 52 tok/s instead of 9 on a shared 2-CPU machine (see the issue 6 notes).
    """
    return max(1, usable_cpus() - 1)


def require_file(name: str, path: Path) -> None:
    """Raise ModelUnavailable unless ``path`` is there and starts like a GGUF."""
    if not path.is_file():
        problem, fix = not_downloaded(name)
        raise ModelUnavailable(f"{problem}; {fix}.", model=name, reason=FallbackTrigger.MISSING)
    check_header(path, name)


def effective_load_params(load: dict[str, Any]) -> dict[str, Any]:
    """The parameters passed to ``Llama``: config values over GPU and thread defaults.

    ``n_gpu_layers`` defaults to -1 (all layers) when llama.cpp can offload, else 0;
    ``n_threads`` and ``n_threads_batch`` default to :func:`default_threads`. Every
    other key (``flash_attn``, ``n_ctx``, ``n_batch``, ``use_mmap``...) passes through.
    """
    params = dict(load)
    offload = bool(gpu_offload_supported())
    if "n_gpu_layers" not in params:
        params["n_gpu_layers"] = -1 if offload else 0
    elif params["n_gpu_layers"] != 0 and not offload:
        log.info("n_gpu_layers=%s ignored: this llama.cpp build has no GPU offload "
                 "(rebuild it: %s)", params["n_gpu_layers"], CUDA_REBUILD)
        params["n_gpu_layers"] = 0
    params.setdefault("n_threads", default_threads())
    params.setdefault("n_threads_batch", params["n_threads"])
    params.setdefault("n_ctx", 4096)
    params.setdefault("extra_buffers", extra_buffers_default())
    return params


def open_llama(path: Path, params: dict[str, Any]) -> Any:
    """``llama_cpp.Llama`` on ``path`` with ``params`` (as :func:`effective_load_params`
    gives them: ``extra_buffers`` is applied apart, see ``backends.extra_buffers``)."""
    import llama_cpp

    params = dict(params)
    extra = params.pop("extra_buffers", None)
    with model_params(extra_buffers_default() if extra is None else extra):
        return llama_cpp.Llama(model_path=str(path), verbose=False, **params)


APPLIED_KEYS = (
    "n_ctx", "n_batch", "n_ubatch", "n_threads", "n_threads_batch", "n_gpu_layers",
    "flash_attn", "use_mmap", "use_mlock", "extra_buffers",
)
"""The load settings reported in the log and in diagnostics."""


def applied_params(llm: Any, requested: dict[str, Any]) -> dict[str, Any]:
    """What llama.cpp really uses, read back from the loaded model where it can be."""
    try:
        state = llm.__getstate__()
    except Exception:  # noqa: BLE001 - only for the log; fall back to what was asked
        state = {}
    applied = {key: state.get(key, requested.get(key)) for key in APPLIED_KEYS}
    applied["n_ctx"] = llm.n_ctx()
    return {key: value for key, value in applied.items() if value is not None}


def describe(path: Path, load_params: dict[str, Any], applied: dict[str, Any],
             load_seconds: float | None) -> dict[str, Any]:
    """The diagnostics facts of a llama.cpp model (in this process or a model process)."""
    return {
        "backend": "llama",
        "path": str(path),
        "n_ctx": applied.get("n_ctx", load_params.get("n_ctx")),
        "n_gpu_layers": applied.get("n_gpu_layers", load_params.get("n_gpu_layers")),
        "load_seconds": load_seconds,
        "applied": dict(applied),
        "file_bytes": path.stat().st_size if path.is_file() else None,
    }


class LlamaBackend:
    """One GGUF model loaded in llama.cpp. Not thread-safe: the pool serialises use."""

    def __init__(self, name: str, path: Path, load: dict[str, Any]) -> None:
        self.name = name
        self.path = path
        self.load_params = dict(load)
        self.applied: dict[str, Any] = {}
        self.opens_reasoning = False
        """True when the chat template ends its prompt inside a think tag (R1 distills)."""
        self.load_seconds: float | None = None
        self._llm: Any = None
        self._template_formatter: Any = None

    @property
    def loaded(self) -> bool:
        """True once load() has succeeded."""
        return self._llm is not None

    def load(self) -> None:
        """Load the GGUF; ModelUnavailable with one sentence when it cannot be used."""
        if self._llm is not None:
            return
        require_file(self.name, self.path)
        try:
            import llama_cpp  # noqa: F401 - only to say so when it is missing
        except ImportError as exc:
            raise ModelUnavailable(
                "llama-cpp-python is not installed; run `make run` or "
                "`pip install llama-cpp-python`.",
                model=self.name, reason=FallbackTrigger.LOAD_ERROR,
            ) from exc
        params = effective_load_params(self.load_params)
        started = time.perf_counter()
        try:
            self._llm = open_llama(self.path, params)
        except Exception as exc:  # noqa: BLE001 - llama raises ValueError/RuntimeError
            log.exception("loading %s from %s failed", self.name, self.path)
            raise ModelUnavailable(
                f"{self.path.name} could not be loaded (corrupt or truncated GGUF?); "
                f"delete it and run `tui-chat download {self.name}`.",
                model=self.name, reason=FallbackTrigger.LOAD_ERROR,
            ) from exc
        self.load_seconds = time.perf_counter() - started
        self._check_template()
        self.applied = applied_params(self._llm, params)
        settings = " ".join(f"{key}={value}" for key, value in self.applied.items())
        log.info("loaded %s in %.2fs: %s", self.name, self.load_seconds, settings)

    def context_size(self) -> int:
        """The loaded context window in tokens."""
        if self._llm is None:
            return int(self.load_params.get("n_ctx", 4096))
        return int(self._llm.n_ctx())

    def count_tokens(self, text: str) -> int:
        """Tokens ``text`` takes (exact once loaded, an estimate before)."""
        if self._llm is None:
            return max(1, len(text) // 3)
        return len(self._llm.tokenize(text.encode("utf-8", "replace"), add_bos=False, special=True))

    def count_tokens_many(self, texts: list[str]) -> list[int]:
        """:meth:`count_tokens` of each text."""
        return [self.count_tokens(text) for text in texts]

    def _check_template(self) -> None:
        """Render the GGUF's chat template once; a sandbox refusal makes the model unusable.

        llama-cpp-python renders templates in an immutable Jinja sandbox, so a hostile
        template cannot run code; this turns its refusal into a load error (status
        ``error``, remembered by the pool) instead of a failure on every prompt.
        """
        template = self._llm.metadata.get("tokenizer.chat_template") if self._llm else None
        if not template or self.load_params.get("chat_format"):
            return
        from jinja2.exceptions import SecurityError

        try:
            probe = self._formatter()(messages=[{"role": "user", "content": "hi"}])
            self.opens_reasoning = opens_reasoning(str(getattr(probe, "prompt", "")))
        except SecurityError as exc:
            log.error("%s: chat template refused by the sandbox: %s", self.name, exc,
                      exc_info=True)
            self.close()
            raise ModelUnavailable(
                f"{self.path.name}'s chat template was refused as unsafe (it tries to reach "
                "Python internals); use another file or set chat_format in [models.load].",
                model=self.name, reason=FallbackTrigger.LOAD_ERROR,
            ) from exc
        except Exception:  # noqa: BLE001 - odd but harmless templates fail later, per prompt
            log.warning("%s: chat template did not render a probe message", self.name,
                        exc_info=True)

    def _formatter(self) -> Any:
        """The GGUF's chat template, compiled once (compiling takes milliseconds)."""
        if self._template_formatter is None:
            from llama_cpp import llama_chat_format

            model = self._llm._model
            self._template_formatter = llama_chat_format.Jinja2ChatFormatter(
                template=self._llm.metadata["tokenizer.chat_template"],
                eos_token=model.token_get_text(self._llm.token_eos()),
                bos_token=model.token_get_text(self._llm.token_bos()),
            )
        return self._template_formatter

    def count_prompt(self, messages: list[Message]) -> int | None:
        """Exact prompt tokens for ``messages`` as the GGUF's chat template renders them.

        The template may add text of its own (SmolLM2 injects a default system prompt),
        so this is what trimming and the prompt_tokens metric rely on. None when the
        model has no template or rendering fails (the caller falls back to estimates).
        """
        if self._llm is None:
            return None
        template = self._llm.metadata.get("tokenizer.chat_template")
        if not template:
            return None
        try:
            rendered = self._formatter()(messages=list(messages))
            tokens = self._llm.tokenize(rendered.prompt.encode("utf-8", "replace"),
                                        add_bos=not rendered.added_special, special=True)
        except Exception:  # noqa: BLE001 - a hostile or odd template: estimate instead
            log.debug("%s: counting the rendered prompt failed", self.name, exc_info=True)
            return None
        return len(tokens)

    def stream(
        self,
        messages: list[Message],
        params: dict[str, Any],
        cancel: threading.Event | None = None,
    ) -> Iterator[Chunk]:
        """Stream a reply token by token; stops within one token of ``cancel``."""
        self.load()
        kwargs = {k: v for k, v in params.items() if k in _GENERATE_PARAMS}
        if "logit_bias" in kwargs:  # TOML keys are strings; llama.cpp wants token ids
            kwargs["logit_bias"] = {int(t): float(b) for t, b in kwargs["logit_bias"].items()}
        try:
            events = self._llm.create_chat_completion(
                messages=list(messages), stream=True, **kwargs
            )
        except Exception as exc:  # noqa: BLE001
            log.exception("%s: create_chat_completion failed", self.name)
            from jinja2.exceptions import TemplateError

            if isinstance(exc, TemplateError):
                message = (f"{self.name}'s chat template could not render this conversation "
                           f"({exc}); set chat_format in [models.load] or use another file.")
            else:
                message = f"{self.name} could not start a reply ({exc}); try a shorter prompt."
            raise BackendError(message, model=self.name, reason=FallbackTrigger.BACKEND_ERROR) from exc
        index = 0
        finish: str | None = None
        try:
            for event in events:
                if cancel is not None and cancel.is_set():
                    finish = "cancelled"
                    break
                choice = event["choices"][0]
                delta = choice.get("delta") or {}
                finish = choice.get("finish_reason") or finish
                if "content" in delta:
                    text = delta["content"] or ""
                    yield Chunk(text=text, index=index, empty=not text)
                    index += 1
                elif finish is None and "role" not in delta:
                    yield Chunk(text="", index=index, empty=True)
                    index += 1
        except Exception as exc:  # noqa: BLE001
            log.exception("%s: generation failed", self.name)
            raise BackendError(
                f"{self.name} failed while generating ({exc}).",
                model=self.name, reason=FallbackTrigger.BACKEND_ERROR,
            ) from exc
        finally:
            if isinstance(events, Generator):
                events.close()
        # The prompt's exact size, counted after the reply so it never delays the first
        # token (not after a stop: that would delay the stop).
        prompt_tokens = self.count_prompt(messages) if finish != "cancelled" else None
        yield Chunk(text="", index=index, empty=False, finish_reason=finish or "stop",
                    prompt_tokens=prompt_tokens)

    def info(self) -> dict[str, Any]:
        """Facts for diagnostics."""
        return describe(self.path, self.load_params, self.applied, self.load_seconds)

    def close(self) -> None:
        """Free the model."""
        llm, self._llm = self._llm, None
        self._template_formatter = None
        if llm is not None:
            try:
                llm.close()
            except Exception:  # noqa: BLE001
                log.debug("closing %s failed", self.name, exc_info=True)
