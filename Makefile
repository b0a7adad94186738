# Kohtaamo. `make help` lists the targets. The first run creates .venv and installs what is pinned.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes: one per core (pytest-xdist); TEST_WORKERS=0 runs the suite in this one process.
TEST_WORKERS ?= auto
# make bench: the data set's size (XS, S or L), BENCH_SMOKE=1 for short runs that fail only on errors.
SIZE ?= S
BENCH_SMOKE ?=
BENCH_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help run test lint format check messages messages-update demo-reset migrate clean lighthouse screenshots bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Kohtaamo needs Python 3.11 or newer.")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.run-installed: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.run-installed

messages: $(VENV)/.run-installed ## Compile the translations (.po to .mo)
	@$(VENV)/bin/pybabel compile --domain django --directory locale --statistics 2>&1 | grep -v '^compiling' || true
	@$(VENV)/bin/pybabel compile --domain django --directory locale_packages --statistics 2>&1 | grep -v '^compiling' || true

messages-update: $(VENV)/.dev-installed ## Collect new interface strings into the .po files (needs gettext)
	$(PY) manage.py makemessages --locale fi --locale sv --ignore '.venv/*' --ignore 'var/*' --no-obsolete --no-location

migrate: $(VENV)/.run-installed messages ## Apply database migrations
	$(PY) manage.py migrate --no-input

# The demo admin's box comes last before the server starts: the password (first run) or how to set a new one.
run: migrate ## Serve the demo site on http://127.0.0.1:8000 (SQLite, demo content and admin; PORT=8001 to change)
	$(PY) manage.py load_demo
	@$(PY) manage.py create_demo_admin --site-url http://$(HOST):$(PORT)
	@KOHTAAMO_BASE_URL=$${KOHTAAMO_BASE_URL:-http://$(HOST):$(PORT)} $(PY) manage.py runserver $(HOST):$(PORT)

demo-reset: migrate ## Delete all pages and build the demo site anew
	$(PY) manage.py load_demo --reset

test: $(VENV)/.dev-installed messages ## Run the whole test suite, browser tests included (one process per core)
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

check: $(VENV)/.dev-installed messages ## Django checks and migrations up to date
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

lint: $(VENV)/.dev-installed ## ruff and djhtml, without changing files
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(git ls-files '*.html')

format: $(VENV)/.dev-installed ## Format Python and templates in place
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(git ls-files '*.html')

lighthouse: ## Lighthouse (mobile) on four demo pages served as in production; needs Chromium and npm
	.ci/lighthouse

screenshots: $(VENV)/.dev-installed messages ## Screenshots of four demo pages at 390 and 1280 px into docs/screenshots/ (needs Chromium)
	$(PY) docs/screenshots/take.py

# wrk drives the load; it is installed like CI installs Chromium when it is missing.
bench: $(VENV)/.run-installed messages ## Pages and ballots under load on a generated data set (SIZE=S|L, BENCH_SMOKE=1; docs/performance.md)
	@command -v wrk >/dev/null || { if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; }
	DATABASE_CONN_MAX_AGE=$${DATABASE_CONN_MAX_AGE:-60} $(PY) docs/benchmarks/run.py --size $(SIZE) $(if $(filter 1 yes true,$(BENCH_SMOKE)),--smoke) $(BENCH_ARGS)

clean: ## Remove .venv and var/ (the local database and media)
	rm -rf $(VENV) var
