"""Small GGUF files written with the ``gguf`` package, for header and discovery tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def write_gguf(path: Path, *, arch: str = "qwen2", context: int = 32768,
               template: str | None = "{% for m in messages %}<think>{{ m.content }}{% endfor %}",
               file_type: int = 7, name: str = "Tiny test model") -> Path:
    """Write a GGUF of a few kilobytes with the given header facts (file_type 7 is Q8_0)."""
    from gguf import GGUFWriter

    path.parent.mkdir(parents=True, exist_ok=True)
    writer = GGUFWriter(str(path), arch)
    writer.add_name(name)
    writer.add_context_length(context)
    writer.add_file_type(file_type)
    if template is not None:
        writer.add_chat_template(template)
    writer.add_tensor("token_embd.weight", np.zeros((16, 64), dtype=np.float32))
    writer.add_tensor("output.weight", np.zeros((16, 64), dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
