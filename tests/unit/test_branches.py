"""The history as a tree: branches, the active path, forks, the schema 4 upgrade and
full-text search. A real SQLite file in a temp dir; no model (the store only)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.unit.conftest import raw
from tui_chat.core.store import (
    HIT_END,
    HIT_START,
    SCHEMA_VERSION,
    Store,
    StoreError,
)
from tui_chat.core.store import schema as schema_module
from tui_chat.core.store.schema import FULL_TEXT_TABLE
from tui_chat.core.store.search import fts_query

V3_FIXTURE = Path(__file__).parent / "fixtures" / "history_v3.sqlite3"
"""A history file written by schema 3 (commit ee83377; fixtures/make_history_v3.py)."""


def index_is_consistent(db: Path) -> bool:
    """FTS5's own check of the index against the messages it indexes, and SQLite's."""
    with raw(db) as conn:
        conn.execute(f"INSERT INTO {FULL_TEXT_TABLE}({FULL_TEXT_TABLE}, rank)"
                     " VALUES ('integrity-check', 1)")  # raises when they disagree
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def contents(store: Store, session_id: int) -> list[str]:
    return [m.content for m in store.tree(session_id).path()]


# ---------------------------------------------------------------------- the tree


def test_messages_follow_the_active_leaf_and_siblings_make_branches(store: Store) -> None:
    sid = store.create_session().id
    q1 = store.add_message(sid, "user", "q1")
    a1 = store.add_message(sid, "assistant", "a1")
    q2 = store.add_message(sid, "user", "q2")
    a2 = store.add_message(sid, "assistant", "a2")
    assert contents(store, sid) == ["q1", "a1", "q2", "a2"]
    tree = store.tree(sid)
    assert [tree.parent(m) for m in (q1, a1, q2, a2)] == [None, q1, a1, q2]
    assert tree.position(a2) == (1, 1)

    b2 = store.add_message(sid, "assistant", "b2", parent_id=q2)  # a regenerate
    c2 = store.add_message(sid, "assistant", "c2", parent_id=q2)
    tree = store.tree(sid)
    assert tree.active_leaf == c2 and contents(store, sid) == ["q1", "a1", "q2", "c2"]
    assert [tree.position(m) for m in (a2, b2, c2)] == [(1, 3), (2, 3), (3, 3)]
    assert tree.sibling(c2, -2) == a2 and tree.sibling(c2, 1) is None
    assert tree.last_user_message().id == q2

    q1b = store.add_message(sid, "user", "q1 edited", parent_id=None)  # edit the first prompt
    store.add_message(sid, "assistant", "r")
    tree = store.tree(sid)
    assert contents(store, sid) == ["q1 edited", "r"]
    assert tree.position(q1b) == (2, 2) and tree.newest_leaf(q1) == c2
    store.set_active_leaf(sid, tree.newest_leaf(q1))
    assert contents(store, sid) == ["q1", "a1", "q2", "c2"]
    assert len(store.messages(sid)) == 8 == store.session(sid).message_count


def test_a_parent_must_be_in_the_same_session(store: Store) -> None:
    one, two = store.create_session().id, store.create_session().id
    mid = store.add_message(one, "user", "mine")
    with pytest.raises(StoreError, match="not in session"):
        store.add_message(two, "assistant", "x", parent_id=mid)
    with pytest.raises(StoreError, match="not in session"):
        store.set_active_leaf(two, mid)
    assert store.messages(two) == []


def test_deleting_a_branch_takes_what_follows_and_moves_the_path_up(store: Store, db: Path,
                                                                    ) -> None:
    sid = store.create_session().id
    q = store.add_message(sid, "user", "question about levain")
    a = store.add_message(sid, "assistant", "first levain answer")
    store.add_message(sid, "user", "follow-up on levain")
    b = store.add_message(sid, "assistant", "second levain answer", parent_id=q)
    assert store.delete_branch(a) == 2
    assert contents(store, sid) == ["question about levain", "second levain answer"]
    assert store.delete_branch(b) == 1
    assert contents(store, sid) == ["question about levain"]  # the path ends at the parent
    assert [h.message_id for h in store.search_messages("levain")] == [q]
    assert index_is_consistent(db)


def test_a_fork_copies_the_path_up_to_a_message_into_a_new_session(store: Store) -> None:
    sid = store.create_session("Original", model="smollm2", system_prompt="Be brief.",
                               params={"temperature": 0.2}).id
    store.add_message(sid, "user", "q1")
    a1 = store.add_message(sid, "assistant", "a1", model="smollm2", meta={"route": "chat"})
    store.add_message(sid, "user", "q2")
    store.add_message(sid, "assistant", "a1 again", parent_id=store.tree(sid).parent(a1))
    store.set_active_leaf(sid, a1)
    streaming = store.add_message(sid, "user", "q2 live", state="streaming")
    fork = store.fork(sid, streaming, "Fork of Original")
    assert (fork.title, fork.model, fork.system_prompt, fork.params) == (
        "Fork of Original", "smollm2", "Be brief.", {"temperature": 0.2})
    copied = store.tree(fork.id).path()
    assert [(m.role, m.content) for m in copied] == [("user", "q1"), ("assistant", "a1"),
                                                     ("user", "q2 live")]
    assert copied[1].model == "smollm2" and copied[1].meta == {"route": "chat"}
    assert copied[2].state == "interrupted"  # its writer keeps writing the original only
    assert [m.parent_id for m in copied] == [None, copied[0].id, copied[1].id]
    assert len(store.messages(sid)) == 5  # the original is unchanged


# ---------------------------------------------------------------------- the upgrade


def test_a_file_written_by_schema_3_becomes_one_path_per_session_and_is_indexed(
    db: Path,
) -> None:
    shutil.copyfile(V3_FIXTURE, db)
    with raw(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        before = conn.execute(
            "SELECT id, session_id, role, content, model, created, state, meta"
            " FROM messages ORDER BY id").fetchall()
        sessions_before = conn.execute("SELECT id, title FROM sessions ORDER BY id").fetchall()
    assert len(before) == 10 and len(sessions_before) == 3
    s = Store(db)
    try:
        assert s.full_text
        for sid, _title in sessions_before:
            kept = [row for row in before if row[1] == sid]
            path = s.tree(sid).path()
            assert [(m.id, m.session_id, m.role, m.content, m.model, m.created, m.state)
                    for m in path] == [row[:7] for row in kept]  # every message, in order
            assert [m.parent_id for m in path] == [None, *(m.id for m in path)][:len(path)]
            assert s.tree(sid).active_leaf == (kept[-1][0] if kept else None)
        # Existing text is indexed by the upgrade: words, case and accents aside.
        hits = s.search_messages("LEVAIN")
        assert sorted(h.message_id for h in hits) == [3, 5]
        assert [h.message_id for h in s.search_messages("ubersetze")] == [7]
        assert s.search_messages("system note") == []  # system rows are not indexed
        # The failed partial reply stays on the path; the model never sees it (chat.py).
        assert [m.state for m in s.tree(1).path()][-2:] == ["error", "complete"]
    finally:
        s.close()
    with raw(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert index_is_consistent(db)
    Store(db).close()  # opening again migrates nothing more


def test_without_fts5_the_upgrade_still_lands_and_search_matches_substrings(
    db: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A platform whose SQLite lacks FTS5 cannot be run here: ``has_fts5`` is made to
    say so (the one thing mocked). The index comes once a SQLite with FTS5 opens it."""
    shutil.copyfile(V3_FIXTURE, db)
    monkeypatch.setattr(schema_module, "has_fts5", lambda conn: False)
    s = Store(db)
    try:
        assert not s.full_text
        assert [h.message_id for h in s.search_messages("levain")] == [5, 3]  # newest first
        assert s.search_messages('"unbalanced (') == []
        assert s.search_messages("100%") == []
    finally:
        s.close()
    monkeypatch.undo()
    s = Store(db)
    try:
        assert s.full_text
        assert sorted(h.message_id for h in s.search_messages("levain")) == [3, 5]
    finally:
        s.close()
    assert index_is_consistent(db)


