"""Bad model files and a full disk: tui-chat says what is wrong in one line and keeps going.

Bad files (issue 10): a zero-byte GGUF, the first half of the real SmolLM2 GGUF and an
HTML error page saved under a catalog model's file name. Each must leave that model in
status ``error`` with a one-line reason, crash nothing, and let the embedded smollm2
answer: through ``ChatService`` in-process and through ``tui-chat ask --model auto`` in
a subprocess. (tests/e2e/test_fallback.py covers random bytes and "GGUF magic then
garbage"; these are the three kinds a user really meets: an interrupted download that
left an empty or half file, and a proxy's error page saved as the model.)

Disk full while saving: SQLite's own SQLITE_FULL, made real by capping the database at
its current size (``PRAGMA max_page_count``) and filling what room is left in it. The
reply must still arrive whole (every ``TextDelta`` and a ``Finished``), the caller is
told once that history could not be saved, and the database holds only whole rows.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import NO_EOG, NO_EOG_BIAS, env_without_tui_chat, llama_entry
from tui_chat.core import chat
from tui_chat.core.chat import ChatService
from tui_chat.core.events import (
    Fallback,
    Finished,
    RouteChosen,
    StorageFailed,
    TextDelta,
)
from tui_chat.core.store import Store, StoreError

PROMPT = "Hello there, how are you today?"
GEN = {"max_tokens": 16, "seed": 5, "logit_bias": NO_EOG_BIAS}
"""No end of generation: every reply is ``max_tokens`` long, with text, on any CPU."""
HTML_PAGE = (b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n"
             b"<body><h1>502 Bad Gateway</h1><p>The proxy could not reach the server.</p>"
             b"</body></html>\n")


def first_half(real: Path) -> bytes:
    with real.open("rb") as handle:
        return handle.read(real.stat().st_size // 2)


BAD_FILES: dict[str, tuple[Callable[[Path], bytes], str]] = {
    # kind: (file content from the real GGUF, what the one-line reason must say)
    "zero-byte": (lambda real: b"", "is empty (0 bytes)"),
    "truncated": (first_half, "could not be loaded (corrupt or truncated GGUF?)"),
    "not-gguf": (lambda real: HTML_PAGE, "is not a GGUF file"),
}


def run_reply(runtime: Any, text: str = PROMPT, **params: Any) -> list[object]:
    session = runtime.service.new_session(text, "auto")
    return list(runtime.service.send(session.id, text, params={**GEN, **params}))


def of(kind: type, events: list[object]) -> list[Any]:
    return [e for e in events if isinstance(e, kind)]


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


# --------------------------------------------------------------------------- bad files


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_model_file_is_error_with_one_line_and_smollm2_answers(
    kind: str, make_runtime: Callable[..., Any], smollm2_path: Path
) -> None:
    content, reason = BAD_FILES[kind]
    runtime = make_runtime(llama_entry("broken", "broken.gguf", repo="example/broken-GGUF")
                           + '\n[router.prefer]\nchat = ["broken", "smollm2"]\n')
    (runtime.config.models_dir / "broken.gguf").write_bytes(content(smollm2_path))
    seen: list[str] = []
    runtime.catalog.subscribe(lambda state: seen.append(f"{state.name}:{state.status}"))

    events = run_reply(runtime)

    (fallback,) = of(Fallback, events)
    assert (fallback.model, fallback.trigger, fallback.next_model) == ("broken", "load_error",
                                                                      "smollm2")
    assert reason in fallback.message and "broken.gguf" in fallback.message
    assert "\n" not in fallback.message and "Traceback" not in fallback.message
    state = runtime.catalog.state("broken")
    assert state.status == "error" and state.detail == fallback.message
    assert "broken:error" in seen  # listeners (the sidebar) were told
    done = events[-1]
    assert isinstance(done, Finished)
    assert done.model == "smollm2" and done.state == "complete" and done.text.strip()
    assert runtime.catalog.state("smollm2").status == "loaded"


def test_ask_auto_falls_back_past_all_three_bad_files(
    write_config: Callable[..., Path], smollm2_path: Path, tmp_path: Path
) -> None:
    names = {"zero-byte": "zero", "truncated": "half", "not-gguf": "page"}
    body = "".join(llama_entry(name, f"{name}.gguf", repo=f"example/{name}-GGUF")
                   for name in names.values())
    prefer = ", ".join(f'"{name}"' for name in [*names.values(), "smollm2"])
    config = write_config(body + f"\n[router.prefer]\nchat = [{prefer}]\n",
                          generate=f"max_tokens = 16\n{NO_EOG}")  # a reply on any CPU
    for kind, name in names.items():
        (config.parent / "models" / f"{name}.gguf").write_bytes(BAD_FILES[kind][0](smollm2_path))

    result = subprocess.run(
        [sys.executable, "-m", "tui_chat", "--config", str(config),
         "--data-dir", str(tmp_path / "data"), "ask", "--model", "auto",
         "--max-tokens", "16", "--seed", "5", PROMPT],
        capture_output=True, text=True, timeout=120, env=env_without_tui_chat(),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert all(line.startswith("tui-chat: ") for line in lines), result.stderr
    fallbacks = [line for line in lines if line.startswith("tui-chat: fallback from ")]
    assert len(fallbacks) == 3, result.stderr
    following = [*list(names.values())[1:], "smollm2"]
    for line, (kind, name), nxt in zip(fallbacks, names.items(), following, strict=True):
        assert line.startswith(f"tui-chat: fallback from {name} (load_error): {name}.gguf ")
        assert BAD_FILES[kind][1].rstrip(".") in line and line.endswith(f"trying {nxt}")
    assert any(line.startswith("tui-chat: smollm2 (") for line in lines), result.stderr


# --------------------------------------------------------------------------- disk full


DISK_FULL = ("History could not be saved: the disk is full; free some space — "
             "your text is still on screen.")


class Disk:
    """A chat service over a store whose SQLite connection the test holds (``on_connect``).

    The connection is the store's own: ``PRAGMA max_page_count`` caps that connection,
    which is how SQLite itself is made to answer SQLITE_FULL.
    """

    def __init__(self, runtime: Any) -> None:
        seen: list[sqlite3.Connection] = []
        self.store = Store(runtime.data_dir / "history.sqlite3", on_connect=seen.append)
        self.conn = seen[0]
        self.service = ChatService(runtime.config, runtime.catalog, runtime.router,
                                   runtime.pool, self.store, log_path=runtime.log_path)

    def fill(self) -> None:
        """Make the database really full: cap it at its size, then fill the room left in it.

        New rows go to the last page of ``messages``; filler notices of shrinking size go
        there until not even an empty one fits, so a reply's row can neither be added nor
        grow. The filler lives in its own session.
        """
        filler = self.store.create_session(title="filler").id
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages}")
        for size in (2048, 512, 128, 32, 8, 1, 0):
            while True:
                try:
                    self.store.add_message(filler, "notice", "f" * size)
                except StoreError:
                    break

    def free_space(self) -> None:
        self.conn.execute("PRAGMA max_page_count = 1073741823")


@pytest.fixture
def disk(make_runtime: Callable[..., Any]) -> Iterator[Disk]:
    made = Disk(make_runtime())
    yield made
    made.store.close()


def write_fails(conn: sqlite3.Connection, sql: str, *args: object) -> bool:
    """True when ``sql`` fails with SQLITE_FULL (tried in a transaction rolled back)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(sql, args)
    except sqlite3.OperationalError as exc:
        return "full" in str(exc)
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    return False


