# The two commands: `make demo` and `make test`. Everything else is a helper for them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= var/demo.db
DEMO_SIZE ?= 2000
PYTEST_ARGS ?=

.PHONY: demo test install lint typecheck contracts pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	mkdir -p $(dir $(DEMO_DB))
	rm -rf $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).search
	CULTUURHUB_DATABASE_URL=sqlite:///$(DEMO_DB) $(BIN)/cultuurhub init
	CULTUURHUB_DATABASE_URL=sqlite:///$(DEMO_DB) $(BIN)/cultuurhub demo --size $(DEMO_SIZE)
	CULTUURHUB_DATABASE_URL=sqlite:///$(DEMO_DB) $(BIN)/cultuurhub serve --host 127.0.0.1 --port 8000

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy src/cultuurhub

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

test: lint typecheck contracts pytest

BENCH_POSTGRES ?= postgresql://postgres:postgres@127.0.0.1:5432/postgres
BENCH_SEARCH_SIZE ?= 1000000

bench: $(STAMP)
	$(BIN)/python -m bench.bench_feed --db sqlite --n 200000
	$(BIN)/python -m bench.bench_import
	$(BIN)/python -m bench.bench_store --db sqlite --n 100000
	$(BIN)/python -m bench.bench_store --db postgres --n 100000 --url $(BENCH_POSTGRES)
	$(BIN)/python -m bench.bench_http --size 20000 --seconds 10
	$(BIN)/python -m bench.bench_search --size $(BENCH_SEARCH_SIZE)
	$(BIN)/python -m bench.bench_pages --size $(BENCH_SEARCH_SIZE)

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
