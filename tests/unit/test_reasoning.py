"""The think-tag parser: reasoning apart from the answer, at any chunk border."""

from __future__ import annotations

import itertools

import pytest

from tui_chat.core.reasoning import ReasoningFilter, ThinkSplitter


def split(chunks: list[str], **kwargs: bool) -> tuple[str, str]:
    """(reasoning, answer) after feeding ``chunks`` and closing."""
    splitter = ThinkSplitter(**kwargs)
    pieces = [piece for chunk in chunks for piece in splitter.feed(chunk)] + splitter.close()
    return ("".join(t for r, t in pieces if r), "".join(t for r, t in pieces if not r))


CASES = [
    # text, reasoning, answer
    ("<think>Let me count: 1, 2.</think>Two.", "Let me count: 1, 2.", "Two."),
    ("no tags at all, just < and > and </b>", "", "no tags at all, just < and > and </b>"),
    ("Sure. <think>hm</think> Done", "hm", "Sure.  Done"),
    ("<think>a<think>b</think>c</think>d", "a<think>b</think>c", "d"),  # nested
    ("<think>cut off while thinking", "cut off while thinking", ""),  # unclosed
    ("answer </think> stray close", "", "answer </think> stray close"),
    ("<thinking>other pair</thinking>ok", "other pair", "ok"),
    ("<think></think>empty thoughts", "", "empty thoughts"),
    ("<thin", "", "<thin"),  # a tag start that never became one
    ("x<think>one</think>y<think>two</think>z", "onetwo", "xyz"),
    ("<think>a</thinking>b</think>c", "a</thinking>b", "c"),  # the other pair's close is text
]


@pytest.mark.parametrize(("text", "reasoning", "answer"), CASES)
def test_every_split_position_gives_the_same_result(text: str, reasoning: str,
                                                    answer: str) -> None:
    assert split([text]) == (reasoning, answer)
    for cut in range(1, len(text)):
        assert split([text[:cut], text[cut:]]) == (reasoning, answer), cut
    assert split(list(text)) == (reasoning, answer)  # one character a chunk


def test_two_cuts_anywhere_in_a_short_reply() -> None:
    text = "a<think>bc</think>d"
    for i, j in itertools.combinations(range(1, len(text)), 2):
        assert split([text[:i], text[i:j], text[j:]]) == ("bc", "ad"), (i, j)


def test_utf8_bytes_split_anywhere_still_split_the_same_once_decoded() -> None:
    """llama.cpp hands over text, but a byte-level stream decoded incrementally is the
    same as any character split; every byte position of a non-ASCII reply is tried."""
    import codecs

    text = "<think>Überlegung: ½ → 🙂</think>Antwort ✓"
    data = text.encode()
    for cut in range(1, len(data)):
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunks = [decoder.decode(data[:cut]), decoder.decode(data[cut:], final=True)]
        assert split(chunks) == ("Überlegung: ½ → 🙂", "Antwort ✓"), cut


def test_thinking_from_the_start_when_the_template_opens_the_tag() -> None:
    assert split(["plan it", " out</think>", "Answer"], thinking=True) == ("plan it out",
                                                                           "Answer")
    assert split(["only thoughts"], thinking=True) == ("only thoughts", "")


def test_pieces_come_as_soon_as_they_are_known() -> None:
    splitter = ThinkSplitter()
    assert splitter.feed("Hi <thi") == [(False, "Hi ")]  # "<thi" may start a tag
    assert splitter.feed("nk>why") == [(True, "why")]
    assert splitter.in_reasoning
    assert splitter.feed("</thi") == []
    assert splitter.feed("nk>so") == [(False, "so")]
    assert not splitter.in_reasoning and splitter.close() == []


def test_hostile_escapes_inside_reasoning_are_removed_even_across_a_tag() -> None:
    hostile = "<think>\x1b]52;c;cGF3bmVk\x07steal \x1b[2Jclear\x9b31m</think>\x1b[5mok"
    for cut in range(1, len(hostile)):
        filt = ReasoningFilter()
        pieces = filt.feed(hostile[:cut]) + filt.feed(hostile[cut:]) + filt.close()
        reasoning = "".join(t for r, t in pieces if r)
        answer = "".join(t for r, t in pieces if not r)
        assert (reasoning, answer) == ("steal clear", "ok"), cut
    filt = ReasoningFilter()
    assert filt.feed_reasoning("from a server \x1b[31mred") == "from a server red"
    # An escape left open in the reasoning cannot eat the answer.
    filt = ReasoningFilter()
    pieces = filt.feed("<think>half \x1b]0;title</think>answer") + filt.close()
    assert "".join(t for r, t in pieces if not r) == "answer"


