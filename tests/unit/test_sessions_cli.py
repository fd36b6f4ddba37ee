"""``tui-chat sessions list|show|search|export`` through the real entry point."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.exports import parse_json, parse_markdown
from tui_chat.__main__ import main
from tui_chat.core.store import Store

REPO = Path(__file__).resolve().parents[2]
CONFIG = str(REPO / "config.toml")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def filled(data_dir: Path) -> dict[str, int]:
    """Two sessions: a plain one and one full of things a terminal must not see."""
    store = Store(data_dir / "history.sqlite3")
    plain = store.create_session("Plain chat").id
    store.add_message(plain, "user", "hello")
    evil = store.create_session("Evil \x1b[2J title", model="smollm2",
                                system_prompt="Be \x1b[5mbrief\x1b[0m.").id
    store.add_message(evil, "user", "## user\nwhat is \x1b]0;pwned\x07 this?")
    store.add_message(evil, "assistant", "```sh\necho \x9b31m\n```", model="smollm2")
    store.add_message(evil, "assistant", "partial", model="codellama-13b", state="stopped")
    store.close()
    return {"plain": plain, "evil": evil}


def sessions(data_dir: Path, *args: str) -> int:
    return main(["sessions", "--config", CONFIG, "--data-dir", str(data_dir), *args])


def assert_terminal_safe(text: str) -> None:
    bad = [ch for ch in text if (ord(ch) < 0x20 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F]
    assert bad == []


def test_list_is_a_readable_table_newest_first(
    data_dir: Path, filled: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert sessions(data_dir, "list") == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "UPDATED", "MSGS", "TITLE"]
    assert lines[1].split()[0] == str(filled["evil"]) and lines[1].split()[3] == "3"
    assert lines[1].endswith("Evil ␛[2J title")
    assert lines[2].split()[0] == str(filled["plain"]) and lines[2].endswith("1  Plain chat")
    assert_terminal_safe(out)


def test_list_json(data_dir: Path, filled: dict[str, int],
                   capsys: pytest.CaptureFixture[str]) -> None:
    assert sessions(data_dir, "list", "--json") == 0
    out = capsys.readouterr().out
    assert_terminal_safe(out)
    rows = json.loads(out)
    assert [(r["id"], r["title"], r["message_count"], r["model"]) for r in rows] == [
        (filled["evil"], "Evil \x1b[2J title", 3, "smollm2"),
        (filled["plain"], "Plain chat", 1, "auto"),
    ]
    assert all(isinstance(r["updated"], float) for r in rows)


def test_list_when_empty(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert sessions(data_dir, "list") == 0
    assert "No saved sessions yet" in capsys.readouterr().out
    assert sessions(data_dir, "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_show_prints_the_conversation_sanitised(
    data_dir: Path, filled: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert sessions(data_dir, "show", str(filled["evil"])) == 0
    out = capsys.readouterr().out
    assert_terminal_safe(out)
    assert out.startswith(f"Session {filled['evil']}: Evil ␛[2J title\n")
    assert "[system prompt]\nBe ␛[5mbrief␛[0m.\n" in out
    assert "[user]\n## user\nwhat is ␛]0;pwned␇ this?\n" in out
    assert "[assistant · smollm2]\n```sh\necho \ufffd31m\n```\n" in out
    assert "[assistant · codellama-13b (stopped)]\npartial\n" in out


def test_export_markdown_to_stdout_round_trips(
    data_dir: Path, filled: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert sessions(data_dir, "export", str(filled["evil"]), "--format", "md") == 0
    out = capsys.readouterr().out
    assert_terminal_safe(out)
    parsed = parse_markdown(out)
    assert [(m.role, m.model, m.state) for m in parsed.messages] == [
        ("user", None, "complete"), ("assistant", "smollm2", "complete"),
        ("assistant", "codellama-13b", "stopped")]
    assert parsed.messages[0].content == "## user\nwhat is ␛]0;pwned␇ this?"


def test_export_json_to_a_private_file(
    data_dir: Path, filled: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.json"
    assert sessions(data_dir, "export", str(filled["evil"]), "--format", "json",
                    "-o", str(target)) == 0
    assert str(target) in capsys.readouterr().out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = target.read_text(encoding="utf-8")
    assert_terminal_safe(text)
    parsed = parse_json(text)
    assert [m.content for m in parsed.messages] == [
        "## user\nwhat is \x1b]0;pwned\x07 this?", "```sh\necho \x9b31m\n```", "partial"]


def test_export_overwrites_an_existing_file_as_0600(
    data_dir: Path, filled: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    target.write_text("old and long " * 100)
    target.chmod(0o644)
    assert sessions(data_dir, "export", str(filled["plain"]), "-o", str(target)) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert parse_markdown(target.read_text()).messages[0].content == "hello"


@pytest.mark.parametrize("action", ["show", "export"])
def test_unknown_id_is_one_line_and_exit_1(
    data_dir: Path, filled: dict[str, int], action: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert sessions(data_dir, action, "999") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "tui-chat: No session 999; run `tui-chat sessions list`.\n"


def test_unwritable_output_is_one_line(
    data_dir: Path, filled: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing-dir" / "out.md"
    assert sessions(data_dir, "export", str(filled["plain"]), "-o", str(target)) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"tui-chat: Cannot write {target}") and err.count("\n") == 1


def test_flags_after_the_action_are_accepted(
    data_dir: Path, filled: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["sessions", "list", "--json", "--config", CONFIG, "--data-dir", str(data_dir)]
    assert main(argv) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_flags_before_the_command_are_honoured(
    data_dir: Path, filled: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", CONFIG, "--data-dir", str(data_dir), "sessions", "list",
                 "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


@pytest.fixture
def branched(data_dir: Path) -> dict[str, int]:
    """A chat whose reply was regenerated twice and whose first prompt was edited."""
    store = Store(data_dir / "history.sqlite3")
    sid = store.create_session("Branches").id
    q = store.add_message(sid, "user", "name a sourdough bread")
    first = store.add_message(sid, "assistant", "Pain de campagne", model="smollm2")
    second = store.add_message(sid, "assistant", "Miche", model="smollm2", parent_id=q)
    third = store.add_message(sid, "assistant", "Rye \x1b[31m loaf", model="smollm2",
                              parent_id=q)
    edited = store.add_message(sid, "user", "name a sourdough cake", parent_id=None)
    store.set_active_leaf(sid, second)
    store.close()
    return {"session": sid, "q": q, "first": first, "second": second, "third": third,
            "edited": edited}


def test_search_prints_ranked_snippets_sanitised(
    data_dir: Path, filled: dict[str, int], branched: dict[str, int],
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert sessions(data_dir, "search", "sourdough") == 0
    out = capsys.readouterr().out
    assert "[sourdough]" in out and "name a [sourdough] bread" in out
    assert out.count("(user, message") == 2  # both first prompts, the edited one too
    assert sessions(data_dir, "search", "loaf", "--json") == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert (hit["session_id"], hit["message_id"], hit["role"]) == (
        branched["session"], branched["third"], "assistant")  # a branch not shown
    assert "[loaf]" in hit["snippet"] and "\x1b" not in hit["snippet"]
    assert sessions(data_dir, "search", "sourdough", "--limit", "1", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert sessions(data_dir, "search", '"unbalanced AND (') == 0
    out = capsys.readouterr().out
    assert out.startswith("No message holds") and out.count("\n") == 1
    assert_terminal_safe(out)
    assert sessions(data_dir, "search", "x", "--limit", "0") == 1
    assert "--limit" in capsys.readouterr().err


def test_export_writes_the_active_path_or_every_branch(
    data_dir: Path, branched: dict[str, int], capsys: pytest.CaptureFixture[str],
) -> None:
    sid = str(branched["session"])
    assert sessions(data_dir, "export", sid, "--format", "json") == 0
    document = json.loads(capsys.readouterr().out)
    assert [m["id"] for m in document["messages"]] == [branched["q"], branched["second"]]
    assert "active_path" not in document
    assert sessions(data_dir, "export", sid, "--format", "json", "--all-branches") == 0
    document = json.loads(capsys.readouterr().out)
    by_id = {m["id"]: m for m in document["messages"]}
    assert len(by_id) == 5
    assert [by_id[branched[k]]["parent_id"] for k in ("first", "second", "third")] == [
        branched["q"]] * 3
    assert by_id[branched["edited"]]["parent_id"] is None
    assert document["active_path"] == [branched["q"], branched["second"]]

    assert sessions(data_dir, "export", sid, "--all-branches") == 0
    text = capsys.readouterr().out
    assert_terminal_safe(text)
    parsed = parse_markdown(text)
    assert [(m.role, m.content, m.branch) for m in parsed.messages] == [
        ("user", "name a sourdough bread", "1/2"),
        ("assistant", "Pain de campagne", "1/3"),
        ("assistant", "Miche", "2/3"),
        ("assistant", "Rye ␛[31m loaf", "3/3"),
        ("user", "name a sourdough cake", "2/2"),
    ]
    assert sessions(data_dir, "export", sid) == 0
    assert [m.branch for m in parse_markdown(capsys.readouterr().out).messages] == [None, None]
