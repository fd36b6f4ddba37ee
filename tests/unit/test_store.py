"""The SQLite history store and the Markdown/JSON exports, on real files in tmp_path."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.exports import parse_json, parse_markdown
from tests.servers import wait_until
from tests.unit.conftest import raw
from tui_chat.core.events import FallbackRecord, FallbackTrigger
from tui_chat.core.export import export_json, export_markdown, safe_text
from tui_chat.core.store import (
    MIGRATIONS,
    REQUEST_COLUMNS,
    SCHEMA_VERSION,
    Store,
    StoreError,
    auto_title,
)

REPO = Path(__file__).resolve().parents[2]
V1_FIXTURE = Path(__file__).parent / "fixtures" / "history_v1.sqlite3"
"""A history file written by schema 1 (commit 8c9c023; fixtures/make_history_v1.py)."""
V2_FIXTURE = Path(__file__).parent / "fixtures" / "history_v2.sqlite3"
"""A history file written by schema 2 (commit 593f566; fixtures/make_history_v2.py)."""
DISK_FULL = (
    "History could not be saved: the disk is full; free some space — "
    "your text is still on screen."
)


@pytest.fixture
def wired(db: Path) -> Iterator[tuple[Store, sqlite3.Connection]]:
    """A store and its own connection (from ``on_connect``), for failures only SQLite makes."""
    seen: list[sqlite3.Connection] = []
    s = Store(db, on_connect=seen.append)
    yield s, seen[0]
    s.close()


def count_rows(db: Path, table: str) -> int:
    with raw(db) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


# ---------------------------------------------------------------------- schema, files


def test_migrations_create_schema_and_set_user_version(store: Store, db: Path) -> None:
    conn = raw(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"sessions", "messages", "requests"} <= tables
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    columns = [r[1] for r in conn.execute("PRAGMA table_info(requests)")]
    assert columns == ["id", *REQUEST_COLUMNS]
    conn.close()


def test_files_are_user_only(store: Store, db: Path) -> None:
    store.add_message(store.create_session().id, "user", "hi")
    files = [db, Path(f"{db}-wal"), Path(f"{db}-shm")]
    assert all(f.exists() for f in files)
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f


def test_existing_file_is_tightened_to_0600(db: Path) -> None:
    db.touch(mode=0o644)
    os.chmod(db, 0o644)
    Store(db).close()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_newer_schema_is_refused(db: Path) -> None:
    with raw(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer tui-chat"):
        Store(db)


def test_reopen_keeps_data_and_does_not_migrate_again(db: Path) -> None:
    s = Store(db)
    sid = s.create_session("Kept", model="smollm2", system_prompt="be brief",
                           params={"temperature": 0.2}).id
    s.add_message(sid, "user", "hello")
    s.close()
    s = Store(db)
    info = s.session(sid)
    assert (info.title, info.model, info.system_prompt, info.params, info.message_count) == (
        "Kept", "smollm2", "be brief", {"temperature": 0.2}, 1)
    assert [m.content for m in s.messages(sid)] == ["hello"]
    s.close()


def test_a_file_written_by_schema_1_is_upgraded_in_place_and_keeps_everything(
    tmp_path: Path,
) -> None:
    """The fixture was written by the schema-1 store; fallbacks were ``a: t: m | ...`` text."""
    db = tmp_path / "history.sqlite3"
    shutil.copyfile(V1_FIXTURE, db)
    with raw(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        before = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("sessions", "messages", "requests")}
    s = Store(db)
    try:
        assert {t: count_rows(db, t) for t in before} == before == {
            "sessions": 2, "messages": 7, "requests": 3}
        old, second = sorted(s.sessions(), key=lambda info: info.id)
        assert (old.title, old.model, old.system_prompt, old.params, old.message_count) == (
            "Old chat", "auto", "Be brief.", {"temperature": 0.2}, 5)
        messages = s.messages(old.id)
        assert [(m.role, m.content) for m in messages] == [
            ("user", "hello there"), ("assistant", "Hi!"), ("user", "and again"),
            ("assistant", "Sure."), ("notice", "left out 2 old messages")]
        assert messages[1].meta["route"] == "chat: greeting" and "fallback" not in messages[1].meta
        assert messages[1].fallbacks == (
            FallbackRecord("big", FallbackTrigger.MISSING,
                           "big is not downloaded; run `tui-chat download big`."),
            FallbackRecord("flaky", FallbackTrigger.BACKEND_ERROR,
                           "flaky lost its connection mid-reply."),
        )
        assert messages[3].meta == {"route": "chat: default", "fallbacks": []}
        assert [m.state for m in s.messages(second.id)] == ["complete", "stopped"]
        newest, middle, oldest = s.requests()
        assert oldest["fallbacks"] == [r.as_dict() for r in messages[1].fallbacks]
        assert (oldest["model"], oldest["ttft_ms"], oldest["route_reason"]) == (
            "smollm2", 12.5, "chat: greeting")
        assert middle["fallbacks"] == []
        assert newest["fallbacks"] == [{"model": "smollm2", "trigger": "empty", "message":
                                        "smollm2 gave an empty reply (0 text chunks, 3 empty "
                                        "chunks)."}]
        assert newest["error"] == "no model could answer"
    finally:
        s.close()
    with raw(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    Store(db).close()  # opening again migrates nothing more


def test_a_file_written_by_schema_2_is_upgraded_in_place_and_keeps_everything(
    tmp_path: Path,
) -> None:
    """Schema 2 knew writers by pid only; its reply left streaming by "pid 1" is dead."""
    db = tmp_path / "history.sqlite3"
    shutil.copyfile(V2_FIXTURE, db)
    with raw(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                  for t in ("sessions", "messages", "requests")}
    assert [len(rows) for rows in before.values()] == [2, 6, 2]
    s = Store(db)
    try:
        assert s.recovered == 1
        old, second = sorted(s.sessions(), key=lambda info: info.id)
        assert (old.title, old.system_prompt, old.params, old.message_count) == (
            "Old chat", "Be brief.", {"temperature": 0.2}, 4)
        messages = s.messages(old.id)
        assert [(m.role, m.content, m.state) for m in messages] == [
            ("user", "hello there", "complete"), ("assistant", "Hi!", "complete"),
            ("user", "count to ten", "complete"), ("assistant", "1, 2, 3,", "interrupted")]
        assert messages[1].fallbacks == (FallbackRecord(
            "big", FallbackTrigger.MISSING, "big is not downloaded; run `tui-chat download big`."),)
        assert messages[3].meta == {"route": "chat: default", "fallbacks": []}
        assert [m.state for m in s.messages(second.id)] == ["complete", "stopped"]
        assert [r["error"] for r in s.requests()] == ["no model could answer", None]
    finally:
        s.close()
    with raw(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        after = {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in before}
    old_columns = len(before["sessions"][0])  # later schemas add columns at the end
    assert [row[:old_columns] for row in after["sessions"]] == before["sessions"]
    width = len(before["requests"][0])
    assert [row[:width] for row in after["requests"]] == before["requests"]
    assert {row[width:] for row in after["requests"]} == {(None, None)}  # no reasoning figures
    recovered = [row[:6] + ("interrupted",) + row[7:] if row[6] == "streaming" else row
                 for row in before["messages"]]
    width = len(before["messages"][0])
    assert [row[:width] for row in after["messages"]] == recovered  # the old columns, as they were
    assert {row[width] for row in after["messages"]} == {None}  # no lease for old rows


def test_missing_folder_and_corrupt_file_give_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nope" / "history.sqlite3")
    bad = tmp_path / "history.sqlite3"
    bad.write_bytes(b"this is not a database, just some bytes\n" * 200)
    with pytest.raises(StoreError) as info:
        Store(bad)
    assert str(info.value) == (
        f"History file {bad} is damaged; move it aside and tui-chat will start a fresh one."
    )


def test_closed_store_raises_store_error(db: Path) -> None:
    s = Store(db)
    s.close()
    s.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        s.sessions()


# ---------------------------------------------------------------------- sessions


def test_sessions_newest_activity_first_and_update(store: Store) -> None:
    a = store.create_session("A")
    b = store.create_session("B")
    assert [s.title for s in store.sessions()] == ["B", "A"]
    store.add_message(a.id, "user", "bump")
    assert [s.title for s in store.sessions()] == ["A", "B"]
    assert store.session(a.id).updated > a.updated
    changed = store.update_session(b.id, title="B2", model="smollm2", params={"top_p": 0.5})
    assert (changed.title, changed.model, changed.params, changed.system_prompt) == (
        "B2", "smollm2", {"top_p": 0.5}, "")
    assert [s.title for s in store.sessions()] == ["A", "B2"]  # settings are not activity


def test_unknown_session_is_one_clear_sentence(store: Store, db: Path) -> None:
    for call in (
        lambda: store.session(999),
        lambda: store.update_session(999, title="x"),
        lambda: store.delete_session(999),
        lambda: store.add_message(999, "user", "lost"),
    ):
        with pytest.raises(StoreError) as info:
            call()
        assert str(info.value) == "No session 999; run `tui-chat sessions list`."
    assert count_rows(db, "messages") == 0


def test_delete_session_cascades_and_unlinks_metrics(store: Store, db: Path) -> None:
    keep = store.create_session("keep")
    gone = store.create_session("gone")
    store.add_message(keep.id, "user", "stays")
    for text in ("a", "b", "c"):
        store.add_message(gone.id, "user", text)
    store.record_request({"session_id": gone.id, "model": "smollm2"})
    store.delete_session(gone.id)
    assert [s.id for s in store.sessions()] == [keep.id]
    assert store.messages(gone.id) == []
    assert count_rows(db, "messages") == 1
    assert store.requests()[0]["session_id"] is None


# ---------------------------------------------------------------------- messages


def test_messages_oldest_first_with_fields(store: Store) -> None:
    sid = store.create_session().id
    store.add_message(sid, "system", "sys")
    store.add_message(sid, "user", "q")
    mid = store.add_message(sid, "assistant", "a", model="smollm2",
                            meta={"route": "chat: default"})
    store.add_message(sid, "notice", "fell back")
    got = store.messages(sid)
    assert [(m.role, m.content, m.model) for m in got] == [
        ("system", "sys", None), ("user", "q", None), ("assistant", "a", "smollm2"),
        ("notice", "fell back", None)]
    assert got[2].id == mid and got[2].meta == {"route": "chat: default"}
    assert all(m.state == "complete" and m.session_id == sid for m in got)
    assert store.delete_branch(mid) == 2  # the reply and the notice that followed it
    assert store.delete_branch(mid) == 0  # already gone: no-op
    assert [m.role for m in store.messages(sid)] == ["system", "user"]


def test_bad_role_or_state_is_a_programming_error(store: Store) -> None:
    sid = store.create_session().id
    with pytest.raises(ValueError):
        store.add_message(sid, "robot", "x")
    mid = store.add_message(sid, "user", "x")
    with pytest.raises(ValueError):
        store.update_message(mid, state="done")


def test_streaming_checkpoints_then_final_commit(store: Store) -> None:
    sid = store.create_session().id
    mid = store.add_message(sid, "assistant", "", model="smollm2", state="streaming")
    before = store.session(sid).updated
    store.update_message(mid, content="Hel")
    store.update_message(mid, content="Hello wor")
    (msg,) = store.messages(sid)
    assert (msg.content, msg.state) == ("Hello wor", "streaming")
    record = FallbackRecord("smollm2", FallbackTrigger.EMPTY, "smollm2 gave an empty reply.")
    store.update_message(mid, content="Hello world", state="complete", model="codellama",
                         meta={"fallbacks": [record]})
    (msg,) = store.messages(sid)
    assert (msg.content, msg.state, msg.model, msg.meta) == (
        "Hello world", "complete", "codellama", {"fallbacks": [record.as_dict()]})
    assert msg.fallbacks == (record,)
    assert store.session(sid).updated > before


def test_update_of_a_deleted_message_raises(store: Store) -> None:
    sid = store.create_session().id
    mid = store.add_message(sid, "assistant", "", state="streaming")
    store.delete_session(sid)
    with pytest.raises(StoreError, match="no longer exists"):
        store.update_message(mid, content="late")


def test_streaming_left_by_a_crash_becomes_interrupted(db: Path) -> None:
    s = Store(db)
    sid = s.create_session().id
    s.add_message(sid, "user", "q")
    s.add_message(sid, "assistant", "half a rep", model="smollm2", state="streaming")
    s.add_message(sid, "assistant", "stopped one", state="stopped")
    s.close()  # the process ends without the final commit
    s = Store(db)
    assert [m.state for m in s.messages(sid)] == ["complete", "interrupted", "stopped"]
    assert s.messages(sid)[1].content == "half a rep"
    assert s.recover_interrupted() == 0
    s.close()


LEASE_HOLDER = """
import sys
from pathlib import Path
from tui_chat.core.store import Store
store = Store(Path(sys.argv[1]))
sid = store.create_session().id
print(store.add_message(sid, "assistant", "being written", state="streaming"), flush=True)
sys.stdin.readline()
"""


def lease_of(db: Path, message_id: int) -> str | None:
    with raw(db) as conn:
        return conn.execute("SELECT writer_lease FROM messages WHERE id = ?",
                            (message_id,)).fetchone()[0]


def msg_session(db: Path, message_id: int) -> int:
    with raw(db) as conn:
        return conn.execute("SELECT session_id FROM messages WHERE id = ?",
                            (message_id,)).fetchone()[0]


def lease_file(db: Path, lease_id: str) -> Path:
    return db.parent / "writers" / f"{lease_id}.lock"


def process_state(pid: int) -> str:
    """The state letter in /proc/PID/stat (``Z`` for a zombie)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def is_locked(path: Path) -> bool:
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_a_store_holds_a_private_lease_until_closed(db: Path) -> None:
    s = Store(db)
    sid = s.create_session().id
    mid = s.add_message(sid, "assistant", "", state="streaming")
    lease = lease_of(db, mid)
    assert lease is not None and lease.startswith(f"{os.getpid()}-")
    path = lease_file(db, lease)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert is_locked(path)
    assert s.recover_interrupted() == 0  # its own reply is live
    second = Store(db)  # another store in the same process: the lease is held
    assert second.recovered == 0 and s.messages(sid)[0].state == "streaming"
    second.close()
    s.close()
    assert not path.exists()
    assert list(path.parent.iterdir()) == []


