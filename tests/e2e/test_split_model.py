"""A real split model: SmolLM2 rewritten as three parts, downloaded from the fake Hub,
loaded by llama.cpp from its first part, answering a prompt.

llama.cpp's ``gguf-split`` tool is not installed here (the llama-cpp-python wheel ships
no tools); the gguf package's writer makes the same kind of set (``split.*`` keys, the
metadata in the first part), see :func:`tests.ggufs.split_copy`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakehub import FakeHub, route_client_to
from tests.ggufs import split_copy

REPO = "acme/Smol-Split-GGUF"
ENTRY = f"""
[[models]]
name = "smol-split"
role = "chat"
repo = "{REPO}"
file = "Smol-Q4_1-00001-of-00003.gguf"
[models.load]
n_ctx = 512
"""


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory, smollm2_path: Path) -> list[Path]:
    return split_copy(smollm2_path, tmp_path_factory.mktemp("split"), "Smol-Q4_1", 3)


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, parts: list[Path]) -> Iterator[FakeHub]:
    with FakeHub() as fake:
        route_client_to(fake, monkeypatch, hf_home=tmp_path / "hf-home", token=None)
        for part in parts:
            fake.add_file(REPO, part.name, part.read_bytes())
        yield fake


@pytest.mark.slow
def test_split_model_downloads_loads_from_its_first_part_and_answers(
    make_runtime, hub: FakeHub, parts: list[Path]
) -> None:
    runtime = make_runtime(body=ENTRY)
    assert len(parts) == 3
    assert runtime.models.download("smol-split", threading.Event())  # verified
    assert all(len(hub.downloads(p.name)) == 1 for p in parts)
    assert runtime.catalog.state("smol-split").status == "verified"

    backend = runtime.pool.load("smol-split")

    assert runtime.catalog.state("smol-split").status == "loaded"
    assert backend.context_size() == 512
    session = runtime.service.new_session("hi", "smol-split")
    events = list(runtime.service.send(session.id, "hi", threading.Event(), model="smol-split",
                                       params={"max_tokens": 4}))
    finished = events[-1]
    assert type(finished).__name__ == "Finished"
    assert finished.model == "smol-split" and finished.text.strip()
