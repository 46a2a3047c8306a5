# The two commands of the README: `make demo` (set up, run the main job on ../shared/seeds)
# and `make test` (set up, lint, type-check, run the suite). Both work from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEEDS ?= ../shared/seeds
DB ?= armsledger.db
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint typecheck pytest score clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: setup
	$(BIN)/armsledger analyze $(SEEDS) --db $(DB)

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest -q

test: lint typecheck pytest

score: setup
	$(BIN)/armsledger extract $(SEEDS) --format jsonl > /tmp/armsledger-seeds.jsonl
	$(PYTHON) ../shared/eval/score.py --gold ../shared/eval/gold/seeds.jsonl --pred /tmp/armsledger-seeds.jsonl

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache armsledger.db armsledger.db-*
