"""llama.cpp's extra buffer types: off on AMX CPUs (they crash there), on elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_chat.core.backends import extra_buffers
from tui_chat.core.backends.llama import effective_load_params

AMX_FLAGS = "flags\t\t: fpu sse4_2 avx2 avx512f avx512_vnni amx_bf16 amx_tile amx_int8\n"
PLAIN_FLAGS = "flags\t\t: fpu sse4_2 avx2 fma\n"


def cpuinfo(tmp_path: Path, flags: str) -> Path:
    path = tmp_path / "cpuinfo"
    path.write_text("processor\t: 0\nmodel name\t: Some CPU\n" + flags, encoding="utf-8")
    return path


def test_amx_is_read_from_the_cpu_flags(tmp_path: Path) -> None:
    assert extra_buffers.cpu_has_amx(cpuinfo(tmp_path, AMX_FLAGS))
    assert not extra_buffers.cpu_has_amx(cpuinfo(tmp_path, PLAIN_FLAGS))
    assert not extra_buffers.cpu_has_amx(tmp_path / "missing")  # not Linux: no guess


@pytest.mark.parametrize(("flags", "expected"), [(AMX_FLAGS, False), (PLAIN_FLAGS, True)])
def test_the_default_follows_the_cpu_and_the_config_wins(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: str, expected: bool) -> None:
    monkeypatch.setattr(extra_buffers, "CPUINFO", cpuinfo(tmp_path, flags))
    monkeypatch.setattr(extra_buffers.cpu_has_amx, "__defaults__", (extra_buffers.CPUINFO,))
    assert effective_load_params({})["extra_buffers"] is expected
    assert effective_load_params({"extra_buffers": True})["extra_buffers"] is True


def test_model_params_turns_extra_buffers_off_only_inside_the_block() -> None:
    import llama_cpp.llama_cpp as low

    assert low.llama_model_default_params().use_extra_bufts
    with extra_buffers.model_params(False):
        assert not low.llama_model_default_params().use_extra_bufts
    assert low.llama_model_default_params().use_extra_bufts
    with extra_buffers.model_params(True):
        assert low.llama_model_default_params().use_extra_bufts
