"""Real llama.cpp generation on the real SmolLM2 GGUF."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import NO_EOG_BIAS, SMOLLM2_EOG_IDS
from tests.e2e.streams import cancel_after
from tui_chat.core.backends.llama import LlamaBackend
from tui_chat.core.errors import ModelUnavailable

PROMPT = [{"role": "user", "content": "Write three short sentences about the sea."}]


@pytest.fixture(scope="module")
def backend(smollm2_path: Path):
    b = LlamaBackend("smollm2", smollm2_path, {"n_ctx": 2048})
    b.load()
    yield b
    b.close()


def test_several_chunks_arrive_with_text(backend: LlamaBackend) -> None:
    chunks = list(backend.stream(PROMPT, {"max_tokens": 32, "seed": 7, "temperature": 0.8,
                                              "logit_bias": NO_EOG_BIAS}))
    body, final = chunks[:-1], chunks[-1]
    assert len(body) >= 5
    assert final.finish_reason in ("stop", "length")
    text = "".join(c.text for c in body)
    assert len(text.strip()) > 10
    assert [c.index for c in body] == list(range(len(body)))
    assert final.index == len(body)


def test_cancel_stops_within_one_chunk(backend: LlamaBackend) -> None:
    seen, after_cancel, final = cancel_after(
        backend, PROMPT, {"max_tokens": 200, "seed": 1, "temperature": 0.8, "logit_bias": NO_EOG_BIAS}, 3)
    assert final is not None and final.finish_reason == "cancelled"
    assert after_cancel == 0  # not a single chunk after the cancel was seen
    assert seen == 3


def test_same_seed_same_text(backend: LlamaBackend) -> None:
    # No end of generation: every reply runs to max_tokens, so an early stop cannot make
    # two seeds agree; three other seeds, as one may still happen to match on some CPU.
    params = {"max_tokens": 48, "seed": 1234, "temperature": 0.9, "logit_bias": NO_EOG_BIAS}
    first = "".join(c.text for c in backend.stream(PROMPT, params))
    second = "".join(c.text for c in backend.stream(PROMPT, params))
    others = ["".join(c.text for c in backend.stream(PROMPT, {**params, "seed": seed}))
              for seed in (99, 100, 101)]
    assert first == second and first.strip()
    assert any(other != first for other in others)  # the seed really drives sampling


def test_the_end_of_generation_ids_are_llama_cpps_own(smollm2_path: Path) -> None:
    """SMOLLM2_EOG_IDS (what NO_EOG bans) is exactly what llama.cpp stops on for SmolLM2."""
    import llama_cpp

    llm = llama_cpp.Llama(str(smollm2_path), vocab_only=True, verbose=False)
    try:
        vocab = llama_cpp.llama_model_get_vocab(llm.model)
        count = llama_cpp.llama_vocab_n_tokens(vocab)
        eog = tuple(i for i in range(count) if llama_cpp.llama_vocab_is_eog(vocab, i))
    finally:
        llm.close()
    assert eog == SMOLLM2_EOG_IDS


def test_token_counting_is_exact_once_loaded(backend: LlamaBackend) -> None:
    assert backend.count_tokens("hello world") in (2, 3)
    assert backend.context_size() == 2048


@pytest.mark.parametrize("content", [b"", b"GGUF\x03\x00\x00\x00truncated", b"<html>not a model</html>"])
def test_bad_files_give_one_clear_reason(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.gguf"
    path.write_bytes(content)
    with pytest.raises(ModelUnavailable) as info:
        LlamaBackend("bad", path, {"n_ctx": 256}).load()
    message = str(info.value)
    assert "\n" not in message and "bad.gguf" in message
    assert "download" in message
    assert info.value.reason == "load_error"


def test_truncated_real_gguf_fails_cleanly(tmp_path: Path, smollm2_path: Path) -> None:
    path = tmp_path / "half.gguf"
    with smollm2_path.open("rb") as src:
        path.write_bytes(src.read(smollm2_path.stat().st_size // 2))
    with pytest.raises(ModelUnavailable, match="could not be loaded"):
        LlamaBackend("half", path, {"n_ctx": 256}).load()
