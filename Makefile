# Embassy Hub — developer commands. `make run` and `make test` are the two that matter.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.requirements-installed
HOST ?= 127.0.0.1
PORT ?= 8000
ENGINE := search/engine/engine.sh

.PHONY: run test install migrate seed check-deploy clean engine engine-stop engine-for-tests browser-for-tests

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP): requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

## Run the hub on the embedded default: SQLite, database search, demo data; admin at http://$(HOST):$(PORT)/admin/
## (the default site is put where runserver listens, so the absolute URLs of pages, feeds and sitemaps can be fetched)
run: seed
	$(PY) manage.py site_address $(HOST):$(PORT)
	WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(PY) manage.py runserver $(HOST):$(PORT)

## Run the whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL). With Java and Maven it starts
## the search engine for the search tests and leaves it running for the next run (`make engine-stop`).
## Tests run in parallel (pytest-xdist, one worker per core, each with its own test database, media directory and
## index prefix; a module's tests stay on one worker); TEST_WORKERS=0 runs them in this process.
TEST_WORKERS ?= auto
test: install engine-for-tests browser-for-tests
	HUB_SEARCH_TEST_URL="$${HUB_SEARCH_TEST_URL:-$$($(ENGINE) url)}" $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

## Start the development search engine (OpenSearch, 127.0.0.1:9201) in the background
engine:
	$(ENGINE) start
	@echo "Use it: HUB_SEARCH_ENGINE=opensearch HUB_SEARCH_URL=$$($(ENGINE) url) make run; then manage.py search_reindex"

engine-stop:
	$(ENGINE) stop

# The engine for `make test`, if it can be had: under CI=true not getting one fails the run; locally search tests skip.
engine-for-tests:
	@case "$${CI:-}" in true|1|yes) ci=1 ;; *) ci=0 ;; esac; \
	if [ -n "$${HUB_SEARCH_TEST_URL:-}" ] || $(ENGINE) status >/dev/null 2>&1; then exit 0; fi; \
	if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then \
	  $(ENGINE) start && exit 0; \
	  [ $$ci = 1 ] && { echo "CI: the search engine did not start" >&2; exit 1; }; \
	  echo "make test: the search engine did not start; search tests will skip" >&2; \
	elif [ $$ci = 1 ]; then echo "CI: Java 17+ and Maven are needed for the search engine" >&2; exit 1; \
	else echo "make test: no Java/Maven here, so search tests will skip" >&2; fi

# The browser tests' needs (tests/browser): Debian's Chromium (never a downloaded browser; apt-get as root) and the
# npm packages of package.json (axe-core). Under CI=true a missing Chromium fails the run; locally those tests skip.
CHROMIUM ?= /usr/bin/chromium
browser-for-tests: $(if $(wildcard package-lock.json),node_modules/.package-lock.json)
	@case "$${CI:-}" in true|1|yes) ci=1 ;; *) ci=0 ;; esac; \
	if [ -x "$${HUB_CHROMIUM:-$(CHROMIUM)}" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } && exit 0; \
	  [ $$ci = 1 ] && { echo "CI: apt-get could not install chromium" >&2; exit 1; }; \
	elif [ $$ci = 1 ]; then echo "CI: $(CHROMIUM) is missing (apt-get install chromium)" >&2; exit 1; fi; \
	echo "make test: no Chromium at $(CHROMIUM), so browser tests will skip (apt-get install chromium)" >&2

node_modules/.package-lock.json: package-lock.json package.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "make test: no npm here, so the checks needing package.json's packages will skip" >&2; fi

check-deploy: install
	DJANGO_SETTINGS_MODULE=hub.settings.production $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) db.sqlite3 media static .pytest_cache