# ---------------------------------------------------------------------- search


def test_search_ranks_marks_and_follows_every_change(store: Store, db: Path) -> None:
    a = store.create_session("Bread").id
    b = store.create_session("Code").id
    store.add_message(a, "user", "My sourdough starter smells of acetone")
    reply = store.add_message(a, "assistant", "Feed it", model="smollm2", state="streaming")
    store.add_message(b, "user", "sourdough sourdough sourdough: a name for my build tool?")
    store.add_message(b, "system", "sourdough in a system prompt is not searched")
    store.add_message(b, "notice", "sourdough in a notice is not searched")
    hits = store.search_messages("sourdough")
    assert [h.session_id for h in hits] == [b, a]  # bm25: more matches in fewer words first
    assert hits[0].session_title == "Code" and hits[0].role == "user"
    assert f"{HIT_START}sourdough{HIT_END}" in hits[1].snippet
    assert hits[1].marked("[", "]").startswith("My [sourdough] starter")
    assert ("sourdough", True) in hits[1].parts()
    # A streaming reply's checkpoints and its final text are indexed as they land.
    store.update_message(reply, content="Feed it twice a day with rye flour")
    assert [h.message_id for h in store.search_messages("rye")] == [reply]
    store.update_message(reply, content="Feed it with wholemeal", state="complete")
    assert store.search_messages("rye") == []
    assert [h.message_id for h in store.search_messages("wholem", prefix=True)] == [reply]
    assert store.search_messages("wholem") == []  # whole words unless typing
    # Words on a branch that is not shown are found too.
    q = store.tree(a).last_user_message().id
    other = store.add_message(a, "assistant", "Discard half, then feed", parent_id=q)
    store.set_active_leaf(a, reply)
    assert [h.message_id for h in store.search_messages("discard")] == [other]
    store.delete_session(b)
    assert [h.session_id for h in store.search_messages("sourdough")] == [a]
    assert index_is_consistent(db)


