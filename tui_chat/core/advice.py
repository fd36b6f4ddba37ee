"""What to tell a person when no model could answer a prompt."""

from __future__ import annotations

from tui_chat.core.events import FallbackRecord, FallbackTrigger, ModelStatus
from tui_chat.core.library.catalog import Catalog


def no_answer_text(catalog: Catalog, fallbacks: list[FallbackRecord]) -> str:
    """The short reply streamed when every candidate failed: reasons, then what to run."""
    lines = ["**No model could answer this prompt.**", ""]
    lines += [f"- {r.message}" if r.message.startswith(r.model) else f"- {r.model}: {r.message}"
              for r in fallbacks]
    hint = download_hint(catalog, fallbacks)
    if hint:
        lines += ["", hint]
    return "\n".join(lines)


def download_hint(catalog: Catalog, fallbacks: list[FallbackRecord]) -> str | None:
    """``Run `tui-chat download NAME` ...`` for the model most worth fetching, if any.

    A candidate that is not downloaded comes first, then one whose file is broken
    (delete and fetch again), then any other catalog model not downloaded yet.
    """
    downloadable = {m.name for m in catalog.models if m.repo and m.file and not m.is_remote}
    tried = [r for r in fallbacks if r.model in downloadable]
    for record in tried:
        if record.trigger == FallbackTrigger.MISSING:
            return f"Run `tui-chat download {record.model}` (or press `d` on it in the sidebar)."
    for record in tried:
        if record.trigger == FallbackTrigger.LOAD_ERROR:
            path = catalog.path(catalog.spec(record.model))
            return f"Delete {path} and run `tui-chat download {record.model}` to fetch it again."
    for spec in catalog.models:
        if spec.name in downloadable and catalog.disk_status(spec).status == ModelStatus.MISSING:
            return f"Run `tui-chat download {spec.name}` to add another model that can answer."
    return None
