# Two commands work on a fresh machine with Python 3.11 and make: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
EVAL_DIR ?= ../shared/eval
BUILD := build

.PHONY: install run test eval lint bench check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,cluster]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/claims extract seeds/
	$(BIN)/claims diff --topic prisoners

test: install
	$(BIN)/python -m pytest

# One line per event (the seeds, each tests/corpus event), then all of them in one folder.
eval: install
	$(BIN)/python tests/corpus/evaluate.py --eval-dir $(EVAL_DIR) $(EVAL_ARGS)

check: install
	$(BIN)/claims check seeds/

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(BUILD) .claims .pytest_cache
