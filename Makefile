# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MANAGE := $(BIN)/python manage.py
# The catalogues makemessages keeps (Swedish is the source language).
TRANSLATED := en ar fa prs so ti uk
LOCALE_DIRS := --ignore=.venv --ignore=static_collected --ignore=media --ignore=build

.PHONY: run test lint format translations library-translations install system-packages migrations-check clean benchmark

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $(STAMP)

# Fonts and the map's Leaflet (served from our static files) and axe-core (the
# browser tests' accessibility engine), exactly as package-lock.json pins them.
NODE_STAMP := node_modules/.installed-stamp
$(NODE_STAMP): package.json package-lock.json
	command -v npm >/dev/null || bash scripts/install-system-packages npm
	npm ci --no-audit --no-fund --loglevel=error
	bash scripts/copy-assets
	touch $(NODE_STAMP)

install: $(STAMP) $(NODE_STAMP)

## Install, migrate, load the demo data and serve http://127.0.0.1:8000
run: install
	bash scripts/install-system-packages weasyprint
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:8000

## Install (system packages too, when missing) and run the whole test suite
test: install system-packages
	$(BIN)/pytest -n auto

## Load the demo data, grow it to a county's volumes in a database of its own,
## and print queries, median and p95 server time per key page (build/benchmark.json)
BENCHMARK_DB ?= sqlite:///build/benchmark.sqlite3
benchmark: install
	mkdir -p build
	DATABASE_URL=$(BENCHMARK_DB) $(MANAGE) migrate --noinput
	DATABASE_URL=$(BENCHMARK_DB) $(MANAGE) seed_demo
	DATABASE_URL=$(BENCHMARK_DB) $(MANAGE) benchmark --output build/benchmark.json

system-packages:
	bash scripts/install-system-packages gettext chromium npm weasyprint

lint: install migrations-check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

## Collect the strings marked for translation and compile the catalogues
translations: install
	$(MANAGE) makemessages $(foreach l,$(TRANSLATED),--locale=$(l)) --no-obsolete --no-location $(LOCALE_DIRS)
	$(MANAGE) compilemessages --ignore=.venv

## Collect the libraries' strings shown in Dari, Somali and Tigrinya (which
## Django and allauth do not translate) into locale/libraries/ and compile them
library-translations: install
	$(BIN)/python scripts/library_translations.py

clean:
	rm -rf $(VENV) build *.egg-info static_collected node_modules website/static/fonts directory/static/directory/vendor
