"""Chat templates from GGUF metadata cannot reach Python: llama-cpp-python's Jinja sandbox.

A GGUF's ``tokenizer.chat_template`` is Jinja code that llama-cpp-python renders for
every reply (``Jinja2ChatFormatter``, an ``ImmutableSandboxedEnvironment``). A model file
from an untrusted repo can carry a template written to run shell commands. These tests
use three classic server-side template injection payloads, each of which really runs
``touch MARKER`` in a plain Jinja environment (checked by the control test below):

* the full test copies the real SmolLM2 GGUF with only ``tokenizer.chat_template``
  replaced, loads it through tui-chat's pool and ``LlamaBackend``, and asks it for a reply
  through ``ChatService``: the reply fails with one line, no file appears, the embedded
  smollm2 answers instead;
* the small tests write a metadata-only GGUF with ``gguf``'s writer, read the template
  back with ``GGUFReader`` and render it with llama-cpp-python's own formatter.

The sandbox lives in llama-cpp-python, so "remove the protection" is shown by swapping its
``ImmutableSandboxedEnvironment`` for a plain ``jinja2.Environment``: the same template
then runs the command (``test_without_the_sandbox_the_same_template_runs_the_command``).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import gguf
import jinja2
import pytest
from llama_cpp import llama_chat_format
from llama_cpp.llama_chat_format import Jinja2ChatFormatter

from tests.conftest import llama_entry
from tui_chat.core.chat import ChatRequest
from tui_chat.core.events import Fallback, Finished, TextDelta

TEMPLATE_KEY = "tokenizer.chat_template"
CHATML = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + "
    "message['content'] + '<|im_end|>\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
"""A normal ChatML rendering after the payload: without the sandbox the model would answer
as if nothing happened, which is what makes such a template dangerous."""
PAYLOADS = {
    "object-subclasses-popen": (
        "{% for c in ''.__class__.__mro__[1].__subclasses__() %}"
        "{% if c.__name__ == 'Popen' and c.__module__ == 'subprocess' %}"
        "{{ c('touch {marker}', shell=True).wait() }}{% endif %}"
        "{% endfor %}"
    ),
    "cycler-globals-os-popen": (
        "{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}"
    ),
    "self-globals-import-os": (
        "{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch {marker}') }}"
    ),
}
EVIL = llama_entry("evil", "evil.gguf", repo="example/evil-GGUF") + """
[router.prefer]
chat = ["evil", "smollm2"]
"""
PROMPT = "Hello there, how are you today?"
MESSAGES = [{"role": "user", "content": PROMPT}]


def hostile_template(payload: str, marker: Path) -> str:
    """The payload (aimed at ``marker``) followed by an ordinary ChatML template."""
    return PAYLOADS[payload].replace("{marker}", str(marker)) + CHATML


# --------------------------------------------------------------------------- GGUF writing


def copy_with_template(reader: gguf.GGUFReader, source: Path, dest: Path, template: str) -> None:
    """Write ``dest``: ``source`` with only ``tokenizer.chat_template`` replaced.

    Every other key/value is re-written as read (what gguf's own ``gguf_new_metadata``
    script does); the tensor infos are re-written and the tensor data section is copied
    byte for byte, which is valid because the writer lays tensors out exactly as the
    source did (checked).
    """
    arch = reader.get_field("general.architecture").contents()
    writer = gguf.GGUFWriter(dest, arch=arch, endianess=reader.endianess)
    alignment = reader.get_field("general.alignment")
    if alignment is not None:
        writer.data_alignment = alignment.contents()
    for field in reader.fields.values():
        if field.name == "general.architecture" or field.name.startswith("GGUF."):
            continue  # written by GGUFWriter itself
        value_type = field.types[0]
        sub_type = field.types[-1] if value_type == gguf.GGUFValueType.ARRAY else None
        value = template if field.name == TEMPLATE_KEY else field.contents()
        writer.add_key_value(field.name, value, value_type, sub_type=sub_type)
    offset = 0
    for tensor in reader.tensors:
        assert tensor.data_offset - reader.data_offset == offset, "unexpected tensor layout"
        writer.add_tensor_info(tensor.name, tensor.data.shape, tensor.data.dtype,
                               tensor.data.nbytes, tensor.tensor_type)
        offset += gguf.GGUFWriter.ggml_pad(tensor.n_bytes, writer.data_alignment)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_ti_data_to_file()
    assert writer.fout is not None
    out = writer.fout[0]
    writer.write_padding(out, out.tell())
    with source.open("rb") as src:
        src.seek(reader.data_offset)
        shutil.copyfileobj(src, out, 8 * 1024 * 1024)
    writer.close()


def write_template_only_gguf(path: Path, template: str) -> None:
    """A tiny GGUF with no tensors and one key: the chat template."""
    writer = gguf.GGUFWriter(path, arch="llama")
    writer.add_chat_template(template)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_ti_data_to_file()
    writer.close()


def read_template(path: Path) -> str:
    """``tokenizer.chat_template`` as ``GGUFReader`` (and so llama.cpp) sees it."""
    field = gguf.GGUFReader(path).get_field(TEMPLATE_KEY)
    assert field is not None
    value = field.contents()
    assert isinstance(value, str)
    return value


@pytest.fixture(scope="module")
def smollm2_reader(smollm2_path: Path) -> gguf.GGUFReader:
    """The real SmolLM2 GGUF parsed once (parsing its vocabulary takes a few seconds)."""
    return gguf.GGUFReader(smollm2_path, "r")


@pytest.fixture
def hostile_gguf(smollm2_reader: gguf.GGUFReader,
                 smollm2_path: Path) -> Iterator[Callable[[Path, str], None]]:
    """Write SmolLM2 copies with a given template; removed again after the test (98 MB)."""
    written: list[Path] = []

    def write(dest: Path, template: str) -> None:
        copy_with_template(smollm2_reader, smollm2_path, dest, template)
        written.append(dest)

    yield write
    for path in written:
        path.unlink(missing_ok=True)


def of(kind: type, events: list[object]) -> list[Any]:
    return [e for e in events if isinstance(e, kind)]


# --------------------------------------------------------------------------- the real model


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_hostile_gguf_template_cannot_run_code_and_smollm2_answers(
    payload: str, make_runtime: Callable[..., Any], hostile_gguf: Callable[[Path, str], None],
    tmp_path: Path,
) -> None:
    marker = tmp_path / f"MARKER-{payload}"
    template = hostile_template(payload, marker)
    runtime = make_runtime(EVIL)
    hostile_gguf(runtime.config.models_dir / "evil.gguf", template)
    session = runtime.service.new_session(PROMPT, "auto")

    events = list(runtime.service.send(session.id, PROMPT, params={"max_tokens": 16, "seed": 5}))

    assert not marker.exists(), "the GGUF chat template ran a shell command"
    # The payload really reached llama-cpp-python's Jinja formatter: the copy holds the
    # hostile template, llama.cpp loaded it, and the sandbox refused it at load time,
    # so the model is out (status error, remembered) and smollm2 answers.
    assert read_template(runtime.config.models_dir / "evil.gguf") == template
    assert runtime.pool.backend("evil") is None
    assert runtime.catalog.state("evil").status == "error"
    assert runtime.pool.load_failure("evil") is not None

    (fallback,) = of(Fallback, events)
    assert (fallback.model, fallback.next_model, fallback.restart) == ("evil", "smollm2", False)
    assert fallback.trigger == "load_error" and "refused as unsafe" in fallback.message
    assert fallback.message.startswith("evil") and "\n" not in fallback.message
    assert "Traceback" not in fallback.message and len(fallback.message) < 300
    done = events[-1]
    assert isinstance(done, Finished)
    assert done.model == "smollm2" and done.state == "complete" and done.text.strip()
    assert "".join(e.text for e in of(TextDelta, events)) == done.text
    assert "jinja2.exceptions.SecurityError" in runtime.log_path.read_text(encoding="utf-8")


def test_refused_template_is_named_in_the_sentence(
    make_runtime: Callable[..., Any], hostile_gguf: Callable[[Path, str], None], tmp_path: Path,
) -> None:
    runtime = make_runtime(EVIL)
    hostile_gguf(runtime.config.models_dir / "evil.gguf",
                 hostile_template("cycler-globals-os-popen", tmp_path / "MARKER"))
    events = list(runtime.service.reply(ChatRequest(PROMPT, params={"max_tokens": 8})))
    (fallback,) = of(Fallback, events)
    assert "template" in fallback.message.lower(), fallback.message
    assert "shorter prompt" not in fallback.message, fallback.message


# --------------------------------------------------------------------------- metadata only


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_template_from_a_tiny_gguf_is_refused_by_llama_cpp_pythons_formatter(
    payload: str, tmp_path: Path
) -> None:
    marker = tmp_path / "MARKER"
    path = tmp_path / "template-only.gguf"
    write_template_only_gguf(path, hostile_template(payload, marker))
    template = read_template(path)

    formatter = Jinja2ChatFormatter(template=template, eos_token="<|im_end|>",
                                    bos_token="<|im_start|>")
    with pytest.raises(jinja2.exceptions.SecurityError, match="unsafe"):
        formatter(messages=MESSAGES)
    assert not marker.exists()


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_without_the_sandbox_the_same_template_runs_the_command(
    payload: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Control: the payloads are real. With the sandbox swapped out they run ``touch``."""
    marker = tmp_path / "MARKER"
    path = tmp_path / "template-only.gguf"
    write_template_only_gguf(path, hostile_template(payload, marker))
    monkeypatch.setattr(llama_chat_format, "ImmutableSandboxedEnvironment", jinja2.Environment)

    formatter = Jinja2ChatFormatter(template=read_template(path), eos_token="<|im_end|>",
                                    bos_token="<|im_start|>")
    prompt = formatter(messages=MESSAGES).prompt
    assert marker.exists(), "the payload did not run even without the sandbox"
    assert prompt.endswith("<|im_start|>assistant\n")  # and the chat still looks normal
