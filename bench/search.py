"""Search over a generated history of 100,000 messages: the schema 4 upgrade (tree and
full-text index) and the median time of a query.

    python bench/search.py [MESSAGES]        # default 100000; prints one JSON line

The history is written in schema 3 (flat messages, no index), as a user upgrading
from the previous release has it: 1,000 sessions of 100 messages, words drawn from a
Zipf-like vocabulary of 20,000, 5 to 200 words a message. Opening it with today's
store runs the upgrade (every message gets its parent, the FTS5 index is built); the
time is reported. Then each query runs through ``Store.search_messages`` (what
``ChatService.search`` and ``tui-chat sessions search`` call) 21 times; the figure is the median over all of them.
A last row times the whole CLI process (``tui-chat sessions search WORD``) for scale.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui_chat.core.store import Store  # noqa: E402
from tui_chat.core.store.schema import MIGRATIONS  # noqa: E402
from tui_chat.core.store.search import fts_query  # noqa: E402

SESSION_SIZE = 100
VOCABULARY = 20_000
REPEATS = 21


def vocabulary(rng: random.Random) -> list[str]:
    """Pronounceable made-up words, plus a few real ones the queries look for."""
    syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "du", "an", "el",
                 "or", "is", "um", "ba", "ge", "fi", "ho", "zu"]
    words = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
             for _ in range(VOCABULARY * 2)}
    return sorted(words)[:VOCABULARY]


def write_schema_3(path: Path, messages: int, rng: random.Random) -> None:
    """A history file as schema 3 left it: the first three migration steps, then rows."""
    words = vocabulary(rng)
    real = ["sourdough", "kubernetes", "traceback", "levain", "python", "invoice"]
    cumulative, total = [], 0.0
    for rank in range(len(words)):
        total += 1.0 / (rank + 1)
        cumulative.append(total)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    for step in MIGRATIONS[:3]:
        for action in step:
            if isinstance(action, str):
                conn.execute(action)
            else:
                action(conn)
    conn.execute("PRAGMA user_version = 3")
    now = time.time() - messages
    sessions = (messages + SESSION_SIZE - 1) // SESSION_SIZE
    conn.executemany(
        "INSERT INTO sessions (id, title, created, updated, model) VALUES (?, ?, ?, ?, 'auto')",
        [(s + 1, f"chat {s + 1}", now, now, ) for s in range(sessions)])
    rows = []
    for n in range(messages):
        text = rng.choices(words, cum_weights=cumulative, k=rng.randint(5, 200))
        if rng.random() < 0.01:
            text[rng.randrange(len(text))] = rng.choice(real)
        rows.append((n // SESSION_SIZE + 1, "user" if n % 2 == 0 else "assistant",
                     " ".join(text), now + n))
    conn.executemany("INSERT INTO messages (session_id, role, content, created)"
                     " VALUES (?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    conn.close()


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(9)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        path = data / "history.sqlite3"
        started = time.perf_counter()
        write_schema_3(path, count, rng)
        written_s = time.perf_counter() - started

        started = time.perf_counter()
        store = Store(path)
        upgrade_s = time.perf_counter() - started
        words = vocabulary(random.Random(9))
        queries = {
            "rare word": "sourdough",
            "the most common word": words[0],
            "a common word": max(words[:50], key=len),
            "two words": f"kubernetes {words[0]}",
            "prefix as typed": "kubern",
            "no match": "zzzzqqq",
            "quotes and operators": '"python AND (',
        }
        timings: dict[str, float] = {}
        every: list[float] = []
        hits: dict[str, int] = {}
        matches: dict[str, int] = {}
        probe = sqlite3.connect(path)
        for name, query in queries.items():
            match = fts_query(query, prefix=name == "prefix as typed")
            matches[name] = probe.execute(
                "SELECT COUNT(*) FROM message_text WHERE message_text MATCH ?", (match,)
            ).fetchone()[0] if match else 0
        probe.close()
        for name, query in queries.items():
            prefix = name == "prefix as typed"
            runs = []
            for _ in range(REPEATS):
                t0 = time.perf_counter()
                found = store.search_messages(query, 20, prefix=prefix)
                runs.append((time.perf_counter() - t0) * 1000.0)
            hits[name] = len(found)
            timings[name] = round(statistics.median(runs), 2)
            every.extend(runs)
        store.close()
        size_mb = path.stat().st_size / 1e6

        env = dict(os.environ, TUI_CHAT_DATA_DIR=str(data),
                   TUI_CHAT_CONFIG=str(ROOT / "config.toml"))
        cli = []
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "tui_chat", "sessions", "search", "sourdough"],
                           env=env, cwd=ROOT, capture_output=True, check=True)
            cli.append(time.perf_counter() - t0)
    print(json.dumps({
        "messages": count,
        "history_mb": round(size_mb, 1),
        "write_schema3_s": round(written_s, 2),
        "upgrade_s": round(upgrade_s, 2),
        "search_ms_median": round(statistics.median(every), 2),
        "search_ms_p95": round(sorted(every)[int(len(every) * 0.95)], 2),
        "search_ms_by_query": timings,
        "hits_by_query": hits,
        "messages_matching_by_query": matches,
        "cli_search_s_median": round(statistics.median(cli), 2),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
