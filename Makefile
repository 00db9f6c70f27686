# Two commands for a newcomer (see README.md):
#   make serve   set everything up, then serve the site at http://127.0.0.1:8000 with live reload
#   make test    set everything up (Debian's chromium included), then run every test
#   make check   the translators' check of content/ (see TRANSLATING.md); fails on an error
# Every step is idempotent: a step runs again only when its pins change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/lib/chromium/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup serve build test check chromium clean

setup: $(VENV)/.installed $(VENV)/.project node_modules/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The project itself, editable, so that plain `.venv/bin/mkdocs build|serve` finds the generator
# from any folder: no network (--no-deps) and no build tools but the pinned setuptools
# (--no-build-isolation).
$(VENV)/.project: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium; \
	fi

serve: setup
	$(BIN)/python -m site_build serve

build: setup
	$(BIN)/python -m site_build build

test: setup chromium
	$(BIN)/python -m pytest

check: $(VENV)/.installed $(VENV)/.project
	$(BIN)/python -m site_build check

clean:
	rm -rf site .pytest_cache .hypothesis
