# Tune or Prompt: every set-up step is here, so that `make serve` and `make test` work on a
# fresh machine. Targets are idempotent; stamps skip work that is already done.

SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
.DEFAULT_GOAL := help

# Python >= 3.12 (pyenv picks 3.12 from .python-version; otherwise the first that fits).
PYTHON ?= $(shell for p in python3 python3.12 python3.13 python3.14; do \
  command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' \
  2>/dev/null && echo $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: help setup lint format test test-unit build serve dev clean lock

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: Python >= 3.12 is needed (pyenv: 3.12)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

setup: $(BIN)/.installed  ## create the virtual environment with pinned packages

lint: setup  ## ruff: lint and check formatting
	$(BIN)/ruff check calculator guide tests scripts
	$(BIN)/ruff format --check calculator guide tests scripts

format: setup  ## ruff: fix what can be fixed and format
	$(BIN)/ruff check --fix calculator guide tests scripts
	$(BIN)/ruff format calculator guide tests scripts

test-unit: setup  ## the fast tests: cost model, doctests, properties
	$(BIN)/python -m pytest calculator tests/unit

test: lint  ## every test (installs what it needs)
	$(BIN)/python -m pytest

build: setup  ## write the complete static site to site/ (what gets published)
	$(BIN)/python -m mkdocs build --strict

serve: build  ## build, then serve the guide at http://127.0.0.1:$(PORT)/
	@echo "Serving the guide at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory site

dev: setup  ## live-reloading preview while writing pages
	$(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:$(PORT)

lock:  ## re-pin requirements.txt from the current environment
	$(BIN)/python -m pip freeze --exclude tune-or-prompt > requirements.txt.new
	mv requirements.txt.new requirements.txt

clean:  ## remove everything the build made
	rm -rf site build .pytest_cache .ruff_cache .hypothesis
