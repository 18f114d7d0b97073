# Two commands on a fresh machine:  make run   |   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.terpasang
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
PYTEST_ARGS ?=

.PHONY: run setup test test-sqlite test-pg test-deps pdf-deps lint bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

setup: pdf-deps $(STAMP)

## make run: virtualenv, dependencies, migrations, demo data (first start), server at http://127.0.0.1:8000
run: setup
	$(BIN)/renja serve 127.0.0.1:8000

## Debian libraries WeasyPrint loads for `renja dokumen` PDFs, and the DejaVu fonts it prints with; only when missing
PDF_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-dejavu-extra
pdf-deps:
	@kurang=""; for p in $(PDF_DEBS); do dpkg -s $$p >/dev/null 2>&1 || kurang="$$kurang $$p"; done; \
	if [ -n "$$kurang" ]; then \
	  echo "Memasang paket Debian untuk PDF:$$kurang"; \
	  (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$kurang >/dev/null; fi

## Debian packages the tests need (chromium for the browser tests), installed only when missing
test-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Memasang chromium (Debian) untuk uji peramban..."; \
	  (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## make test: the whole suite on SQLite, then again on the local PostgreSQL when it answers
test: setup test-deps
	$(MAKE) --no-print-directory test-sqlite
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
	  $(MAKE) --no-print-directory test-pg; \
	else echo "PostgreSQL di $(PG_URL) tidak menjawab: uji PostgreSQL dilewati."; fi

test-sqlite: setup
	@echo "== Uji pada SQLite =="
	DATABASE_URL= $(BIN)/pytest --cov=renja.rumus --cov-branch --cov-report=term-missing:skip-covered \
	  --cov-fail-under=100 $(PYTEST_ARGS)

test-pg: setup
	@echo "== Uji pada PostgreSQL =="
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check renja tests benchmarks

bench: setup
	@for f in benchmarks/*.py; do echo "== $$f"; $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) var .pytest_cache .coverage
