"""Downloads that survive: resume across calls after ``kill -9``, and split sets.

The Hub is the loopback FakeHub (tests/fakehub.py); ``tui-chat download`` runs as a real
process pointed at it with ``HF_ENDPOINT``. Nothing reaches the internet.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakehub import FakeHub, route_client_to
from tests.unit.test_download import MIB, TOKEN, payload
from tui_chat.core.config import parse_config
from tui_chat.core.errors import DownloadError
from tui_chat.core.library.catalog import Catalog
from tui_chat.core.library.download import Downloader, RetryPolicy
from tui_chat.core.library.transfer import CHUNK

REPO = "acme/Big-GGUF"
FILE = "big.Q4_K_M.gguf"
PARTS = [f"Split-Q4_K_M-{i:05d}-of-00003.gguf" for i in (1, 2, 3)]


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FakeHub]:
    with FakeHub() as fake:
        route_client_to(fake, monkeypatch, hf_home=tmp_path / "hf-home", token=TOKEN)
        yield fake


def config_file(folder: Path, name: str, file: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_text(f'models_dir = "models"\n\n[[models]]\nname = "{name}"\nrole = "chat"\n'
                    f'repo = "{REPO}"\nfile = "{file}"\n', encoding="utf-8")
    return path


def cli(config: Path, data: Path) -> list[str]:
    return [sys.executable, "-m", "tui_chat", "download", "big", "--config", str(config),
            "--data-dir", str(data)]


def test_download_killed_with_sigkill_resumes_with_range_and_verifies(
    hub: FakeHub, tmp_path: Path
) -> None:
    data = payload(8 * MIB, seed=11)
    sha = hub.add_file(REPO, FILE, data)
    half = 4 * MIB
    gate = hub.pause_after(REPO, FILE, half, limit_s=30)
    config = config_file(tmp_path / "cfg", "big", FILE)
    partial = tmp_path / "cfg" / "models" / f".{FILE}.part"
    env = {**os.environ, "HF_ENDPOINT": hub.url}

    first = subprocess.Popen(cli(config, tmp_path / "data"), env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (partial.is_file() and partial.stat().st_size >= half):
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline, "the first run never got half the file"
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    gate.set()
    assert first.returncode == -signal.SIGKILL
    held = partial.stat().st_size

    second = subprocess.run(cli(config, tmp_path / "data"), env=env, capture_output=True,
                            text=True, timeout=120, check=False)

    assert second.returncode == 0, second.stderr
    gets = hub.downloads(FILE)
    assert len(gets) == 2
    assert gets[0].range_start is None
    assert gets[1].headers.get("range") == f"bytes={held}-" and held > 0
    assert gets[1].status == 206
    served = hub.bytes_served(FILE)
    assert len(data) <= served <= len(data) + CHUNK, served  # within one chunk of the size
    final = tmp_path / "cfg" / "models" / FILE
    assert hashlib.sha256(final.read_bytes()).hexdigest() == sha
    assert "verified" in second.stdout
    assert not partial.exists()


def test_split_model_downloads_every_part_and_checks_space_for_the_set(
    hub: FakeHub, tmp_path: Path
) -> None:
    sizes = [3 * MIB, 2 * MIB, MIB]
    blobs = [payload(size, seed=20 + i) for i, size in enumerate(sizes)]
    for name, blob in zip(PARTS, blobs):
        hub.add_file(REPO, name, blob)
    config = config_file(tmp_path / "cfg", "split", PARTS[0])
    catalog = Catalog(parse_config(config.read_text(encoding="utf-8"), config))
    asked: list[int] = []

    def tight_disk(path: Path) -> int:
        asked.append(1)
        return sum(sizes) - 1  # every part but one byte fits: the check must count all three

    fast = RetryPolicy(attempts=2, base_delay=0.001, max_delay=0.01)
    with pytest.raises(DownloadError) as caught:
        Downloader(catalog, retry=fast, disk_free=tight_disk).download("split")
    assert caught.value.reason == "disk" and asked
    assert "needs 6.3 MB for all 3 parts" in str(caught.value)
    assert all(hub.downloads(name) == [] for name in PARTS)

    result = Downloader(catalog, retry=fast, min_interval=0.0).download("split")

    models = tmp_path / "cfg" / "models"
    assert result.verified and result.path == models / PARTS[0]
    assert result.size == sum(sizes)
    for name, blob in zip(PARTS, blobs):
        assert (models / name).read_bytes() == blob
        assert len(hub.downloads(name)) == 1
    assert catalog.state("split").status == "verified"

    (models / PARTS[1]).unlink()
    state = catalog.state("split")
    assert state.status == "error" and PARTS[1] in state.detail
    assert "tui-chat download split" in state.detail

    again = Downloader(catalog, retry=fast).download("split")  # fetches only the missing part
    assert again.verified and len(hub.downloads(PARTS[1])) == 2
    assert len(hub.downloads(PARTS[0])) == 1 and len(hub.downloads(PARTS[2])) == 1
    # Loading a real split set: tests/e2e/test_split_model.py (made with the gguf
    # package's writer, as llama.cpp's gguf-split is not installed here).
