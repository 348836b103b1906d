# Two commands for a newcomer: `make demo` and `make test`. CI runs `make test` (.ci/run).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_PORT ?= 54329
export ACCORD_TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:$(PG_PORT)/accord_test

.PHONY: install assets browser demo test lint typecheck layers unit postgres-start postgres-stop clean

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Accord needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "uv==0.13.9"
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

assets: package.json package-lock.json
	scripts/web-assets.sh

install: $(STAMP) assets

demo: install
	$(BIN)/accord demo

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: install
	$(BIN)/mypy

layers: install
	$(BIN)/lint-imports

browser:
	scripts/chromium.sh

postgres-start:
	scripts/postgres.sh start $(PG_PORT)

postgres-stop:
	scripts/postgres.sh stop $(PG_PORT)

unit: install postgres-start browser
	$(BIN)/pytest

test: lint typecheck layers unit

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
