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
DEV_PORT ?= 8001

.PHONY: help setup runtime browser engines lint format test test-unit test-engines build serve dev benchmark clean lock prices

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# The packages are not byte-compiled as they install (12 s of a fresh set-up's 22 s):
# Python compiles each module the first time it is imported, and keeps it.
$(BIN)/.installed: requirements.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: Python >= 3.12 is needed (pyenv: 3.12)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet --no-compile -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-fund --no-audit --loglevel=error
	touch $@

# The two installs run side by side (pip's 17 s and npm's 8 s on a fresh clone, whatever
# -j the caller gave): each waits mostly on files, not on the other.
STAMPS := $(BIN)/.installed node_modules/.installed
setup:  ## install pinned Python and npm packages
	@$(MAKE) -q $(STAMPS) || $(MAKE) --no-print-directory --output-sync=target -j2 $(STAMPS)

runtime: setup  ## copy Pyodide and register the calculator wheel in docs/runtime/
	$(BIN)/python scripts/prepare_runtime.py

browser:  ## a Chromium for the browser tests: the system one, else Debian's, else Playwright's
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then \
	  echo "browser: $$(command -v chromium || command -v chromium-browser || command -v google-chrome)"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
	  $(BIN)/python -m playwright install chromium; \
	fi

# Firefox and WebKit for tests/engines: Debian's firefox-esr (driven by puppeteer-core), and
# WebKitGTK's WebDriver with its MiniBrowser under Xvfb. Installed when run as root on a
# system with apt-get; elsewhere, an engine that is missing has its tests skipped.
engines:  ## Firefox and WebKit for the engine tests: the system's, else Debian's (as root)
	@missing=""; \
	command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || missing="$$missing firefox-esr"; \
	command -v WebKitWebDriver >/dev/null 2>&1 || missing="$$missing webkit2gtk-driver"; \
	ls /usr/lib/*/webkit2gtk-4.*/MiniBrowser >/dev/null 2>&1 || missing="$$missing libwebkit2gtk-4.1-0"; \
	[ -n "$$DISPLAY" ] || command -v Xvfb >/dev/null 2>&1 || missing="$$missing xvfb"; \
	if [ -z "$$missing" ]; then \
	  echo "engines: Firefox and WebKit are installed"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
	  echo "engines: missing$$missing: their tests will be skipped (make engines as root on Debian installs them)"; \
	fi

lint: setup  ## ruff (Python) and Biome (JavaScript): lint and check formatting
	$(BIN)/ruff check calculator guide tests scripts
	$(BIN)/ruff format --check calculator guide tests scripts
	node_modules/.bin/biome check

format: setup  ## ruff and Biome: fix what can be fixed and format
	$(BIN)/ruff check --fix calculator guide tests scripts
	$(BIN)/ruff format calculator guide tests scripts
	node_modules/.bin/biome check --write

test-unit: setup  ## the fast tests: cost model, doctests, properties
	$(BIN)/python -m pytest calculator tests/unit

# Two pytest workers (xdist) share the machine's two cores: a browser test mostly waits on
# its browser, so a second worker runs in that time. A test file stays on one worker (its
# module's shared browser context, the commands that build into site/), and the files are
# handed out as collected, the slow folders first (tests/conftest.py). The runtime is
# prepared before they start: the workers' builds and the commands' then find it up to date
# and only read it. TEST_WORKERS=0 runs everything in one process.
TEST_WORKERS ?= 2

test: lint runtime browser engines  ## every test: unit, built site, Chromium, Firefox, WebKit (installs what it needs)
	$(BIN)/python -m pytest --numprocesses $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

test-engines: setup engines  ## the smoke suite in Firefox and WebKit alone (tests/engines)
	$(BIN)/python -m pytest tests/engines

build: setup  ## write the complete static site to site/ (set SITE_URL to publish; FULL_STDLIB=1: whole Python library)
	$(BIN)/python scripts/build_site.py --site-dir site

serve: export SITE_URL = http://127.0.0.1:$(PORT)/
serve: build  ## build, then serve the guide at http://127.0.0.1:$(PORT)/
	@echo "Serving the guide at $$SITE_URL (Ctrl-C to stop)"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory site

dev: runtime  ## live-reloading preview while writing pages (no service worker; port 8001)
	$(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:$(DEV_PORT)

benchmark: build browser  ## speed and bytes, each beside a baseline from the same run (ARGS=--quick)
	$(BIN)/python scripts/benchmark.py $(ARGS)

prices: setup  ## regenerate the model price table from the pinned genai-prices (after a new pin)
	$(BIN)/python scripts/make_prices.py

lock:  ## re-pin requirements.txt from the current environment
	$(BIN)/python -m pip freeze --exclude tune-or-prompt > requirements.txt.new
	mv requirements.txt.new requirements.txt

clean:  ## remove everything the build made
	rm -rf site build docs/runtime .pytest_cache .ruff_cache .hypothesis
