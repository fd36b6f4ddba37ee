"""llama.cpp in a child process, so the model never waits for the app's GIL.

Why: llama-cpp-python runs Python for every token (sampling, detokenising, building
chunk dicts). In the TUI's own process that code waits for the GIL whenever the UI
thread parses or paints Markdown, which cost the model 5-11 % of its speed
(``bench/llm.py``). A child process has an interpreter of its own, so a reply streams
at raw llama-cpp-python speed; and a crash inside llama.cpp (a corrupt GGUF can abort
it) ends the child, not the app, and shows one sentence.

The child (``python -m tui_chat.core.backends.process``) wraps one
:class:`~tui_chat.core.backends.llama.LlamaBackend`. Protocol, JSON lines:

* parent -> child (stdin): ``{"op": "load" | "count_tokens" | "count_prompt" |
  "stream" | "cancel" | "close", ...}``;
* child -> parent (a private copy of stdout; fd 1 is pointed at stderr so stray
  prints from C cannot corrupt it): one ``{"ok": value}`` or ``{"err": {...}}`` line
  per op, a ``stream`` op first sending one ``{"c": [...]}`` line per chunk;
* ``cancel`` is read by the child's reader thread and takes effect between tokens;
* end of stdin (the app exited, or was killed) ends the child at once;
* stderr (llama.cpp's own messages, the child's log records) goes to the app's log.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from tui_chat.core.backends.base import Chunk, Message
from tui_chat.core.backends.llama import describe, require_file
from tui_chat.core.errors import BackendError, ModelError, ModelUnavailable, TuiChatError
from tui_chat.core.events import FallbackTrigger
from tui_chat.core.sysinfo import process_rss_bytes

log = logging.getLogger(__name__)

CLOSE_TIMEOUT_S = 3.0
"""How long close() waits for the child to exit before killing it."""


def _encode(message: dict[str, Any]) -> bytes:
    return json.dumps(message, separators=(",", ":")).encode("ascii") + b"\n"


# --------------------------------------------------------------------------- parent side


class ProcessLlamaBackend:
    """A GGUF model served by a child process; same interface as LlamaBackend.

    Not thread-safe for concurrent generations (the pool serialises them); ``info``
    and ``context_size`` answer from the parent and never wait for a stream.
    """

    def __init__(self, name: str, path: Path, load: dict[str, Any]) -> None:
        self.name = name
        self.path = path
        self.load_params = dict(load)
        self.applied: dict[str, Any] = {}
        self.load_seconds: float | None = None
        self._n_ctx: int | None = None
        self.opens_reasoning = False
        """True when the model's chat template opens a think tag itself (see llama.py)."""
        self._proc: subprocess.Popen[bytes] | None = None
        self._rpc = threading.Lock()  # one request/reply exchange (or stream) at a time
        self._ids = 0
        self._stderr_tail: deque[str] = deque(maxlen=30)
        self._stderr_thread: threading.Thread | None = None

    # ----------------------------------------------------------------- process

    @property
    def loaded(self) -> bool:
        """True while the child process is up with the model loaded."""
        proc = self._proc
        return proc is not None and proc.poll() is None and self._n_ctx is not None

    @property
    def pid(self) -> int | None:
        """The child's process id, while it runs."""
        proc = self._proc
        return proc.pid if proc is not None and proc.poll() is None else None

    def resident_bytes(self) -> int | None:
        """What the model process holds in RAM now (its VmRSS), once the model is loaded.

        None while it loads or when no process runs (the pool then counts its estimate).
        """
        pid = self.pid
        return process_rss_bytes(pid) if pid is not None and self.loaded else None

    def _spawn(self) -> subprocess.Popen[bytes]:
        try:
            proc = subprocess.Popen(
                # -P: the current directory is not put on sys.path, so a json.py or
                # logging.py there cannot stand in for the standard library's.
                [sys.executable, "-P", "-m", "tui_chat.core.backends.process"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                start_new_session=True,  # terminal signals (Ctrl+C, Ctrl+Z) stay with the app
            )
        except OSError as exc:
            log.exception("starting the model process for %s failed", self.name)
            raise ModelUnavailable(
                f"Could not start a process for {self.name} ({exc.strerror}); "
                "check free memory and the process limit (ulimit -u).",
                model=self.name, reason=FallbackTrigger.LOAD_ERROR,
            ) from exc
        self._stderr_tail.clear()
        self._stderr_thread = threading.Thread(target=self._forward_stderr,
                                               args=(proc.stderr,),
                                               name=f"{self.name}-stderr", daemon=True)
        self._stderr_thread.start()
        return proc

    def _forward_stderr(self, stream: IO[bytes]) -> None:
        """Copy the child's stderr into the app's log (and keep the last lines)."""
        try:
            for raw in stream:
                line = raw.decode("utf-8", "replace").rstrip()
                if line:
                    self._stderr_tail.append(line)
                    log.info("[%s process] %s", self.name, line)
        except (OSError, ValueError):  # closed under us: the process is gone anyway
            pass

    def _send(self, proc: subprocess.Popen[bytes], message: dict[str, Any]) -> None:
        assert proc.stdin is not None
        try:
            proc.stdin.write(_encode(message))
            proc.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass  # the child is gone; the read that follows reports it

    def _read(self, proc: subprocess.Popen[bytes]) -> dict[str, Any] | None:
        """The child's next message, or None when it has exited (or broke the protocol,
        in which case it is killed: nothing it says after that can be trusted)."""
        assert proc.stdout is not None
        try:
            raw = proc.stdout.readline()
        except (OSError, ValueError):  # the pipe was closed under us (close() meanwhile)
            return None
        if not raw.endswith(b"\n"):  # end of file, or a line cut short by a crash
            return None
        try:
            message = json.loads(raw)
            if not isinstance(message, dict):
                raise ValueError("not an object")
        except ValueError:
            log.error("the model process for %s sent a line that is not a message: %r",
                      self.name, raw[:200])
            proc.kill()
            return None
        return message

    def _exit_code(self, proc: subprocess.Popen[bytes]) -> int:
        """Reap the child; log its exit code and last output (kept for the log only)."""
        try:
            code = proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        if self._stderr_thread is not None:
            self._stderr_thread.join(timeout=1)  # its last lines say most about a crash
        tail = "\n".join(self._stderr_tail)
        log.error("the model process for %s ended with exit code %s; its last output:\n%s",
                  self.name, code, tail or "(none)")
        return code

    def _exit_detail(self, proc: subprocess.Popen[bytes]) -> str:
        code = self._exit_code(proc)
        return f"killed by signal {-code}" if code < 0 else f"exit code {code}"

    def _error(self, err: dict[str, Any]) -> TuiChatError:
        kind = err.get("type")
        message = err.get("message") or f"{self.name} failed; see the log."
        reason = err.get("reason") or (FallbackTrigger.LOAD_ERROR if kind == "ModelUnavailable"
                                       else FallbackTrigger.BACKEND_ERROR)
        if kind == "ModelUnavailable":
            return ModelUnavailable(message, model=self.name, reason=reason)
        if kind == "BackendError":
            return BackendError(message, model=self.name, reason=reason)
        return BackendError(f"{self.name} failed ({message}); see the log.",
                            model=self.name, reason=FallbackTrigger.BACKEND_ERROR)

    def _call(self, op: str, **fields: Any) -> Any:
        """One request/reply exchange with the loaded child."""
        self.load()
        with self._rpc:
            proc = self._proc
            if proc is None:
                raise BackendError(f"{self.name} was unloaded; send the prompt again.",
                                   model=self.name, reason=FallbackTrigger.BACKEND_ERROR)
            self._send(proc, {"op": op, **fields})
            reply = self._read(proc)
            if reply is None:
                self._lost(proc)
                raise BackendError(
                    f"{self.name}'s process stopped ({self._exit_detail(proc)}); "
                    "send the prompt again, and see the log if it keeps happening.",
                    model=self.name, reason=FallbackTrigger.BACKEND_ERROR,
                )
        if "err" in reply:
            raise self._error(reply["err"])
        return reply.get("ok")

    def _lost(self, proc: subprocess.Popen[bytes]) -> None:
        if self._proc is proc:
            self._proc = None
            self._n_ctx = None

    # ----------------------------------------------------------------- Backend

    def load(self) -> None:
        """Start the child and load the GGUF in it; ModelUnavailable with one sentence."""
        if self.loaded:
            return
        require_file(self.name, self.path)
        with self._rpc:
            if self.loaded:
                return
            if self._proc is not None:  # a child that died: reap it before a new one
                self._stop(self._proc)
            started = time.perf_counter()
            proc = self._spawn()
            self._send(proc, {"op": "load", "name": self.name, "path": str(self.path),
                              "load": self.load_params})
            reply = self._read(proc)
            if reply is None:
                code = self._exit_code(proc)
                self._stop(proc)
                raise self._load_died(code)
            if "err" in reply:
                self._stop(proc)
                error = self._error(reply["err"])
                if isinstance(error, ModelUnavailable):
                    raise error
                raise ModelUnavailable(str(error), model=self.name,
                                       reason=FallbackTrigger.LOAD_ERROR)
            facts = reply.get("ok")
            if not isinstance(facts, dict) or "n_ctx" not in facts:
                log.error("the model process for %s answered a load with %r", self.name, reply)
                proc.kill()
                self._stop(proc)
                raise ModelUnavailable(
                    f"The model process for {self.name} answered out of turn; the log has "
                    "the details.", model=self.name, reason=FallbackTrigger.PROCESS_FAILED,
                )
            self._proc = proc
            self.applied = dict(facts.get("applied") or {})
            self._n_ctx = int(facts["n_ctx"])
            self.opens_reasoning = bool(facts.get("opens_reasoning"))
            self.load_seconds = time.perf_counter() - started
            log.info("%s: model process %d ready in %.2fs (llama.cpp load %.2fs)",
                     self.name, proc.pid, self.load_seconds, facts.get("load_seconds") or 0.0)

    def _load_died(self, code: int) -> ModelUnavailable:
        """One sentence for a model process that ended before its model was loaded."""
        if code == -9:  # SIGKILL: the kernel's out-of-memory killer, most of the time
            return ModelUnavailable(
                f"The model process for {self.name} was killed while loading (out of "
                "memory?); close other programs or lower n_ctx / n_gpu_layers, then try again.",
                model=self.name, reason=FallbackTrigger.PROCESS_FAILED,
            )
        if code >= 0:  # it exited: Python failed before llama.cpp got the file
            return ModelUnavailable(
                f"The model process for {self.name} failed to start (exit code {code}); "
                "the log has its output.",
                model=self.name, reason=FallbackTrigger.PROCESS_FAILED,
            )
        return ModelUnavailable(  # SIGSEGV, SIGABRT...: llama.cpp died on this file
            f"llama.cpp crashed while loading {self.path.name} (killed by signal {-code}; "
            f"corrupt or truncated GGUF?); delete it and run `tui-chat download {self.name}`.",
            model=self.name, reason=FallbackTrigger.LOAD_ERROR,
        )

    def context_size(self) -> int:
        """The loaded context window in tokens."""
        if self._n_ctx is not None:
            return self._n_ctx
        return int(self.load_params.get("n_ctx", 4096))

    def count_tokens(self, text: str) -> int:
        """Tokens ``text`` takes (exact, counted by the model's tokenizer in the child)."""
        return int(self._call("count_tokens", text=text))

    def count_tokens_many(self, texts: list[str]) -> list[int]:
        """:meth:`count_tokens` of each text, in one exchange with the child."""
        return [int(count) for count in self._call("count_tokens_many", texts=list(texts))]

    def count_prompt(self, messages: list[Message]) -> int | None:
        """Exact prompt tokens as the GGUF's chat template renders ``messages``."""
        counted = self._call("count_prompt", messages=list(messages))
        return None if counted is None else int(counted)

    def stream(
        self,
        messages: list[Message],
        params: dict[str, Any],
        cancel: threading.Event | None = None,
    ) -> Iterator[Chunk]:
        """Stream a reply from the child; stops within one token of ``cancel``."""
        self.load()
        self._rpc.acquire()  # a plain Lock: the generator may be finalised on another thread
        proc = self._proc
        done = False
        try:
            if proc is None:
                raise BackendError(f"{self.name} was unloaded; send the prompt again.",
                                   model=self.name, reason=FallbackTrigger.BACKEND_ERROR)
            self._ids += 1
            stream_id = self._ids
            self._send(proc, {"op": "stream", "id": stream_id, "messages": list(messages),
                              "params": params})
            cancel_sent = False
            while True:
                if cancel is not None and cancel.is_set() and not cancel_sent:
                    self._send(proc, {"op": "cancel", "id": stream_id})
                    cancel_sent = True
                reply = self._read(proc)
                if reply is None:
                    done = True
                    self._lost(proc)
                    raise BackendError(
                        f"{self.name}'s process stopped mid-reply ({self._exit_detail(proc)}); "
                        "send the prompt again, and see the log if it keeps happening.",
                        model=self.name, reason=FallbackTrigger.BACKEND_ERROR,
                    )
                fields = reply.get("c")
                if fields is None:
                    done = True
                    if "err" in reply:
                        raise self._error(reply["err"])
                    return
                chunk = Chunk(*fields)
                if cancel_sent and chunk.finish_reason is None:
                    continue  # already in the pipe when the cancel went out: not shown
                if chunk.finish_reason is not None:
                    # Read the stream's closing line now: the caller stops at this chunk.
                    closing = self._read(proc)
                    done = True
                    if closing is not None and "err" in closing:
                        raise self._error(closing["err"])
                    yield chunk
                    return
                yield chunk
        finally:
            try:
                if not done and proc is not None and proc.poll() is None:
                    self._drain_abandoned(proc, stream_id)
            finally:
                self._rpc.release()

    def _drain_abandoned(self, proc: subprocess.Popen[bytes], stream_id: int) -> None:
        """The caller left mid-stream: stop the child's reply and read up to its end."""
        self._send(proc, {"op": "cancel", "id": stream_id})
        while True:
            reply = self._read(proc)
            if reply is None:
                self._lost(proc)
                return
            fields = reply.get("c")
            if fields is None:
                return

    def info(self) -> dict[str, Any]:
        """Facts for diagnostics."""
        return {**describe(self.path, self.load_params, self.applied, self.load_seconds),
                "process": self.pid, "rss_bytes": self.resident_bytes()}

    def _stop(self, proc: subprocess.Popen[bytes]) -> None:
        """End the child: close its stdin (it exits at EOF), kill it if it lingers."""
        try:
            if proc.stdin is not None:
                proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=CLOSE_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            log.warning("the model process for %s did not exit; killing it", self.name)
            proc.kill()
            proc.wait()
        if self._stderr_thread is not None:
            self._stderr_thread.join(timeout=1)
        for pipe in (proc.stdout, proc.stderr):
            try:
                if pipe is not None:
                    pipe.close()
            except OSError:
                pass
        self._lost(proc)

    def close(self) -> None:
        """Free the model: its process exits and the OS takes all of its memory back."""
        proc, self._proc = self._proc, None
        self._n_ctx = None
        if proc is not None:
            self._stop(proc)


# --------------------------------------------------------------------------- child side


class _Host:
    """The child: one LlamaBackend answering the parent's requests in order."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.requests: queue.SimpleQueue[dict[str, Any]] = queue.SimpleQueue()
        self.cancels: dict[int, threading.Event] = {}
        self.cancels_lock = threading.Lock()
        self.backend: Any = None

    def send(self, message: dict[str, Any]) -> None:
        self.out.write(_encode(message))
        self.out.flush()

    def read_requests(self, stdin: IO[bytes]) -> None:
        """Reader thread: queue requests, apply cancels at once, exit at end of input."""
        for raw in stdin:
            message = json.loads(raw)
            if message.get("op") == "cancel":
                with self.cancels_lock:
                    event = self.cancels.get(message.get("id"))
                if event is not None:
                    event.set()
                continue
            if message.get("op") == "stream":
                with self.cancels_lock:
                    self.cancels[message["id"]] = threading.Event()
            self.requests.put(message)
        os._exit(0)  # the app closed the pipe or is gone: nothing left to serve

    def serve(self) -> None:
        """Answer requests until ``close``."""
        while True:
            message = self.requests.get()
            op = message.get("op")
            try:
                if op == "close":
                    self.send({"ok": None})
                    return
                self.send({"ok": self.handle(op, message)})
            except TuiChatError as exc:
                reason = exc.reason if isinstance(exc, ModelError) else None
                self.send({"err": {"type": exc.__class__.__name__, "message": str(exc),
                                   "reason": reason}})
            except Exception as exc:  # noqa: BLE001 - reported to the parent, logged here
                log.exception("request %s failed", op)
                self.send({"err": {"type": "other",
                                   "message": f"{exc.__class__.__name__}: {exc}"}})

    def handle(self, op: str | None, message: dict[str, Any]) -> Any:
        from tui_chat.core.backends.llama import LlamaBackend

        if op == "load":
            self.backend = LlamaBackend(message["name"], Path(message["path"]), message["load"])
            self.backend.load()
            return {"applied": self.backend.applied, "load_seconds": self.backend.load_seconds,
                    "n_ctx": self.backend.context_size(),
                    "opens_reasoning": self.backend.opens_reasoning}
        if op == "count_tokens":
            return self.backend.count_tokens(message["text"])
        if op == "count_tokens_many":
            return self.backend.count_tokens_many(message["texts"])
        if op == "count_prompt":
            return self.backend.count_prompt(message["messages"])
        if op == "stream":
            stream_id = message["id"]
            with self.cancels_lock:
                cancel = self.cancels[stream_id]
            try:
                for chunk in self.backend.stream(message["messages"], message["params"], cancel):
                    self.send({"c": [chunk.text, chunk.index, chunk.empty, chunk.finish_reason,
                                     chunk.prompt_tokens, chunk.completion_tokens]})
            finally:
                with self.cancels_lock:
                    self.cancels.pop(stream_id, None)
            return None
        raise ValueError(f"unknown request {op!r}")


def main() -> int:
    """Serve one model over stdin/stdout until the parent closes the pipe."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed to fd 1 now lands in stderr, i.e. the app's log
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    host = _Host(out)
    threading.Thread(target=host.read_requests, args=(sys.stdin.buffer,), daemon=True).start()
    host.serve()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