def start_reply(service: ChatService, **params: Any) -> tuple[int, Iterator[object]]:
    session = service.new_session(PROMPT, "auto")
    return session.id, service.send(session.id, PROMPT, params={**GEN, **params})


def until(kind: type, events: Iterator[object], into: list[object]) -> None:
    """Pull events into ``into`` up to and including the first ``kind``."""
    for event in events:
        into.append(event)
        if isinstance(event, kind):
            return
    raise AssertionError(f"no {kind.__name__} event")


def check_whole_reply(events: list[object]) -> Finished:
    """Every event arrived: one notice that history was not saved, all text, Finished."""
    done = events[-1]
    assert isinstance(done, Finished)
    assert done.model == "smollm2" and done.state == "complete" and done.text.strip()
    assert "".join(e.text for e in of(TextDelta, events)) == done.text
    assert [e.message for e in of(StorageFailed, events)] == [DISK_FULL]
    assert not of(Fallback, events)  # a full disk is not the model's fault
    return done


def test_disk_full_before_the_reply_is_saved_still_delivers_it(disk: Disk) -> None:
    store = disk.store
    session_id, events_iter = start_reply(disk.service)
    events: list[object] = []
    until(RouteChosen, events_iter, events)  # the user message is saved by now
    disk.fill()
    assert write_fails(disk.conn, "INSERT INTO messages (session_id, role, content, created)"
                       " VALUES (?, 'assistant', '', 0)", session_id)

    events += list(events_iter)

    done = check_whole_reply(events)
    assert done.message_id is None
    disk.free_space()
    stored = store.messages(session_id)
    assert [(m.role, m.content) for m in stored] == [("user", PROMPT)]  # no half reply
    assert integrity(store.path) == "ok"


def test_disk_full_mid_stream_keeps_streaming_and_leaves_whole_rows(
    disk: Disk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat, "CHECKPOINT_SECONDS", 0.0)  # checkpoint after every token
    store = disk.store
    session_id, events_iter = start_reply(disk.service, max_tokens=32)
    events: list[object] = []
    until(TextDelta, events_iter, events)  # the reply row exists and is streaming
    reply_id = store.messages(session_id)[-1].id
    disk.fill()
    assert write_fails(disk.conn, "UPDATE messages SET content = ? WHERE id = ?", "x" * 64,
                       reply_id)

    events += list(events_iter)

    done = check_whole_reply(events)
    assert done.message_id == reply_id
    user, reply = store.messages(session_id)
    assert (user.role, user.content) == ("user", PROMPT)
    # The row holds the last checkpoint that fit: whole, a prefix of the reply.
    assert reply.state == "streaming" and done.text.startswith(reply.content)
    assert len(reply.content) < len(done.text)
    store.close()
    assert integrity(store.path) == "ok"
    again = Store(store.path)  # the next start marks it interrupted
    try:
        assert again.recovered == 1
        assert [(m.state, m.content) for m in again.messages(session_id)][1] == (
            "interrupted", reply.content)
    finally:
        again.close()


def test_history_saves_again_once_space_is_freed_mid_stream(
    disk: Disk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat, "CHECKPOINT_SECONDS", 0.0)
    store = disk.store
    session_id, events_iter = start_reply(disk.service, max_tokens=32)
    events: list[object] = []
    until(TextDelta, events_iter, events)
    disk.fill()
    until(StorageFailed, events_iter, events)  # a checkpoint failed mid-stream...
    assert not of(Finished, events)
    disk.free_space()  # ...then the user frees some space

    events += list(events_iter)

    done = check_whole_reply(events)
    reply = store.messages(session_id)[-1]
    assert (reply.id, reply.state, reply.content) == (done.message_id, "complete", done.text)
    assert integrity(store.path) == "ok"