def test_a_streaming_row_whose_pid_lives_but_holds_no_lease_is_interrupted(db: Path) -> None:
    """A live process that is not tui-chat (pid 1, a ``sleep``) keeps no reply alive."""
    s = Store(db)
    sid = s.create_session().id
    before = s.add_message(sid, "assistant", "from schema 2", state="streaming")
    stale = s.add_message(sid, "assistant", "lease left by kill -9", state="streaming")
    s.close()
    left = "4242-00000000beef"
    lease_file(db, left).touch(mode=0o600)  # its owner died without removing it
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        with raw(db) as conn:
            conn.execute("UPDATE messages SET writer_pid = 1, writer_lease = NULL WHERE id = ?",
                         (before,))
            conn.execute("UPDATE messages SET writer_pid = ?, writer_lease = ? WHERE id = ?",
                         (sleeper.pid, left, stale))
        s = Store(db)
        assert sleeper.poll() is None  # both pids were alive all along
        assert s.recovered == 2
        assert [(m.content, m.state) for m in s.messages(sid)] == [
            ("from schema 2", "interrupted"), ("lease left by kill -9", "interrupted")]
        assert not lease_file(db, left).exists()  # the stale lease file is cleaned up
        s.close()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_reply_is_live_while_its_lease_is_held_and_dead_once_killed_even_unreaped(
    db: Path,
) -> None:
    Store(db).close()
    child = subprocess.Popen(
        [sys.executable, "-c", LEASE_HOLDER, str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert child.stdout is not None
        mid = int(child.stdout.readline())
        lease = lease_of(db, mid)
        assert lease is not None and lease.startswith(f"{child.pid}-")
        s = Store(db)  # another process starting while the child writes
        assert s.recovered == 0 and s.recover_interrupted() == 0
        (msg,) = s.messages(msg_session(db, mid))
        assert msg.state == "streaming"
        s.close()
        assert is_locked(lease_file(db, lease))

        os.kill(child.pid, signal.SIGKILL)
        assert wait_until(lambda: process_state(child.pid) == "Z", 10), "no zombie"
        os.kill(child.pid, 0)  # a zombie still answers a pid probe
        s = Store(db)  # before the child is reaped
        assert s.recovered == 1
        (msg,) = s.messages(msg_session(db, mid))
        assert (msg.content, msg.state) == ("being written", "interrupted")
        assert not lease_file(db, lease).exists()
        s.close()
    finally:
        child.kill()
        child.wait()


def test_an_unwritable_lease_folder_is_one_sentence(db: Path) -> None:
    folder = db.parent / "writers"
    folder.write_text("not a folder")
    with pytest.raises(StoreError) as info:
        Store(db)
    message = str(info.value)
    assert message.startswith(f"Cannot open history: cannot write the lease folder {folder} (")
    assert message.endswith("; check the data dir's permissions or pass another --data-dir.")
    assert "\n" not in message
    folder.unlink()
    Store(db).close()  # the failed open left nothing behind


# ---------------------------------------------------------------------- failures


def test_disk_full_is_one_sentence_and_leaves_no_partial_row(
    wired: tuple[Store, sqlite3.Connection], db: Path
) -> None:
    store, conn = wired
    sid = store.create_session().id
    mid = store.add_message(sid, "assistant", "first", state="streaming")
    updated = store.session(sid).updated
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite itself says SQLITE_FULL
    big = "x" * 200_000
    with pytest.raises(StoreError) as info:
        store.add_message(sid, "user", big)
    assert str(info.value) == DISK_FULL
    with pytest.raises(StoreError, match="disk is full"):
        store.update_message(mid, content=big)
    with pytest.raises(StoreError, match="disk is full"):
        store.create_session("t" * 200_000)
    assert [(m.content, m.state) for m in store.messages(sid)] == [("first", "streaming")]
    assert store.session(sid).updated == updated
    assert len(store.sessions()) == 1
    conn.execute("PRAGMA max_page_count = 1073741823")
    store.add_message(sid, "user", big)  # space again: the store still works
    assert raw(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_failing_statement_rolls_back_the_whole_call(
    wired: tuple[Store, sqlite3.Connection]
) -> None:
    store, conn = wired
    sid = store.create_session().id
    updated = store.session(sid).updated
    # ABORT undoes only the failing statement; the store must undo the session bump too.
    conn.execute("CREATE TEMP TRIGGER no_insert BEFORE INSERT ON messages "
                 "BEGIN SELECT RAISE(ABORT, 'injected'); END")
    with pytest.raises(StoreError, match="could not be saved"):
        store.add_message(sid, "user", "x")
    assert not conn.in_transaction
    assert store.session(sid).updated == updated and store.messages(sid) == []


def test_read_only_database_is_one_sentence(
    wired: tuple[Store, sqlite3.Connection], db: Path
) -> None:
    store, conn = wired
    sid = store.create_session().id
    conn.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError) as info:
        store.add_message(sid, "user", "x")
    assert str(info.value) == (
        f"History could not be saved: {db} is read-only; "
        "check its permissions or pass another --data-dir."
    )


def test_lock_held_too_long_is_one_sentence_and_writes_nothing(db: Path) -> None:
    s = Store(db, timeout=0)
    sid = s.create_session().id
    other = raw(db)
    other.execute("BEGIN IMMEDIATE")
    with pytest.raises(StoreError, match="locked by another tui-chat process"):
        s.add_message(sid, "user", "blocked")
    other.execute("ROLLBACK")
    other.close()
    assert s.messages(sid) == []
    s.add_message(sid, "user", "fine now")
    assert len(s.messages(sid)) == 1
    s.close()


# ---------------------------------------------------------------------- concurrency

CHILD = """
import sys
from pathlib import Path
from tui_chat.core.store import Store
store = Store(Path(sys.argv[1]))
sid = int(sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()
for i in range(int(sys.argv[3])):
    store.add_message(sid, "user", f"child {i}")
    store.record_request({"session_id": sid, "model": "child"})
store.close()
"""


def test_two_instances_and_a_subprocess_write_one_file(db: Path) -> None:
    n = 150
    first, second = Store(db), Store(db)
    sid = first.create_session("shared").id
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(sid), str(n)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline().strip() == "ready"
    child.stdin.write("go\n")
    child.stdin.flush()
    for i in range(n):
        first.add_message(sid, "user", f"first {i}")
        second.add_message(sid, "assistant", f"second {i}", model="smollm2")
    _, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    contents = [m.content for m in second.messages(sid)]
    assert len(contents) == 3 * n
    for who in ("first", "second", "child"):
        mine = [c for c in contents if c.startswith(who + " ")]
        assert mine == [f"{who} {i}" for i in range(n)]  # all there, in each writer's order
    assert len(first.requests(last=1000)) == n
    first.close()
    second.close()
    assert raw(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_opening_a_second_store_keeps_the_first_ones_locks(db: Path) -> None:
    first = Store(db)
    sid = first.create_session().id
    second = Store(db)  # must not close an fd of the open file (drops POSIX locks)
    # A connection that closes while it believes it is the last one checkpoints and
    # deletes the WAL, which must not happen while `first` is still open.
    subprocess.run(
        [sys.executable, "-c",
         "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
         "c.execute('SELECT COUNT(*) FROM sessions').fetchall(); c.close()", str(db)],
        check=True,
    )
    assert Path(f"{db}-wal").exists()
    first.add_message(sid, "user", "after")
    assert count_rows(db, "messages") == 1
    first.close()
    second.close()


def test_threads_share_one_store(store: Store, db: Path) -> None:
    sid = store.create_session().id

    def write(tag: int) -> None:
        for i in range(50):
            mid = store.add_message(sid, "assistant", "", state="streaming")
            store.update_message(mid, content=f"{tag}-{i}", state="complete")

    threads = [threading.Thread(target=write, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    got = store.messages(sid)
    assert sorted(m.content for m in got) == sorted(f"{t}-{i}" for t in range(4) for i in range(50))
    assert {m.state for m in got} == {"complete"}
    assert raw(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# ---------------------------------------------------------------------- metrics


def test_request_metrics_rows(store: Store) -> None:
    a = store.create_session().id
    b = store.create_session().id
    row = {
        "time": 100.0, "session_id": a, "model": "codellama-13b", "route_reason": "code: fence",
        "prompt_tokens": 12, "completion_tokens": 34, "empty_chunks": 2, "ttft_ms": 150.5,
        "tokens_per_s": 41.2, "total_ms": 980.0, "finish_reason": "stop",
        "fallbacks": [{"model": "codellama-13b", "trigger": "load_error",
                       "message": "out of memory"}], "error": None,
        "reasoning_tokens": 20, "answer_ms": 700.25, "not_a_column": "ignored",
    }
    first = store.record_request(row)
    second = store.record_request({"time": 200.0, "session_id": b, "finish_reason": "error",
                                   "error": "boom"})
    third = store.record_request({"session_id": 12345, "model": "x"})  # time defaults to now
    rows = store.requests()
    assert [r["id"] for r in rows] == [third, second, first]
    expected = {k: v for k, v in row.items() if k != "not_a_column"}
    assert rows[2] == {"id": first, **expected}
    assert rows[1]["model"] is None and rows[1]["error"] == "boom"
    assert rows[1]["fallbacks"] == []  # none given: an empty list, never NULL
    assert rows[0]["session_id"] is None and rows[0]["time"] > 200.0
    assert [r["id"] for r in store.requests(last=1)] == [third]
    assert [r["id"] for r in store.requests(session_id=a)] == [first]


# ---------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("  hello   world \nsecond line", "hello world"),
        ("\n\n   \n  Fix\tthis\x1b[31m bug", "Fix this [31m bug"),
        ("", "New chat"),
        (" \n\t ", "New chat"),
        ("Explain the difference between threads and processes in Python please",
         "Explain the difference between threads and…"),
        ("x" * 100, "x" * 47 + "…"),
    ],
)
def test_auto_title(text: str, title: str) -> None:
    got = auto_title(text)
    assert got == title
    assert len(got) <= 48


# ---------------------------------------------------------------------- export


TRICKY = [
    ("system", "You are terse.", None, "complete"),
    ("user", "## user\n## assistant · fake\n\\## user\nnot a heading", None, "complete"),
    ("assistant", "```python\nprint('hi')\n```\n\n## assistant\n\n````\nnested\n````\n",
     "smollm2", "complete"),
    ("user", "\nunicode: naïve — 日本語 🚀 émoji\n\n", None, "complete"),
    ("assistant", "red \x1b[31mALERT\x1b[0m bell\x07 csi\x9b2J del\x7f cr\r\nend\ttab",
     "codellama-13b", "stopped"),
    ("notice", "codellama-13b -> smollm2: load_error: out of memory", None, "complete"),
    ("assistant", "", "smollm2", "interrupted"),
]


@pytest.fixture
def tricky(store: Store) -> int:
    sid = store.create_session("Tricky \x1b]0;pwned\x07 title", model="auto",
                               system_prompt="Line one\n\n> quoted\n## user",
                               params={"temperature": 0.3}).id
    for role, content, model, state in TRICKY:
        store.add_message(sid, role, content, model=model, state=state, meta={"k": role})
    return sid


def test_safe_text_neutralises_terminal_controls() -> None:
    text = "a\x1b[2Jb\x00c\x07d\x7fe\x85f\x9bg\th\ni\r\nj\rk"
    safe = safe_text(text)
    assert safe == "a␛[2Jb␀c␇d␡e\ufffdf\ufffdg\th\ni\nj␍k"
    assert not any(ord(ch) < 0x20 and ch not in "\n\t" or 0x7F <= ord(ch) <= 0x9F for ch in safe)


def test_markdown_round_trips_every_message_role_and_model(store: Store, tricky: int) -> None:
    text = export_markdown(store.session(tricky), store.messages(tricky))
    parsed = parse_markdown(text)
    assert [(m.role, m.content, m.model, m.state) for m in parsed.messages] == [
        (role, safe_text(content), model, state) for role, content, model, state in TRICKY]
    assert parsed.title == "Tricky ␛]0;pwned␇ title"
    assert parsed.model == "auto"
    assert parsed.system_prompt == "Line one\n\n> quoted\n## user"
    assert "## assistant · smollm2\n" in text and "## assistant · codellama-13b (stopped)" in text


def test_markdown_cannot_emit_escape_sequences(store: Store, tricky: int) -> None:
    data = export_markdown(store.session(tricky), store.messages(tricky)).encode("utf-8")
    assert b"\x1b" not in data and b"\x07" not in data and b"\r" not in data
    assert not any(b < 0x20 and b not in (0x0A, 0x09) or b == 0x7F for b in data)
    decoded = data.decode("utf-8")
    assert not any(0x80 <= ord(ch) <= 0x9F for ch in decoded)
    assert "␛[31mALERT" in decoded


def test_json_round_trips_exactly_and_is_terminal_safe(store: Store, tricky: int) -> None:
    session, messages = store.session(tricky), store.messages(tricky)
    text = export_json(session, messages)
    assert not any(ord(ch) < 0x20 and ch != "\n" or 0x7F <= ord(ch) <= 0x9F for ch in text)
    assert "日本語" in text  # readable unicode, not \\u-escaped
    doc = json.loads(text)
    assert doc["session"]["title"] == session.title and doc["session"]["params"] == {
        "temperature": 0.3}
    assert [(m["role"], m["content"], m["model"], m["state"], m["meta"]) for m in doc["messages"]] \
        == [(m.role, m.content, m.model, m.state, m.meta) for m in messages]
    parsed = parse_json(text)
    assert [(m.role, m.content, m.model, m.state) for m in parsed.messages] == TRICKY
    assert parsed.system_prompt == session.system_prompt