# ---------------------------------------------------------------------- in the reply flow
# SmolLM2 writes no think tags, and no reasoning model fits here: a scripted backend
# streams a reasoning model's tokens (tags split across tokens as a tokenizer splits
# them), so what is tested is the flow's handling of them, not any model.


def _run(make_runtime, tokens: list[str], finish: str = "stop", text: str = "2+2?"):  # noqa: ANN001, ANN202
    from tests.scripted import ScriptedBackend, scripted_factory

    backend = ScriptedBackend(tokens, delay=0.0, finish=finish)
    runtime = make_runtime(backend=scripted_factory(backend))
    service = runtime.service
    session = service.new_session(text, "smollm2")
    events = list(service.send(session.id, text))
    return service, session, backend, events


def test_reasoning_is_its_own_events_stored_apart_and_never_sent_back(make_runtime) -> None:  # noqa: ANN001
    from tui_chat.core.events import Finished, ReasoningDelta, TextDelta

    tokens = ["<th", "ink>", "Let me", " add \x1b[2J", "them.</th", "ink>", "The answer", " is 4."]
    service, session, backend, events = _run(make_runtime, tokens)
    reasoning = "".join(e.text for e in events if isinstance(e, ReasoningDelta))
    answer = "".join(e.text for e in events if isinstance(e, TextDelta))
    assert (reasoning, answer) == ("Let me add them.", "The answer is 4.")
    done = events[-1]
    assert isinstance(done, Finished) and done.reasoning == reasoning and done.note == ""
    assert done.text == answer and done.state == "complete"
    assert done.metrics.reasoning_tokens >= 3 and done.metrics.completion_tokens == len(tokens)
    assert done.metrics.answer_ms is not None and done.metrics.ttft_ms is not None
    assert done.metrics.answer_ms >= done.metrics.ttft_ms
    [_, reply] = service.messages(session.id)
    assert reply.content == answer and reply.meta["reasoning"] == reasoning

    list(service.send(session.id, "and 3+3?"))
    sent = backend.requests[-1]
    assert [m["content"] for m in sent if m["role"] == "assistant"] == [answer]
    assert not any("Let me" in m["content"] or "think" in m["content"] for m in sent)
    [row, *_] = service._store.requests(last=2)[::-1]  # noqa: SLF001 - the stored figures
    assert row["reasoning_tokens"] == done.metrics.reasoning_tokens


def test_all_reasoning_cut_off_by_max_tokens_is_not_an_empty_reply(make_runtime) -> None:  # noqa: ANN001
    from tui_chat.core.chat import STOPPED_THINKING
    from tui_chat.core.events import Fallback, Finished

    service, session, _, events = _run(make_runtime, ["<think>", "hmm, ", "let me see"],
                                       finish="length")
    assert not [e for e in events if isinstance(e, Fallback)]
    done = events[-1]
    assert isinstance(done, Finished) and done.state == "complete" and done.text == ""
    assert done.note == STOPPED_THINKING == "stopped while thinking; raise max_tokens"
    assert done.reasoning == "hmm, let me see"
    [_, reply] = service.messages(session.id)
    assert reply.meta["note"] == STOPPED_THINKING and reply.content == ""


def test_all_reasoning_that_ends_by_itself_is_empty_and_falls_back(make_runtime) -> None:  # noqa: ANN001
    from tui_chat.core.events import Fallback, FallbackTrigger

    _, _, _, events = _run(make_runtime, ["<think>", "nothing to say", "</think>"])
    [fell] = [e for e in events if isinstance(e, Fallback)]
    assert fell.trigger == FallbackTrigger.EMPTY


def test_a_template_that_opens_the_think_tag_starts_the_reply_in_reasoning() -> None:
    from tui_chat.core.reasoning import opens_reasoning

    assert opens_reasoning("<｜User｜>hi<｜Assistant｜><think>\n")  # DeepSeek-R1 distills
    assert not opens_reasoning("<|im_start|>assistant\n")  # ChatML (SmolLM2)
    assert not opens_reasoning("<think>earlier</think> and then the prompt")


def test_the_embedded_model_does_not_open_reasoning(smollm2_path) -> None:  # noqa: ANN001
    from tui_chat.core.backends.llama import LlamaBackend

    backend = LlamaBackend("smollm2", smollm2_path, {"n_ctx": 512})
    backend.load()
    try:
        assert backend.opens_reasoning is False
    finally:
        backend.close()
