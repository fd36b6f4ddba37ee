"""The model library on disk: GGUF header facts, discovery, split sets, ``models --details``."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.ggufs import write_gguf
from tui_chat.__main__ import main
from tui_chat.core.library.discovery import group_parts, model_name
from tui_chat.core.library.gguf import HeaderUnreadable, read_info, split_names
from tui_chat.core.runtime import Runtime


def hf_cache_file(hf_home: Path, repo: str, name: str, **header: object) -> Path:
    """A GGUF laid out as ``huggingface_hub`` caches a download: blob, snapshot link, ref."""
    folder = hf_home / "hub" / f"models--{repo.replace('/', '--')}"
    blob = folder / "blobs" / "0123abcd"
    write_gguf(blob, **header)  # type: ignore[arg-type]
    commit = "a" * 40
    snap = folder / "snapshots" / commit / name
    snap.parent.mkdir(parents=True)
    snap.symlink_to(os.path.relpath(blob, snap.parent))
    (folder / "refs").mkdir()
    (folder / "refs" / "main").write_text(commit)
    return snap


def test_header_facts_match_the_gguf_packages_own_reader(smollm2_path: Path, tmp_path: Path) -> None:
    from gguf import GGUFReader

    for path in (smollm2_path, write_gguf(tmp_path / "tiny.gguf")):
        info = read_info(path)
        reader = GGUFReader(path)
        arch = reader.get_field("general.architecture").contents()
        assert info.architecture == arch
        assert info.context_length == reader.get_field(f"{arch}.context_length").contents()
        assert info.parameters == sum(int(t.n_elements) for t in reader.tensors)
        assert info.has_template == (reader.get_field("tokenizer.chat_template") is not None)
    smol = read_info(smollm2_path)
    assert (smol.architecture, smol.quantization, smol.context_length) == ("llama", "Q4_1", 8192)
    assert smol.summary().startswith("llama 135M Q4_1 ctx 8,192 template")
    tiny = read_info(tmp_path / "tiny.gguf")
    assert (tiny.architecture, tiny.quantization, tiny.thinks) == ("qwen2", "Q8_0", True)


@pytest.mark.parametrize(("content", "words"), [
    (b"", "is empty (0 bytes)"),
    (b"<html>502</html>", "is not a GGUF file"),
    (b"GGUF\x03\x00\x00\x00", "truncated"),
])
def test_unreadable_headers_say_why(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bad.gguf"
    path.write_bytes(content)
    with pytest.raises(HeaderUnreadable, match=re.escape(words)):
        read_info(path)


def test_split_parts_group_as_one_model_and_name_the_missing_part(tmp_path: Path) -> None:
    names = split_names("Big-Q4_K_M-00001-of-00003.gguf")
    assert names[-1] == "Big-Q4_K_M-00003-of-00003.gguf" and len(names) == 3
    for name in names[:2]:
        (tmp_path / name).write_bytes(b"GGUF")
    (found,) = group_parts([tmp_path / n for n in names[:2]], "models_dir")
    assert found.path.name == names[0] and found.missing == (names[2],)
    assert model_name(found.path, set()) == "Big-Q4_K_M"
    assert model_name(Path("a b+c.gguf"), {"a-b-c"}) == "a-b-c-2"


def test_discovery_lists_model_dirs_the_models_dir_and_the_hf_cache(
    make_runtime, tmp_path: Path, smollm2_path: Path
) -> None:
    runtime: Runtime = make_runtime(head='model_dirs = ["extra"]\n')
    folder = runtime.config.path.parent  # type: ignore[union-attr]
    write_gguf(folder / "extra" / "Qwen-Tiny-Q8_0.gguf")
    (runtime.config.models_dir / "broken.gguf").write_bytes(b"")
    write_gguf(runtime.config.models_dir / "Big-00001-of-00002.gguf", arch="gemma3")
    (runtime.config.models_dir / "same-as-smollm2.gguf").symlink_to(smollm2_path)  # listed
    hf_cache_file(Path(os.environ["HF_HOME"]), "acme/Tiny-GGUF", "tiny-q4.gguf", arch="llama",
                  context=2048, template=None, file_type=3)

    found = runtime.models.discover()

    assert sorted(found) == ["Big", "Qwen-Tiny-Q8_0", "broken", "tiny-q4"]
    catalog = runtime.catalog
    assert catalog.state("broken").status == "error"
    assert "broken.gguf is empty (0 bytes)" in catalog.state("broken").detail
    assert catalog.state("Big").status == "error"
    assert "Big-00002-of-00002.gguf" in catalog.state("Big").detail
    assert catalog.state("tiny-q4").status == "downloaded"
    lines = runtime.models.header_lines()
    assert lines["Qwen-Tiny-Q8_0"].startswith("qwen2 2.0K Q8_0 ctx 32,768 template+think")
    assert lines["tiny-q4"] == "llama 2.0K Q4_1 ctx 2,048 no template"
    assert lines["smollm2"].startswith("llama 135M Q4_1")
    assert catalog.spec("tiny-q4").role == "chat"
    assert "tiny-q4" not in (runtime.config.path.read_text())  # type: ignore[union-attr]
    assert runtime.router.pick("hi", "tiny-q4").model == "tiny-q4"  # usable at once


def test_models_cli_details_and_json(write_config, data_dir: Path, capsys, tmp_path: Path) -> None:
    config = write_config(head='model_dirs = ["extra"]\n')
    write_gguf(config.parent / "extra" / "Qwen-Tiny-Q8_0.gguf")
    (config.parent / "models" / "empty.gguf").write_bytes(b"")
    args = ["--config", str(config), "--data-dir", str(data_dir)]

    assert main(["models", "--details", *args]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:10] == ["NAME", "ROLE", "BACKEND", "STATUS", "SIZE", "ARCH",
                                     "PARAMS", "QUANT", "CTX", "TEMPLATE"]
    row = next(line for line in table if line.startswith("Qwen-Tiny-Q8_0"))
    assert row.split()[6:11] == ["qwen2", "2.0K", "Q8_0", "32,768", "yes+think"]
    assert any(line.startswith("empty: empty.gguf is empty (0 bytes)") for line in table), table

    assert main(["models", "--details", "--json", *args]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["Qwen-Tiny-Q8_0"]["source"] == "found"
    assert rows["Qwen-Tiny-Q8_0"]["info"]["context_length"] == 32768
    assert rows["smollm2"]["info"]["architecture"] == "llama"
    assert rows["empty"]["status"] == "error" and rows["empty"]["info"] is None
    assert "empty (0 bytes)" in rows["empty"]["info_error"]


def test_ask_answers_from_a_found_model_by_its_name(write_config, data_dir: Path, capsys,
                                                     smollm2_path: Path) -> None:
    import shutil

    config = write_config()
    shutil.copyfile(smollm2_path, config.parent / "models" / "found-copy.gguf")
    code = main(["ask", "--config", str(config), "--data-dir", str(data_dir),
                 "--model", "found-copy", "--max-tokens", "4", "hi"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out.strip()  # 4 tokens of text (end-of-generation is banned)
    assert "found-copy" in captured.err
