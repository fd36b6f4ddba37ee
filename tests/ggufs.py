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


def split_copy(source: Path, folder: Path, stem: str, parts: int = 3) -> list[Path]:
    """Rewrite the GGUF ``source`` as a split set ``stem-0000i-of-0000N.gguf`` in ``folder``.

    The gguf package's writer splits by tensor count the way llama.cpp's ``gguf-split``
    does (each part a GGUF with ``split.*`` keys, the first holding all the metadata), so
    llama.cpp loads the set from its first part.
    """
    import math

    from gguf import GGUFReader, GGUFValueType, GGUFWriter, Keys

    reader = GGUFReader(source)
    arch = reader.get_field(Keys.General.ARCHITECTURE).contents()
    per_part = math.ceil(len(reader.tensors) / parts)
    folder.mkdir(parents=True, exist_ok=True)
    writer = GGUFWriter(str(folder / f"{stem}.gguf"), arch, split_max_tensors=per_part)
    for field in reader.fields.values():
        if field.name == Keys.General.ARCHITECTURE or field.name.startswith("GGUF."):
            continue
        kind = field.types[0]
        sub = field.types[-1] if kind == GGUFValueType.ARRAY else None
        writer.add_key_value(field.name, field.contents(), kind, sub_type=sub)
    for tensor in reader.tensors:
        writer.add_tensor(tensor.name, tensor.data, raw_dtype=tensor.tensor_type)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return sorted(folder.glob(f"{stem}-*-of-*.gguf"))