@pytest.mark.parametrize(("typed", "found"), [
    ('"sourdough', True), ('sourdough"', True), ("sourdough AND", True),
    ("OR sourdough", True), ("NOT", True), ("NEAR(sourdough", True), ("sourdough*", True),
    ("^sourdough", True), ("content:sourdough", True), ("sour-dough", True),
    ("(sourdough", True), ("sourdough + - :", True), ("sourdough\x00", True),
    ("'", False), ('"', False), ("***", False), ("", False), ("rye", False),
    ("\x1b[31m", True),  # "31m" is a word: found only if written, never an error
])
def test_any_typed_query_is_plain_words_never_an_error(store: Store, typed: str,
                                                       found: bool) -> None:
    sid = store.create_session().id
    mid = store.add_message(sid, "user", "Sourdough content and dough: sour or not, near 31m")
    assert [h.message_id for h in store.search_messages(typed)] == ([mid] if found else [])


def test_query_words_are_quoted_and_only_the_last_is_a_prefix() -> None:
    assert fts_query('say "hi" OR NEAR(x') == '"say" "hi" "OR" "NEAR" "x"'
    assert fts_query("sourd", prefix=True) == '"sourd"*'
    assert fts_query(' " ( * ') is None


def test_an_older_file_is_known_before_opening_so_the_cli_can_say_it_upgrades(
    db: Path,
) -> None:
    from tui_chat.core.store.schema import needs_upgrade

    assert not needs_upgrade(db)  # no file yet: a first start, nothing to say
    shutil.copyfile(V3_FIXTURE, db)
    assert needs_upgrade(db)
    Store(db).close()
    assert not needs_upgrade(db)
    db.write_bytes(b"not a database" * 100)
    assert not needs_upgrade(db)  # opening it says what is wrong
