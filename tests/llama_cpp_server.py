"""``python -m llama_cpp.server`` itself, run after turning llama.cpp's extra buffer types
off on the CPUs where they crash (see ``tui_chat.core.backends.extra_buffers``): on an
AMX CPU the unmodified server dies of a segmentation fault on its first prompt."""

import runpy

from tui_chat.core.backends.extra_buffers import apply_default

if __name__ == "__main__":
    apply_default()
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
