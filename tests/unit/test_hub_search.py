"""Hub search and file listing through huggingface_hub, against the loopback fake Hub."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakehub import FakeHub, route_client_to
from tui_chat.core.library.search import Fit, HubUnavailable, repo_models, search_repos

MIB = 1024 * 1024


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FakeHub]:
    with FakeHub() as fake:
        route_client_to(fake, monkeypatch, hf_home=tmp_path / "hf-home", token=None)
        fake.describe_repo("acme/Tiny-GGUF", downloads=1234, likes=7,
                           last_modified="2025-03-04T05:06:07.000Z")
        fake.describe_repo("acme/TinyLlama-GGUF", downloads=99, likes=1)
        fake.describe_repo("acme/tiny-safetensors", downloads=5000, tags=["safetensors"])
        fake.describe_repo("other/Big-GGUF", downloads=10_000)
        yield fake
        assert all(r.route != "unknown" for r in fake.requests), fake.requests


def test_search_lists_gguf_repos_by_downloads(hub: FakeHub) -> None:
    hits = search_repos("tiny")
    assert [h.repo for h in hits] == ["acme/Tiny-GGUF", "acme/TinyLlama-GGUF"]
    assert (hits[0].downloads, hits[0].likes) == (1234, 7)
    assert hits[0].updated is not None and hits[0].updated.year == 2025
    assert len(hub.log(route="search")) == 1  # tiny-safetensors is left out: not a GGUF repo
    assert search_repos("nothing-like-this") == []


def test_repo_files_group_split_sets_and_mark_the_fit(hub: FakeHub) -> None:
    repo = "acme/Tiny-GGUF"
    hub.add_file(repo, "README.md", b"# card")
    hub.add_file(repo, "Tiny-Q2_K.gguf", b"GGUF" + bytes(MIB))
    for i in (1, 2, 3):
        hub.add_file(repo, f"F16/Tiny-F16-{i:05d}-of-00003.gguf", b"GGUF" + bytes(2 * MIB))
    hub.add_file(repo, "Broken-00001-of-00002.gguf", b"GGUF")

    models = {m.file: m for m in repo_models(repo)}

    assert set(models) == {"Tiny-Q2_K.gguf", "F16/Tiny-F16-00001-of-00003.gguf",
                           "Broken-00001-of-00002.gguf"}
    split = models["F16/Tiny-F16-00001-of-00003.gguf"]
    assert len(split.parts) == 3 and split.size == 3 * (2 * MIB + 4) and split.quant == "F16"
    assert models["Broken-00001-of-00002.gguf"].missing == ("Broken-00002-of-00002.gguf",)
    small = models["Tiny-Q2_K.gguf"]
    assert small.quant == "Q2_K"
    assert small.fit(4 * MIB) == Fit.FITS and split.fit(4 * MIB) == Fit.TOO_BIG
    assert small.label(4 * MIB).startswith("✔ fits") and "(3 parts)" in split.label(4 * MIB)
    assert hub.log(route="tree")


def test_gated_repo_says_to_set_a_token(hub: FakeHub) -> None:
    hub.add_file("acme/Gated-GGUF", "g.gguf", b"GGUF")
    hub.fail("acme/Gated-GGUF", 403, error_code="GatedRepo", route="tree")
    with pytest.raises(HubUnavailable) as caught:
        repo_models("acme/Gated-GGUF")
    text = str(caught.value)
    assert "HTTP 403" in text and "HF_TOKEN" in text and "hf auth login" in text
    assert "\n" not in text
