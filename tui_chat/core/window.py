"""The context window of a chat: what its next request takes, and compacting it.

:func:`next_request_usage` is the meter's figure (see ``core.meter``).

:func:`compact` asks the chat's model to summarise the oldest messages of its path
into one *summary* message that stands in for them in what is sent (see
``turn.context_of``); the originals stay in the history, shown as summarised, and
:func:`restore` brings them back by removing the summary. A chat longer than one
request can hold is summarised in pieces, each new piece folded into the summary so
far. The last :data:`KEEP_MESSAGES` messages are always sent as they are.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from tui_chat.core.backends.base import Backend, Message
from tui_chat.core.context import MARGIN, TEMPLATE_ALLOWANCE
from tui_chat.core.errors import BackendError, ModelUnavailable, TuiChatError
from tui_chat.core.events import AUTO, Role
from tui_chat.core.library.catalog import Catalog
from tui_chat.core.meter import ContextMeter, ContextUsage
from tui_chat.core.pool import ModelPool
from tui_chat.core.reasoning import ReasoningFilter
from tui_chat.core.router import Router
from tui_chat.core.store import MessageTree, SessionInfo, Store, StoredMessage
from tui_chat.core.turn import context_of

KEEP_MESSAGES = 4
"""The newest messages of a path never summarised (the last two turns)."""
SUMMARY_TOKENS = 200
"""Longest summary, in tokens."""
INSTRUCTIONS = (
    "You compact a chat so it fits a small context window. Write a short summary of the "
    "conversation you are given: the facts, names, numbers, decisions and open questions "
    "that the rest of the chat may need. Plain sentences, no preamble."
)

Progress = Callable[[int, int], None]
"""Called with (piece done, pieces) as compacting goes."""


def chat_model(tree: MessageTree, pinned: str, router: Router | None = None,
               draft: str = "") -> str | None:
    """The model a chat talks to: its pin, else its last reply's, else (with ``router``)
    the router's pick for ``draft``; None for an auto chat with no reply yet.

    The meter passes no router: routing may load the router's embedding model, work that
    must not land on a chat's opening.
    """
    if pinned != AUTO:
        return pinned
    replies = [m.model for m in tree.path() if m.role == Role.ASSISTANT and m.model]
    if replies:
        return replies[-1]
    return router.pick(draft or " ", None).model if router is not None else None


def next_request_usage(meter: ContextMeter, pool: ModelPool, catalog: Catalog,
                       tree: MessageTree, session: SessionInfo | None, model: str | None,
                       draft: str) -> ContextUsage | None:
    """The next request's exact size, when ``model`` is loaded and idle (else None)."""
    if model is None:
        return None
    backend = pool.backend(model)
    if backend is None or pool.is_busy(model):
        return None
    path = tree.path()
    system, sent = context_of(path, tree.summary_on(path),
                              session.system_prompt if session else "")
    params = {**catalog.spec(model).generate, **(session.params if session else {})}
    return meter.measure(backend, system, sent, draft, int(params.get("max_tokens") or 512))


def compact(store: Store, pool: ModelPool, catalog: Catalog, tree: MessageTree,
            session: SessionInfo, model: str, cancel: threading.Event | None = None,
            progress: Progress | None = None) -> int:
    """Summarise the older messages of the session's path; returns the summary's id.

    Raises:
        TuiChatError: nothing to compact yet, the model cannot answer, or it wrote
            no summary (one sentence each; nothing is stored then).
    """
    cancel = cancel or threading.Event()
    path = tree.path()
    previous = tree.summary_on(path)
    done_through = previous.parent_id if previous is not None and previous.parent_id else 0
    candidates = [m for m in path if m.id > done_through
                  and m.role in (Role.USER, Role.ASSISTANT) and m.content]
    older = candidates[:-KEEP_MESSAGES]
    if len(older) < 2:
        raise TuiChatError("Nothing to compact yet: the last two turns are always kept "
                           "as they are.")
    with pool.acquire(model, cancel) as lease:
        try:
            backend = lease.backend()
        except ModelUnavailable as exc:
            raise TuiChatError(f"Cannot compact: {exc}") from exc
        room = (backend.context_size() - SUMMARY_TOKENS - MARGIN - TEMPLATE_ALLOWANCE
                - backend.count_tokens(INSTRUCTIONS))
        pieces = _pieces(older, backend.count_tokens_many([m.content for m in older]),
                         room // 2)
        summary = previous.content if previous is not None else ""
        params = {**catalog.spec(model).generate, "max_tokens": SUMMARY_TOKENS}
        for number, piece in enumerate(pieces, 1):
            if progress is not None:
                progress(number - 1, len(pieces))
            summary = _summarise(backend, summary, piece, params, cancel)
            if cancel.is_set():
                raise TuiChatError("Compacting stopped; nothing was changed.")
        if progress is not None:
            progress(len(pieces), len(pieces))
    if not summary.strip():
        raise TuiChatError(f"{model} wrote no summary; nothing was changed. Try again or "
                           "pick another model.")
    count = len(older) + (len(previous.meta.get("summarises") or []) if previous else 0)
    ids = [m.id for m in older]
    if previous is not None:
        ids = list(previous.meta.get("summarises") or []) + ids
    return store.add_summary(session.id, older[-1].id, summary.strip(), model=model,
                             meta={"summarises": ids, "count": count})


def restore(store: Store, tree: MessageTree) -> int:
    """Remove the path's summary: its messages are sent again. Returns how many."""
    summary = tree.summary_on(tree.path())
    if summary is None:
        raise TuiChatError("This chat has no summary to restore.")
    store.delete_branch(summary.id)
    return len(summary.meta.get("summarises") or [])


def _pieces(messages: list[StoredMessage], counts: list[int],
            room: int) -> list[list[StoredMessage]]:
    """Consecutive runs of ``messages`` whose text fits ``room`` tokens each."""
    pieces: list[list[StoredMessage]] = [[]]
    used = 0
    for message, count in zip(messages, counts, strict=True):
        cost = count + 8
        if pieces[-1] and used + cost > room:
            pieces.append([])
            used = 0
        pieces[-1].append(message)
        used += cost
    return pieces


def _summarise(backend: Backend, summary: str, piece: list[StoredMessage],
               params: dict[str, object], cancel: threading.Event) -> str:
    """One model call: the summary so far plus ``piece``, summarised again."""
    lines = [f"{'User' if m.role == Role.USER else 'Assistant'}: {m.content}" for m in piece]
    text = "\n".join(lines)
    if summary:
        text = f"Summary so far:\n{summary}\n\nThe conversation went on:\n{text}"
    messages: list[Message] = [{"role": "system", "content": INSTRUCTIONS},
                               {"role": "user", "content": text}]
    answer: list[str] = []
    split = ReasoningFilter(thinking=backend.opens_reasoning)
    try:
        for chunk in backend.stream(messages, dict(params), cancel):
            if chunk.finish_reason is not None:
                break
            answer.extend(t for reasoning, t in split.feed(chunk.text) if not reasoning)
        answer.extend(t for reasoning, t in split.close() if not reasoning)
    except (BackendError, ModelUnavailable) as exc:
        raise TuiChatError(f"Compacting failed: {exc}") from exc
    return "".join(answer).strip() or summary
