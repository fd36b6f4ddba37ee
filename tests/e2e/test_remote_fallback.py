"""Every remote failure is one clear line and the fallback (real SmolLM2) answers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers import BadServer
from tui_chat.core.chat import ChatRequest
from tui_chat.core.events import Fallback, Finished

REMOTE = """
[[models]]
name = "team"
role = "chat"
backend = "openai"
base_url = "{url}"
model = "scripted"
api_key_env = "TEAM_LLM_KEY"
read_timeout = 0.5
"""
# read_timeout: the stall case gives up after half a second (the config's key, not a
# test-only backend). Retries stay at their default: none of these is a connect error.
CASES = {
    "401": ({"mode": "status", "status": 401}, "auth", "TEAM_LLM_KEY"),
    "404": ({"mode": "status", "status": 404}, "not_found", "scripted"),
    "5xx": ({"mode": "status", "status": 503}, "http_5xx", "503"),
    "malformed SSE": ({"mode": "malformed"}, "bad_sse", ""),
    "read timeout": ({"mode": "stall_after", "stall_seconds": 5.0}, "read_timeout",
                     "sent nothing for 0.5 s; try again or raise read_timeout for team"),
    "no [DONE]": ({"mode": "no_done"}, "truncated", ""),
}


@pytest.fixture(scope="module")
def bad() -> Iterator[BadServer]:
    with BadServer() as server:
        yield server


@pytest.mark.parametrize("case", list(CASES))
def test_remote_failure_falls_back_to_smollm2(case: str, bad: BadServer, make_runtime,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    behaviour, trigger, named = CASES[case]
    mode = behaviour.pop("mode") if "mode" in behaviour else "ok"
    bad.configure(mode, **{k: v for k, v in behaviour.items()})
    behaviour["mode"] = mode
    monkeypatch.setenv("TEAM_LLM_KEY", "k-123456")

    runtime = make_runtime(body=REMOTE.format(url=bad.base_url),
                           head='[router]\n[router.prefer]\nchat = ["team"]\n')
    events = list(runtime.service.reply(ChatRequest("hello there", params={"max_tokens": 12})))
    fallbacks = [e for e in events if isinstance(e, Fallback)]
    assert [(f.model, f.trigger) for f in fallbacks] == [("team", trigger)]
    message = fallbacks[0].message
    assert "\n" not in message and "Traceback" not in message and named in message
    done = events[-1]
    assert isinstance(done, Finished) and done.model == "smollm2" and done.text.strip()
